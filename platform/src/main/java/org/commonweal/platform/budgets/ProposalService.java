package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Residents' proposals: submit, edit and withdraw while drafting is open; officers cost them; anyone searches them. */
public final class ProposalService {
    static final String SELECT = """
            SELECT r.id, r.pot_id, r.place_id, p.name AS place_name, r.author_id, a.name AS author_name, r.title, r.description,
                   r.theme, r.estimated_cost, r.council_cost, r.status, r.status_reason
            FROM budget_proposals r JOIN places p ON p.id = r.place_id LEFT JOIN accounts a ON a.id = r.author_id""";


    /** The browse page's filters (blank strings and nulls mean "any") and which page of results. */
    public record Search(String text, Long placeId, String theme, String status, String outcome, int page) {
    }

    /** The outcome filter's values: funded in the pot's result, or on the ballot and not funded. */
    public static final List<String> OUTCOMES = List.of("selected", "not_selected");

    /** Proposals per page of the browse list. */
    public static final int PAGE_SIZE = 50;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final ProposalIndex index;
    private final org.commonweal.platform.core.subjects.Subjects subjects;

    /** @param subjects where a costing or feasibility decision is announced to the proposal's followers */
    ProposalService(Jdbi jdbi, AuditLog audit, ProposalIndex index, org.commonweal.platform.core.subjects.Subjects subjects) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.index = index;
        this.subjects = subjects;
    }

    public Optional<Proposal> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.id = :id").bind("id", id).map((rs, c) -> proposal(rs)).findOne());
    }

    /** Feasible proposals of a pot, in id order: the projects on its ballot. */
    static List<Proposal> feasible(Handle h, long potId) {
        return h.createQuery(SELECT + " WHERE r.pot_id = :pot AND r.status = 'feasible' ORDER BY r.id")
                .bind("pot", potId).map((rs, c) -> proposal(rs)).list();
    }

    public List<Proposal> feasible(long potId) {
        return jdbi.withHandle(h -> feasible(h, potId));
    }

    /**
     * Full-text search over title (weighted higher) and description, accent- and stem-insensitive, with filters;
     * the place filter includes the places within it. Withdrawn proposals only show when asked for by status.
     * Returns one page of matches, plus one more when a further page exists (so callers can offer "next").
     */
    public List<Proposal> search(long processId, Search s) {
        String text = s.text() == null ? "" : s.text().strip();
        String theme = s.theme() == null ? "" : s.theme();
        String status = s.status() == null ? "" : s.status();
        // Only the filters in use are written into the SQL: as parameters ("no theme" or "any place") they would
        // stay in the server's generic plan for a prepared statement and be weighed per row, and the plan chosen
        // for the common case (the newest proposals of one process) must be a backward scan of the primary key.
        StringBuilder where = new StringBuilder("r.pot_id IN (SELECT id FROM budget_pots WHERE process_id = :process)");
        if (!text.isEmpty()) where.append(" AND r.search @@ websearch_to_tsquery('english'::regconfig, budget_unaccent(:text))");
        if (s.placeId() != null) where.append("""
                 AND r.place_id IN (
                    WITH RECURSIVE sub AS (
                        SELECT id FROM places WHERE id = :place
                        UNION ALL
                        SELECT p2.id FROM places p2 JOIN sub ON p2.parent_id = sub.id)
                    SELECT id FROM sub)""");
        if (!theme.isEmpty()) where.append(" AND r.theme = :theme");
        where.append(status.isEmpty() ? " AND r.status <> 'withdrawn'" : " AND r.status = :status");
        String outcome = s.outcome() == null ? "" : s.outcome();
        // Only a published result selects: a provisional count (phase "counting") must not show through the filter.
        if (!outcome.isEmpty()) where.append(" ").append("""
                 AND EXISTS (SELECT 1 FROM budget_result_projects x JOIN budget_pots xt ON xt.id = x.pot_id JOIN budget_processes xb ON xb.id = xt.process_id
                             WHERE x.proposal_id = r.id AND x.funded = :funded AND xb.phase IN ('results', 'delivery'))""");
        String order = text.isEmpty() ? "r.id DESC"
                : "ts_rank(r.search, websearch_to_tsquery('english'::regconfig, budget_unaccent(:text))) DESC, r.id DESC";
        return jdbi.withHandle(h -> {
            var query = h.createQuery(SELECT + "\nWHERE " + where + "\nORDER BY " + order + "\nLIMIT :limit OFFSET :offset")
                    .bind("limit", PAGE_SIZE + 1).bind("offset", (long) Math.max(0, s.page()) * PAGE_SIZE).bind("process", processId);
            if (!text.isEmpty()) query.bind("text", text);
            if (s.placeId() != null) query.bind("place", s.placeId());
            if (!theme.isEmpty()) query.bind("theme", theme);
            if (!status.isEmpty()) query.bind("status", status);
            if (!outcome.isEmpty()) query.bind("funded", outcome.equals("selected"));
            return query.map((rs, c) -> proposal(rs)).list();
        });
    }

    public Optional<Long> submit(long potId, long authorId, Form form, Actor actor) {
        return jdbi.inTransaction(h -> submit(h, potId, authorId, form, actor));
    }

    /** {@link #submit(long, long, Form, Actor)} in the caller's transaction {@code h}. */
    Optional<Long> submit(Handle h, long potId, long authorId, Form form, Actor actor) {
        Optional<Pot> pot = BudgetService.pot(h, potId);
        if (pot.isEmpty()) return Optional.empty();
        Phase phase = BudgetService.process(h, pot.get().processId()).orElseThrow().phase();
        Fields f = validate(h, pot.get(), form);
        if (!phase.acceptsProposals()) form.error("title", "budgets.error.proposalsClosed");
        if (form.hasErrors()) return Optional.empty();
        long id = h.createUpdate("""
                INSERT INTO budget_proposals (pot_id, place_id, author_id, title, description, theme, estimated_cost)
                VALUES (:pot, :place, :author, :title, :description, :theme, :cost)""")
                .bind("pot", potId).bind("place", f.placeId).bind("author", authorId).bind("title", f.title)
                .bind("description", f.description).bind("theme", f.theme).bind("cost", f.cost)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        audit.record(h, actor, "budget.proposal.submitted", "proposal:" + id, f.title);
        index.update(h, id);
        return Optional.of(id);
    }

    public Optional<Refusal> edit(long id, long accountId, Form form, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Refusal> refused = authorMayChange(h, id, accountId);
            if (refused.isPresent()) return refused;
            Proposal p = h.createQuery(SELECT + " WHERE r.id = :id").bind("id", id).map((rs, c) -> proposal(rs)).one();
            Fields f = validate(h, BudgetService.pot(h, p.potId()).orElseThrow(), form);
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("""
                    UPDATE budget_proposals SET place_id = :place, title = :title, description = :description, theme = :theme,
                           estimated_cost = :cost, updated_at = now() WHERE id = :id""")
                    .bind("place", f.placeId).bind("title", f.title).bind("description", f.description).bind("theme", f.theme)
                    .bind("cost", f.cost).bind("id", id).execute();
            audit.record(h, actor, "budget.proposal.edited", "proposal:" + id, f.title);
            index.update(h, id);
            return Optional.empty();
        });
    }

    public Optional<Refusal> withdraw(long id, long accountId, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Refusal> refused = authorMayChange(h, id, accountId);
            if (refused.isPresent()) return refused;
            h.createUpdate("UPDATE budget_proposals SET status = 'withdrawn', updated_at = now() WHERE id = :id").bind("id", id).execute();
            audit.record(h, actor, "budget.proposal.withdrawn", "proposal:" + id, null);
            index.update(h, id);
            return Optional.empty();
        });
    }

    /**
     * An officer's feasibility decision: feasible with the council's costed estimate (which replaces the
     * resident's on the ballot), or not feasible with a reason residents can read.
     */
    public Optional<Refusal> assess(long id, Form form, Actor actor) {
        Optional<Refusal> refused = jdbi.inTransaction(h -> assess(h, id, form, actor));
        // Told after the decision commits: followers hear that it was costed (and at how much) or why not.
        if (refused.isEmpty()) find(id).ifPresent(p -> subjects.announce(p.status().equals("feasible")
                ? org.commonweal.platform.core.subjects.SubjectChange.toFollowers(subject(id), actor.accountId(), "budgets.announce.feasible",
                        p.title(), jdbi.withHandle(h -> BudgetService.pot(h, p.potId()).orElseThrow()).money(p.councilCost()))
                : org.commonweal.platform.core.subjects.SubjectChange.toFollowers(subject(id), actor.accountId(), "budgets.announce.notFeasible",
                        p.title(), p.statusReason() == null ? "" : p.statusReason())));
        return refused;
    }

    /** The feasibility decision of {@link #assess(long, Form, Actor)} in the caller's transaction {@code h}, announcing nothing. */
    Optional<Refusal> assess(Handle h, long id, Form form, Actor actor) {
        Optional<Proposal> p = h.createQuery(SELECT + " WHERE r.id = :id FOR UPDATE OF r").bind("id", id).map((rs, c) -> proposal(rs)).findOne();
        if (p.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        Pot pot = BudgetService.pot(h, p.get().potId()).orElseThrow();
        if (!BudgetService.process(h, pot.processId()).orElseThrow().phase().feasibilityOpen() || p.get().status().equals("withdrawn")) {
            form.error("decision", "budgets.error.feasibilityClosed");
            return Optional.of(Refusal.CLOSED);
        }
        String decision = form.value("decision");
        if (decision.equals("feasible")) {
            Optional<Long> cost = Money.parse(form.value("councilCost"), pot.currency());
            if (cost.isEmpty()) form.error("councilCost", "budgets.error.amount");
            else if (cost.get() > pot.amount()) form.error("councilCost", "budgets.error.costOverPot");
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("UPDATE budget_proposals SET status = 'feasible', council_cost = :c, status_reason = NULL, updated_at = now() WHERE id = :id")
                    .bind("c", cost.get()).bind("id", id).execute();
            audit.record(h, actor, "budget.proposal.feasible", "proposal:" + id, Money.format(cost.get(), pot.currency()));
        } else if (decision.equals("not_feasible")) {
            String reason = form.requireText("reason", 2000, "budgets.error.reason.required", "budgets.error.reason.tooLong");
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("UPDATE budget_proposals SET status = 'not_feasible', council_cost = NULL, status_reason = :r, updated_at = now() WHERE id = :id")
                    .bind("r", reason).bind("id", id).execute();
            audit.record(h, actor, "budget.proposal.not_feasible", "proposal:" + id, reason);
        } else {
            form.error("decision", "budgets.error.decision");
            return Optional.of(Refusal.INVALID);
        }
        index.update(h, id);
        return Optional.empty();
    }

    static org.commonweal.platform.core.subjects.Subject subject(long proposalId) {
        return new org.commonweal.platform.core.subjects.Subject(ProposalIndex.KIND, proposalId);
    }

    private Optional<Refusal> authorMayChange(Handle h, long id, long accountId) {
        Optional<Proposal> p = h.createQuery(SELECT + " WHERE r.id = :id FOR UPDATE OF r").bind("id", id).map((rs, c) -> proposal(rs)).findOne();
        boolean open = p.isPresent() && p.get().status().equals("submitted") && BudgetService.process(h,
                BudgetService.pot(h, p.get().potId()).orElseThrow().processId()).orElseThrow().phase().proposalsEditable();
        return Refusal.ofAuthorChange(p.isPresent(), p.map(Proposal::authorId).orElse(null), accountId, open);
    }

    private record Fields(String title, String description, String theme, long cost, long placeId) {
    }

    private static Fields validate(Handle h, Pot pot, Form form) {
        String title = form.requireText("title", 200, "budgets.error.proposalTitle.required", "budgets.error.proposalTitle.tooLong");
        String description = form.requireText("description", 5000, "budgets.error.description.required", "budgets.error.description.tooLong");
        String theme = form.value("theme");
        if (!Proposal.THEMES.contains(theme)) form.error("theme", "budgets.error.theme");
        Optional<Long> cost = Money.parse(form.value("estimatedCost"), pot.currency());
        if (cost.isEmpty()) form.error("estimatedCost", "budgets.error.amount");
        else if (cost.get() > pot.amount()) form.error("estimatedCost", "budgets.error.costOverPot");
        Optional<Long> place = BudgetService.parseId(form.value("place"));
        if (place.isEmpty() || !PlaceScope.within(h, pot.placeId(), place.get())) form.error("place", "budgets.error.proposalPlace");
        return new Fields(title, description, theme, cost.orElse(0L), place.orElse(0L));
    }

    static Proposal proposal(ResultSet rs) throws SQLException {
        return new Proposal(rs.getLong("id"), rs.getLong("pot_id"), rs.getLong("place_id"), rs.getString("place_name"),
                (Long) rs.getObject("author_id"), rs.getString("author_name"), rs.getString("title"), rs.getString("description"),
                rs.getString("theme"), rs.getLong("estimated_cost"), (Long) rs.getObject("council_cost"), rs.getString("status"),
                rs.getString("status_reason"));
    }
}
