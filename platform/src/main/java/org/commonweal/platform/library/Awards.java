package org.commonweal.platform.library;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Celebrating groups: an officer opens an award round, residents nominate a group with a reason (one nomination per
 * person per round), the officer gives awards to nominated groups and publishes the round, closing it to nominations.
 */
public final class Awards {
    public record Round(long id, String title, String status) {
        public boolean open() {
            return status.equals("open");
        }
    }

    /** A group nominated in a round, how many nominated it, and its award's citation if it has one. */
    public record Nominee(long groupId, int nominations, String citation) {
    }

    /** A published award. */
    public record Award(long roundId, String roundTitle, long groupId, String citation) {
    }

    /** A group's recognition: awards in published rounds and nominations received. */
    public record Counts(int awards, int nominations) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final LongPredicate groupExists;

    Awards(Jdbi jdbi, AuditLog audit, LongPredicate groupExists) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.groupExists = groupExists;
    }

    public List<Round> rounds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, title, status FROM award_rounds ORDER BY id DESC")
                .map((rs, c) -> new Round(rs.getLong("id"), rs.getString("title"), rs.getString("status"))).list());
    }

    public Optional<Round> round(long id) {
        return rounds().stream().filter(r -> r.id() == id).findFirst();
    }

    public Optional<Long> openRound(Form form, Actor actor) {
        String title = form.requireText("title", 200, "library.awards.error.title.required", "library.awards.error.title.tooLong");
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO award_rounds (title) VALUES (:t)").bind("t", title)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "library.awards.round", "award-round:" + id, title);
            return id;
        }));
    }

    /** A resident's one nomination in an open round. */
    public Optional<Refusal> nominate(long roundId, long nominatorId, Form form) {
        Optional<Round> round = round(roundId);
        if (round.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (!round.get().open()) return Optional.of(Refusal.CLOSED);
        Optional<Long> group = StoryService.id(form.value("group")).filter(groupExists::test);
        if (group.isEmpty()) form.error("group", "library.awards.error.group");
        String reason = form.requireText("reason", 2000, "library.awards.error.reason.required", "library.awards.error.reason.tooLong");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        int added = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO award_nominations (round_id, nominator_id, group_id, reason) VALUES (:r, :n, :g, :reason)
                ON CONFLICT (round_id, nominator_id) DO NOTHING""")
                .bind("r", roundId).bind("n", nominatorId).bind("g", group.get()).bind("reason", reason).execute());
        return added == 1 ? Optional.empty() : Optional.of(Refusal.ALREADY_DONE);
    }

    public boolean hasNominated(long roundId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM award_nominations WHERE round_id = :r AND nominator_id = :a)")
                .bind("r", roundId).bind("a", accountId).mapTo(Boolean.class).one());
    }

    /** The round's nominated groups, most nominated first, for the officer. */
    public List<Nominee> nominees(long roundId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT n.group_id, count(*) AS nominations, a.citation FROM award_nominations n
                  LEFT JOIN awards a ON a.round_id = n.round_id AND a.group_id = n.group_id
                 WHERE n.round_id = :r GROUP BY n.group_id, a.citation ORDER BY count(*) DESC, n.group_id""")
                .bind("r", roundId).map((rs, c) -> new Nominee(rs.getLong("group_id"), rs.getInt("nominations"), rs.getString("citation"))).list());
    }

    /** The officer gives a nominated group the round's award, with a citation, before the round is published. */
    public Optional<Refusal> award(long roundId, Form form, Actor actor) {
        Optional<Round> round = round(roundId);
        if (round.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (!round.get().open()) return Optional.of(Refusal.CLOSED);
        Optional<Long> group = StoryService.id(form.value("group"))
                .filter(g -> nominees(roundId).stream().anyMatch(n -> n.groupId() == g));
        if (group.isEmpty()) form.error("group", "library.awards.error.nominee");
        String citation = form.requireText("citation", 500, "library.awards.error.citation.required", "library.awards.error.citation.tooLong");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO awards (round_id, group_id, citation) VALUES (:r, :g, :c) ON CONFLICT (round_id, group_id) DO UPDATE SET citation = excluded.citation")
                    .bind("r", roundId).bind("g", group.get()).bind("c", citation).execute();
            audit.record(h, actor, "library.awards.award", "award-round:" + roundId, "group:" + group.get());
        });
        return Optional.empty();
    }

    /** Publishes the round's awards and closes it to nominations. */
    public Optional<Refusal> publish(long roundId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE award_rounds SET status = 'published' WHERE id = :r AND status = 'open'").bind("r", roundId).execute();
            if (changed == 0) return Optional.of(round(roundId).isEmpty() ? Refusal.NOT_FOUND : Refusal.CLOSED);
            audit.record(h, actor, "library.awards.published", "award-round:" + roundId, null);
            return Optional.empty();
        });
    }

    /** Awards of published rounds, newest round first. */
    public List<Award> published() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT a.round_id, r.title, a.group_id, a.citation FROM awards a JOIN award_rounds r ON r.id = a.round_id
                 WHERE r.status = 'published' ORDER BY r.id DESC, a.group_id""")
                .map((rs, c) -> new Award(rs.getLong("round_id"), rs.getString("title"), rs.getLong("group_id"), rs.getString("citation"))).list());
    }

    /** What a group's page shows: its published awards and the nominations it has received. */
    public Counts counts(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM awards a JOIN award_rounds r ON r.id = a.round_id WHERE a.group_id = :g AND r.status = 'published') AS awards,
                       (SELECT count(*) FROM award_nominations WHERE group_id = :g) AS nominations""")
                .bind("g", groupId).map((rs, c) -> new Counts(rs.getInt("awards"), rs.getInt("nominations"))).one());
    }
}
