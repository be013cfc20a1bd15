package org.commonweal.platform.conversations;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Starting, finding, listing and closing conversations; the seed statements come in with the conversation. */
public final class ConversationService {
    static final int MAX_SEEDS = 50;
    static final String[] FIELDS = {"topic", "description", "about", "moderation", "participation", "seeds"};

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Subjects subjects;
    private final ConversationIndex index;

    ConversationService(Jdbi jdbi, AuditLog audit, Subjects subjects, ConversationIndex index) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.subjects = subjects;
        this.index = index;
    }

    public Optional<Conversation> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Conversation> find(Handle h, long id) {
        return h.createQuery("SELECT " + Conversation.COLUMNS + " FROM conversations WHERE id = :id").bind("id", id)
                .map((rs, c) -> Conversation.read(rs)).findOne();
    }

    /** Open conversations first, newest first (withheld ones are not listed). */
    public List<Conversation> list(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Conversation.COLUMNS
                        + " FROM conversations WHERE NOT withheld ORDER BY closed_at IS NOT NULL, id DESC LIMIT :limit").bind("limit", limit)
                .map((rs, c) -> Conversation.read(rs)).list());
    }

    /** Who runs a conversation: the organiser who started it, or every officer for the council's. */
    Optional<ObjectKind.Owners> owners(long id) {
        return find(id).map(c -> new ObjectKind.Owners(a -> c.ownerId() != null && c.ownerId() == a, c.forCouncil()));
    }

    /** Whether the user may moderate and manage the conversation (its owners, moderators and admins). */
    boolean runs(Conversation c, CurrentUser user) {
        if (user == null) return false;
        if (user.has(Role.MODERATOR) || user.has(Role.ADMIN)) return true;
        return c.forCouncil() ? user.has(Role.OFFICER) : c.ownerId() != null && c.ownerId() == user.id();
    }

    /** Starts a conversation from the form, with its seed statements (one per line, approved); the id, or empty with the form's errors. */
    Optional<Long> create(Form form, CurrentUser owner, Actor actor) {
        String topic = form.requireText("topic", 200, "conversations.error.topic.required", "conversations.error.topic.tooLong");
        String description = form.value("description").strip();
        form.set("description", description);
        if (description.length() > 5000) form.error("description", "conversations.error.description.tooLong");
        Subject about = about(form);
        String moderation = form.value("moderation");
        if (!Conversation.MODERATIONS.contains(moderation)) form.error("moderation", "conversations.error.moderation");
        String participation = form.value("participation");
        if (!Conversation.PARTICIPATIONS.contains(participation)) form.error("participation", "conversations.error.participation");
        List<String> seeds = seeds(form);
        if (form.hasErrors()) return Optional.empty();
        boolean council = owner.has(Role.OFFICER);
        long id = jdbi.inTransaction(h -> insert(h, topic, description, about, moderation, participation, owner.id(), council, false, seeds, actor));
        return Optional.of(id);
    }

    /** Stores a conversation with its seed statements (approved) in the caller's transaction; its id. */
    long insert(Handle h, String topic, String description, Subject about, String moderation, String participation, long ownerId,
                boolean council, boolean withheld, List<String> seeds, Actor actor) {
        long created = h.createUpdate("""
                INSERT INTO conversations (topic, description, subject_kind, subject_id, moderation, participation, owner_id, for_council, withheld)
                VALUES (:topic, :description, :kind, :subject, :moderation, :participation, :owner, :council, :withheld)""")
                .bind("topic", topic).bind("description", description).bind("kind", about == null ? null : about.kind())
                .bind("subject", about == null ? null : about.id()).bind("moderation", moderation).bind("participation", participation)
                .bind("owner", ownerId).bind("council", council).bind("withheld", withheld)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (int i = 0; i < seeds.size(); i++) {
            h.createUpdate("INSERT INTO conversation_statements (conversation_id, number, body, seed, status) VALUES (:c, :n, :b, true, 'approved')")
                    .bind("c", created).bind("n", i).bind("b", seeds.get(i)).execute();
        }
        audit.record(h, actor, "conversation.created", "conversation:" + created, topic);
        index.update(h, created);
        return created;
    }

    /** Shows a withheld conversation to everyone: listed, searchable, a subject. */
    void release(Handle h, long id) {
        if (h.createUpdate("UPDATE conversations SET withheld = false WHERE id = :id AND withheld").bind("id", id).execute() > 0) index.update(h, id);
    }

    /** Whether the user may see the conversation: everyone, unless it is withheld (then those who run it). */
    boolean visible(Conversation c, CurrentUser user) {
        return !c.withheld() || runs(c, user);
    }

    /** In the caller's transaction: a withheld conversation (seen by nobody but its owners) is deleted; a shown one is closed. */
    void discard(Handle h, long id, Actor actor) {
        int deleted = h.createUpdate("DELETE FROM conversations WHERE id = :id AND withheld").bind("id", id).execute();
        if (deleted > 0) {
            index.withdraw(h, id);
            audit.record(h, actor, "conversation.deleted", "conversation:" + id, null);
        } else {
            close(h, id, actor);
        }
    }

    /** In the caller's transaction: closes the conversation if it is open; whether it did. */
    boolean close(Handle h, long id, Actor actor) {
        if (h.createUpdate("UPDATE conversations SET closed_at = now() WHERE id = :id AND closed_at IS NULL").bind("id", id).execute() == 0) return false;
        audit.record(h, actor, "conversation.closed", "conversation:" + id, null);
        return true;
    }

    /** Closes a conversation to new statements and votes; its map and report stay. */
    Optional<Refusal> close(long id, Actor actor) {
        return jdbi.inTransaction(h -> close(h, id, actor) ? Optional.<Refusal>empty()
                : Optional.of(find(h, id).isEmpty() ? Refusal.NOT_FOUND : Refusal.ALREADY_DONE));
    }

    /**
     * What the form's {@code about} names: the address (or path) of a page of an {@link Conversation#ATTACHABLE} subject,
     * such as {@code /problems/12}; blank when the conversation stands alone. The subject is asked of its owner, so any
     * feature whose kind is attachable takes part without this one reading its tables.
     */
    Subject about(Form form) {
        String about = form.value("about").strip();
        form.set("about", about);
        if (about.isEmpty()) return null;
        String path;
        try {
            path = URI.create(about).getPath();
        } catch (IllegalArgumentException e) {
            path = null;
        }
        if (path != null) {
            String[] parts = path.split("/");
            String last = parts.length == 0 ? "" : parts[parts.length - 1];
            if (last.matches("\\d{1,18}")) {
                long id = Long.parseLong(last);
                for (String kind : Conversation.ATTACHABLE) {
                    Optional<SubjectInfo> info = subjects.find(new Subject(kind, id));
                    if (info.isPresent() && info.get().url().equals(path)) return info.get().subject();
                }
            }
        }
        form.error("about", "conversations.error.about");
        return null;
    }

    /** The participant's number in the conversation, if they have taken part. */
    Optional<Integer> number(long conversationId, Participant who) {
        return jdbi.withHandle(h -> who.find(h, conversationId).flatMap(id -> h.createQuery("SELECT number FROM conversation_participants WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).findOne()));
    }

    /** A subject's title and page, for "About" on the conversation's page (empty when it is gone). */
    Optional<SubjectInfo> aboutInfo(Conversation c) {
        return c.about() == null ? Optional.empty() : subjects.find(c.about());
    }

    /** The form's {@code seeds}: one statement per line, each checked as a participant's is; an error names the line. */
    static List<String> seeds(Form form) {
        List<String> seeds = new ArrayList<>();
        int line = 0;
        for (String raw : form.value("seeds").split("\\R")) {
            line++;
            String s = raw.strip();
            if (s.isEmpty()) continue;
            String problem = StatementRules.problem(s);
            if (problem != null) {
                form.error("seeds", problem + ".line", line);
                return List.of();
            }
            seeds.add(s);
        }
        if (seeds.size() > MAX_SEEDS) form.error("seeds", "conversations.error.seeds.tooMany", MAX_SEEDS);
        return seeds;
    }
}
