package org.commonweal.platform.problems;

import org.commonweal.platform.core.http.Photo;
import org.commonweal.platform.core.http.PhotoUpload;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Residents raise problems, edit them while open and withdraw them; officers move them on. Officers' changes are audited. */
public final class ProblemService {
    static final String SELECT = """
            SELECT r.id, r.author_id, a.name AS author_name, r.place_id, p.name AS place_name, r.title, r.description, r.theme,
                   r.status, r.status_reason, r.supporters, r.created_at, ph.alt_text AS photo_alt
            FROM problems r JOIN places p ON p.id = r.place_id LEFT JOIN accounts a ON a.id = r.author_id
                 LEFT JOIN problem_photos ph ON ph.problem_id = r.id""";
    /** Problems per page of the list. */
    public static final int PAGE_SIZE = 20;
    public static final List<String> SORTS = List.of("support", "newest");

    /** The list's filters: a place (with the places inside it; null = anywhere), theme and status ("" = any but withdrawn). */
    public record Browse(Long placeId, String theme, String status, String sort, int page) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;
    private final ProblemIndex index;
    private final Subjects subjects;
    private final Messages messages;

    ProblemService(Jdbi jdbi, AuditLog audit, PlaceService places, ProblemIndex index, Subjects subjects, Messages messages) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
        this.index = index;
        this.subjects = subjects;
        this.messages = messages;
    }

    public Optional<Problem> find(long id) {
        return jdbi.withHandle(h -> find(h, id, false));
    }

    static Optional<Problem> find(Handle h, long id, boolean lock) {
        return h.createQuery(SELECT + " WHERE r.id = :id" + (lock ? " FOR UPDATE OF r" : "")).bind("id", id).map((rs, c) -> problem(rs)).findOne();
    }

    /** One page of problems, plus one more when a further page exists. */
    public List<Problem> browse(Browse b) {
        List<Long> within = b.placeId() == null ? null : new ArrayList<>(places.within(b.placeId()));
        String order = "newest".equals(b.sort()) ? "r.id DESC" : "r.supporters DESC, r.id DESC";
        String status = b.status() == null ? "" : b.status();
        return jdbi.withHandle(h -> {
            var q = h.createQuery(SELECT + "\n" + """
                     WHERE %s AND (:theme = '' OR r.theme = :theme) AND %s
                     ORDER BY %s LIMIT :limit OFFSET :offset""".formatted(
                            within == null ? "TRUE" : "r.place_id = ANY(:places)",
                            status.isEmpty() ? "r.status <> 'withdrawn'" : "r.status = :status", order))
                    .bind("theme", b.theme() == null ? "" : b.theme())
                    .bind("limit", PAGE_SIZE + 1).bind("offset", (long) Math.max(0, b.page()) * PAGE_SIZE);
            if (within != null) q.bindArray("places", Long.class, within.toArray(Long[]::new));
            if (!status.isEmpty()) q.bind("status", status);
            return q.map((rs, c) -> problem(rs)).list();
        });
    }

    /** Posts a problem; empty (with the form's errors) when the input is refused. */
    public Optional<Long> create(long authorId, Form form, PhotoUpload upload, Actor actor) {
        Fields f = validate(form, upload, false);
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO problems (author_id, place_id, title, description, theme) VALUES (:author, :place, :title, :description, :theme)""")
                    .bind("author", authorId).bind("place", f.placeId).bind("title", f.title).bind("description", f.description)
                    .bind("theme", f.theme).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            if (f.photo != null) savePhoto(h, id, f.photo);
            audit.record(h, actor, "problem.posted", "problem:" + id, f.title);
            index.updateProblem(h, id);
            return id;
        }));
    }

    /** The author changes their problem while it is still open; a new photo replaces the old, "removePhoto" drops it. */
    public Optional<Refusal> edit(long id, long accountId, Form form, PhotoUpload upload, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Problem> p = find(h, id, true);
            Optional<Refusal> refused = authorMayChange(p, accountId);
            if (refused.isPresent()) return refused;
            Fields f = validate(form, upload, p.get().hasPhoto() && !"on".equals(form.value("removePhoto")));
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("""
                    UPDATE problems SET place_id = :place, title = :title, description = :description, theme = :theme, updated_at = now()
                    WHERE id = :id""").bind("place", f.placeId).bind("title", f.title).bind("description", f.description)
                    .bind("theme", f.theme).bind("id", id).execute();
            if ("on".equals(form.value("removePhoto")) && f.photo == null) {
                h.createUpdate("DELETE FROM problem_photos WHERE problem_id = :id").bind("id", id).execute();
            } else if (f.photo != null) {
                savePhoto(h, id, f.photo);
            } else if (p.get().hasPhoto()) {
                h.createUpdate("UPDATE problem_photos SET alt_text = :alt WHERE problem_id = :id").bind("alt", f.photoAlt).bind("id", id).execute();
            }
            audit.record(h, actor, "problem.edited", "problem:" + id, f.title);
            index.updateProblem(h, id);
            return Optional.empty();
        });
    }

    public Optional<Refusal> withdraw(long id, long accountId, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Problem> p = find(h, id, true);
            Optional<Refusal> refused = authorMayChange(p, accountId);
            if (refused.isPresent()) return refused;
            h.createUpdate("UPDATE problems SET status = 'withdrawn', updated_at = now() WHERE id = :id").bind("id", id).execute();
            audit.record(h, actor, "problem.withdrawn", "problem:" + id, null);
            index.updateProblem(h, id);
            return Optional.empty();
        });
    }

    /**
     * An officer moves the problem to another status (any but withdrawn, in any order: a solved problem may come back);
     * closing needs a reason residents can read, other statuses take an optional note. Followers hear of it.
     */
    public Optional<Refusal> changeStatus(long id, Form form, Actor actor) {
        StatusDecision decision = StatusDecision.read(form, Problem.OFFICER_STATUSES, "closed");
        if (!decision.valid()) return Optional.of(Refusal.INVALID);
        String status = decision.status();
        String reason = decision.reason();
        Optional<Problem> changed = jdbi.inTransaction(h -> {
            Optional<Problem> p = find(h, id, true);
            if (p.isEmpty() || p.get().withdrawn()) return Optional.<Problem>empty();
            h.createUpdate("UPDATE problems SET status = :s, status_reason = :r, updated_at = now() WHERE id = :id")
                    .bind("s", status).bind("r", reason.isEmpty() ? null : reason).bind("id", id).execute();
            audit.record(h, actor, "problem.status", "problem:" + id, p.get().status() + " -> " + status + (reason.isEmpty() ? "" : ": " + reason));
            index.updateProblem(h, id);
            return p;
        });
        if (changed.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (!changed.get().status().equals(status)) {
            subjects.announce(SubjectChange.toFollowers(new Subject(ProblemIndex.PROBLEM, id), actor.accountId(), "problems.announce.status",
                    changed.get().title(), messages.get("problems.status." + status)));
        }
        return Optional.empty();
    }

    /** The photo of a problem residents can see. */
    public Optional<Photo> photo(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT ph.content_type, ph.alt_text, ph.bytes FROM problem_photos ph JOIN problems r ON r.id = ph.problem_id
                WHERE ph.problem_id = :id AND r.status <> 'withdrawn'""").bind("id", id)
                .map((rs, c) -> new Photo(rs.getString("content_type"), rs.getString("alt_text"), rs.getBytes("bytes"))).findOne());
    }

    private static Optional<Refusal> authorMayChange(Optional<Problem> p, long accountId) {
        return Refusal.ofAuthorChange(p.isPresent(), p.map(Problem::authorId).orElse(null), accountId, p.map(Problem::editableByAuthor).orElse(false));
    }

    private record Fields(String title, String description, String theme, long placeId, Photo photo, String photoAlt) {
    }

    /** Checks the fields; {@code keepsPhoto} says an existing photo stays, so its alt text is still required. */
    private Fields validate(Form form, PhotoUpload upload, boolean keepsPhoto) {
        String title = form.requireText("title", 200, "problems.error.title.required", "problems.error.title.tooLong");
        String description = form.requireText("description", 5000, "problems.error.description.required", "problems.error.description.tooLong");
        String theme = form.value("theme");
        if (!Problem.THEMES.contains(theme)) form.error("theme", "problems.error.theme");
        Optional<Long> place = parseId(form.value("place")).filter(id -> places.find(id).isPresent());
        if (place.isEmpty()) form.error("place", "problems.error.place");
        // The photo is optional, checked as every photo is (Photo.accept); one already there still needs its description.
        Photo photo = upload == null ? null : Photo.accept(form, upload, "photo", "photoAlt").orElse(null);
        if (upload == null && keepsPhoto) form.requireText("photoAlt", Photo.MAX_ALT, "photo.error.alt.required", "photo.error.alt.tooLong");
        String alt = form.value("photoAlt").strip();
        return new Fields(title, description, theme, place.orElse(0L), photo, alt);
    }

    private static void savePhoto(Handle h, long problemId, Photo photo) {
        h.createUpdate("""
                INSERT INTO problem_photos (problem_id, content_type, alt_text, bytes) VALUES (:id, :type, :alt, :bytes)
                ON CONFLICT (problem_id) DO UPDATE SET content_type = excluded.content_type, alt_text = excluded.alt_text, bytes = excluded.bytes""")
                .bind("id", problemId).bind("type", photo.contentType()).bind("alt", photo.altText()).bind("bytes", photo.bytes()).execute();
    }

    static Optional<Long> parseId(String value) {
        try {
            long id = Long.parseLong(value == null ? "" : value.strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Problem problem(ResultSet rs) throws SQLException {
        String alt = rs.getString("photo_alt");
        return new Problem(rs.getLong("id"), (Long) rs.getObject("author_id"), rs.getString("author_name"), rs.getLong("place_id"),
                rs.getString("place_name"), rs.getString("title"), rs.getString("description"), rs.getString("theme"), rs.getString("status"),
                rs.getString("status_reason"), rs.getInt("supporters"), alt != null, alt, rs.getObject("created_at", OffsetDateTime.class));
    }
}
