package org.commonweal.platform.services;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what to a service, and doing it in one transaction. A group's admins add and edit its services; officers
 * moderate. A new service is pending (not public) until an officer approves it. A change to a published service is
 * published at once (residents keep finding it) and marked for review; an officer confirms it or withdraws the service
 * with a reason, and the group's next change puts it back in the queue. Approving sets ORUK's assured_date.
 */
public final class ServiceRules {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;
    private final Providers providers;
    private final ServicesIndex index;
    private final Directory directory;

    ServiceRules(Jdbi jdbi, AuditLog audit, PlaceService places, Providers providers, ServicesIndex index, Directory directory) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
        this.providers = providers;
        this.index = index;
        this.directory = directory;
    }

    Optional<Service> find(long id) {
        return jdbi.withHandle(h -> ServiceStore.find(h, id));
    }

    /** Whether the user sees the service: anyone once published; the group's admins and officers before. */
    boolean maySee(Service s, CurrentUser user) {
        return s.published() || user != null && (user.has(Role.OFFICER) || mayEdit(s.groupId(), user));
    }

    boolean mayEdit(long groupId, CurrentUser user) {
        return user != null && providers.isAdmin(groupId, user.id());
    }

    Set<String> termIds() {
        return directory.terms().keySet();
    }

    /** A new service of the group, pending until an officer approves it. */
    Optional<Long> create(long groupId, Form form, Actor actor) {
        Optional<ServiceRecord> r = ServiceForm.read(form, groupId, null, places, termIds());
        if (r.isEmpty()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = ServiceStore.save(h, null, r.get(), Service.PENDING, true);
            audit.record(h, actor, "service.created", ServicesIndex.subject(id).key(), r.get().name());
            index.update(h, id);
            return id;
        }));
    }

    /** The group's change: published at once and marked for review; a withdrawn service goes back to pending. */
    Optional<Refusal> edit(long id, Form form, CurrentUser user, Actor actor) {
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT id FROM services WHERE id = :id FOR UPDATE").bind("id", id).mapTo(Long.class).findOne().isPresent();
            if (!exists) return Optional.of(Refusal.NOT_FOUND);
            Service before = ServiceStore.find(h, id).orElseThrow();
            if (!mayEdit(before.groupId(), user)) return Optional.of(Refusal.FORBIDDEN);
            Optional<ServiceRecord> r = ServiceForm.read(form, before.groupId(), before.record(), places, termIds());
            if (r.isEmpty()) return Optional.of(Refusal.INVALID);
            String state = before.published() ? Service.PUBLISHED : Service.PENDING;
            ServiceStore.save(h, id, r.get(), state, true);
            audit.record(h, actor, "service.edited", ServicesIndex.subject(id).key(), r.get().name());
            index.update(h, id);
            return Optional.<Refusal>empty();
        });
    }

    /** An officer's approval: published (or kept), reviewed today. */
    Optional<Refusal> approve(long id, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                    UPDATE services SET state = 'published', needs_review = false, withdrawn_reason = NULL, assured_date = :today
                    WHERE id = :id AND needs_review""").bind("id", id).bind("today", LocalDate.now(Directory.LONDON)).execute();
            if (n == 0) return Optional.of(exists(h, id) ? Refusal.ALREADY_DONE : Refusal.NOT_FOUND);
            audit.record(h, actor, "service.approved", ServicesIndex.subject(id).key(), "");
            index.update(h, id);
            return Optional.<Refusal>empty();
        });
    }

    /** An officer takes the service out of the directory, saying why; the group sees the reason and may change it. */
    Optional<Refusal> withdraw(long id, Form form, Actor actor) {
        String reason = form.requireText("reason", 1000, "services.error.reason.required", "services.error.reason.tooLong");
        return jdbi.inTransaction(h -> {
            if (!exists(h, id)) return Optional.of(Refusal.NOT_FOUND);
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            int n = h.createUpdate("""
                    UPDATE services SET state = 'withdrawn', needs_review = false, withdrawn_reason = :reason WHERE id = :id AND state <> 'withdrawn'""")
                    .bind("id", id).bind("reason", reason).execute();
            if (n == 0) return Optional.of(Refusal.ALREADY_DONE);
            audit.record(h, actor, "service.withdrawn", ServicesIndex.subject(id).key(), reason);
            index.update(h, id);
            return Optional.<Refusal>empty();
        });
    }

    private static boolean exists(org.jdbi.v3.core.Handle h, long id) {
        return h.createQuery("SELECT 1 FROM services WHERE id = :id").bind("id", id).mapTo(Integer.class).findOne().isPresent();
    }

    /** What awaits review, oldest change first: new services and changes to published ones. */
    public record Waiting(long id, String name, long groupId, String state, java.time.OffsetDateTime changed) {
    }

    List<Waiting> queue() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, name, group_id, state, last_modified FROM services WHERE needs_review ORDER BY last_modified, id LIMIT 200""")
                .map((rs, c) -> new Waiting(rs.getLong("id"), rs.getString("name"), rs.getLong("group_id"), rs.getString("state"),
                        rs.getObject("last_modified", java.time.OffsetDateTime.class))).list());
    }

    /** The group's services in every state, for its admins' list. */
    List<Waiting> ofGroup(long groupId, boolean publishedOnly) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, group_id, state, last_modified FROM services WHERE group_id = :g"
                        + (publishedOnly ? " AND state = 'published'" : "") + " ORDER BY name, id LIMIT 200").bind("g", groupId)
                .map((rs, c) -> new Waiting(rs.getLong("id"), rs.getString("name"), rs.getLong("group_id"), rs.getString("state"),
                        rs.getObject("last_modified", java.time.OffsetDateTime.class))).list());
    }
}
