package org.commonweal.platform.library;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * People named with their consent: the people involved in a story, and volunteers nominated in an award round. The
 * writer or nominator gives an email address; the person is asked by mail and answers at {@code /library/named}, where
 * they may say yes, say no, or withdraw a yes at any time. Their account's name shows publicly only while they say yes;
 * until then they are "another resident" (a story) or "a local volunteer" (an award). Names are matched to accounts by
 * the address when read, as group invitations are, so naming an address tells nobody whether it has an account.
 */
public final class NamedPeople {
    static final int MAX_PER_STORY = 20;
    static final List<String> ANSWERS = List.of("given", "refused");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;]{1,64}@[^@\\s,;]+\\.[^@\\s,;]{2,}$");

    /** A request as the named person sees it: what named them, and their answer so far. */
    public record Request(long id, Long storyId, String storyTitle, Long roundId, String roundTitle, String consent, OffsetDateTime askedAt) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Messages messages;
    private final String baseUrl;

    NamedPeople(Jdbi jdbi, AuditLog audit, Outbox outbox, Messages messages, String baseUrl) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.outbox = outbox;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    /** The form's {@code field} as email addresses (separated by commas, semicolons or new lines), lower-cased, without repeats. */
    static List<String> readEmails(Form form, String field, int max) {
        Set<String> emails = new LinkedHashSet<>();
        for (String part : form.value(field).split("[,;\\s]+")) {
            String email = part.strip().toLowerCase(Locale.ROOT);
            if (email.isEmpty()) continue;
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                form.error(field, "library.error.people.email", email.length() > 40 ? email.substring(0, 40) + "…" : email);
                return List.of();
            }
            emails.add(email);
        }
        if (emails.size() > max) form.error(field, "library.error.people.tooMany", max);
        return new ArrayList<>(emails);
    }

    /** The addresses the story names, in the order they were given. */
    static List<String> ofStory(Handle h, long storyId) {
        return h.createQuery("SELECT email FROM library_named_people WHERE story_id = :s ORDER BY id").bind("s", storyId).mapTo(String.class).list();
    }

    /** Makes the story name exactly these addresses: a removed one is forgotten, a new one is asked (by mail, after commit). */
    void nameInStory(Handle h, long storyId, String storyTitle, List<String> emails, long askedBy) {
        h.createUpdate("DELETE FROM library_named_people WHERE story_id = :s AND NOT (email = ANY(:e))").bind("s", storyId)
                .bindArray("e", String.class, emails.toArray(String[]::new)).execute();
        for (String email : emails) {
            int added = h.createUpdate("INSERT INTO library_named_people (story_id, email, asked_by) VALUES (:s, :e, :by) ON CONFLICT DO NOTHING")
                    .bind("s", storyId).bind("e", email).bind("by", askedBy).execute();
            if (added == 1) ask(h, email, messages.get("library.named.mail.story", storyTitle));
        }
    }

    /** Asks a volunteer nominated in a round, once per round however many nominate them. */
    void nameInRound(Handle h, long roundId, String roundTitle, String email, long askedBy) {
        int added = h.createUpdate("INSERT INTO library_named_people (round_id, email, asked_by) VALUES (:r, :e, :by) ON CONFLICT DO NOTHING")
                .bind("r", roundId).bind("e", email).bind("by", askedBy).execute();
        if (added == 1) ask(h, email, messages.get("library.named.mail.round", roundTitle));
    }

    private void ask(Handle h, String email, String what) {
        outbox.enqueue(h, email, messages.get("library.named.mail.subject"), messages.get("library.named.mail.body", what, baseUrl + "/library/named"));
    }

    /** The names of the story's people who said yes, and how many others it names. */
    public record Involved(List<String> names, int others) {
    }

    Involved inStory(long storyId) {
        return jdbi.withHandle(h -> {
            List<String> names = h.createQuery("""
                    SELECT a.name FROM library_named_people n JOIN accounts a ON lower(a.email) = n.email
                     WHERE n.story_id = :s AND n.consent = 'given' ORDER BY n.id""").bind("s", storyId).mapTo(String.class).list();
            int all = h.createQuery("SELECT count(*) FROM library_named_people WHERE story_id = :s").bind("s", storyId).mapTo(Integer.class).one();
            return new Involved(names, all - names.size());
        });
    }

    /** Every request naming the person with this address, newest first. */
    List<Request> requestsFor(String email) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT n.id, n.story_id, s.title AS story_title, n.round_id, r.title AS round_title, n.consent, n.asked_at
                  FROM library_named_people n LEFT JOIN library_stories s ON s.id = n.story_id LEFT JOIN award_rounds r ON r.id = n.round_id
                 WHERE n.email = lower(:e) AND (s.id IS NULL OR s.status <> 'withdrawn') ORDER BY n.id DESC""").bind("e", email)
                .map((rs, c) -> new Request(rs.getLong("id"), (Long) rs.getObject("story_id"), rs.getString("story_title"),
                        (Long) rs.getObject("round_id"), rs.getString("round_title"), rs.getString("consent"),
                        rs.getObject("asked_at", OffsetDateTime.class))).list());
    }

    /** Whose request this is: the account with the named address. */
    Optional<ObjectKind.Owners> owners(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT a.id FROM library_named_people n LEFT JOIN accounts a ON lower(a.email) = n.email WHERE n.id = :id""")
                .bind("id", id).mapTo(Long.class).findOne().map(ObjectKind.Owners::account));
    }

    /** The named person (the account with this address) says yes or no, again at any time: a yes is withdrawn by saying no. */
    Optional<Refusal> answer(long id, String email, Form form, Actor actor) {
        String consent = form.value("consent");
        if (!ANSWERS.contains(consent)) {
            form.error("consent", "library.error.named.consent");
            return Optional.of(Refusal.INVALID);
        }
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE library_named_people SET consent = :c, answered_at = now() WHERE id = :id AND email = lower(:e)")
                    .bind("c", consent).bind("id", id).bind("e", email).execute();
            if (changed == 0) return Optional.of(Refusal.NOT_FOUND);
            audit.record(h, actor, "library.named." + consent, "named:" + id, null);
            return Optional.<Refusal>empty();
        });
    }
}
