package org.commonweal.platform.opportunities;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo's volunteering: Quayside Community Energy (Amira runs it) asks for open-day hosts, with a session next week
 * that is full (Ben and Chidi signed up, the organiser waiting) and two past ones at which Ben and Chidi were checked in
 * and logged hours (Ben's approved, Chidi's waiting for Amira); St Mark's lunch club (Ben coordinates) asks for an
 * enhanced DBS check, so signing up without one is refused with the reason.
 */
final class DemoOpportunities {
    private final Jdbi jdbi;
    private final Opportunities opportunities;
    private final SignUps signUps;
    private final Hours hours;
    private final Groups groups;
    private final PlaceService places;

    DemoOpportunities(Jdbi jdbi, Opportunities opportunities, SignUps signUps, Hours hours, Groups groups, PlaceService places) {
        this.jdbi = jdbi;
        this.opportunities = opportunities;
        this.signUps = signUps;
        this.hours = hours;
        this.groups = groups;
        this.places = places;
    }

    void load(DemoContext ctx) {
        long amira = ctx.residentIds().get(0), ben = ctx.residentIds().get(1), chidi = ctx.residentIds().get(2);
        String ward = places.tree().stream().filter(p -> p.kind().equals("ward")).map(Place::id).reduce((a, b) -> b).orElseThrow().toString();
        Group energy = group(amira, "Quayside Community Energy");
        Group church = group(ben, "St Mark's Church, Riverford");
        LocalDate today = LocalDate.now(Opportunity.ZONE);

        long openDays = post(energy.id(), amira, "Solar open days: welcome visitors to the school roof",
                "Show neighbours round the solar panels on Quayside School's roof: greet visitors, hand out hard hats and explain how "
                        + "the society shares the savings. No experience needed; we brief you on the day.",
                ward, "green,community", "Welcome host\nTour guide", "", "none", "", "regular");
        Opportunity o = opportunities.find(openDays).orElseThrow();
        long next = shift(o, "Welcome host", today.plusDays(7), "10:00", "13:00", ward, "Quayside School, main gate", 2);
        shift(o, "Tour guide", today.plusDays(14), "10:00", "12:00", ward, "Quayside School, main gate", 3);
        ok(signUps.signUp(o, next, ben, false, actor(ben)) == SignUps.Outcome.SIGNED_UP);
        ok(signUps.signUp(o, next, chidi, false, actor(chidi)) == SignUps.Outcome.SIGNED_UP);
        ok(signUps.signUp(o, next, ctx.organiserId(), false, actor(ctx.organiserId())) == SignUps.Outcome.WAITING);

        // Two sessions already held: sign-ups are made in the past, so they are written as they stood then.
        long first = shift(o, "Welcome host", today.minusDays(14), "10:00", "13:00", ward, "Quayside School, main gate", 4);
        long second = shift(o, "Tour guide", today.minusDays(7), "10:00", "12:30", ward, "Quayside School, main gate", 4);
        for (long[] s : new long[][]{{first, ben}, {first, chidi}, {second, ben}}) {
            jdbi.useHandle(h -> h.execute("INSERT INTO opportunity_signups (session_id, account_id, status, created_at) VALUES (?, ?, 'signed_up', now() - interval '20 days')",
                    s[0], s[1]));
        }
        for (long[] s : new long[][]{{first, ben}, {first, chidi}, {second, ben}}) {
            long signUp = jdbi.withHandle(h -> h.createQuery("SELECT id FROM opportunity_signups WHERE session_id = :s AND account_id = :a")
                    .bind("s", s[0]).bind("a", s[1]).mapTo(Long.class).one());
            ok(signUps.checkIn(o, s[0], signUp, true, actor(amira)).isEmpty());
        }
        ok(hours.log(o, ben, Form.empty().set("session", String.valueOf(first)).set("hours", "3").set("note", ""), actor(ben)).isEmpty());
        ok(hours.log(o, ben, Form.empty().set("session", String.valueOf(second)).set("hours", "2.5").set("note", "Two school groups"), actor(ben)).isEmpty());
        ok(hours.log(o, chidi, Form.empty().set("session", String.valueOf(first)).set("hours", "3").set("note", ""), actor(chidi)).isEmpty());
        for (Hours.Logged l : hours.pending(openDays)) {
            if (l.accountId() == ben && l.quarters() == 12) ok(hours.decide(o, l.id(), true, Form.empty(), actor(amira)).isEmpty());
        }

        long lunch = post(church.id(), ben, "Lunch club helpers for older neighbours",
                "Serve lunch, chat and help with transport home at our Thursday lunch club for older neighbours. Working with adults who "
                        + "may be vulnerable, so we ask for an enhanced DBS check.",
                ward, "community,health", "Kitchen helper\nDriver", "care", "enhanced", "18", "regular");
        shift(opportunities.find(lunch).orElseThrow(), "Kitchen helper", today.plusDays(10), "11:30", "14:30", ward, "St Mark's church hall", 6);
    }

    private Group group(long member, String name) {
        return groups.memberships(member).stream().map(m -> m.group()).filter(g -> g.name().equals(name)).findFirst()
                .flatMap(g -> groups.find(g.id())).orElseThrow(() -> new IllegalStateException("demo group missing: " + name));
    }

    private long post(long group, long by, String title, String description, String places, String themes, String roles, String skills,
                      String minDbs, String minAge, String schedule) {
        Form form = Form.empty().set("title", title).set("description", description).set("places", places).set("themes", themes).set("roles", roles)
                .set("skills", skills).set("minDbs", minDbs).set("minAge", minAge).set("schedule", schedule);
        return opportunities.create(group, by, form, actor(by)).orElseThrow(() -> new IllegalStateException("demo opportunity: " + form.errors()));
    }

    private long shift(Opportunity o, String role, LocalDate day, String start, String end, String place, String venue, int capacity) {
        Form form = Form.empty().set("role", role).set("date", day.toString()).set("startTime", start).set("endTime", end).set("place", place)
                .set("venue", venue).set("capacity", String.valueOf(capacity));
        ok(opportunities.addShift(o, form, Actor.SYSTEM).isEmpty());
        return jdbi.withHandle(h -> h.createQuery("SELECT max(id) FROM opportunity_sessions WHERE opportunity_id = :o").bind("o", o.id()).mapTo(Long.class).one());
    }

    private static Actor actor(long account) {
        return new Actor(account, "demo", "demo-data");
    }

    private static void ok(boolean done) {
        if (!done) throw new IllegalStateException("demo volunteering: a step was refused");
    }
}
