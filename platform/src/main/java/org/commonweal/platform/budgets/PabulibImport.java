package org.commonweal.platform.budgets;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Project;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.VoteType;
import org.commonweal.pb.pabulib.PabulibFormatException;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Brings a finished vote from a pabulib file into the platform as a process in the results phase: one pot,
 * the file's projects as feasible proposals, its votes as counted ballots (no voters), counted again by the
 * engine with the file's rule (greedy when the engine does not know it) so its results page and export work.
 */
final class PabulibImport {
    /** The import's outcome: the new process id, or a message key and arguments saying what was wrong. */
    record Result(Long processId, String errorKey, Object[] args) {
        static Result refused(String key, Object... args) {
            return new Result(null, key, args);
        }
    }

    private static final int TITLE_MAX = 200;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final ResultService results;
    private final ProposalIndex index;

    PabulibImport(Jdbi jdbi, AuditLog audit, ResultService results, ProposalIndex index) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.results = results;
        this.index = index;
    }

    Result run(String text, String fileName, long placeId, Actor actor) {
        Instance instance;
        try {
            instance = PabulibReader.parse(text, fileName);
        } catch (PabulibFormatException e) {
            return Result.refused("budgets.import.error.format", e.getMessage());
        }
        String currency = instance.meta().getOrDefault("currency", "").strip().toUpperCase(Locale.ROOT);
        if (!Money.knownCurrency(currency)) return Result.refused("budgets.import.error.currency", fileName);
        int shift = Money.scale(currency) - instance.costScale();
        BallotType type;
        Integer maxProjects = meta(instance, "max_length");
        Integer maxPoints = null;
        VoteType voteType = instance.voteType();
        switch (voteType) {
            case APPROVAL -> type = BallotType.APPROVAL;
            case CHOOSE_1 -> {
                type = BallotType.APPROVAL;
                maxProjects = 1;
            }
            case CUMULATIVE -> {
                // The platform's ballots hold whole points; the engine alone counts fractional ones (pb compute).
                if (instance.pointScale() > 0) return Result.refused("budgets.import.error.fractionalPoints");
                type = BallotType.CUMULATIVE;
                maxPoints = meta(instance, "max_sum_points");
                if (maxPoints == null) {
                    long most = 1;
                    for (Ballot b : instance.ballots()) {
                        long sum = 0;
                        for (int i = 0; i < b.size(); i++) sum += b.pointsAt(i);
                        most = Math.max(most, sum);
                    }
                    maxPoints = (int) Math.min(Integer.MAX_VALUE, most);
                }
            }
            case ORDINAL -> type = BallotType.RANKED;
            default -> {
                return Result.refused("budgets.import.error.voteType", voteType.pabulibName());
            }
        }
        long budget;
        List<Long> costs = new ArrayList<>();
        try {
            budget = rescale(instance.budget(), shift);
            for (Project p : instance.projects()) costs.add(rescale(p.cost(), shift));
        } catch (ArithmeticException e) {
            return Result.refused("budgets.import.error.precision", currency);
        }
        if (budget <= 0 || costs.stream().anyMatch(c -> c <= 0)) return Result.refused("budgets.import.error.amounts");
        String rule = Rules.names().contains(instance.meta().getOrDefault("rule", "").strip()) ? instance.meta().get("rule").strip() : "greedy";
        String title = clip(instance.meta().getOrDefault("description", fileName).strip().isEmpty() ? fileName : instance.meta().get("description").strip());
        BallotType ballotType = type;
        Integer max = maxProjects;
        Integer points = maxPoints;
        long processId = jdbi.inTransaction(h -> {
            long process = h.createUpdate("""
                    INSERT INTO budget_processes (place_id, title, summary, phase, area_name, source_file)
                    VALUES (:p, :t, :s, 'results', :area, :file)""")
                    .bind("p", placeId).bind("t", title).bind("s", clip(instance.meta().getOrDefault("comment", "").strip()))
                    .bind("area", area(instance)).bind("file", clip(fileName)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long pot = h.createUpdate("""
                    INSERT INTO budget_pots (process_id, place_id, name, amount, currency, ballot_type, min_projects, max_projects, max_points,
                                             rule, tie_break, tie_seed)
                    VALUES (:process, :place, :name, :amount, :currency, :type, 0, :max, :points, :rule, :tie, 0)""")
                    .bind("process", process).bind("place", placeId).bind("name", title).bind("amount", budget).bind("currency", currency)
                    .bind("type", ballotType.stored()).bind("max", max).bind("points", points).bind("rule", rule)
                    .bind("tie", TieBreak.DEFAULT.spec()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            // One batch for the projects and one for their search entries: a statement per project made a 20,000-project file take 95 s.
            PreparedBatch proposals = h.prepareBatch("""
                    INSERT INTO budget_proposals (pot_id, place_id, title, description, theme, estimated_cost, council_cost, status)
                    VALUES (:pot, :place, :title, :description, 'community', :cost, :cost, 'feasible')""");
            for (int i = 0; i < instance.projects().size(); i++) {
                Project p = instance.projects().get(i);
                proposals.bind("pot", pot).bind("place", placeId).bind("title", clip(p.name().isBlank() ? p.id() : p.name()))
                        .bind("description", description(p)).bind("cost", costs.get(i)).add();
            }
            List<Long> ids = proposals.executePreparedBatch("id").mapTo(Long.class).list();
            index.publishPot(h, pot);
            insertBallots(h, pot, instance, ids, ballotType == BallotType.CUMULATIVE);
            audit.record(h, actor, "budget.imported", "budget:" + process, fileName + " (" + instance.ballots().size() + " ballots)");
            results.compute(h, BudgetService.pot(h, pot).orElseThrow());
            return process;
        });
        return new Result(processId, null, new Object[0]);
    }

    private static void insertBallots(Handle h, long pot, Instance instance, List<Long> ids, boolean withPoints) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO budget_ballots (id, pot_id, proposal_ids, points, receipt_hash) VALUES (:id, :pot, :ids, :points, :r)");
        for (Ballot b : instance.ballots()) {
            Long[] chosen = new Long[b.size()];
            Integer[] pts = withPoints ? new Integer[b.size()] : null;
            for (int i = 0; i < b.size(); i++) {
                chosen[i] = ids.get(b.projects()[i]);
                if (pts != null) pts[i] = (int) Math.min(Integer.MAX_VALUE, b.pointsAt(i));
            }
            UUID id = UUID.randomUUID();
            // Imported ballots have no receipt; a hash nobody can present keeps the column's uniqueness.
            batch.bind("id", id).bind("pot", pot).bind("ids", chosen).bind("points", pts).bind("r", Secrets.sha256("imported:" + id)).add();
        }
        if (batch.size() > 0) batch.execute();
    }

    private static long rescale(long amount, int shift) {
        BigInteger value = BigInteger.valueOf(amount);
        if (shift >= 0) return value.multiply(BigInteger.TEN.pow(shift)).longValueExact();
        BigInteger[] qr = value.divideAndRemainder(BigInteger.TEN.pow(-shift));
        if (qr[1].signum() != 0) throw new ArithmeticException("amount has more decimals than the currency");
        return qr[0].longValueExact();
    }

    private static Integer meta(Instance instance, String key) {
        try {
            return Integer.valueOf(instance.meta().getOrDefault(key, "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String description(Project p) {
        Map<String, String> c = p.columns();
        String d = c.getOrDefault("description", "").strip();
        d = d.isEmpty() ? (p.name().isBlank() ? p.id() : p.name()) : d;
        return d.length() > 5000 ? d.substring(0, 5000) : d;
    }

    private static String clip(String s) {
        return s.length() > TITLE_MAX ? s.substring(0, TITLE_MAX - 1) + "…" : s;
    }

    /** The area the vote was held in, from the file's META (unit, subunit, country); null when it names none. */
    private static String area(Instance instance) {
        java.util.Map<String, String> meta = instance.meta();
        String place = java.util.stream.Stream.of("unit", "subunit").map(k -> meta.getOrDefault(k, "").strip()).filter(v -> !v.isEmpty())
                .distinct().collect(java.util.stream.Collectors.joining(", "));
        String country = meta.getOrDefault("country", "").strip();
        if (place.isEmpty()) return country.isEmpty() ? null : clip(country);
        return clip(country.isEmpty() ? place : place + " (" + country + ")");
    }
}
