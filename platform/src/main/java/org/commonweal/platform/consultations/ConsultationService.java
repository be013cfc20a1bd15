package org.commonweal.platform.consultations;

import org.commonweal.platform.conversations.Conversations;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Running a consultation: its owner (officers for the council's, the organisation's organisers for theirs) writes the
 * details and the workstreams' questions, publishes it, closes it and publishes the outcome. Questions cannot change
 * once anyone has answered, so every answer stays an answer to the question that was asked.
 */
public final class ConsultationService {
    // Ends with a line break: a clause appended as a text block starts with no space of its own.
    static final String SELECT = """
            SELECT c.id, c.organisation_id, c.title, c.body, c.place_id, p.name AS place_name,
                   c.opens_on, c.closes_on, c.status, c.answers_public, c.outcome_published_at, c.closed_on
            FROM consultations c LEFT JOIN places p ON p.id = c.place_id
            """;
    static final int MAX_OPTIONS = 20;

    /** Why a change was refused; the routes turn it into a status code. */

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;
    private final Groups groups;
    private final ConsultationIndex index;
    private final Subjects subjects;
    private final Conversations conversations;

    ConsultationService(Jdbi jdbi, AuditLog audit, PlaceService places, Groups groups, ConsultationIndex index, Subjects subjects,
                        Conversations conversations) {
        this.conversations = conversations;
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
        this.groups = groups;
        this.index = index;
        this.subjects = subjects;
    }

    public Optional<Consultation> find(long id) {
        return jdbi.withHandle(h -> find(h, id)).map(this::named);
    }

    /** The consultation with its group's name: the rows keep only the group's id, and groups are asked for names. */
    Consultation named(Consultation c) {
        return c.organisationId() == null ? c : c.withOrganisationName(groups.name(c.organisationId()).orElse(null));
    }

    List<Consultation> namedAll(List<Consultation> list) {
        Map<Long, String> names = groups.names(list.stream().map(Consultation::organisationId).filter(java.util.Objects::nonNull).distinct().toList());
        return list.stream().map(c -> c.organisationId() == null ? c : c.withOrganisationName(names.get(c.organisationId()))).toList();
    }

    static Optional<Consultation> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE c.id = :id").bind("id", id).map((rs, c) -> consultation(rs)).findOne();
    }

    /** Published and closed consultations, newest opening first. */
    public List<Consultation> published() {
        return namedAll(jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE c.status <> 'draft' ORDER BY c.opens_on DESC, c.id DESC LIMIT 200")
                .map((rs, c) -> consultation(rs)).list()));
    }

    /** Drafts the user may manage (the council's for officers, their organisations' for organisers). */
    public List<Consultation> draftsFor(CurrentUser user) {
        List<Long> orgs = manageableOrganisations(user).stream().map(Group.Summary::id).toList();
        boolean officer = user.has(Role.OFFICER);
        return namedAll(jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE c.status = 'draft' AND ((c.organisation_id IS NULL AND :officer) OR c.organisation_id = ANY(:orgs))"
                + " ORDER BY c.id DESC").bind("officer", officer).bindArray("orgs", Long.class, orgs.toArray(Long[]::new))
                .map((rs, c) -> consultation(rs)).list()));
    }

    /** Groups whose consultations the user may run: organisers who run (administer) the group. */
    public List<Group.Summary> manageableOrganisations(CurrentUser user) {
        if (user == null || !user.has(Role.ORGANISER)) return List.of();
        return groups.administeredBy(user.id());
    }

    public boolean mayCreate(CurrentUser user) {
        return user != null && (user.has(Role.OFFICER) || !manageableOrganisations(user).isEmpty());
    }

    /** The owner's rule: officers run the council's consultations, an organisation's organisers run its own. */
    public boolean mayManage(CurrentUser user, Consultation c) {
        return owners(c).include(user);
    }

    /** Who owns the consultation (the council, or the organisation's organisers); empty if there is none. */
    public Optional<ObjectKind.Owners> owners(long id) {
        return find(id).map(this::owners);
    }

    private ObjectKind.Owners owners(Consultation c) {
        if (c.organisationId() == null) return ObjectKind.Owners.theCouncil();
        return ObjectKind.Owners.accounts(account -> groups.isAdmin(c.organisationId(), account));
    }

    /** Workstreams in order, each with its questions in order and each question with its options in order. */
    public List<Workstream> structure(long consultationId) {
        return jdbi.withHandle(h -> structure(h, consultationId));
    }

    static List<Workstream> structure(Handle h, long consultationId) {
        Map<Long, List<Question.Option>> options = new LinkedHashMap<>();
        h.createQuery("""
                SELECT o.question_id, o.id, o.label FROM consultation_options o JOIN consultation_questions q ON q.id = o.question_id
                WHERE q.consultation_id = :c ORDER BY o.question_id, o.position, o.id""").bind("c", consultationId)
                .map((rs, ctx) -> options.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>())
                        .add(new Question.Option(rs.getLong("id"), rs.getString("label")))).list();
        Map<Long, List<Question>> questions = new LinkedHashMap<>();
        int[] number = {0};
        h.createQuery("""
                SELECT q.* FROM consultation_questions q JOIN consultation_workstreams w ON w.id = q.workstream_id
                WHERE q.consultation_id = :c ORDER BY w.position, w.id, q.position, q.id""").bind("c", consultationId)
                .map((rs, ctx) -> questions.computeIfAbsent(rs.getLong("workstream_id"), k -> new ArrayList<>()).add(new Question(
                        rs.getLong("id"), rs.getLong("workstream_id"), ++number[0], rs.getString("kind"), rs.getString("prompt"),
                        (Integer) rs.getObject("max_length"), (Integer) rs.getObject("max_choices"), (Integer) rs.getObject("scale"),
                        rs.getString("low_label"), rs.getString("high_label"), options.getOrDefault(rs.getLong("id"), List.of()),
                        (Long) rs.getObject("conversation_id")))).list();
        return h.createQuery("SELECT id, title, outcome FROM consultation_workstreams WHERE consultation_id = :c ORDER BY position, id")
                .bind("c", consultationId).map((rs, ctx) -> new Workstream(rs.getLong("id"), rs.getString("title"), rs.getString("outcome"),
                        questions.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public boolean hasAnswers(long consultationId) {
        return jdbi.withHandle(h -> hasAnswers(h, consultationId));
    }

    static boolean hasAnswers(Handle h, long consultationId) {
        return h.createQuery("SELECT 1 FROM consultation_responses WHERE consultation_id = :c LIMIT 1").bind("c", consultationId)
                .mapTo(Integer.class).findOne().isPresent();
    }

    private record Details(String title, String body, Long organisationId, Long placeId, LocalDate opens, LocalDate closes, boolean answersPublic) {
    }

    /** Reads and checks the details form; {@code owner} is "council" or an organisation's id the user may run consultations for. */
    private Details details(CurrentUser user, Form form, boolean withOwner) {
        String title = form.requireText("title", 200, "consultations.error.title.required", "consultations.error.title.tooLong");
        String body = form.requireText("body", 20000, "consultations.error.body.required", "consultations.error.body.tooLong");
        Long org = null;
        if (withOwner) {
            String owner = form.value("owner");
            if (owner.equals("council")) {
                if (!user.has(Role.OFFICER)) form.error("owner", "consultations.error.owner");
            } else {
                Optional<Long> id = parseId(owner).filter(o -> manageableOrganisations(user).stream().anyMatch(m -> m.id() == o));
                if (id.isEmpty()) form.error("owner", "consultations.error.owner");
                else org = id.get();
            }
        }
        Long place = null;
        if (!form.value("place").isBlank()) {
            place = parseId(form.value("place")).filter(p -> places.find(p).isPresent()).orElse(null);
            if (place == null) form.error("place", "consultations.error.place");
        }
        LocalDate opens = date(form, "opens", "consultations.error.opens");
        LocalDate closes = date(form, "closes", "consultations.error.closes");
        if (opens != null && closes != null && closes.isBefore(opens)) form.error("closes", "consultations.error.closesBeforeOpens");
        return new Details(title, body, org, place, opens, closes, form.value("answersPublic").equals("yes"));
    }

    private static LocalDate date(Form form, String field, String errorKey) {
        LocalDate d = form.date(field, errorKey);
        if (d == null || (d.getYear() >= 2000 && d.getYear() <= 2100)) return d;
        form.error(field, errorKey);
        return null;
    }

    public Optional<Long> create(CurrentUser user, Form form, Actor actor) {
        Details d = details(user, form, true);
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO consultations (organisation_id, title, body, place_id, opens_on, closes_on, answers_public, created_by)
                    VALUES (:org, :title, :body, :place, :opens, :closes, :public, :by)""")
                    .bind("org", d.organisationId).bind("title", d.title).bind("body", d.body).bind("place", d.placeId)
                    .bind("opens", d.opens).bind("closes", d.closes).bind("public", d.answersPublic).bind("by", user.id())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "consultation.created", "consultation:" + id, d.title);
            return id;
        }));
    }

    public Optional<Refusal> edit(CurrentUser user, long id, Form form, Actor actor) {
        return change(user, id, false, (h, c) -> {
            Details d = details(user, form, false);
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("""
                    UPDATE consultations SET title = :title, body = :body, place_id = :place, opens_on = :opens, closes_on = :closes,
                           answers_public = :public, updated_at = now() WHERE id = :id""")
                    .bind("title", d.title).bind("body", d.body).bind("place", d.placeId).bind("opens", d.opens).bind("closes", d.closes)
                    .bind("public", d.answersPublic).bind("id", id).execute();
            audit.record(h, actor, "consultation.edited", "consultation:" + id, d.title);
            return Optional.empty();
        });
    }

    public Optional<Refusal> addWorkstream(CurrentUser user, long id, Form form, Actor actor) {
        return change(user, id, true, (h, c) -> {
            String title = form.requireText("workstream", 200, "consultations.error.workstream.required", "consultations.error.workstream.tooLong");
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("""
                    INSERT INTO consultation_workstreams (consultation_id, position, title)
                    VALUES (:c, (SELECT coalesce(max(position), 0) + 1 FROM consultation_workstreams WHERE consultation_id = :c), :t)""")
                    .bind("c", id).bind("t", title).execute();
            audit.record(h, actor, "consultation.workstream_added", "consultation:" + id, title);
            return Optional.empty();
        });
    }

    public Optional<Refusal> deleteWorkstream(CurrentUser user, long id, long workstreamId, Actor actor) {
        return change(user, id, true, (h, c) -> {
            int n = h.createUpdate("DELETE FROM consultation_workstreams WHERE id = :w AND consultation_id = :c").bind("w", workstreamId).bind("c", id).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            audit.record(h, actor, "consultation.workstream_deleted", "consultation:" + id, "workstream:" + workstreamId);
            return Optional.empty();
        });
    }

    /**
     * Adds a question at the end of a workstream after checking its definition (see {@link QuestionDefinition}). A
     * conversation is started with it, in the same transaction, about this consultation, run by its owners (the
     * council's, or the organiser's who adds it), and withheld while the consultation is a draft.
     */
    public Optional<Refusal> addQuestion(CurrentUser user, long id, long workstreamId, Form form, Actor actor) {
        return change(user, id, true, (h, c) -> {
            boolean ours = h.createQuery("SELECT 1 FROM consultation_workstreams WHERE id = :w AND consultation_id = :c")
                    .bind("w", workstreamId).bind("c", id).mapTo(Integer.class).findOne().isPresent();
            if (!ours) return Optional.of(Refusal.NOT_FOUND);
            Optional<QuestionDefinition> q = QuestionDefinition.read(form, conversations);
            if (q.isEmpty()) return Optional.of(Refusal.INVALID);
            QuestionDefinition d = q.get();
            Long conversation = d.conversation() == null ? null : conversations.start(h, d.prompt(), d.conversation(),
                    new Subject(ConsultationIndex.KIND, id), user.id(), c.organisationId() == null, c.draft(), actor);
            long qid = h.createUpdate("""
                    INSERT INTO consultation_questions (consultation_id, workstream_id, position, kind, prompt, max_length, max_choices, scale, low_label,
                                                        high_label, conversation_id)
                    VALUES (:c, :w, (SELECT coalesce(max(position), 0) + 1 FROM consultation_questions WHERE workstream_id = :w),
                            :kind, :prompt, :maxLength, :maxChoices, :scale, :low, :high, :conversation)""")
                    .bind("c", id).bind("w", workstreamId).bind("kind", d.kind()).bind("prompt", d.prompt()).bind("maxLength", d.maxLength())
                    .bind("maxChoices", d.maxChoices()).bind("scale", d.scale()).bind("low", d.lowLabel()).bind("high", d.highLabel())
                    .bind("conversation", conversation).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int position = 0;
            for (String label : d.options()) {
                h.createUpdate("INSERT INTO consultation_options (question_id, position, label) VALUES (:q, :p, :l)")
                        .bind("q", qid).bind("p", ++position).bind("l", label).execute();
            }
            audit.record(h, actor, "consultation.question_added", "consultation:" + id, d.kind() + ": " + d.prompt());
            return Optional.empty();
        });
    }

    public Optional<Refusal> deleteQuestion(CurrentUser user, long id, long questionId, Actor actor) {
        return change(user, id, true, (h, c) -> {
            Optional<Long> conversation = h.createQuery("SELECT conversation_id FROM consultation_questions WHERE id = :q AND consultation_id = :c")
                    .bind("q", questionId).bind("c", id).mapTo(Long.class).findOne();
            int n = h.createUpdate("DELETE FROM consultation_questions WHERE id = :q AND consultation_id = :c").bind("q", questionId).bind("c", id).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            // Its conversation goes too while nobody but the owners has seen it; one already shown is closed, its report kept.
            conversation.ifPresent(cid -> conversations.discard(h, cid, actor));
            audit.record(h, actor, "consultation.question_deleted", "consultation:" + id, "question:" + questionId);
            return Optional.empty();
        });
    }

    /** Publishes a draft that has at least one question, and tells the followers of its subject. */
    public Optional<Refusal> publish(CurrentUser user, long id, Form form, Actor actor) {
        Optional<Refusal> refused = change(user, id, false, (h, c) -> {
            if (!c.draft()) return Optional.of(Refusal.CLOSED);
            long questions = h.createQuery("SELECT count(*) FROM consultation_questions WHERE consultation_id = :c").bind("c", id).mapTo(Long.class).one();
            if (questions == 0) {
                form.error("publish", "consultations.error.noQuestions");
                return Optional.of(Refusal.INVALID);
            }
            h.createUpdate("UPDATE consultations SET status = 'published', updated_at = now() WHERE id = :id").bind("id", id).execute();
            for (long conversation : conversationIds(h, id)) conversations.release(h, conversation);
            audit.record(h, actor, "consultation.published", "consultation:" + id, c.title());
            return Optional.empty();
        });
        if (refused.isEmpty()) {
            Consultation c = find(id).orElseThrow();
            subjects.announce(SubjectChange.toFollowers(new Subject(ConsultationIndex.KIND, id), actor.accountId(), "consultations.announce.published",
                    c.title(), c.opensOn().toString(), c.closesOn().toString()));
        }
        return refused;
    }

    public Optional<Refusal> close(CurrentUser user, long id, Actor actor) {
        return change(user, id, false, (h, c) -> {
            if (!c.status().equals("published")) return Optional.of(Refusal.CLOSED);
            h.createUpdate("UPDATE consultations SET status = 'closed', closed_on = :today, updated_at = now() WHERE id = :id")
                    .bind("today", LocalDate.now(ConsultationsFeature.ZONE)).bind("id", id).execute();
            for (long conversation : conversationIds(h, id)) conversations.close(h, conversation, actor);
            audit.record(h, actor, "consultation.closed", "consultation:" + id, c.title());
            return Optional.empty();
        });
    }

    /**
     * Saves the outcome text of each workstream (fields {@code outcome-<workstream id>}); with {@code publish} it also
     * publishes the report, which needs the consultation to be over, and tells its followers.
     */
    public Optional<Refusal> saveOutcome(CurrentUser user, long id, Form form, boolean publish, LocalDate today, Actor actor) {
        Optional<Refusal> refused = change(user, id, false, (h, c) -> {
            List<Workstream> streams = structure(h, id);
            Map<Long, String> texts = new LinkedHashMap<>();
            for (Workstream w : streams) {
                String field = "outcome-" + w.id();
                String text = form.value(field).strip();
                form.set(field, text);
                if (text.length() > 20000) form.error(field, "consultations.error.outcome.tooLong");
                else if (text.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) form.error(field, "error.controlCharacters");
                texts.put(w.id(), text);
            }
            if (publish && !c.finished(today)) form.error("outcome", "consultations.error.outcome.notFinished");
            if (publish && texts.values().stream().allMatch(String::isEmpty)) form.error("outcome", "consultations.error.outcome.empty");
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            for (var e : texts.entrySet()) {
                h.createUpdate("UPDATE consultation_workstreams SET outcome = :t WHERE id = :w").bind("t", e.getValue().isEmpty() ? null : e.getValue())
                        .bind("w", e.getKey()).execute();
            }
            if (publish) h.createUpdate("UPDATE consultations SET outcome_published_at = coalesce(outcome_published_at, now()) WHERE id = :id").bind("id", id).execute();
            audit.record(h, actor, publish ? "consultation.outcome_published" : "consultation.outcome_saved", "consultation:" + id, null);
            return Optional.empty();
        });
        if (refused.isEmpty() && publish) {
            Consultation c = find(id).orElseThrow();
            subjects.announce(SubjectChange.toFollowers(new Subject(ConsultationIndex.KIND, id), actor.accountId(), "consultations.announce.outcome", c.title()));
        }
        return refused;
    }

    /** The conversations the consultation's questions embed. */
    private static List<Long> conversationIds(Handle h, long consultationId) {
        return h.createQuery("SELECT conversation_id FROM consultation_questions WHERE consultation_id = :c AND conversation_id IS NOT NULL ORDER BY id")
                .bind("c", consultationId).mapTo(Long.class).list();
    }

    @FunctionalInterface
    private interface Change {
        Optional<Refusal> apply(Handle h, Consultation c);
    }

    /**
     * Runs an owner's change under a row lock and keeps search in step; {@code questions} changes are refused once anyone
     * has answered.
     */
    private Optional<Refusal> change(CurrentUser user, long id, boolean questions, Change change) {
        return jdbi.inTransaction(h -> {
            Optional<Consultation> c = h.createQuery(SELECT + " WHERE c.id = :id FOR UPDATE OF c").bind("id", id).map((rs, x) -> consultation(rs)).findOne();
            if (c.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (!mayManage(user, c.get())) return Optional.of(Refusal.FORBIDDEN);
            if (questions && (hasAnswers(h, id) || c.get().status().equals("closed"))) return Optional.of(Refusal.CLOSED);
            Optional<Refusal> r = change.apply(h, c.get());
            if (r.isPresent()) h.rollback();
            // Search holds the title, body and questions: every accepted change brings it up to date in the same transaction.
            else index.update(h, id);
            return r;
        });
    }

    static Optional<Long> parseId(String value) {
        if (value == null || value.isEmpty() || value.length() > 18) return Optional.empty();
        for (int i = 0; i < value.length(); i++) if (!Character.isDigit(value.charAt(i))) return Optional.empty();
        long v = Long.parseLong(value);
        return v > 0 ? Optional.of(v) : Optional.empty();
    }

    static Consultation consultation(ResultSet rs) throws SQLException {
        return new Consultation(rs.getLong("id"), (Long) rs.getObject("organisation_id"), null, rs.getString("title"),
                rs.getString("body"), (Long) rs.getObject("place_id"), rs.getString("place_name"), rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class), rs.getString("status"), rs.getBoolean("answers_public"),
                rs.getObject("outcome_published_at", java.time.OffsetDateTime.class), rs.getObject("closed_on", LocalDate.class));
    }
}
