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
 * Celebrating groups and volunteers: an officer opens an award round, residents nominate a group or a volunteer (a
 * person, by email address) with a reason (one nomination per person per round), the officer gives awards to nominees
 * and publishes the round, closing it to nominations. A nominated volunteer is asked by mail ({@link NamedPeople}); an
 * award shows their name only while they agree, and "a local volunteer" otherwise.
 */
public final class Awards {
    public record Round(long id, String title, String status) {
        public boolean open() {
            return status.equals("open");
        }
    }

    /**
     * A group or a volunteer nominated in a round, how many nominated them, and their award's citation if they have one.
     * For a volunteer, the officer sees the address, the account's name when there is one, and whether they agreed to be named.
     */
    public record Nominee(Long groupId, String personEmail, String personName, boolean named, int nominations, String citation) {
    }

    /** A published award: to a group, or to a volunteer, whose name is null unless they agreed to show it. */
    public record Award(long roundId, String roundTitle, Long groupId, String personName, String citation) {
    }

    /** A group's recognition: awards in published rounds and nominations received. */
    public record Counts(int awards, int nominations) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final LongPredicate groupExists;
    private final NamedPeople named;

    Awards(Jdbi jdbi, AuditLog audit, LongPredicate groupExists, NamedPeople named) {
        this.named = named;
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

    /**
     * A resident's one nomination in an open round: a group ({@code group}, its id) or a volunteer ({@code person}, their
     * email address, never the nominator's own), who is then asked whether their name may be shown.
     */
    public Optional<Refusal> nominate(long roundId, long nominatorId, String nominatorEmail, Form form) {
        Optional<Round> round = round(roundId);
        if (round.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (!round.get().open()) return Optional.of(Refusal.CLOSED);
        Long group = null;
        String person = null;
        if (form.value("person").isBlank()) {
            group = StoryService.id(form.value("group")).filter(groupExists::test).orElse(null);
            if (group == null) form.error("group", "library.awards.error.group");
        } else {
            List<String> emails = NamedPeople.readEmails(form, "person", 1);
            if (!emails.isEmpty()) person = emails.get(0);
            if (person != null && person.equalsIgnoreCase(nominatorEmail)) form.error("person", "library.awards.error.self");
        }
        String reason = form.requireText("reason", 2000, "library.awards.error.reason.required", "library.awards.error.reason.tooLong");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        Long groupId = group;
        String email = person;
        return jdbi.inTransaction(h -> {
            int added = h.createUpdate("""
                    INSERT INTO award_nominations (round_id, nominator_id, group_id, person_email, reason) VALUES (:r, :n, :g, :p, :reason)
                    ON CONFLICT (round_id, nominator_id) DO NOTHING""")
                    .bind("r", roundId).bind("n", nominatorId).bind("g", groupId).bind("p", email).bind("reason", reason).execute();
            if (added == 0) return Optional.of(Refusal.ALREADY_DONE);
            if (email != null) named.nameInRound(h, roundId, round.get().title(), email, nominatorId);
            return Optional.<Refusal>empty();
        });
    }

    public boolean hasNominated(long roundId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM award_nominations WHERE round_id = :r AND nominator_id = :a)")
                .bind("r", roundId).bind("a", accountId).mapTo(Boolean.class).one());
    }

    /** The round's nominated groups and volunteers, most nominated first, for the officer. */
    public List<Nominee> nominees(long roundId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT n.group_id, n.person_email, count(*) AS nominations, min(a.citation) AS citation, min(acc.name) AS person_name,
                       bool_or(np.consent = 'given') AS named
                  FROM award_nominations n
                  LEFT JOIN awards a ON a.round_id = n.round_id AND (a.group_id = n.group_id OR a.person_email = n.person_email)
                  LEFT JOIN accounts acc ON lower(acc.email) = n.person_email
                  LEFT JOIN library_named_people np ON np.round_id = n.round_id AND np.email = n.person_email
                 WHERE n.round_id = :r GROUP BY n.group_id, n.person_email ORDER BY count(*) DESC, n.group_id, n.person_email""")
                .bind("r", roundId).map((rs, c) -> new Nominee((Long) rs.getObject("group_id"), rs.getString("person_email"),
                        rs.getString("person_name"), rs.getBoolean("named"), rs.getInt("nominations"), rs.getString("citation"))).list());
    }

    /**
     * The officer gives a nominee the round's award, with a citation, before the round is published: a nominated group
     * ({@code group}) or a nominated volunteer ({@code person}, their address).
     */
    public Optional<Refusal> award(long roundId, Form form, Actor actor) {
        Optional<Round> round = round(roundId);
        if (round.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (!round.get().open()) return Optional.of(Refusal.CLOSED);
        List<Nominee> nominees = nominees(roundId);
        String person = form.value("person").strip();
        Optional<Long> group = StoryService.id(form.value("group")).filter(g -> nominees.stream().anyMatch(n -> g.equals(n.groupId())));
        boolean personNominated = !person.isEmpty() && nominees.stream().anyMatch(n -> person.equals(n.personEmail()));
        if (group.isPresent() == personNominated) form.error("group", "library.awards.error.nominee");
        String citation = form.requireText("citation", 500, "library.awards.error.citation.required", "library.awards.error.citation.tooLong");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> {
            if (group.isPresent()) {
                h.createUpdate("INSERT INTO awards (round_id, group_id, citation) VALUES (:r, :g, :c) "
                                + "ON CONFLICT (round_id, group_id) WHERE group_id IS NOT NULL DO UPDATE SET citation = excluded.citation")
                        .bind("r", roundId).bind("g", group.get()).bind("c", citation).execute();
            } else {
                h.createUpdate("INSERT INTO awards (round_id, person_email, citation) VALUES (:r, :p, :c) "
                                + "ON CONFLICT (round_id, person_email) WHERE person_email IS NOT NULL DO UPDATE SET citation = excluded.citation")
                        .bind("r", roundId).bind("p", person).bind("c", citation).execute();
            }
            audit.record(h, actor, "library.awards.award", "award-round:" + roundId, group.map(g -> "group:" + g).orElse("a volunteer"));
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

    /** Awards of published rounds, newest round first; a volunteer's name only while they agree to show it. */
    public List<Award> published() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT a.round_id, r.title, a.group_id, acc.name AS person_name, a.citation FROM awards a JOIN award_rounds r ON r.id = a.round_id
                  LEFT JOIN library_named_people np ON np.round_id = a.round_id AND np.email = a.person_email AND np.consent = 'given'
                  LEFT JOIN accounts acc ON lower(acc.email) = np.email
                 WHERE r.status = 'published' ORDER BY r.id DESC, a.id""")
                .map((rs, c) -> new Award(rs.getLong("round_id"), rs.getString("title"), (Long) rs.getObject("group_id"),
                        rs.getString("person_name"), rs.getString("citation"))).list());
    }

    /** What a group's page shows: its published awards and the nominations it has received. */
    public Counts counts(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM awards a JOIN award_rounds r ON r.id = a.round_id WHERE a.group_id = :g AND r.status = 'published') AS awards,
                       (SELECT count(*) FROM award_nominations WHERE group_id = :g) AS nominations""")
                .bind("g", groupId).map((rs, c) -> new Counts(rs.getInt("awards"), rs.getInt("nominations"))).one());
    }
}
