package org.commonweal.platform.problems;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Solutions residents link to a problem, in their own words or as an existing budget proposal; officers mark how far
 * each has got. A solution sent to a budget keeps the proposal's key and is then "in a budget".
 */
public final class SolutionService {
    private static final String SELECT = """
            SELECT s.id, s.problem_id, r.title AS problem_title, r.place_id, s.author_id, a.name AS author_name, s.title, s.description,
                   s.proposal_key, s.status, s.status_reason
            FROM problem_solutions s JOIN problems r ON r.id = s.problem_id LEFT JOIN accounts a ON a.id = s.author_id""";
    private static final String PROPOSAL = "proposal";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final ProblemIndex index;
    private final Subjects subjects;
    private final Messages messages;

    SolutionService(Jdbi jdbi, AuditLog audit, ProblemIndex index, Subjects subjects, Messages messages) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.index = index;
        this.subjects = subjects;
        this.messages = messages;
    }

    /** A solution residents can see (not withdrawn, nor on a withdrawn problem). */
    public Optional<Solution> find(long id) {
        return jdbi.withHandle(h -> find(h, id, false)).filter(s -> !s.withdrawn());
    }

    private Optional<Solution> find(Handle h, long id, boolean lock) {
        return h.createQuery(SELECT + " WHERE s.id = :id AND r.status <> 'withdrawn'" + (lock ? " FOR UPDATE OF s" : ""))
                .bind("id", id).map((rs, c) -> solution(rs)).findOne();
    }

    /** The problem's solutions in the order they were proposed, withdrawn ones left out. */
    public List<Solution> forProblem(long problemId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE s.problem_id = :p AND s.status <> 'withdrawn' ORDER BY s.id")
                .bind("p", problemId).map((rs, c) -> solution(rs)).list());
    }

    /**
     * Links a solution to an active problem. With "proposal" (a key such as "proposal:12", which must name an existing
     * budget proposal) the title may be left out (the proposal's is used) and so may the description; otherwise both are needed.
     */
    public Optional<Long> propose(long problemId, long authorId, Form form, Actor actor) {
        String key = form.value("proposal").strip();
        form.set("proposal", key);
        Optional<SubjectInfo> proposal = Optional.empty();
        if (!key.isEmpty()) {
            proposal = Subject.parse(key).filter(s -> s.kind().equals(PROPOSAL)).flatMap(subjects::find);
            if (proposal.isEmpty()) form.error("proposal", "problems.error.proposal");
        }
        if (proposal.isPresent() && form.value("title").isBlank()) form.set("title", proposal.get().title());
        String title = form.requireText("title", 200, "problems.error.solutionTitle.required", "problems.error.solutionTitle.tooLong");
        String description = proposal.isPresent() && form.value("description").isBlank() ? ""
                : form.requireText("description", 5000, "problems.error.description.required", "problems.error.description.tooLong");
        if (form.hasErrors()) return Optional.empty();
        String linked = proposal.map(p -> p.subject().key()).orElse(null);
        Optional<Long> id = jdbi.inTransaction(h -> {
            Optional<Problem> p = ProblemService.find(h, problemId, true);
            if (p.isEmpty() || !p.get().active()) {
                form.error("title", "problems.error.problemClosed");
                return Optional.<Long>empty();
            }
            long sid = h.createUpdate("""
                    INSERT INTO problem_solutions (problem_id, author_id, title, description, proposal_key, status)
                    VALUES (:p, :a, :t, :d, :k, :s)""").bind("p", problemId).bind("a", authorId).bind("t", title).bind("d", description)
                    .bind("k", linked).bind("s", linked == null ? "proposed" : "in_budget")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "solution.proposed", "solution:" + sid, title + (linked == null ? "" : " (" + linked + ")"));
            index.updateSolution(h, sid);
            return Optional.of(sid);
        });
        id.ifPresent(sid -> subjects.announce(SubjectChange.toFollowers(new Subject(ProblemIndex.PROBLEM, problemId), authorId,
                "problems.announce.solutionAdded", title)));
        return id;
    }

    /** The author takes their solution back, unless it has already gone further than "proposed". */
    public Optional<Refusal> withdraw(long id, long accountId, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Solution> s = find(h, id, true).filter(x -> !x.withdrawn());
            Optional<Refusal> refused = Refusal.ofAuthorChange(s.isPresent(), s.map(Solution::authorId).orElse(null), accountId,
                    s.map(x -> x.status().equals("proposed")).orElse(false));
            if (refused.isPresent()) return refused;
            h.createUpdate("UPDATE problem_solutions SET status = 'withdrawn', updated_at = now() WHERE id = :id").bind("id", id).execute();
            audit.record(h, actor, "solution.withdrawn", "solution:" + id, null);
            index.updateSolution(h, id);
            return Optional.empty();
        });
    }

    /** An officer sets how far the solution has got; rejecting needs a reason. Followers of the solution hear of it. */
    public Optional<Refusal> changeStatus(long id, Form form, Actor actor) {
        StatusDecision decision = StatusDecision.read(form, Solution.OFFICER_STATUSES, "rejected");
        if (!decision.valid()) return Optional.of(Refusal.INVALID);
        String status = decision.status();
        String reason = decision.reason();
        Optional<Solution> changed = jdbi.inTransaction(h -> {
            Optional<Solution> s = find(h, id, true).filter(x -> !x.withdrawn());
            if (s.isEmpty()) return s;
            h.createUpdate("UPDATE problem_solutions SET status = :s, status_reason = :r, updated_at = now() WHERE id = :id")
                    .bind("s", status).bind("r", reason.isEmpty() ? null : reason).bind("id", id).execute();
            audit.record(h, actor, "solution.status", "solution:" + id, s.get().status() + " -> " + status + (reason.isEmpty() ? "" : ": " + reason));
            index.updateSolution(h, id);
            return s;
        });
        if (changed.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (!changed.get().status().equals(status)) announceStatus(changed.get(), actor.accountId(), status);
        return Optional.empty();
    }

    /**
     * Records that the solution went to a budget as the given proposal (its subject key): the solution is then
     * "in a budget". Refused when it already has a proposal or is no longer on the table.
     */
    public Optional<Refusal> sentToBudget(long id, Subject proposal, Actor actor) {
        if (!proposal.kind().equals(PROPOSAL) || subjects.find(proposal).isEmpty()) return Optional.of(Refusal.INVALID);
        Optional<Solution> before = jdbi.inTransaction(h -> {
            Optional<Solution> s = find(h, id, true).filter(Solution::mayGoToBudget);
            if (s.isEmpty()) return s;
            h.createUpdate("UPDATE problem_solutions SET proposal_key = :k, status = 'in_budget', updated_at = now() WHERE id = :id")
                    .bind("k", proposal.key()).bind("id", id).execute();
            audit.record(h, actor, "solution.budget", "solution:" + id, proposal.key());
            index.updateSolution(h, id);
            return s;
        });
        if (before.isEmpty()) return Optional.of(Refusal.CLOSED);
        announceStatus(before.get(), actor.accountId(), "in_budget");
        return Optional.empty();
    }

    private void announceStatus(Solution s, Long actorId, String status) {
        subjects.announce(SubjectChange.toFollowers(new Subject(ProblemIndex.SOLUTION, s.id()), actorId, "problems.announce.solutionStatus",
                s.title(), messages.get("problems.solution.status." + status)));
    }

    private Solution solution(ResultSet rs) throws SQLException {
        String key = rs.getString("proposal_key");
        // The proposal's page, asked of its owner; a proposal gone since shows as a key without a link.
        String url = key == null ? null : Subject.parse(key).flatMap(subjects::find).map(SubjectInfo::url).orElse(null);
        return new Solution(rs.getLong("id"), rs.getLong("problem_id"), rs.getString("problem_title"), rs.getLong("place_id"),
                (Long) rs.getObject("author_id"), rs.getString("author_name"), rs.getString("title"), rs.getString("description"),
                key, url, rs.getString("status"), rs.getString("status_reason"));
    }
}
