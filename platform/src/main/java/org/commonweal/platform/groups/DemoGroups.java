package org.commonweal.platform.groups;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;

import java.util.List;

/**
 * The demo's groups, made through the feature's own services: a party branch the organiser runs and a tenants'
 * association (consultations' demo uses both), a verified charity with a Charity Commission number and a treasurer
 * vacancy, a community benefit society keeping a register of members, a community interest company waiting to be
 * verified and a faith group; members in roles, and skills on the demo residents.
 */
final class DemoGroups {
    private final Groups groups;
    private final GroupEditor editor;
    private final Vacancies vacancies;
    private final SkillProfiles profiles;
    private final Verifications verifications;
    private final PlaceService places;

    DemoGroups(Groups groups, GroupEditor editor, Vacancies vacancies, SkillProfiles profiles, Verifications verifications,
               PlaceService places) {
        this.groups = groups;
        this.editor = editor;
        this.vacancies = vacancies;
        this.profiles = profiles;
        this.verifications = verifications;
        this.places = places;
    }

    void load(DemoContext ctx) {
        List<Place> tree = places.tree();
        String council = String.valueOf(tree.getFirst().id());
        List<String> wards = tree.stream().filter(p -> p.kind().equals("ward")).map(p -> String.valueOf(p.id())).toList();
        long amira = ctx.residentIds().get(0), ben = ctx.residentIds().get(1), chidi = ctx.residentIds().get(2);

        long branch = group(ctx.organiserId(), "Riverford Green Futures branch", "party_branch",
                "The local branch of the Green Futures party: monthly meetings, street stalls and a say in the council's policy reviews.",
                "Write to the branch secretary at the Old Library, Riverford.", "", council, "community", "");
        role(branch, ctx.organiserId(), "chair", true);

        long association = group(ben, "Riverside Residents' Association", "tenants_association",
                "Tenants and residents of the Riverside estate working together on repairs, safety and a better place to live.",
                "Drop in at the community room, Tuesdays 6 to 8pm.", "", wards.getFirst(), "community,safety", "");
        role(association, ben, "chair", true);
        groups.addMember(association, amira, "member", false, Actor.SYSTEM);

        long foodBank = group(ben, "Riverford Food Bank", "charity",
                "Emergency food parcels, a weekly community pantry and advice on benefits and debt, run by volunteers in three wards.",
                "hello@riverford-foodbank.example, 01632 960 123", "https://riverford-foodbank.example", String.join(",", wards), "health,community",
                "GB-CHC-1180123");
        role(foodBank, ben, "chair", true);
        groups.addMember(foodBank, chidi, "secretary", false, Actor.SYSTEM);
        Group charity = groups.find(foodBank).orElseThrow();
        ok(verifications.record(charity, Form.empty().set("identifier", "GB-CHC-1180123")
                .set("checked", "Register of charities: name, number, registered address and the chair among the trustees match; accounts filed on time.")
                .set("checkedOn", Memberships.today().minusDays(3).toString()).set("outcome", "verified"), new Actor(ctx.officerId(), "demo", "demo")).isEmpty());
        ok(vacancies.post(foodBank, Form.empty().set("role", "treasurer")
                .set("description", "We need a treasurer to keep our accounts, report to the trustees each quarter and help with grant applications.")
                .set("skills", "finance,fundraising").set("timeNeeded", "About 4 hours a month, plus a trustee meeting every two months")
                .set("places", ""), Actor.SYSTEM).isPresent());

        long energy = group(amira, "Quayside Community Energy", "community_benefit_society",
                "Solar panels on school and community roofs, owned by local people: one member, one vote, whatever your shareholding.",
                "members@quayside-energy.example", "https://quayside-energy.example", wards.getLast(), "green,community", "GB-MPR-8123R");
        role(energy, amira, "chair", true);
        groups.addMember(energy, ben, "treasurer", false, Actor.SYSTEM);
        groups.addMember(energy, chidi, "member", false, Actor.SYSTEM);
        groups.addMember(energy, ctx.organiserId(), "member", false, Actor.SYSTEM);

        long makers = group(chidi, "Northgate Makers CIC", "cic",
                "A shared workshop where residents repair, make and learn: tools, a monthly repair day and courses for young people.",
                "workshop@northgate-makers.example", "https://northgate-makers.example", wards.getFirst(), "culture,play", "GB-COH-12345678");
        role(makers, chidi, "safeguarding_lead", true);

        long church = group(ben, "St Mark's Church, Riverford", "faith_group",
                "A parish church open to all: a lunch club for older neighbours, a parent and toddler group and a warm space in winter.",
                "The parish office, weekdays 9am to noon.", "", wards.getLast(), "community,health", "");
        role(church, ben, "volunteer_coordinator", true);

        ok(profiles.save(amira, Form.empty().set("skills", "finance,governance").set("interests", "green,community").set("findable", "yes"), Actor.SYSTEM));
        ok(profiles.save(ben, Form.empty().set("skills", "digital,events").set("interests", "community").set("findable", ""), Actor.SYSTEM));
        ok(profiles.save(chidi, Form.empty().set("skills", "finance,fundraising,mentoring").set("interests", "culture,play").set("findable", "yes"), Actor.SYSTEM));
    }

    private long group(long creator, String name, String kind, String description, String contact, String website, String placeIds, String themes,
                       String identifiers) {
        Form form = Form.empty().set("name", name).set("kind", kind).set("description", description).set("contact", contact).set("website", website)
                .set("places", placeIds).set("themes", themes).set("identifiers", identifiers).set("membersPublic", "");
        return editor.create(form, creator, Actor.SYSTEM).orElseThrow(() -> new IllegalStateException("demo group " + name + ": " + form.errors()));
    }

    private void role(long group, long account, String role, boolean admin) {
        groups.addMember(group, account, role, admin, Actor.SYSTEM);
    }

    private static void ok(boolean done) {
        if (!done) throw new IllegalStateException("demo groups: a step was refused");
    }
}
