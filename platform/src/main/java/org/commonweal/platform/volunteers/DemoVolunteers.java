package org.commonweal.platform.volunteers;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The demo's volunteers: Amira, Ben and Orla the organiser volunteer with Northgate Makers (whose safeguarding lead is
 * Chidi) and St Mark's (whose coordinator is Ben). Amira's enhanced certificate, verified by Chidi, falls due for its
 * recheck within the month, so the reminder is in the outbox; Ben's own entry waits for Chidi to verify it.
 */
final class DemoVolunteers {
    private final Groups groups;
    private final ProfileEditor editor;
    private final ProfileRecords records;
    private final DbsChecks checks;
    private final VolunteerService volunteers;
    private final DbsReminders reminders;

    DemoVolunteers(Groups groups, ProfileEditor editor, ProfileRecords records, DbsChecks checks, VolunteerService volunteers, DbsReminders reminders) {
        this.reminders = reminders;
        this.groups = groups;
        this.editor = editor;
        this.records = records;
        this.checks = checks;
        this.volunteers = volunteers;
    }

    void load(DemoContext ctx) {
        long amira = ctx.residentIds().get(0), ben = ctx.residentIds().get(1), chidi = ctx.residentIds().get(2);
        Optional<Long> makers = groupRunBy(chidi, "Northgate Makers CIC");
        Optional<Long> church = groupRunBy(ben, "St Mark's Church, Riverford");
        if (makers.isEmpty() || church.isEmpty()) return;
        LocalDate today = VolunteersFeature.today();
        Actor chidiActs = new Actor(chidi, "demo", "demo");

        long a = profile(amira, "Amira Hassan", "finance,mentoring,education", "en,ar", "mon-eve,wed-eve,sat-am", "8", "2", "woman", List.of(makers.get()));
        ok(records.addTraining(a, Form.empty().set("trainingKind", "induction").set("trainingName", "Workshop safety induction")
                .set("trainingCompletedOn", today.minusMonths(7).toString()).set("trainingExpiresOn", ""), Actor.SYSTEM));
        ok(records.addReference(a, Form.empty().set("referenceName", "Grace Okafor").set("referenceRelationship", "Former manager")
                .set("referenceContact", "grace.okafor@example.org"), Actor.SYSTEM));
        ok(checks.enter(a, certificate("enhanced_children", "001234567891", today.minusYears(3).plusDays(20)), makers.get(), chidiActs));

        long b = profile(ben, "Ben Carter", "digital,events,care", "en,pl", "tue-pm,thu-pm,sun-am", "5", "1", "", List.of(makers.get(), church.get()));
        ok(checks.enter(b, certificate("standard", "004455667788", today.minusMonths(4)), null, new Actor(ben, "demo", "demo")));
        ok(records.addAway(b, Form.empty().set("awayFrom", today.plusDays(10).toString()).set("awayTo", today.plusDays(24).toString())
                .set("awayNote", "Visiting family"), Actor.SYSTEM));

        long o = profile(ctx.organiserId(), "Orla Organiser", "events,youth_work", "en,cy", "sat-am,sat-pm,sun-pm", "10", "3", "", List.of(church.get()));
        Form onUpdateService = certificate("basic", "007788990011", today.minusYears(2));
        onUpdateService.set("updateService", "yes").set("status", "BLANK_NO_NEW_INFO").set("statusCheckedOn", today.minusMonths(2).toString());
        ok(checks.enter(o, onUpdateService, makers.get(), chidiActs));
        // Sent now, while the demo loads, rather than by the job at some moment after start.
        reminders.run(today);
    }

    private Optional<Long> groupRunBy(long account, String name) {
        return groups.memberships(account).stream().map(Group.Membership::group).filter(g -> g.name().equals(name)).map(Group.Summary::id).findFirst();
    }

    private long profile(long account, String name, String skills, String languages, String slots, String radius, String capacity, String gender,
                         List<Long> groupIds) {
        // Home points a few streets apart in the demo city, so a coordinator's match has distances to weigh.
        String point = switch ((int) (account % 3)) {
            case 0 -> "51.4581, -2.5912";
            case 1 -> "51.4512, -2.5833";
            default -> "51.4566, -2.5790";
        };
        Form form = Form.empty().set("skills", skills).set("languages", languages).set("otherLanguages", "").set("slots", slots).set("homePlace", "")
                .set("homePoint", point).set("radiusKm", radius).set("transport", "walk,public_transport").set("interests", "community").set("maxHoursWeek", "4")
                .set("capacity", capacity).set("gender", gender).set("groups", String.join(",", groupIds.stream().map(String::valueOf).toList()));
        if (!editor.save(account, name, form, groupIds, Actor.SYSTEM)) throw new IllegalStateException("demo volunteer " + name + ": " + form.errors());
        return volunteers.ofAccount(account).orElseThrow().id();
    }

    private static Form certificate(String level, String number, LocalDate issued) {
        return Form.empty().set("level", level).set("certificateNumber", number).set("issuedOn", issued.toString()).set("updateService", "")
                .set("status", "").set("statusCheckedOn", "");
    }

    private static void ok(Optional<?> refused) {
        if (refused.isPresent()) throw new IllegalStateException("demo volunteers: " + refused.get());
    }
}
