package org.commonweal.platform.budgets;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Project;
import org.commonweal.pb.Rules;
import org.commonweal.pb.Rational;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.mes.VoterShares;
import org.commonweal.pb.pabulib.PabulibWriter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts a pot with the PB engine: the pot's feasible proposals and counted ballots become an engine
 * {@link Instance}, the pot's rule and tie-break decide, and the outcome is stored with everything needed to
 * reproduce it (rule, tie-break, seed, software version). Also counts greedy for comparison, and exports pabulib.
 */
public final class ResultService {
    /** The stored summary of a count. */
    public record Result(long potId, String rule, String tieBreak, long tieSeed, String softwareVersion, int ballotsCounted, long totalCost) {
    }

    /** One proposal's line in the results. round is the engine's round (0 when not funded). */
    public record Row(Proposal proposal, long cost, long support, long points, boolean funded, int round, String reason,
                      VerdictText verdict, boolean greedyFunded) {
    }

    /** The release that counted, recorded with every result (the build writes it into version.properties). */
    public static final String SOFTWARE_VERSION = "Commonweal " + releaseVersion();

    private static String releaseVersion() {
        try (var in = ResultService.class.getResourceAsStream("/org/commonweal/platform/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the build did not write org/commonweal/platform/version.properties", e);
        }
    }

    private final Jdbi jdbi;
    /** Audits of published results, worked out once per count: a results page is public and a pot may hold 100,000 ballots. */
    private final Map<Long, AuditOf> audits = new java.util.concurrent.ConcurrentHashMap<>();

    /** An audit and the stored result it audits: a recount with other figures is audited afresh. */
    private record AuditOf(Result result, ResultAudit audit) {
    }

    public ResultService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Counts and stores the pot's result inside the caller's transaction (the one that closes voting). */
    void compute(Handle h, Pot pot) {
        audits.remove(pot.id());
        List<Proposal> proposals = ProposalService.feasible(h, pot.id());
        Instance instance = instance(pot, proposals, BallotBox.counted(h, pot.id()));
        TieBreak tieBreak = TieBreak.parse(pot.tieBreak(), pot.tieSeed());
        Outcome outcome = Rules.build(pot.rule(), Map.of()).outcome(instance, tieBreak);
        Set<Integer> selected = new HashSet<>(outcome.selected());
        Set<Integer> greedy = new HashSet<>(Rules.build("greedy", Map.of()).outcome(instance, tieBreak).selected());
        long[] support = instance.supportCounts();
        long[] points = instance.pointTotals();
        h.createUpdate("DELETE FROM budget_results WHERE pot_id = :p").bind("p", pot.id()).execute();
        h.createUpdate("""
                INSERT INTO budget_results (pot_id, rule, tie_break, tie_seed, software_version, ballots_counted, total_cost)
                VALUES (:p, :rule, :tie, :seed, :version, :n, :total)""")
                .bind("p", pot.id()).bind("rule", outcome.rule()).bind("tie", tieBreak.spec()).bind("seed", tieBreak.seed())
                .bind("version", SOFTWARE_VERSION).bind("n", instance.ballots().size()).bind("total", outcome.totalCost()).execute();
        Map<Integer, Outcome.Verdict> verdicts = new LinkedHashMap<>();
        for (Outcome.Verdict v : outcome.verdicts()) verdicts.put(v.project(), v);
        PreparedBatch rows = h.prepareBatch("""
                INSERT INTO budget_result_projects (pot_id, proposal_id, cost, support, points, funded, round, reason, reason_key,
                                                    reason_args, greedy_funded)
                VALUES (:p, :id, :cost, :support, :points, :funded, :round, :reason, :key, :args, :greedy)""");
        for (int i = 0; i < proposals.size(); i++) {
            Outcome.Verdict v = verdicts.get(i);
            boolean funded = selected.contains(i);
            VerdictText text = VerdictText.of(v, funded, pot, proposals);
            rows.bind("p", pot.id()).bind("id", proposals.get(i).id()).bind("cost", proposals.get(i).cost())
                    .bind("support", support[i]).bind("points", points[i]).bind("funded", funded)
                    .bind("round", v == null ? 0 : v.round()).bind("reason", v == null || v.reason() == null ? "" : v.reason().toString())
                    .bind("key", text.key()).bind("args", text.args().toArray(new String[0]))
                    .bind("greedy", greedy.contains(i)).add();
        }
        if (rows.size() > 0) rows.execute();
    }

    public Optional<Result> result(long potId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM budget_results WHERE pot_id = :p").bind("p", potId)
                .map((rs, c) -> new Result(rs.getLong("pot_id"), rs.getString("rule"), rs.getString("tie_break"), rs.getLong("tie_seed"),
                        rs.getString("software_version"), rs.getInt("ballots_counted"), rs.getLong("total_cost"))).findOne());
    }

    /** Funded projects first (in the order the rule chose them), then the rest by support. */
    public List<Row> rows(long potId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT r.*, x.cost AS result_cost, x.support, x.points, x.funded, x.round, x.reason, x.reason_key, x.reason_args, x.greedy_funded
                FROM budget_result_projects x JOIN (""" + ProposalService.SELECT + """
                ) r ON r.id = x.proposal_id
                WHERE x.pot_id = :p ORDER BY x.funded DESC, CASE WHEN x.funded THEN x.round END, x.support DESC, x.proposal_id""")
                .bind("p", potId)
                .map((rs, c) -> new Row(ProposalService.proposal(rs), rs.getLong("result_cost"), rs.getLong("support"), rs.getLong("points"),
                        rs.getBoolean("funded"), rs.getInt("round"), rs.getString("reason"),
                        new VerdictText(rs.getString("reason_key"), List.of((String[]) rs.getArray("reason_args").getArray())),
                        rs.getBoolean("greedy_funded"))).list());
    }

    /**
     * Funded projects numbered 1, 2, 3… in the order they were funded, for the results table: the engine's rounds also
     * count the projects it passed over, so its numbers have gaps (1–4, then 7) that mean nothing to a reader.
     */
    public static Map<Long, Integer> fundedOrder(List<Row> rows) {
        Map<Long, Integer> order = new LinkedHashMap<>();
        rows.stream().filter(Row::funded).sorted(java.util.Comparator.comparingInt(Row::round))
                .forEach(r -> order.put(r.proposal().id(), order.size() + 1));
        return order;
    }

    /** What one ballot paid from its equal share: toward each project (title, minor units), and what it had left. */
    public record BallotShare(long start, List<Paid> paid, long left) {
        public record Paid(String title, long amount) {
        }
    }

    /**
     * How the equal share of the ballot at {@code index} (in {@link BallotBox#counted} order) was spent, when the pot was
     * counted by Equal Shares and recounting its ballots gives the stored result; empty otherwise. Amounts are rounded to
     * the minor unit.
     */
    public Optional<BallotShare> share(Pot pot, int index) {
        if (!(Rules.build(pot.rule(), Map.of()) instanceof EqualShares rule)) return Optional.empty();
        return jdbi.withHandle(h -> {
            List<Proposal> proposals = ProposalService.feasible(h, pot.id());
            Instance instance = instance(pot, proposals, BallotBox.counted(h, pot.id()));
            if (index < 0 || index >= instance.ballots().size()) return Optional.<BallotShare>empty();
            EqualShares.Decision decision = rule.decide(instance, TieBreak.parse(pot.tieBreak(), pot.tieSeed()));
            Set<Long> stored = new HashSet<>(h.createQuery("SELECT proposal_id FROM budget_result_projects WHERE pot_id = :p AND funded")
                    .bind("p", pot.id()).mapTo(Long.class).list());
            Set<Long> recounted = new HashSet<>();
            for (int p : decision.outcome().selected()) recounted.add(proposals.get(p).id());
            if (!recounted.equals(stored)) return Optional.<BallotShare>empty();
            VoterShares shares = VoterShares.of(instance, rule, decision);
            List<BallotShare.Paid> paid = new ArrayList<>();
            Rational[] mine = shares.paid().get(index);
            for (int k = 0; k < shares.projects().size(); k++) {
                if (mine[k].signum() > 0) paid.add(new BallotShare.Paid(proposals.get(shares.projects().get(k)).title(), minor(mine[k])));
            }
            return Optional.of(new BallotShare(minor(shares.start()), paid, minor(shares.left().get(index))));
        });
    }

    private static long minor(Rational scaled) {
        return new java.math.BigDecimal(scaled.numerator()).divide(new java.math.BigDecimal(scaled.denominator()), 0, java.math.RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    /** The proportionality audit of the stored {@code result}, over the ballots it counted. */
    public ResultAudit audit(Pot pot, Result result) {
        AuditOf cached = audits.get(pot.id());
        if (cached != null && cached.result().equals(result)) return cached.audit();
        ResultAudit audit = jdbi.withHandle(h -> {
            List<Proposal> proposals = ProposalService.feasible(h, pot.id());
            Instance instance = instance(pot, proposals, BallotBox.counted(h, pot.id()));
            Set<Long> fundedIds = new HashSet<>(h.createQuery("SELECT proposal_id FROM budget_result_projects WHERE pot_id = :p AND funded")
                    .bind("p", pot.id()).mapTo(Long.class).list());
            Set<Integer> funded = new java.util.TreeSet<>();
            for (int i = 0; i < proposals.size(); i++) if (fundedIds.contains(proposals.get(i).id())) funded.add(i);
            return ResultAudit.of(instance, funded);
        });
        audits.put(pot.id(), new AuditOf(result, audit));
        return audit;
    }

    /** The pot's vote as a pabulib file: feasible projects, counted ballots with voter ids 1..n, nothing else about voters. */
    public String pabulib(Pot pot, String processTitle) {
        Instance instance = jdbi.withHandle(h -> instance(pot, ProposalService.feasible(h, pot.id()), BallotBox.counted(h, pot.id())));
        Map<String, String> meta = new LinkedHashMap<>(instance.meta());
        meta.put("description", processTitle + " – " + pot.name());
        StringWriter out = new StringWriter();
        try {
            PabulibWriter.write(new Instance(meta, instance.projects(), instance.ballots(), instance.projectColumns(), instance.voteColumns(),
                    instance.costScale(), instance.budget()), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static Instance instance(Pot pot, List<Proposal> proposals, List<BallotChoice> ballots) {
        int scale = Money.scale(pot.currency());
        Map<Long, Integer> index = new LinkedHashMap<>();
        List<Project> projects = new ArrayList<>();
        for (Proposal p : proposals) {
            index.put(p.id(), projects.size());
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("project_id", String.valueOf(p.id()));
            columns.put("cost", Money.plain(p.cost(), pot.currency()));
            columns.put("name", p.title());
            projects.add(new Project(String.valueOf(p.id()), p.cost(), columns));
        }
        boolean withPoints = pot.ballotType().voteType().hasPoints();
        List<Ballot> engineBallots = new ArrayList<>();
        for (BallotChoice b : ballots) {
            // A proposal withdrawn or found infeasible after voting opened is not on the count; its marks are dropped.
            List<Integer> chosen = new ArrayList<>();
            List<Long> pts = new ArrayList<>();
            for (int i = 0; i < b.proposalIds().size(); i++) {
                Integer idx = index.get(b.proposalIds().get(i));
                if (idx == null) continue;
                chosen.add(idx);
                pts.add(b.points() == null ? 1L : b.points().get(i).longValue());
            }
            String voterId = String.valueOf(engineBallots.size() + 1);
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("voter_id", voterId);
            engineBallots.add(new Ballot(voterId, chosen.stream().mapToInt(Integer::intValue).toArray(),
                    withPoints ? pts.stream().mapToLong(Long::longValue).toArray() : null, columns));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", pot.name());
        meta.put("num_projects", String.valueOf(projects.size()));
        meta.put("num_votes", String.valueOf(engineBallots.size()));
        meta.put("budget", Money.plain(pot.amount(), pot.currency()));
        meta.put("vote_type", pot.ballotType().voteType().pabulibName());
        meta.put("rule", pot.rule());
        meta.put("currency", pot.currency());
        if (pot.ballotType() == BallotType.CUMULATIVE) meta.put("max_sum_points", String.valueOf(pot.maxPoints()));
        if (pot.maxProjects() != null) meta.put("max_length", String.valueOf(pot.maxProjects()));
        if (pot.minProjects() > 0) meta.put("min_length", String.valueOf(pot.minProjects()));
        List<String> voteColumns = withPoints ? List.of("voter_id", "vote", "points") : List.of("voter_id", "vote");
        return new Instance(meta, projects, engineBallots, List.of("project_id", "cost", "name"), voteColumns, scale, pot.amount());
    }
}
