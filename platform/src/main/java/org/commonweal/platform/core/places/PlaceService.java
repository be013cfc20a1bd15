package org.commonweal.platform.core.places;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The places tree: council → wards → neighbourhoods. */
public final class PlaceService {
    private static final Pattern GSS = Pattern.compile("^[EWSNK][0-9]{8}$");
    private static final String TREE = """
            WITH RECURSIVE tree AS (
                SELECT id, parent_id, kind, name, gss_code, 0 AS depth, ARRAY[lower(name)] AS path FROM places WHERE parent_id IS NULL
                UNION ALL
                SELECT p.id, p.parent_id, p.kind, p.name, p.gss_code, t.depth + 1, t.path || lower(p.name)
                FROM places p JOIN tree t ON p.parent_id = t.id)
            SELECT id, parent_id, kind, name, gss_code, depth FROM tree ORDER BY path""";

    /** The tree is read on many pages and changes rarely: keep it a few seconds (other instances' edits show within that). */
    private static final long CACHE_NANOS = 5_000_000_000L;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private volatile List<Place> cached;
    private volatile long cachedAt;

    public PlaceService(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** Every place in tree order (each parent followed by its children, alphabetically). */
    public List<Place> tree() {
        List<Place> tree = cached;
        if (tree != null && System.nanoTime() - cachedAt < CACHE_NANOS) return tree;
        tree = load();
        cached = tree;
        cachedAt = System.nanoTime();
        return tree;
    }

    private List<Place> load() {
        return jdbi.withHandle(h -> h.createQuery(TREE).map((rs, ctx) -> new Place(rs.getLong("id"), (Long) rs.getObject("parent_id"),
                rs.getString("kind"), rs.getString("name"), rs.getString("gss_code"), rs.getInt("depth"))).list().stream().toList());
    }

    /**
     * The place and every place inside it (its wards, their neighbourhoods): what "in this place" means for
     * filters, agendas and feeds. Unknown ids give the empty set.
     */
    public java.util.Set<Long> within(long placeId) {
        java.util.Set<Long> inside = new java.util.HashSet<>();
        for (Place p : tree()) {
            // Tree order lists a parent before its children, so one pass collects the subtree.
            if (p.id() == placeId || (p.parentId() != null && inside.contains(p.parentId()))) inside.add(p.id());
        }
        return inside;
    }

    public Optional<Place> find(long id) {
        return tree().stream().filter(p -> p.id() == id).findFirst();
    }

    /** Creates a place under a parent (or a council at the top); returns its id, or empty with the form's errors. */
    public Optional<Long> create(Form form, Actor actor) {
        String name = form.requireText("name", 200, "error.place.name.required", "error.place.name.tooLong");
        String gss = gss(form);
        Long parentId = null;
        String kind = "council";
        String parentValue = form.value("parent").strip();
        if (!parentValue.isEmpty()) {
            Optional<Place> parent = parse(parentValue).flatMap(this::find);
            if (parent.isEmpty() || parent.get().childKind() == null) {
                form.error("parent", "error.place.parent");
            } else {
                parentId = parent.get().id();
                kind = parent.get().childKind();
            }
        }
        if (form.hasErrors()) return Optional.empty();
        Long parent = parentId;
        String k = kind;
        return write(h -> {
            if (duplicate(h, parent, name, null)) {
                form.error("name", "error.place.name.taken");
                return Optional.empty();
            }
            if (gss != null && gssTaken(h, gss, null)) {
                form.error("gssCode", "error.place.gss.taken");
                return Optional.empty();
            }
            long id = h.createUpdate("INSERT INTO places (parent_id, kind, name, gss_code) VALUES (:p, :k, :n, :g)")
                    .bind("p", parent).bind("k", k).bind("n", name).bind("g", gss)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "place.created", "place:" + id, k + " " + name);
            return Optional.of(id);
        });
    }

    public boolean rename(long id, Form form, Actor actor) {
        String name = form.requireText("name", 200, "error.place.name.required", "error.place.name.tooLong");
        String gss = gss(form);
        Optional<Place> place = find(id);
        if (place.isEmpty()) return false;
        if (form.hasErrors()) return false;
        return write(h -> {
            if (duplicate(h, place.get().parentId(), name, id)) {
                form.error("name", "error.place.name.taken");
                return false;
            }
            if (gss != null && gssTaken(h, gss, id)) {
                form.error("gssCode", "error.place.gss.taken");
                return false;
            }
            h.createUpdate("UPDATE places SET name = :n, gss_code = :g WHERE id = :id").bind("n", name).bind("g", gss).bind("id", id).execute();
            audit.record(h, actor, "place.updated", "place:" + id, name);
            return true;
        });
    }

    /**
     * Deletes a place, or says why not as a message key: a place with places inside it, or one that something
     * (a budget, a problem, an event ...) belongs to, stays. Residents' home places fall back to none.
     */
    public Optional<String> delete(long id, Actor actor) {
        try {
            return write(h -> {
                long children = h.createQuery("SELECT count(*) FROM places WHERE parent_id = :id").bind("id", id).mapTo(Long.class).one();
                if (children > 0) return Optional.of("admin.places.hasChildren");
                h.createUpdate("DELETE FROM places WHERE id = :id").bind("id", id).execute();
                audit.record(h, actor, "place.deleted", "place:" + id, null);
                return Optional.<String>empty();
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Features' tables refer to places with ON DELETE RESTRICT; the database is the one place that knows them all.
            if (e.getCause() instanceof java.sql.SQLException sql && java.util.Set.of("23001", "23503").contains(sql.getSQLState())) {
                return Optional.of("admin.places.inUse"); // restrict_violation or foreign_key_violation
            }
            throw e;
        }
    }

    /** Runs a change and forgets the cached tree once it has committed, so no reader caches the old tree. */
    private <T> T write(org.jdbi.v3.core.HandleCallback<T, RuntimeException> change) {
        try {
            return jdbi.inTransaction(change);
        } finally {
            cached = null;
        }
    }

    private String gss(Form form) {
        String gss = form.value("gssCode").strip().toUpperCase(java.util.Locale.ROOT);
        form.set("gssCode", gss);
        if (gss.isEmpty()) return null;
        if (!GSS.matcher(gss).matches()) form.error("gssCode", "error.place.gss.invalid");
        return gss;
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean duplicate(Handle h, Long parent, String name, Long except) {
        return h.createQuery("""
                SELECT 1 FROM places WHERE parent_id IS NOT DISTINCT FROM :p AND lower(name) = lower(:n) AND id IS DISTINCT FROM :x""")
                .bind("p", parent).bind("n", name).bind("x", except).mapTo(Integer.class).findOne().isPresent();
    }

    private static boolean gssTaken(Handle h, String gss, Long except) {
        return h.createQuery("SELECT 1 FROM places WHERE gss_code = :g AND id IS DISTINCT FROM :x")
                .bind("g", gss).bind("x", except).mapTo(Integer.class).findOne().isPresent();
    }
}
