package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Photo;
import org.commonweal.platform.core.http.PhotoUpload;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each funded project is being delivered, as Decidim's accountability shows it: a status with a percentage of
 * progress (every update kept, the newest is current), dated milestones, and photos. Officers report; residents see it
 * on the project's page and the process page, and the project's followers hear of every change. Only projects funded
 * in a <em>published</em> result have a delivery (a provisional count selects nothing yet).
 */
public final class DeliveryService {
    public static final List<String> STATUSES = List.of("not_started", "in_progress", "done", "cancelled");
    static final int MAX_PHOTOS = 12;

    /** One published update; the newest is the project's current status. */
    public record Update(String status, int progress, String note, OffsetDateTime at) {
    }

    /** Where a project stands now: its latest update, or not started at 0 %. */
    public record Current(String status, int progress) {
        public static final Current NONE = new Current("not_started", 0);
    }

    /** A dated step of delivery; it is overdue when its planned date has passed and it is not done. */
    public record Milestone(long id, String title, String description, LocalDate plannedOn, LocalDate doneOn) {
        public boolean overdue(LocalDate today) {
            return doneOn == null && plannedOn.isBefore(today);
        }
    }

    /** A photo as pages list it (the bytes are fetched only when served). */
    public record PhotoInfo(long id, String altText) {
    }

    /** A funded project of a process with where its delivery stands, for the process page's overview. */
    public record Project(long proposalId, String title, String theme, long potId, String potName, Current current) {
    }

    /** Everything a project's page shows of its delivery. */
    public record View(Current current, List<Update> updates, List<Milestone> milestones, List<PhotoInfo> photos, LocalDate today) {
    }

    private static final String PUBLISHED_FUNDED = """
            SELECT rp.proposal_id FROM budget_result_projects rp JOIN budget_pots t ON t.id = rp.pot_id
            JOIN budget_processes b ON b.id = t.process_id WHERE rp.funded AND b.phase IN ('results', 'delivery')""";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Subjects subjects;

    /** @param subjects where each delivery change is announced to the project's followers */
    public DeliveryService(Jdbi jdbi, AuditLog audit, Subjects subjects) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.subjects = subjects;
    }

    /** Newest first. */
    public List<Update> updates(long proposalId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status, progress, note, created_at FROM budget_delivery_updates WHERE proposal_id = :p ORDER BY id DESC")
                .bind("p", proposalId).map((rs, c) -> new Update(rs.getString("status"), rs.getInt("progress"), rs.getString("note"),
                        rs.getObject("created_at", OffsetDateTime.class))).list());
    }

    public View view(long proposalId) {
        List<Update> updates = updates(proposalId);
        return new View(current(updates), updates, milestones(proposalId), photos(proposalId), today());
    }

    public Current current(List<Update> updates) {
        return updates.isEmpty() ? Current.NONE : new Current(updates.getFirst().status(), updates.getFirst().progress());
    }

    /** Where each funded project of a pot that has any update stands. */
    public Map<Long, Current> current(long potId) {
        Map<Long, Current> current = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT DISTINCT ON (u.proposal_id) u.proposal_id, u.status, u.progress FROM budget_delivery_updates u
                JOIN budget_proposals r ON r.id = u.proposal_id WHERE r.pot_id = :p ORDER BY u.proposal_id, u.id DESC""")
                .bind("p", potId).map((rs, c) -> Map.entry(rs.getLong("proposal_id"), new Current(rs.getString("status"), rs.getInt("progress"))))
                .forEach(e -> current.put(e.getKey(), e.getValue())));
        return current;
    }

    /** Every project funded in the process's published results, by pot and then title, with its current delivery. */
    public List<Project> projects(long processId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT r.id, r.title, r.theme, t.id AS pot_id, t.name AS pot_name, u.status, u.progress
                FROM budget_proposals r JOIN budget_pots t ON t.id = r.pot_id
                LEFT JOIN LATERAL (SELECT status, progress FROM budget_delivery_updates WHERE proposal_id = r.id ORDER BY id DESC LIMIT 1) u ON true
                WHERE t.process_id = :p AND r.id IN (""" + PUBLISHED_FUNDED + ") ORDER BY t.id, r.title, r.id")
                .bind("p", processId)
                .map((rs, c) -> new Project(rs.getLong("id"), rs.getString("title"), rs.getString("theme"), rs.getLong("pot_id"), rs.getString("pot_name"),
                        rs.getString("status") == null ? Current.NONE : new Current(rs.getString("status"), rs.getInt("progress")))).list());
    }

    /**
     * The overall progress of some projects: the mean of their percentages, leaving out cancelled ones (they will not
     * be delivered, and counting them at 0 % would understate the rest). Null when none is left.
     */
    public static Integer overall(List<Project> projects) {
        var going = projects.stream().filter(p -> !p.current().status().equals("cancelled")).mapToInt(p -> p.current().progress()).summaryStatistics();
        return going.getCount() == 0 ? null : (int) Math.round(going.getAverage());
    }

    /** The proposals of a process funded in their pots' published results: the selected ones. */
    public java.util.Set<Long> fundedIn(long processId) {
        return java.util.Set.copyOf(projects(processId).stream().map(Project::proposalId).toList());
    }

    /** Whether the proposal was funded in its pot's published result (only those have a delivery). */
    public boolean funded(long proposalId) {
        return jdbi.withHandle(h -> funded(h, proposalId));
    }

    private static boolean funded(Handle h, long proposalId) {
        return h.createQuery("SELECT EXISTS (" + PUBLISHED_FUNDED + " AND rp.proposal_id = :p)").bind("p", proposalId).mapTo(Boolean.class).one();
    }

    /**
     * Records an update for a funded project: a status, a percentage of progress (0 to 100; left blank it stays as it
     * was, or becomes 100 for a delivered project) and a note, which a cancellation needs as its reason. False with the
     * form's errors otherwise.
     */
    public boolean update(long proposalId, Form form, Actor actor) {
        String status = form.value("status");
        if (!STATUSES.contains(status)) form.error("status", "budgets.error.deliveryStatus");
        String note = form.value("note").strip();
        form.set("note", note);
        if (note.length() > 2000) form.error("note", "budgets.error.reason.tooLong");
        else if (status.equals("cancelled") && note.isEmpty()) form.error("note", "budgets.error.cancelReason");
        Integer progress = progress(form, status, current(updates(proposalId)).progress());
        if (!funded(proposalId)) form.error("status", "budgets.error.notFunded");
        if (form.hasErrors()) return false;
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO budget_delivery_updates (proposal_id, status, progress, note) VALUES (:p, :s, :g, :n)")
                    .bind("p", proposalId).bind("s", status).bind("g", progress).bind("n", note).execute();
            audit.record(h, actor, "budget.delivery.updated", "proposal:" + proposalId, status + " " + progress + "%");
        });
        announce(proposalId, actor, "budgets.announce.delivery." + status, note, String.valueOf(progress));
        return true;
    }

    /** The percentage typed (a whole number 0–100, a trailing % allowed), or what a blank one means; null with an error. */
    private static Integer progress(Form form, String status, int previous) {
        String typed = form.value("progress").strip();
        if (typed.endsWith("%")) typed = typed.substring(0, typed.length() - 1).strip();
        form.set("progress", typed);
        if (typed.isEmpty()) return status.equals("done") ? 100 : previous;
        int value;
        try {
            value = Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > 100) {
            form.error("progress", "budgets.error.progress");
            return null;
        }
        if (status.equals("done") && value != 100) form.error("progress", "budgets.error.progressDone");
        return value;
    }

    /** Listed by planned date. */
    public List<Milestone> milestones(long proposalId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, title, description, planned_on, done_on FROM budget_milestones WHERE proposal_id = :p ORDER BY planned_on, id""")
                .bind("p", proposalId).map((rs, c) -> new Milestone(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                        rs.getObject("planned_on", LocalDate.class), rs.getObject("done_on", LocalDate.class))).list());
    }

    public Optional<Milestone> milestone(long proposalId, long milestoneId) {
        return milestones(proposalId).stream().filter(m -> m.id() == milestoneId).findFirst();
    }

    /**
     * Adds a milestone ({@code milestoneId} null) or changes one: a title, a description, the planned date and, once it
     * is done, the date it was done (not in the future).
     */
    public Optional<Refusal> saveMilestone(long proposalId, Long milestoneId, Form form, Actor actor) {
        String title = form.requireText("milestoneTitle", 200, "budgets.error.milestoneTitle.required", "budgets.error.milestoneTitle.tooLong");
        String description = form.value("milestoneDescription").strip();
        form.set("milestoneDescription", description);
        if (description.length() > 2000) form.error("milestoneDescription", "budgets.error.reason.tooLong");
        LocalDate planned = form.value("plannedOn").isBlank() ? null : form.date("plannedOn", "budgets.error.date");
        if (form.value("plannedOn").isBlank()) form.error("plannedOn", "budgets.error.plannedOn");
        LocalDate done = form.value("doneOn").isBlank() ? null : form.date("doneOn", "budgets.error.date");
        if (done != null && done.isAfter(today())) form.error("doneOn", "budgets.error.doneOnFuture");
        if (!funded(proposalId)) form.error("milestoneTitle", "budgets.error.notFunded");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        boolean saved = jdbi.inTransaction(h -> {
            if (milestoneId == null) {
                long id = h.createUpdate("""
                        INSERT INTO budget_milestones (proposal_id, title, description, planned_on, done_on) VALUES (:p, :t, :d, :planned, :done)""")
                        .bind("p", proposalId).bind("t", title).bind("d", description).bind("planned", planned).bind("done", done)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                audit.record(h, actor, "budget.milestone.added", "proposal:" + proposalId, "milestone " + id);
                return true;
            }
            int changed = h.createUpdate("""
                    UPDATE budget_milestones SET title = :t, description = :d, planned_on = :planned, done_on = :done WHERE id = :id AND proposal_id = :p""")
                    .bind("p", proposalId).bind("id", milestoneId).bind("t", title).bind("d", description).bind("planned", planned)
                    .bind("done", done).execute();
            if (changed == 1) audit.record(h, actor, "budget.milestone.changed", "proposal:" + proposalId, "milestone " + milestoneId);
            return changed == 1;
        });
        if (!saved) return Optional.of(Refusal.NOT_FOUND);
        announce(proposalId, actor, done != null ? "budgets.announce.milestone.done" : "budgets.announce.milestone.planned", title, planned.toString());
        return Optional.empty();
    }

    /** Marks a milestone done today (the council's date); one already done keeps its date. */
    public Optional<Refusal> markDone(long proposalId, long milestoneId, Actor actor) {
        Optional<Milestone> m = milestone(proposalId, milestoneId);
        if (m.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (m.get().doneOn() != null) return Optional.of(Refusal.ALREADY_DONE);
        if (!funded(proposalId)) return Optional.of(Refusal.CLOSED);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE budget_milestones SET done_on = :d WHERE id = :id AND done_on IS NULL").bind("d", today()).bind("id", milestoneId).execute();
            audit.record(h, actor, "budget.milestone.done", "proposal:" + proposalId, "milestone " + milestoneId);
        });
        announce(proposalId, actor, "budgets.announce.milestone.done", m.get().title(), today().toString());
        return Optional.empty();
    }

    public List<PhotoInfo> photos(long proposalId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, alt_text FROM budget_delivery_photos WHERE proposal_id = :p ORDER BY id")
                .bind("p", proposalId).map((rs, c) -> new PhotoInfo(rs.getLong("id"), rs.getString("alt_text"))).list());
    }

    /** A photo of a project residents can see: one funded in a published result. */
    public Optional<Photo> photo(long proposalId, long photoId) {
        return jdbi.withHandle(h -> funded(h, proposalId) ? h.createQuery("""
                        SELECT content_type, alt_text, bytes FROM budget_delivery_photos WHERE id = :id AND proposal_id = :p""")
                .bind("id", photoId).bind("p", proposalId)
                .map((rs, c) -> new Photo(rs.getString("content_type"), rs.getString("alt_text"), rs.getBytes("bytes"))).findOne() : Optional.empty());
    }

    /**
     * Adds a photo: JPEG, PNG or WebP by its first bytes (never the name or the browser's word), at most
     * {@link Photo#MAX_BYTES}, with alt text describing it for those who cannot see it.
     */
    public Optional<Refusal> addPhoto(long proposalId, Form form, PhotoUpload upload, Actor actor) {
        Optional<Photo> photo = Photo.accept(form, upload, "photo", "photoAlt");
        if (!funded(proposalId)) form.error("photo", "budgets.error.notFunded");
        else if (photos(proposalId).size() >= MAX_PHOTOS) form.error("photo", "budgets.error.photo.tooMany");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        Photo p = photo.orElseThrow();
        jdbi.useTransaction(h -> {
            long id = h.createUpdate("INSERT INTO budget_delivery_photos (proposal_id, content_type, alt_text, bytes) VALUES (:p, :t, :a, :b)")
                    .bind("p", proposalId).bind("t", p.contentType()).bind("a", p.altText()).bind("b", p.bytes())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "budget.photo.added", "proposal:" + proposalId, "photo " + id);
        });
        announce(proposalId, actor, "budgets.announce.photo", p.altText());
        return Optional.empty();
    }

    public Optional<Refusal> removePhoto(long proposalId, long photoId, Actor actor) {
        boolean removed = jdbi.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM budget_delivery_photos WHERE id = :id AND proposal_id = :p").bind("id", photoId).bind("p", proposalId).execute();
            if (n == 1) audit.record(h, actor, "budget.photo.removed", "proposal:" + proposalId, "photo " + photoId);
            return n == 1;
        });
        return removed ? Optional.empty() : Optional.of(Refusal.NOT_FOUND);
    }

    static LocalDate today() {
        return LocalDate.now(BudgetsFeature.COUNCIL_ZONE);
    }

    /** Tells the project's followers, after the change committed; the project's title is always the first argument. */
    private void announce(long proposalId, Actor actor, String key, String... args) {
        String title = jdbi.withHandle(h -> h.createQuery("SELECT title FROM budget_proposals WHERE id = :p").bind("p", proposalId)
                .mapTo(String.class).one());
        String[] all = new String[args.length + 1];
        all[0] = title;
        System.arraycopy(args, 0, all, 1, args.length);
        subjects.announce(SubjectChange.toFollowers(ProposalService.subject(proposalId), actor.accountId(), key, all));
    }
}
