package org.commonweal.platform.volunteers;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.commonweal.platform.volunteers.VolunteerViews.Away;
import org.commonweal.platform.volunteers.VolunteerViews.Reference;
import org.commonweal.platform.volunteers.VolunteerViews.Training;

/**
 * The lists on a volunteer's profile besides its fields: dates they are away, training and induction records, and
 * references. The volunteer adds and removes them; a coordinator of one of their groups marks a reference received.
 */
final class ProfileRecords {
    static final String[] AWAY_FIELDS = {"awayFrom", "awayTo", "awayNote"};
    static final String[] TRAINING_FIELDS = {"trainingKind", "trainingName", "trainingCompletedOn", "trainingExpiresOn"};
    static final String[] REFERENCE_FIELDS = {"referenceName", "referenceRelationship", "referenceContact"};
    static final List<String> TRAINING_KINDS = List.of("training", "induction");

    private final Jdbi jdbi;
    private final AuditLog audit;

    ProfileRecords(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** Away periods that have not ended, soonest first. */
    List<Away> away(long volunteerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, from_date, to_date, note FROM volunteer_away WHERE volunteer_id = :v AND to_date >= :today ORDER BY from_date, id""")
                .bind("v", volunteerId).bind("today", VolunteersFeature.today())
                .map((rs, c) -> new Away(rs.getLong("id"), rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                        rs.getString("note"))).list());
    }

    List<Training> training(long volunteerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, kind, name, completed_on, expires_on FROM volunteer_training WHERE volunteer_id = :v ORDER BY completed_on DESC, id""")
                .bind("v", volunteerId)
                .map((rs, c) -> new Training(rs.getLong("id"), rs.getString("kind"), rs.getString("name"), rs.getObject("completed_on", LocalDate.class),
                        rs.getObject("expires_on", LocalDate.class))).list());
    }

    List<Reference> references(long volunteerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, relationship, contact, received FROM volunteer_references WHERE volunteer_id = :v ORDER BY id")
                .bind("v", volunteerId)
                .map((rs, c) -> new Reference(rs.getLong("id"), rs.getString("name"), rs.getString("relationship"), rs.getString("contact"),
                        rs.getBoolean("received"))).list());
    }

    Optional<Refusal> addAway(long volunteerId, Form form, Actor actor) {
        LocalDate from = form.date("awayFrom", "volunteers.away.error.from");
        LocalDate to = form.date("awayTo", "volunteers.away.error.to");
        if (from != null && to != null && to.isBefore(from)) form.error("awayTo", "volunteers.away.error.order");
        if (to != null && to.isBefore(VolunteersFeature.today())) form.error("awayTo", "volunteers.away.error.past");
        String note = text(form, "awayNote", 200, false);
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO volunteer_away (volunteer_id, from_date, to_date, note) VALUES (:v, :f, :t, :n)")
                    .bind("v", volunteerId).bind("f", from).bind("t", to).bind("n", note).execute();
            audit.record(h, actor, "volunteer.away_added", "volunteer:" + volunteerId, from + "–" + to);
        });
        return Optional.empty();
    }

    Optional<Refusal> addTraining(long volunteerId, Form form, Actor actor) {
        String kind = form.value("trainingKind");
        if (!TRAINING_KINDS.contains(kind)) form.error("trainingKind", "volunteers.training.error.kind");
        String name = text(form, "trainingName", 200, true);
        LocalDate completed = form.date("trainingCompletedOn", "volunteers.training.error.completedOn");
        if (completed != null && completed.isAfter(VolunteersFeature.today())) form.error("trainingCompletedOn", "volunteers.training.error.completedOn.future");
        LocalDate expires = form.value("trainingExpiresOn").isBlank() ? null : form.date("trainingExpiresOn", "volunteers.training.error.expiresOn");
        if (completed != null && expires != null && expires.isBefore(completed)) form.error("trainingExpiresOn", "volunteers.training.error.expiresOn.order");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> {
            addTraining(h, volunteerId, kind, name, completed, expires);
            audit.record(h, actor, "volunteer.training_added", "volunteer:" + volunteerId, kind);
        });
        return Optional.empty();
    }

    static void addTraining(org.jdbi.v3.core.Handle h, long volunteerId, String kind, String name, LocalDate completed, LocalDate expires) {
        h.createUpdate("INSERT INTO volunteer_training (volunteer_id, kind, name, completed_on, expires_on) VALUES (:v, :k, :n, :c, :e)")
                .bind("v", volunteerId).bind("k", kind).bind("n", name).bind("c", completed).bind("e", expires).execute();
    }

    Optional<Refusal> addReference(long volunteerId, Form form, Actor actor) {
        String name = text(form, "referenceName", 200, true);
        String relationship = text(form, "referenceRelationship", 200, true);
        String contact = text(form, "referenceContact", 300, true);
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO volunteer_references (volunteer_id, name, relationship, contact) VALUES (:v, :n, :r, :c)")
                    .bind("v", volunteerId).bind("n", name).bind("r", relationship).bind("c", contact).execute();
            audit.record(h, actor, "volunteer.reference_added", "volunteer:" + volunteerId, "");
        });
        return Optional.empty();
    }

    /** A coordinator of one of the volunteer's groups records whether the reference has come back. */
    Optional<Refusal> markReceived(long volunteerId, long referenceId, boolean received, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE volunteer_references SET received = :r WHERE id = :id AND volunteer_id = :v")
                    .bind("r", received).bind("id", referenceId).bind("v", volunteerId).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            audit.record(h, actor, "volunteer.reference_received", "volunteer:" + volunteerId, "reference " + referenceId + " " + received);
            return Optional.<Refusal>empty();
        });
    }

    /** Removes one of the volunteer's own away periods, training records or references ({@code table} is one of those three). */
    Optional<Refusal> remove(String table, long volunteerId, long id, Actor actor) {
        if (!List.of("volunteer_away", "volunteer_training", "volunteer_references").contains(table)) throw new IllegalArgumentException(table);
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM " + table + " WHERE id = :id AND volunteer_id = :v").bind("id", id).bind("v", volunteerId).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            audit.record(h, actor, "volunteer.record_removed", "volunteer:" + volunteerId, table + " " + id);
            return Optional.<Refusal>empty();
        });
    }

    private static String text(Form form, String field, int max, boolean required) {
        String v = form.value(field).strip();
        form.set(field, v);
        if (required && v.isEmpty()) form.error(field, "volunteers.error.required." + field);
        else if (v.length() > max) form.error(field, "volunteers.error.tooLong", max);
        return v;
    }
}
