package org.commonweal.platform.library;

import org.commonweal.platform.budgets.Money;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/** Residents and organisers write stories as drafts and send them for review; officers publish them. Officers' steps are audited. */
public final class StoryService {
    static final String CURRENCY = "GBP";
    static final int PAGE_SIZE = 20;
    static final String[] FIELDS = {"title", "summary", "problem", "approach", "place", "theme", "purpose", "participants", "startedOn",
            "endedOn", "outcomes", "evidence", "cost", "lessons", "group", "sourceKind", "sourceId", "tags", "people"};
    private static final String SELECT = """
            SELECT s.id, s.author_id, s.place_id, s.group_id, s.title, s.summary, s.problem, s.approach, s.theme, s.purpose,
                   s.participants, s.started_on, s.ended_on, s.outcomes, s.evidence, s.cost_minor, s.lessons, s.source_kind, s.source_id,
                   s.status, s.published_at, a.name AS author_name, p.name AS place_name
              FROM library_stories s JOIN places p ON p.id = s.place_id LEFT JOIN accounts a ON a.id = s.author_id""";

    /** The list's filters: words ("" = any), a place with the places inside it (null = anywhere), theme, purpose and tag ("" = any). */
    public record Browse(String text, Long placeId, String theme, String purpose, String tag, int page) {
    }

    /** A published story like another, with how many things they share (theme, purpose, place). */
    public record Similar(long id, String title, String placeName, int shared) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;
    private final Subjects subjects;
    private final StoryIndex index;
    private final LongPredicate groupExists;
    private final NamedPeople named;

    StoryService(Jdbi jdbi, AuditLog audit, PlaceService places, Subjects subjects, StoryIndex index, LongPredicate groupExists, NamedPeople named) {
        this.named = named;
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
        this.subjects = subjects;
        this.index = index;
        this.groupExists = groupExists;
    }

    public Optional<Story> find(long id) {
        return jdbi.withHandle(h -> find(h, id, false));
    }

    static Optional<Story> find(Handle h, long id, boolean lock) {
        return h.createQuery(SELECT + " WHERE s.id = :id" + (lock ? " FOR UPDATE OF s" : "")).bind("id", id).map((rs, c) -> story(rs)).findOne();
    }

    /** One page of published stories, newest first (best match first when words are given), plus one more when a further page exists. */
    public List<Story> browse(Browse b) {
        List<Long> within = b.placeId() == null ? null : new ArrayList<>(places.within(b.placeId()));
        String text = b.text() == null ? "" : b.text().strip();
        return jdbi.withHandle(h -> {
            var q = h.createQuery(SELECT + "\n" + """
                     WHERE s.status = 'published' AND %s AND (:theme = '' OR s.theme = :theme) AND (:purpose = '' OR s.purpose = :purpose)
                       AND (:text = '' OR s.document @@ plainto_tsquery('english', :text))
                       AND (:tag = '' OR EXISTS (SELECT 1 FROM library_story_tags t WHERE t.story_id = s.id AND t.tag = :tag))
                     ORDER BY s.published_at DESC, s.id DESC LIMIT :limit OFFSET :offset""".formatted(
                            within == null ? "TRUE" : "s.place_id = ANY(:places)"))
                    .bind("theme", b.theme() == null ? "" : b.theme()).bind("purpose", b.purpose() == null ? "" : b.purpose())
                    .bind("text", text).bind("tag", StoryTags.normalise(b.tag())).bind("limit", PAGE_SIZE + 1).bind("offset", (long) Math.max(0, b.page()) * PAGE_SIZE);
            if (within != null) q.bindArray("places", Long.class, within.toArray(Long[]::new));
            return q.map((rs, c) -> story(rs)).list();
        });
    }

    /** Stories sent for review, oldest first: the officers' queue. */
    public List<Story> awaitingReview() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE s.status = 'submitted' ORDER BY s.updated_at, s.id").map((rs, c) -> story(rs)).list());
    }

    /** A person's own stories in any state but withdrawn. */
    public List<Story> byAuthor(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE s.author_id = :a AND s.status <> 'withdrawn' ORDER BY s.id DESC")
                .bind("a", accountId).map((rs, c) -> story(rs)).list());
    }

    /**
     * Published stories sharing the most with this one: one point each for the same theme, the same purpose and the same
     * place, so a story from the same place about the same theme ranks above one sharing only its theme; newest first among equals.
     */
    public List<Similar> similar(Story s, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT o.id, o.title, p.name AS place_name,
                       (o.theme = :theme)::int + (o.purpose = :purpose)::int + (o.place_id = :place)::int AS shared
                  FROM library_stories o JOIN places p ON p.id = o.place_id
                 WHERE o.status = 'published' AND o.id <> :id AND (o.theme = :theme OR o.purpose = :purpose OR o.place_id = :place)
                 ORDER BY shared DESC, o.published_at DESC, o.id DESC LIMIT :limit""")
                .bind("theme", s.theme()).bind("purpose", s.purpose()).bind("place", s.placeId()).bind("id", s.id()).bind("limit", limit)
                .map((rs, c) -> new Similar(rs.getLong("id"), rs.getString("title"), rs.getString("place_name"), rs.getInt("shared"))).list());
    }

    /** A group's published stories, newest first. */
    public List<Story> forGroup(long groupId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE s.group_id = :g AND s.status = 'published' ORDER BY s.published_at DESC, s.id DESC LIMIT :l")
                .bind("g", groupId).bind("l", limit).map((rs, c) -> story(rs)).list());
    }

    /** The story's tags, in alphabetical order. */
    public List<String> tags(long storyId) {
        return jdbi.withHandle(h -> StoryTags.of(h, storyId));
    }

    /** The addresses of the people the story names, as its author gave them (only its author and officers see them). */
    public List<String> namedPeople(long storyId) {
        return jdbi.withHandle(h -> NamedPeople.ofStory(h, storyId));
    }

    /** Writes a draft; empty (with the form's errors) when the input is refused. */
    public Optional<Long> create(long authorId, Form form, Actor actor) {
        Fields f = validate(form);
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO library_stories (author_id, place_id, title, summary, problem, approach, theme, purpose, outcomes) "
                            + "VALUES (:a, :place, '-', '-', '-', '-', '-', '-', '-')")
                    .bind("a", authorId).bind("place", f.placeId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            save(h, id, f, authorId);
            audit.record(h, actor, "library.story.drafted", "story:" + id, f.title);
            return id;
        }));
    }

    /** The author changes their story until it is published. */
    public Optional<Refusal> edit(long id, long accountId, Form form, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Story> s = find(h, id, true);
            Optional<Refusal> refused = authorMayChange(s, accountId);
            if (refused.isPresent()) return refused;
            Fields f = validate(form);
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            save(h, id, f, accountId);
            audit.record(h, actor, "library.story.edited", "story:" + id, f.title);
            return Optional.empty();
        });
    }

    /** The author sends the draft for an officer to review. */
    public Optional<Refusal> submit(long id, long accountId, Actor actor) {
        return move(id, Optional.of(accountId), "draft", "submitted", actor);
    }

    /** An officer publishes a story sent for review: it enters search, the open data, its group's page and similar stories. */
    public Optional<Refusal> publish(long id, Actor actor) {
        return move(id, Optional.empty(), "submitted", "published", actor);
    }

    /** An officer sends a story back to its author as a draft. */
    public Optional<Refusal> returnToAuthor(long id, Actor actor) {
        return move(id, Optional.empty(), "submitted", "draft", actor);
    }

    /** The author withdraws their story, or an officer takes a published one down. */
    public Optional<Refusal> withdraw(long id, Optional<Long> author, Actor actor) {
        return move(id, author, null, "withdrawn", actor);
    }

    private Optional<Refusal> move(long id, Optional<Long> author, String from, String to, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Story> s = find(h, id, true);
            if (s.isEmpty() || s.get().status().equals("withdrawn")) return Optional.of(Refusal.NOT_FOUND);
            if (author.isPresent() && !author.get().equals(s.get().authorId())) return Optional.of(Refusal.FORBIDDEN);
            if (from != null && !s.get().status().equals(from)) return Optional.of(Refusal.CLOSED);
            if (author.isPresent() && s.get().published()) return Optional.of(Refusal.CLOSED);
            h.createUpdate("UPDATE library_stories SET status = :to, updated_at = now(), published_at = CASE WHEN :to = 'published' THEN now() ELSE published_at END WHERE id = :id")
                    .bind("to", to).bind("id", id).execute();
            audit.record(h, actor, "library.story." + to, "story:" + id, s.get().title());
            index.update(h, id);
            return Optional.empty();
        });
    }

    static Optional<Refusal> authorMayChange(Optional<Story> s, long accountId) {
        return Refusal.ofAuthorChange(s.isPresent() && !s.get().status().equals("withdrawn"), s.map(Story::authorId).orElse(null), accountId,
                s.map(Story::editableByAuthor).orElse(false));
    }

    private record Fields(String title, String summary, String problem, String approach, long placeId, String theme, String purpose,
                          Integer participants, LocalDate startedOn, LocalDate endedOn, String outcomes, String evidence, Long costMinor,
                          String lessons, Long groupId, String sourceKind, Long sourceId, List<String> tags,
                          List<String> people) {
    }

    private Fields validate(Form form) {
        String title = form.requireText("title", 200, "library.error.title.required", "library.error.title.tooLong");
        String summary = form.requireText("summary", 1000, "library.error.summary.required", "library.error.summary.tooLong");
        String problem = form.requireText("problem", 5000, "library.error.problem.required", "library.error.long");
        String approach = form.requireText("approach", 5000, "library.error.approach.required", "library.error.long");
        String outcomes = form.requireText("outcomes", 5000, "library.error.outcomes.required", "library.error.long");
        String evidence = optionalText(form, "evidence");
        String lessons = optionalText(form, "lessons");
        Optional<Long> place = id(form.value("place")).filter(p -> places.find(p).isPresent());
        if (place.isEmpty()) form.error("place", "library.error.place");
        String theme = form.value("theme");
        if (!Story.THEMES.contains(theme)) form.error("theme", "library.error.theme");
        String purpose = form.value("purpose");
        if (!Story.PURPOSES.contains(purpose)) form.error("purpose", "library.error.purpose");
        Integer participants = null;
        String p = form.value("participants").strip();
        if (!p.isEmpty()) {
            if (!p.matches("[0-9]{1,8}")) form.error("participants", "library.error.participants");
            else participants = Integer.parseInt(p);
        }
        LocalDate started = form.value("startedOn").isBlank() ? null : form.date("startedOn", "library.error.date");
        LocalDate ended = form.value("endedOn").isBlank() ? null : form.date("endedOn", "library.error.date");
        if (started != null && ended != null && ended.isBefore(started)) form.error("endedOn", "library.error.endBeforeStart");
        Long cost = null;
        String c = form.value("cost").strip();
        if (!c.isEmpty()) {
            Optional<Long> parsed = c.equals("0") ? Optional.of(0L) : Money.parse(c, CURRENCY);
            if (parsed.isEmpty()) form.error("cost", "library.error.cost");
            else cost = parsed.get();
        }
        Long group = null;
        if (!form.value("group").isBlank()) {
            Optional<Long> g = id(form.value("group")).filter(groupExists::test);
            if (g.isEmpty()) form.error("group", "library.error.group");
            else group = g.get();
        }
        String sourceKind = null;
        Long sourceId = null;
        if (!form.value("sourceKind").isBlank() || !form.value("sourceId").isBlank()) {
            sourceKind = form.value("sourceKind");
            sourceId = id(form.value("sourceId")).orElse(null);
            if (!Story.SOURCES.contains(sourceKind) || sourceId == null || subjects.find(new Subject(sourceKind, sourceId)).isEmpty()) {
                form.error("sourceId", "library.error.source");
            }
        }
        List<String> tags = StoryTags.read(form);
        return new Fields(title, summary, problem, approach, place.orElse(0L), theme, purpose, participants, started, ended, outcomes,
                evidence, cost, lessons, group, sourceKind, sourceId, tags, NamedPeople.readEmails(form, "people", NamedPeople.MAX_PER_STORY));
    }

    private static String optionalText(Form form, String field) {
        String v = form.value(field).strip();
        if (v.isEmpty()) return "";
        return form.requireText(field, 5000, "library.error.long", "library.error.long");
    }

    private void save(Handle h, long id, Fields f, long writerId) {
        h.createUpdate("""
                UPDATE library_stories SET place_id = :place, group_id = :group, title = :title, summary = :summary, problem = :problem,
                       approach = :approach, theme = :theme, purpose = :purpose, participants = :participants, started_on = :started,
                       ended_on = :ended, outcomes = :outcomes, evidence = :evidence, cost_minor = :cost, lessons = :lessons,
                       source_kind = :sourceKind, source_id = :sourceId, updated_at = now()
                 WHERE id = :id""")
                .bind("place", f.placeId).bind("group", f.groupId).bind("title", f.title).bind("summary", f.summary)
                .bind("problem", f.problem).bind("approach", f.approach).bind("theme", f.theme).bind("purpose", f.purpose)
                .bind("participants", f.participants).bind("started", f.startedOn).bind("ended", f.endedOn).bind("outcomes", f.outcomes)
                .bind("evidence", f.evidence).bind("cost", f.costMinor).bind("lessons", f.lessons).bind("sourceKind", f.sourceKind)
                .bind("sourceId", f.sourceId).bind("id", id).execute();
        StoryTags.save(h, id, f.tags);
        named.nameInStory(h, id, f.title, f.people, writerId);
        index.update(h, id);
    }

    static Optional<Long> id(String value) {
        try {
            long id = Long.parseLong(value == null ? "" : value.strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Story story(ResultSet rs) throws SQLException {
        return new Story(rs.getLong("id"), (Long) rs.getObject("author_id"), rs.getString("author_name"), rs.getLong("place_id"),
                rs.getString("place_name"), (Long) rs.getObject("group_id"), rs.getString("title"), rs.getString("summary"),
                rs.getString("problem"), rs.getString("approach"), rs.getString("theme"), rs.getString("purpose"),
                (Integer) rs.getObject("participants"), rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getString("outcomes"), rs.getString("evidence"), (Long) rs.getObject("cost_minor"), rs.getString("lessons"),
                rs.getString("source_kind"), (Long) rs.getObject("source_id"), rs.getString("status"),
                rs.getObject("published_at", OffsetDateTime.class));
    }
}
