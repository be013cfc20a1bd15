package org.commonweal.platform.grants;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.core.subjects.Subjects;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scoring and deciding: officers and the programme's resident panel score each submitted application against each
 * criterion (0 to 5, with a comment); nobody scores an application of a group they belong to, nor one they declared a
 * conflict of interest on; an officer decides (award in full or in part, or decline) with reasons, and the applicant
 * hears of it by notification and mail.
 */
public final class Assessment {
    /** One person's score on one criterion, with their comment (shown to officers and the panel). */
    public record Scored(long criterionId, String scorer, int score, String comment) {
    }

    /** A row of the programme's ranking: the application and its weighted score (empty until someone scores it). */
    public record Row(Application application, java.util.OptionalDouble weighted, int scorers) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Groups groups;
    private final Programmes programmes;
    private final Subjects subjects;

    Assessment(Jdbi jdbi, AuditLog audit, Groups groups, Programmes programmes, Subjects subjects) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.groups = groups;
        this.programmes = programmes;
        this.subjects = subjects;
    }

    /** Officers and the programme's panel see the applications, their scores and the ranking. */
    boolean assesses(Programme p, CurrentUser user) {
        return user != null && (user.has(Role.OFFICER) || programmes.onPanel(p.id(), user.id()));
    }

    /** Why the user may not score the application (a message key), or empty when they may. */
    Optional<String> whyNotScore(Programme p, Application a, CurrentUser user) {
        if (!assesses(p, user)) return Optional.of("grants.error.score.notAssessor");
        if (a.status().equals("with_residents")) return Optional.of("grants.error.score.withResidents");
        if (!a.awaitingDecision()) return Optional.of("grants.error.score.decided");
        if (groups.role(a.groupId(), user.id()).isPresent()) return Optional.of("grants.error.conflict.member");
        if (declared(a.id(), user.id())) return Optional.of("grants.error.conflict.declared");
        return Optional.empty();
    }

    boolean declared(long applicationId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM grant_conflicts WHERE application_id = :a AND account_id = :u)")
                .bind("a", applicationId).bind("u", accountId).mapTo(Boolean.class).one());
    }

    List<Scored> scores(long applicationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.criterion_id, coalesce(u.name, '') AS scorer, s.score, s.comment FROM grant_scores s
                        JOIN accounts u ON u.id = s.scorer_id JOIN grant_criteria c ON c.id = s.criterion_id
                        WHERE s.application_id = :a ORDER BY c.position, u.name, s.scorer_id""")
                .bind("a", applicationId).map((rs, c) -> new Scored(rs.getLong("criterion_id"), rs.getString("scorer"), rs.getInt("score"),
                        rs.getString("comment"))).list());
    }

    /** The user's own scores on the application, as the scoring form's values. */
    Form myScores(long applicationId, long accountId) {
        Form form = Form.empty();
        jdbi.useHandle(h -> h.createQuery("SELECT criterion_id, score, comment FROM grant_scores WHERE application_id = :a AND scorer_id = :u")
                .bind("a", applicationId).bind("u", accountId)
                .map((rs, c) -> form.set("score-" + rs.getLong("criterion_id"), String.valueOf(rs.getInt("score")))
                        .set("comment-" + rs.getLong("criterion_id"), rs.getString("comment"))).list());
        return form;
    }

    /** The names of the scoring form's fields: a score and a comment per criterion. */
    static String[] fields(Programme p) {
        return p.criteria().stream().flatMap(c -> java.util.stream.Stream.of("score-" + c.id(), "comment-" + c.id())).toArray(String[]::new);
    }

    /** Records the user's scores on every criterion at once (replacing their earlier ones); all must be 0 to 5. */
    Optional<Refusal> score(Programme p, Application a, CurrentUser user, Form form, Actor actor) {
        Optional<String> why = whyNotScore(p, a, user);
        if (why.isPresent()) {
            form.error("score-" + p.criteria().getFirst().id(), why.get());
            return Optional.of(assesses(p, user) ? Refusal.CLOSED : Refusal.FORBIDDEN);
        }
        Map<Long, Integer> scores = new HashMap<>();
        for (Programme.Criterion c : p.criteria()) {
            String field = "score-" + c.id();
            try {
                int s = Integer.parseInt(form.value(field).strip());
                if (s < 0 || s > 5) throw new NumberFormatException();
                scores.put(c.id(), s);
            } catch (NumberFormatException e) {
                form.error(field, "grants.error.score", c.name());
            }
            String comment = form.value("comment-" + c.id()).strip();
            form.set("comment-" + c.id(), comment);
            if (comment.length() > 2000) form.error("comment-" + c.id(), "grants.error.comment.tooLong");
        }
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> {
            for (Programme.Criterion c : p.criteria()) {
                h.createUpdate("""
                                INSERT INTO grant_scores (application_id, criterion_id, scorer_id, score, comment) VALUES (:a, :c, :u, :s, :m)
                                ON CONFLICT (application_id, criterion_id, scorer_id) DO UPDATE SET score = excluded.score, comment = excluded.comment,
                                    scored_at = now()""")
                        .bind("a", a.id()).bind("c", c.id()).bind("u", user.id()).bind("s", scores.get(c.id()))
                        .bind("m", form.value("comment-" + c.id())).execute();
            }
            audit.record(h, actor, "grants.application.scored", GrantIndex.key(a.id()), scores.toString());
        });
        return Optional.empty();
    }

    /** The user declares a conflict of interest: from then on they may not score the application (their scores go). */
    Optional<Refusal> declare(Programme p, Application a, CurrentUser user, Form form, Actor actor) {
        if (!assesses(p, user)) return Optional.of(Refusal.FORBIDDEN);
        String reason = form.requireText("reason", 1000, "grants.error.conflict.reason", "grants.error.text.tooLong");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    INSERT INTO grant_conflicts (application_id, account_id, reason) VALUES (:a, :u, :r)
                    ON CONFLICT (application_id, account_id) DO UPDATE SET reason = excluded.reason""")
                    .bind("a", a.id()).bind("u", user.id()).bind("r", reason).execute();
            h.createUpdate("DELETE FROM grant_scores WHERE application_id = :a AND scorer_id = :u").bind("a", a.id()).bind("u", user.id()).execute();
            audit.record(h, actor, "grants.conflict.declared", GrantIndex.key(a.id()), reason);
        });
        return Optional.empty();
    }

    /** The programme's submitted and decided applications, best weighted score first (see {@link Ranking}). */
    List<Row> ranking(Programme p, List<Application> applications) {
        List<Ranking.Score> scores = jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.application_id, s.criterion_id, s.score FROM grant_scores s JOIN grant_applications a ON a.id = s.application_id
                        WHERE a.programme_id = :p""")
                .bind("p", p.id()).map((rs, c) -> new Ranking.Score(rs.getLong("application_id"), rs.getLong("criterion_id"), rs.getInt("score"))).list());
        Map<Long, Integer> scorers = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT s.application_id, count(DISTINCT s.scorer_id) AS n FROM grant_scores s JOIN grant_applications a ON a.id = s.application_id
                        WHERE a.programme_id = :p GROUP BY s.application_id""")
                .bind("p", p.id()).map((rs, c) -> scorers.put(rs.getLong("application_id"), rs.getInt("n"))).list());
        Map<Long, Application> byId = new HashMap<>();
        applications.forEach(a -> byId.put(a.id(), a));
        return Ranking.rank(applications.stream().map(Application::id).toList(), p.criteria(), scores, scorers).stream()
                .map(r -> new Row(byId.get(r.applicationId()), r.weighted(), r.scorers())).toList();
    }

    /** What the programme has awarded so far, in minor units. */
    static long awarded(Handle h, long programmeId) {
        return h.createQuery("SELECT coalesce(sum(amount_awarded), 0) FROM grant_applications WHERE programme_id = :p AND status = 'awarded'")
                .bind("p", programmeId).mapTo(Long.class).one();
    }

    /**
     * An officer's decision on a submitted application: "full" awards the amount asked, "partial" the amount given (less
     * than asked), "decline" nothing; the reason is required and shown to the group. Awards never take the programme
     * past its pot. The applicant is told once it is recorded.
     */
    Optional<Refusal> decide(Programme p, Application a, Form form, Actor actor) {
        if (!a.awaitingDecision()) {
            form.error("decision", "grants.error.decision.done");
            return Optional.of(Refusal.ALREADY_DONE);
        }
        String decision = form.value("decision");
        String reason = form.requireText("reason", 2000, "grants.error.reason.required", "grants.error.text.tooLong");
        Long amount = switch (decision) {
            case "full" -> a.amount();
            case "partial" -> {
                Optional<Long> given = org.commonweal.platform.budgets.Money.parse(form.value("amountAwarded"), p.currency());
                if (given.isEmpty() || given.get() >= a.amount()) {
                    form.error("amountAwarded", "grants.error.partial", p.money(a.amount()));
                    yield null;
                }
                yield given.get();
            }
            case "decline" -> null;
            default -> {
                form.error("decision", "grants.error.decision");
                yield null;
            }
        };
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        Optional<Refusal> refused = jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM grant_programmes WHERE id = :p FOR UPDATE").bind("p", p.id()).mapTo(Long.class).one();
            if (amount != null) {
                long left = p.pot() - awarded(h, p.id());
                if (amount > left) {
                    form.error(decision.equals("partial") ? "amountAwarded" : "decision", "grants.error.overPot", p.money(left));
                    return Optional.of(Refusal.INVALID);
                }
            }
            int changed = record(h, a.id(), amount, reason, null);
            if (changed == 0) return Optional.of(Refusal.ALREADY_DONE);
            audit.record(h, actor, amount == null ? "grants.application.declined" : "grants.application.awarded", GrantIndex.key(a.id()),
                    (amount == null ? "" : p.money(amount) + " ") + reason);
            return Optional.<Refusal>empty();
        });
        if (refused.isEmpty()) notify(p, a, amount, actor);
        return refused;
    }

    /** Stores a decision on an application still awaiting one ({@code proposal} for one residents decided): rows changed. */
    static int record(Handle h, long applicationId, Long amount, String reason, Long proposalId) {
        return h.createUpdate("""
                        UPDATE grant_applications SET status = :status, amount_awarded = :amount,
                               awarded_on = CASE WHEN :amount::bigint IS NULL THEN NULL ELSE (now() AT TIME ZONE 'Europe/London')::date END,
                               decision_reason = :reason, decided_at = now(), updated_at = now()
                        WHERE id = :id AND status IN ('submitted', 'with_residents')""")
                .bind("status", amount == null ? "declined" : "awarded").bind("amount", amount).bind("reason", reason).bind("id", applicationId)
                .execute();
    }

    /** Tells the applicant (on the platform and by mail) what was decided. */
    void notify(Programme p, Application a, Long amount, Actor actor) {
        if (a.applicantId() == null) return;
        subjects.announce(amount == null
                ? SubjectChange.toOne(GrantIndex.subject(a.id()), a.applicantId(), actor.accountId(), "grants.announce.declined", a.title(), p.title())
                : SubjectChange.toOne(GrantIndex.subject(a.id()), a.applicantId(), actor.accountId(), "grants.announce.awarded", a.title(), p.title(),
                        p.money(amount)));
    }

    static LocalDate today() {
        return Applications.today();
    }
}
