package org.commonweal.platform.services;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's directory: a small taxonomy and ten services of the groups feature's demo groups (the food bank, the
 * church, the residents' association, the makers), open at ordinary hours so "open now" finds some most days; one
 * changed since review, and one of the energy society's awaiting an officer. Made through the same rules as the pages.
 */
final class DemoServices {
    /** The demo taxonomy's terms: code, name, description. Its ids are fixed (name-based) so links and tests can name them. */
    static final List<String[]> TERMS = List.of(
            new String[]{"food", "Food", "Food banks, community meals and pantries"},
            new String[]{"money", "Money and debt advice", "Help with benefits, bills, budgeting and debt"},
            new String[]{"housing", "Housing", "Help to find, keep or repair a home"},
            new String[]{"health", "Health and wellbeing", "Keeping well, in body and mind"},
            new String[]{"families", "Children and families", "Support for parents, children and young people"},
            new String[]{"older", "Older people", "Company, care and help for older residents"},
            new String[]{"learning", "Learning and skills", "Classes, digital skills and getting into work"});
    static final UUID TAXONOMY = uuid("taxonomy");

    private final Jdbi jdbi;
    private final ServiceRules rules;
    private final Groups groups;
    private final PlaceService places;

    DemoServices(Jdbi jdbi, ServiceRules rules, Groups groups, PlaceService places) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.groups = groups;
        this.places = places;
    }

    static UUID uuid(String code) {
        return UUID.nameUUIDFromBytes(("commonweal-demo-services:" + code).getBytes(StandardCharsets.UTF_8));
    }

    void load(List<Long> residents) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO service_taxonomies (oruk_id, name, description, version) VALUES (:id, :n, :d, '1')")
                    .bind("id", TAXONOMY).bind("n", "Riverford services").bind("d", "What the Riverford directory's services help with").execute();
            for (String[] t : TERMS) {
                h.createUpdate("""
                        INSERT INTO service_taxonomy_terms (oruk_id, taxonomy_id, code, name, description)
                        VALUES (:id, (SELECT id FROM service_taxonomies WHERE oruk_id = :tax), :code, :name, :description)""")
                        .bind("id", uuid(t[0])).bind("tax", TAXONOMY).bind("code", t[0]).bind("name", t[1]).bind("description", t[2]).execute();
            }
        });
        // The groups feature's demo groups (loaded before this): the food bank, the church and the residents' association
        // Ben runs, the makers Chidi runs and the community energy society Amira runs.
        long amira = residents.get(0), ben = residents.get(1), chidi = residents.get(2);
        long foodBank = group(ben, "charity"), church = group(ben, "faith_group"), association = group(ben, "tenants_association");
        long makers = group(chidi, "cic"), energy = group(amira, "community_benefit_society");

        String weekdays = "MO,TU,WE,TH,FR";
        published(foodBank, "Food bank", "Three days' emergency food for anyone in need, with a referral or without one the first time.",
                "Anyone living in Riverford", "Come along, or ask any GP, school or advice centre for a referral.", "", "Riverside",
                "St Mark's Church hall", "14 Ferry Row", "RV1 2FB", "Step-free entrance; hearing loop.", Map.of(weekdays, "10:00-16:00", "SA", "10:00-13:00"),
                List.of("en", "pl", "ur"), List.of("food"), "Maria Kowalski", "01632 960101");
        published(foodBank, "Pantry", "Pay a small sum each week and choose groceries worth much more.", "Households on a low income",
                "Join at your first visit; bring proof of address.", "5", "Eastfield", "Eastfield Methodist Church", "2 Chapel Lane", "RV4 3CL",
                "Ramp at the side door.", Map.of("WE", "15:00-19:00", "SA", "09:00-12:00"), List.of("en", "so"), List.of("food", "money"), "", "");
        published(foodBank, "Benefits and debt advice", "One-to-one advice on benefits, debts, bills and budgeting, and help with forms and appeals.",
                "Anyone in Riverford", "Drop in, or phone to book a longer appointment.", "", "Riverside", "Food bank advice room",
                "8 Quay Street", "RV1 4QS", "Ground floor; BSL interpreter on request.", Map.of(weekdays, "09:00-17:00"),
                List.of("en", "bfi", "ar"), List.of("money"), "Advice line", "01632 960202");
        published(foodBank, "Evening advice clinic", "Advice on money and work for people who cannot come in the day.",
                "People in work", "Book by phone or email.", "", "Eastfield", "Eastfield Community Centre", "1 Market Place", "RV4 1MP",
                "Step-free.", Map.of("TU,TH", "17:30-21:00"), List.of("en"), List.of("money", "learning"), "", "");
        published(church, "Community lunch", "A hot two-course lunch, cooked by volunteers, with tea and company after.",
                "Everyone, especially people eating alone", "Just come in; no need to book.", "2.50", "Northgate", "Northgate Library hall",
                "Castle Hill", "RV3 1LH", "Step-free; accessible toilet.", Map.of("TU,TH", "12:00-14:00"), List.of("en"), List.of("food", "older"), "", "");
        published(church, "Parent and toddler group", "Play, songs and a cup of tea for parents and carers with children under five.",
                "Parents and carers of under-fives", "Just come along.", "1.50", "Riverside", "St Mark's Church hall", "14 Ferry Row", "RV1 2FB",
                "Buggy park; baby changing.", Map.of("TU,TH", "09:30-11:30"), List.of("en", "ro"), List.of("families"), "", "");
        long walking = published(church, "Wellbeing walks", "Gentle guided walks along the river, for fresh air and company.",
                "Anyone who can walk for an hour", "Meet at the start; no booking.", "", "Riverside", "Meeting point: Ferry Row slipway",
                "Ferry Row", "RV1 2FB", "Level paths; some benches.", Map.of("SA,SU", "10:00-11:30", "TU", "14:00-15:30"), List.of("en"),
                List.of("health", "older"), "", "");
        published(association, "Housing advice", "Help if you are homeless or at risk, have repairs your landlord will not do, or a dispute over a deposit.",
                "Tenants and people at risk of losing their home", "Phone first; we call back the same day.", "", "Riverside", "Community room",
                "Riverside estate, Block C", "RV1 3RE", "Ground floor.", Map.of("MO,WE,FR", "09:30-13:00"), List.of("en"), List.of("housing", "money"), "", "");
        published(makers, "Digital skills drop-in", "Help with phones, tablets, email and online forms, at your own pace.",
                "Adults of any age", "Drop in; bring your own device if you have one.", "", "Northgate", "Northgate Makers workshop",
                "Mill Lane", "RV3 2ML", "Step-free.", Map.of("MO,TH", "13:00-16:00"), List.of("en", "pa"), List.of("learning", "older"), "", "");
        published(makers, "Youth club", "Games, making, cooking and a quiet room for homework, with trained youth workers.",
                "Young people aged 11 to 18", "Just turn up; a parent signs a form on the first visit.", "1", "Northgate", "Northgate Makers workshop",
                "Mill Lane", "RV3 2ML", "Step-free.", Map.of("MO,WE,FR", "18:00-21:00", "SA", "12:00-17:00"), List.of("en"), List.of("families"), "", "",
                "minimumAge", "11", "maximumAge", "18");
        // Schedules the form does not offer but feeds carry: monthly, fortnightly, and past midnight.
        long repair = published(makers, "Repair workshop", "Bring broken toasters, lamps, bikes and clothes; volunteers help you mend them.",
                "Anyone", "Just bring the broken thing.", "", "Northgate", "Northgate Makers workshop", "Mill Lane", "RV3 2ML", "Step-free.",
                Map.of(), List.of("en"), List.of("learning"), "", "");
        schedule(repair, "MONTHLY", 1, "1SA", null, "10:00", "13:00");
        long carers = published(church, "Carers' coffee morning", "Time out, a hot drink and a listening ear for people caring for someone at home.",
                "Unpaid carers", "Just come along.", "", "Riverside", "St Mark's Church hall", "14 Ferry Row", "RV1 2FB", "Step-free.",
                Map.of(), List.of("en"), List.of("health", "older"), "", "");
        schedule(carers, "WEEKLY", 2, "TH", LocalDate.of(2026, 1, 8), "10:30", "12:00");
        long listening = published(church, "Late-night listening", "Someone to talk to over tea when the night is long, at the church hall.",
                "Anyone awake and alone", "Knock at the side door.", "", "Riverside", "St Mark's Church hall", "14 Ferry Row", "RV1 2FB",
                "Step-free.", Map.of(), List.of("en"), List.of("health"), "", "");
        schedule(listening, "WEEKLY", 1, "FR,SA", null, "22:00", "02:00");
        // A change since review, waiting for an officer.
        Service w = rules.find(walking).orElseThrow();
        Form changed = ServiceForm.of(w.record()).set("description", w.record().description() + " Dogs on leads are welcome.");
        rules.edit(walking, changed, new org.commonweal.platform.core.http.CurrentUser(ben, "", "", true, null, java.util.Set.of()), Actor.SYSTEM)
                .ifPresent(r -> {
                    throw new IllegalStateException("demo service change refused: " + r + " " + changed.errors());
                });
        // A new one, not yet approved.
        create(energy, "Energy bill help", "Help to understand your energy bills, switch tariffs and apply for grants.", "Anyone in Riverford",
                "Phone to book.", "", "Eastfield", "Eastfield Community Centre", "1 Market Place", "RV4 1MP", "Step-free.",
                Map.of("WE", "10:00-12:00"), List.of("en"), List.of("money", "housing"), "", "");
    }

    private void schedule(long service, String freq, int interval, String byday, LocalDate dtstart, String opens, String closes) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO service_schedules (service_id, freq, interval, byday, dtstart, opens_at, closes_at)
                        VALUES (:s, :freq, :interval, :byday, :dtstart, CAST(:opens AS time), CAST(:closes AS time))""")
                .bind("s", service).bind("freq", freq).bind("interval", interval).bindArray("byday", String.class, byday.split(","))
                .bind("dtstart", dtstart).bind("opens", opens).bind("closes", closes).execute());
    }

    /** The demo group of this kind the account runs (made by the groups feature's demo). */
    private long group(long adminId, String kind) {
        return groups.administeredBy(adminId).stream().filter(g -> g.kind().equals(kind)).map(Group.Summary::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("the groups demo has no " + kind + " run by account " + adminId));
    }

    private long published(long group, String name, String description, String eligibility, String access, String cost, String place,
                           String locationName, String address, String postcode, String accessibility, Map<String, String> hours,
                           List<String> languages, List<String> terms, String contact, String phone, String... more) {
        long id = create(group, name, description, eligibility, access, cost, place, locationName, address, postcode, accessibility, hours,
                languages, terms, contact, phone, more);
        rules.approve(id, Actor.SYSTEM).ifPresent(r -> {
            throw new IllegalStateException("demo service approval refused: " + r);
        });
        return id;
    }

    private long create(long group, String name, String description, String eligibility, String access, String cost, String place,
                        String locationName, String address, String postcode, String accessibility, Map<String, String> hours,
                        List<String> languages, List<String> terms, String contact, String phone, String... more) {
        long placeId = places.tree().stream().filter(p -> p.name().equals(place)).map(Place::id).findFirst().orElseThrow();
        Form form = Form.empty().set("name", name).set("description", description).set("status", "active").set("eligibility", eligibility)
                .set("applicationProcess", access).set("costAmount", cost).set("locationName", locationName).set("address1", address)
                .set("city", "Riverford").set("postcode", postcode).set("place", String.valueOf(placeId)).set("accessibility", accessibility)
                .set("contactName", contact).set("phone", phone).set("languages", String.join(",", languages))
                .set("terms", String.join(",", terms.stream().map(t -> uuid(t).toString()).toList()));
        for (int i = 0; i + 1 < more.length; i += 2) form.set(more[i], more[i + 1]);
        List<String> seen = new ArrayList<>();
        hours.forEach((days, times) -> {
            for (String d : days.split(",")) {
                if (seen.contains(d)) continue;
                seen.add(d);
                form.set("opens" + d, times.substring(0, 5)).set("closes" + d, times.substring(6));
            }
        });
        return rules.create(group, form, Actor.SYSTEM).orElseThrow(() -> new IllegalStateException("demo service " + name + ": " + form.errors()));
    }
}
