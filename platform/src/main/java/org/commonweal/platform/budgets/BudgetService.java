package org.commonweal.platform.budgets;

import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Processes, their pots and phases: the officer's side of setting up a participatory budget. Every change is audited. */
public final class BudgetService {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetService.class);
    private static final String PROCESS = """
            SELECT b.id, b.place_id, p.name AS place_name, b.title, b.summary, b.phase, b.auto_advance, b.area_name, b.source_file
            FROM budget_processes b JOIN places p ON p.id = b.place_id""";
    private static final String POT = """
            SELECT t.*, p.name AS place_name FROM budget_pots t JOIN places p ON p.id = t.place_id""";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final ResultService results;
    private final org.commonweal.platform.core.subjects.Subjects subjects;

    /** Each phase that opens is announced through {@code subjects} to the process's followers after it commits. */
    public BudgetService(Jdbi jdbi, AuditLog audit, ResultService results, org.commonweal.platform.core.subjects.Subjects subjects) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.results = results;
        this.subjects = subjects;
    }

    public List<BudgetProcess> processes() {
        return jdbi.withHandle(h -> h.createQuery(PROCESS + " ORDER BY b.id DESC").map((rs, c) -> process(rs)).list());
    }

    public Optional<BudgetProcess> process(long id) {
        return jdbi.withHandle(h -> process(h, id));
    }

    static Optional<BudgetProcess> process(Handle h, long id) {
        return h.createQuery(PROCESS + " WHERE b.id = :id").bind("id", id).map((rs, c) -> process(rs)).findOne();
    }

    public Optional<Long> createProcess(Form form, Actor actor) {
        return jdbi.inTransaction(h -> createProcess(h, form, actor));
    }

    /** {@link #createProcess(Form, Actor)} in the caller's transaction {@code h}. */
    Optional<Long> createProcess(Handle h, Form form, Actor actor) {
        String title = form.requireText("title", 200, "budgets.error.title.required", "budgets.error.title.tooLong");
        String summary = form.value("summary").strip();
        form.set("summary", summary);
        if (summary.length() > 5000) form.error("summary", "budgets.error.summary.tooLong");
        Optional<Long> place = parseId(form.value("place"));
        if (place.isEmpty()) form.error("place", "error.place.unknown");
        if (form.hasErrors()) return Optional.empty();
        if (!exists(h, "places", place.get())) {
            form.error("place", "error.place.unknown");
            return Optional.empty();
        }
        long id = h.createUpdate("INSERT INTO budget_processes (place_id, title, summary) VALUES (:p, :t, :s)")
                .bind("p", place.get()).bind("t", title).bind("s", summary).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        audit.record(h, actor, "budget.process.created", "budget:" + id, title);
        return Optional.of(id);
    }

    /**
     * Opens the phase after {@code from}. The caller names the phase it saw, so a double click or two officers
     * at once move the process one step, not two. Entering counting closes voting and counts every pot provisionally;
     * entering results publishes those counts as they stand.
     */
    public boolean advancePhase(long processId, String from, Actor actor) {
        boolean moved = jdbi.inTransaction(h -> {
            VotingLock.exclusive(h, processId);
            Optional<String> current = h.createQuery("SELECT phase FROM budget_processes WHERE id = :id FOR UPDATE")
                    .bind("id", processId).mapTo(String.class).findOne();
            if (current.isEmpty() || !current.get().equals(from)) return false;
            return advance(h, processId, Phase.fromStored(from), actor, null);
        });
        if (moved) announceOpened(processId, actor);
        return moved;
    }

    /**
     * Tells the process's followers which phase is now open ("voting is open in ..."); when it is the results, each
     * proposal's followers also hear whether it was selected.
     */
    private void announceOpened(long processId, Actor actor) {
        process(processId).ifPresent(p -> {
            subjects.announce(org.commonweal.platform.core.subjects.SubjectChange.toFollowers(
                    new org.commonweal.platform.core.subjects.Subject(BudgetsFeature.PROCESS_KIND, processId), actor.accountId(),
                    "deliberation.phase.opened." + p.phase().stored(), p.title()));
            if (p.phase() != Phase.RESULTS) return;
            for (Pot pot : pots(processId)) {
                for (ResultService.Row row : results.rows(pot.id())) {
                    subjects.announce(org.commonweal.platform.core.subjects.SubjectChange.toFollowers(ProposalService.subject(row.proposal().id()),
                            actor.accountId(), row.funded() ? "budgets.announce.selected" : "budgets.announce.notSelected",
                            row.proposal().title(), p.title()));
                }
            }
        });
    }

    /** Opens phase after phase, in the caller's transaction {@code h}, until the process is in {@code target}; announces nothing. */
    void advanceTo(Handle h, long processId, Phase target, Actor actor) {
        Phase phase = process(h, processId).orElseThrow().phase();
        while (phase != target) {
            if (!advance(h, processId, phase, actor, null)) throw new IllegalStateException("budget " + processId + " cannot pass " + phase);
            phase = phase.next();
        }
    }

    private boolean advance(Handle h, long processId, Phase from, Actor actor, String why) {
        Phase next = from.next();
        if (next == null) return false;
        h.createUpdate("UPDATE budget_processes SET phase = :p WHERE id = :id").bind("p", next.stored()).bind("id", processId).execute();
        audit.record(h, actor, "budget.phase.opened", "budget:" + processId, from.stored() + " -> " + next.stored() + (why == null ? "" : " (" + why + ")"));
        if (next == Phase.COUNTING) {
            for (Pot pot : pots(h, processId)) count(h, pot, actor, "budget.results.computed");
        }
        if (next == Phase.RESULTS) {
            // Paper sheets still pending can never be counted now: forget what was typed for them (content next to a
            // register entry's hash), keeping only the sheets so officers are told how many were left out.
            h.createUpdate("""
                    DELETE FROM budget_paper_entries WHERE sheet_id IN (
                        SELECT s.id FROM budget_paper_sheets s JOIN budget_pots p ON p.id = s.pot_id WHERE p.process_id = :id)""")
                    .bind("id", processId).execute();
            for (Pot pot : pots(h, processId)) audit.record(h, actor, "budget.results.published", "pot:" + pot.id(), "");
        }
        return true;
    }

    private void count(Handle h, Pot pot, Actor actor, String action) {
        results.compute(h, pot);
        audit.record(h, actor, action, "pot:" + pot.id(), pot.rule() + " " + pot.tieBreak() + " seed " + pot.tieSeed());
    }

    /**
     * Counts a pot again while its result is provisional (after paper sheets were settled, say); the new count replaces
     * the old. Holds the voting lock exclusively, so no paper ballot is being counted into the box meanwhile.
     */
    public java.util.Optional<org.commonweal.platform.core.http.Refusal> recount(long processId, long potId, Actor actor) {
        return jdbi.inTransaction(h -> {
            VotingLock.exclusive(h, processId);
            Optional<String> phase = h.createQuery("SELECT phase FROM budget_processes WHERE id = :id FOR UPDATE")
                    .bind("id", processId).mapTo(String.class).findOne();
            Optional<Pot> pot = pot(h, potId).filter(p -> p.processId() == processId);
            if (phase.isEmpty() || pot.isEmpty()) return Optional.of(org.commonweal.platform.core.http.Refusal.NOT_FOUND);
            if (Phase.fromStored(phase.get()) != Phase.COUNTING) return Optional.of(org.commonweal.platform.core.http.Refusal.CLOSED);
            count(h, pot.get(), actor, "budget.results.recounted");
            return Optional.empty();
        });
    }

    /**
     * For every process on automatic switching, opens the phases that are due by their planned dates on {@code today}
     * (the council's date). Run by a background job on one instance at a time, never inside a page request; a
     * process whose pots the engine refuses to count is left where it is (logged) and the others still move.
     */
    public void catchUpAll(LocalDate today) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM budget_processes WHERE auto_advance AND phase <> :last ORDER BY id")
                .bind("last", Phase.DELIVERY.stored()).mapTo(Long.class).list());
        for (long id : ids) {
            try {
                catchUp(id, today);
            } catch (IllegalArgumentException e) {
                // The engine refused to count a pot: nothing changed; the officer sees why when opening results by hand.
                LOG.warn("automatic phase change of budget {} failed: {}", id, e.getMessage());
            }
        }
    }

    /**
     * For a process on automatic switching, opens every phase that is due by its planned dates on {@code today}
     * (the council's date): a phase closes the day after its end date, or when the next phase's start date comes.
     * A ballot is refused by the same dates as it is cast (see {@link BallotBox#cast}), so one that arrives between
     * midnight and the job's next run cannot land after voting's end date.
     */
    public void catchUp(long processId, LocalDate today) {
        // Looked at without a lock first: on most runs nothing is due, and votes must not queue on the process row.
        boolean due = jdbi.withHandle(h -> process(h, processId)
                .filter(p -> p.autoAdvance() && p.phase().next() != null && due(phaseDates(h, processId), p.phase(), today)).isPresent());
        if (!due) return;
        boolean moved = jdbi.inTransaction(h -> {
            VotingLock.exclusive(h, processId);
            Phase phase = Phase.fromStored(h.createQuery("SELECT phase FROM budget_processes WHERE id = :id FOR UPDATE")
                    .bind("id", processId).mapTo(String.class).one());
            Map<Phase, LocalDate[]> dates = phaseDates(h, processId);
            boolean any = false;
            while (phase.next() != null && due(dates, phase, today)) {
                advance(h, processId, phase, Actor.SYSTEM, "planned dates");
                phase = phase.next();
                any = true;
            }
            return any;
        });
        if (moved) announceOpened(processId, Actor.SYSTEM);
    }

    private static boolean due(Map<Phase, LocalDate[]> dates, Phase phase, LocalDate today) {
        if (!phase.closesByDate()) return false;
        LocalDate[] own = dates.get(phase);
        LocalDate[] next = dates.get(phase.next());
        return (own != null && own[1] != null && today.isAfter(own[1])) || (next != null && next[0] != null && !today.isBefore(next[0]));
    }

    public Map<Phase, LocalDate[]> phaseDates(long processId) {
        return jdbi.withHandle(h -> phaseDates(h, processId));
    }

    private static Map<Phase, LocalDate[]> phaseDates(Handle h, long processId) {
        Map<Phase, LocalDate[]> dates = new EnumMap<>(Phase.class);
        h.createQuery("SELECT phase, starts_on, ends_on FROM budget_phase_dates WHERE process_id = :id")
                .bind("id", processId)
                .map((rs, c) -> Map.entry(Phase.fromStored(rs.getString("phase")),
                        new LocalDate[]{rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)}))
                .forEach(e -> dates.put(e.getKey(), e.getValue()));
        return dates;
    }

    /** Saves the planned dates; the form has fields {phase}.starts and {phase}.ends as yyyy-mm-dd, blank for none. */
    public boolean savePhaseDates(long processId, Form form, Actor actor) {
        Map<Phase, LocalDate[]> dates = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            LocalDate start = date(form, p.stored() + ".starts");
            LocalDate end = date(form, p.stored() + ".ends");
            if (start != null && end != null && end.isBefore(start)) form.error(p.stored() + ".ends", "budgets.error.date.order");
            dates.put(p, new LocalDate[]{start, end});
        }
        if (form.hasErrors()) return false;
        return jdbi.inTransaction(h -> {
            if (!exists(h, "budget_processes", processId)) return false;
            h.createUpdate("DELETE FROM budget_phase_dates WHERE process_id = :id").bind("id", processId).execute();
            h.createUpdate("UPDATE budget_processes SET auto_advance = :a WHERE id = :id").bind("a", "on".equals(form.value("autoAdvance")))
                    .bind("id", processId).execute();
            for (var e : dates.entrySet()) {
                if (e.getValue()[0] == null && e.getValue()[1] == null) continue;
                h.createUpdate("INSERT INTO budget_phase_dates (process_id, phase, starts_on, ends_on) VALUES (:id, :p, :s, :e)")
                        .bind("id", processId).bind("p", e.getKey().stored()).bind("s", e.getValue()[0]).bind("e", e.getValue()[1]).execute();
            }
            audit.record(h, actor, "budget.dates.saved", "budget:" + processId, "on".equals(form.value("autoAdvance")) ? "automatic" : "by hand");
                return true;
        });
    }

    public List<Pot> pots(long processId) {
        return jdbi.withHandle(h -> pots(h, processId));
    }

    static List<Pot> pots(Handle h, long processId) {
        return h.createQuery(POT + " WHERE t.process_id = :id ORDER BY t.id").bind("id", processId).map((rs, c) -> pot(rs)).list();
    }

    /**
     * Pots taking residents' proposals now (their process is in a phase that accepts them) whose place is the given
     * place or contains it: where an idea for that place can go. Other features offer these to turn an idea into a proposal.
     */
    public List<Pot> potsOpenForProposals(long placeId) {
        String[] phases = java.util.Arrays.stream(Phase.values()).filter(Phase::acceptsProposals).map(Phase::stored).toArray(String[]::new);
        return jdbi.withHandle(h -> h.createQuery(POT + "\n" + """
                 JOIN budget_processes b ON b.id = t.process_id
                 WHERE b.phase = ANY(:phases) AND t.place_id IN (
                     WITH RECURSIVE up AS (
                         SELECT id, parent_id FROM places WHERE id = :place
                         UNION ALL
                         SELECT p2.id, p2.parent_id FROM places p2 JOIN up ON p2.id = up.parent_id)
                     SELECT id FROM up)
                 ORDER BY t.process_id, t.id""").bindArray("phases", String.class, phases).bind("place", placeId).map((rs, c) -> pot(rs)).list());
    }

    public Optional<Pot> pot(long potId) {
        return jdbi.withHandle(h -> pot(h, potId));
    }

    static Optional<Pot> pot(Handle h, long potId) {
        return h.createQuery(POT + " WHERE t.id = :id").bind("id", potId).map((rs, c) -> pot(rs)).findOne();
    }

    /** A pot of a process with the process, and whether the pot has a voter register. */
    public record PotInProcess(BudgetProcess process, Pot pot, boolean hasRegister) {
    }

    /** What every voting request needs before it reads the ballot, in one query: the pot, its process and whether it has a register. */
    public Optional<PotInProcess> potInProcess(long processId, long potId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.*, p.name AS place_name, EXISTS (SELECT 1 FROM budget_registers r WHERE r.pot_id = t.id) AS has_register,
                               b.place_id AS process_place_id, bp.name AS process_place_name, b.title, b.summary, b.phase, b.auto_advance, b.area_name, b.source_file
                        FROM budget_pots t JOIN places p ON p.id = t.place_id
                             JOIN budget_processes b ON b.id = t.process_id JOIN places bp ON bp.id = b.place_id
                        WHERE t.id = :pot AND t.process_id = :process""")
                .bind("pot", potId).bind("process", processId)
                .map((rs, c) -> new PotInProcess(new BudgetProcess(rs.getLong("process_id"), rs.getLong("process_place_id"),
                        rs.getString("process_place_name"), rs.getString("title"), rs.getString("summary"),
                        Phase.fromStored(rs.getString("phase")), rs.getBoolean("auto_advance"), rs.getString("area_name"), rs.getString("source_file")),
                        pot(rs), rs.getBoolean("has_register")))
                .findOne());
    }

    public static List<String> ruleNames() {
        return Rules.names();
    }

    /** Adds a pot while the process is still before voting; returns its id, or empty with the form's errors. */
    public Optional<Long> createPot(long processId, Form form, Actor actor) {
        return savePot(processId, null, form, actor);
    }

    /**
     * Changes a pot's settings while the process is still before voting. The currency stays (proposals' costs
     * are in its minor units), and the area cannot shrink below a place that already has a proposal.
     */
    public boolean updatePot(Pot pot, Form form, Actor actor) {
        form.set("currency", pot.currency());
        return savePot(pot.processId(), pot.id(), form, actor).isPresent();
    }

    private Optional<Long> savePot(long processId, Long potId, Form form, Actor actor) {
        return jdbi.inTransaction(h -> savePot(h, processId, potId, form, actor));
    }

    /** Creates ({@code potId} null) or changes a pot in the caller's transaction {@code h}; empty, with the form's errors, when refused. */
    Optional<Long> savePot(Handle h, long processId, Long potId, Form form, Actor actor) {
        String name = form.requireText("name", 200, "budgets.error.potName.required", "budgets.error.potName.tooLong");
        String currency = form.value("currency").strip().toUpperCase(Locale.ROOT);
        form.set("currency", currency.isEmpty() ? "GBP" : currency);
        currency = form.value("currency");
        if (!Money.knownCurrency(currency)) form.error("currency", "budgets.error.currency");
        Optional<Long> amount = form.errorKey("currency") == null ? Money.parse(form.value("amount"), currency) : Optional.empty();
        if (amount.isEmpty()) form.error("amount", "budgets.error.amount");
        Optional<Long> place = parseId(form.value("place"));
        if (place.isEmpty()) form.error("place", "error.place.unknown");
        BallotType type = null;
        try {
            type = BallotType.fromStored(form.value("ballotType"));
        } catch (IllegalArgumentException e) {
            form.error("ballotType", "budgets.error.ballotType");
        }
        Integer min = optionalCount(form, "minProjects", 0);
        Integer max = optionalCount(form, "maxProjects", 1);
        Integer maxPoints = optionalCount(form, "maxPoints", 1);
        if (min != null && max != null && max < min) form.error("maxProjects", "budgets.error.maxBelowMin");
        if (type == BallotType.CUMULATIVE && maxPoints == null && form.errorKey("maxPoints") == null) form.error("maxPoints", "budgets.error.maxPoints.required");
        String rule = form.value("rule");
        if (!Rules.names().contains(rule)) form.error("rule", "budgets.error.rule");
        else if (type != null && !Rules.accepts(rule, type.voteType())) form.error("rule", "budgets.error.rule.approvalOnly");
        if (form.value("voters").isBlank()) form.set("voters", VoterRule.DECLARED.stored());
        if (!VoterRule.storedValues().contains(form.value("voters"))) form.error("voters", "budgets.error.voters");
        String voters = form.value("voters");
        String tieBreak = form.value("tieBreak").strip().isEmpty() ? TieBreak.DEFAULT.spec() : form.value("tieBreak").strip();
        form.set("tieBreak", tieBreak);
        try {
            TieBreak.parse(tieBreak, 0);
        } catch (IllegalArgumentException e) {
            form.error("tieBreak", "budgets.error.tieBreak");
        }
        long seed = RANDOM.nextLong(1, Long.MAX_VALUE);
        if (!form.value("tieSeed").isBlank()) {
            try {
                seed = Long.parseLong(form.value("tieSeed").strip());
            } catch (NumberFormatException e) {
                form.error("tieSeed", "budgets.error.tieSeed");
            }
        }
        if (form.hasErrors()) return Optional.empty();
        BallotType t = type;
        long s = seed;
        String cur = currency;
        Optional<BudgetProcess> process = process(h, processId);
        if (process.isEmpty()) return Optional.empty();
        if (!process.get().phase().potsEditable()) {
            form.error("name", "budgets.error.potsClosed");
            return Optional.empty();
        }
        if (!PlaceScope.within(h, process.get().placeId(), place.get())) {
            form.error("place", "budgets.error.potPlace");
            return Optional.empty();
        }
        if (h.createQuery("SELECT EXISTS (SELECT 1 FROM budget_pots WHERE process_id = :p AND name = :n AND id IS DISTINCT FROM :id)")
                .bind("p", processId).bind("n", name).bind("id", potId).mapTo(Boolean.class).one()) {
            form.error("name", "budgets.error.potName.taken");
            return Optional.empty();
        }
        if (potId != null) {
            List<Long> proposalPlaces = h.createQuery("SELECT DISTINCT place_id FROM budget_proposals WHERE pot_id = :id")
                    .bind("id", potId).mapTo(Long.class).list();
            if (proposalPlaces.stream().anyMatch(pl -> !PlaceScope.within(h, place.get(), pl))) {
                form.error("place", "budgets.error.potPlaceShrinks");
                return Optional.empty();
            }
            h.createUpdate("""
                    UPDATE budget_pots SET place_id = :place, name = :name, amount = :amount, ballot_type = :type, min_projects = :min,
                           max_projects = :max, max_points = :points, rule = :rule, tie_break = :tie, tie_seed = :seed, voters = :voters
                    WHERE id = :id AND process_id = :process""").bind("voters", voters)
                    .bind("process", processId).bind("id", potId).bind("place", place.get()).bind("name", name).bind("amount", amount.get())
                    .bind("type", t.stored()).bind("min", min == null ? 0 : min).bind("max", max)
                    .bind("points", t == BallotType.CUMULATIVE ? maxPoints : null).bind("rule", rule).bind("tie", tieBreak)
                    .bind("seed", s).execute();
            audit.record(h, actor, "budget.pot.updated", "pot:" + potId,
                    name + " " + Money.format(amount.get(), cur) + " " + t.stored() + " " + rule + " " + tieBreak + " seed " + s + " voters " + voters);
            return Optional.of(potId);
        }
        long id = h.createUpdate("""
                INSERT INTO budget_pots (process_id, place_id, name, amount, currency, ballot_type, min_projects, max_projects,
                                         max_points, rule, tie_break, tie_seed, voters)
                VALUES (:process, :place, :name, :amount, :currency, :type, :min, :max, :points, :rule, :tie, :seed, :voters)""")
                .bind("voters", voters)
                .bind("process", processId).bind("place", place.get()).bind("name", name).bind("amount", amount.get())
                .bind("currency", cur).bind("type", t.stored()).bind("min", min == null ? 0 : min).bind("max", max)
                .bind("points", t == BallotType.CUMULATIVE ? maxPoints : null).bind("rule", rule).bind("tie", tieBreak)
                .bind("seed", s)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        audit.record(h, actor, "budget.pot.created", "pot:" + id,
                name + " " + Money.format(amount.get(), cur) + " " + t.stored() + " " + rule + " " + tieBreak + " seed " + s + " voters " + voters);
        return Optional.of(id);
    }

    private static Integer optionalCount(Form form, String field, int least) {
        String v = form.value(field).strip();
        form.set(field, v);
        if (v.isEmpty()) return null;
        try {
            int n = Integer.parseInt(v);
            if (n < least || n > 10_000) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            form.error(field, "budgets.error.count");
            return null;
        }
    }

    private static LocalDate date(Form form, String field) {
        return form.value(field).isBlank() ? null : form.date(field, "budgets.error.date");
    }

    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean exists(Handle h, String table, long id) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = :id)").bind("id", id).mapTo(Boolean.class).one();
    }

    private static BudgetProcess process(ResultSet rs) throws SQLException {
        return new BudgetProcess(rs.getLong("id"), rs.getLong("place_id"), rs.getString("place_name"), rs.getString("title"),
                rs.getString("summary"), Phase.fromStored(rs.getString("phase")), rs.getBoolean("auto_advance"), rs.getString("area_name"),
                rs.getString("source_file"));
    }

    private static Pot pot(ResultSet rs) throws SQLException {
        return new Pot(rs.getLong("id"), rs.getLong("process_id"), rs.getLong("place_id"), rs.getString("place_name"), rs.getString("name"),
                rs.getLong("amount"), rs.getString("currency"), BallotType.fromStored(rs.getString("ballot_type")), rs.getInt("min_projects"),
                (Integer) rs.getObject("max_projects"), (Integer) rs.getObject("max_points"), rs.getString("rule"),
                rs.getString("tie_break"), rs.getLong("tie_seed"), VoterRule.fromStored(rs.getString("voters")));
    }
}
