package org.commonweal.platform.grants;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Groups;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The demo's grants, made through the feature's own services: the open "Riverford Small Grants" with applications from
 * the verified food bank, scored by the officer and a resident on the panel, one awarded; and the "Warm Spaces Fund"
 * handed to residents as a participatory budget now open for voting. The other demo groups are not verified, so their
 * admins see why they cannot apply yet.
 */
final class DemoGrants {
    private final Programmes programmes;
    private final Applications applications;
    private final Assessment assessment;
    private final Handoff handoff;
    private final Groups groups;
    private final PlaceService places;

    DemoGrants(Programmes programmes, Applications applications, Assessment assessment, Handoff handoff, Groups groups, PlaceService places) {
        this.programmes = programmes;
        this.applications = applications;
        this.assessment = assessment;
        this.handoff = handoff;
        this.groups = groups;
        this.places = places;
    }

    void load(DemoContext ctx) {
        Actor officer = new Actor(ctx.officerId(), "demo", "demo-data");
        long amira = ctx.residentIds().get(0), ben = ctx.residentIds().get(1);
        long foodBank = groups.administeredBy(ben).stream().filter(g -> g.verified()).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo grants need the verified food bank")).id();
        String council = String.valueOf(places.tree().getFirst().id());
        LocalDate today = Applications.today();

        long small = programme(Form.empty().set("title", "Riverford Small Grants").set("description",
                        "Grants of £500 to £5,000 for community groups working in Riverford: food, warmth, play, green spaces and getting neighbours together.")
                .set("pot", "25,000").set("minAward", "500").set("maxAward", "5,000").set("place", council).set("themes", "community,health,green")
                .set("opensOn", today.minusDays(14).toString()).set("closesOn", today.plusDays(14).toString())
                .set("decisionsBy", today.plusDays(42).toString())
                .set("criteria", """
                        Need | 3 | How clearly the application shows the need in the community
                        Reach | 2 | How many residents benefit, and whether they are those least well served
                        Value for money | 2 | Whether the budget lines are realistic for what is proposed"""), officer);
        ok(programmes.appoint(small, Form.empty().set("email", "amira@demo.commonweal.org"), officer).isEmpty());
        Programme p = programmes.find(small).orElseThrow();
        long fridge = apply(p, foodBank, ben, "A second fridge for the community pantry", "3,200",
                "Our pantry turns away fresh food because we cannot keep it cold: a second commercial fridge lets us take donations from two more supermarkets.",
                "About 60 more households a week get fresh fruit, vegetables and dairy, and less food goes to waste.",
                "Commercial fridge | 2,400\nElectrician to fit a new socket | 350\nFood hygiene training for 6 volunteers | 450");
        long advice = apply(p, foodBank, ben, "Benefits advice at the pantry", "4,800",
                "A trained adviser at the pantry every Thursday, helping people claim what they are owed and deal with debt.",
                "120 advice sessions over the year; we will count the extra income claimed with our clients' consent.",
                "Adviser, 4 hours a week for 48 weeks | 4,320\nTraining and supervision | 480");
        CurrentUser officerUser = new CurrentUser(ctx.officerId(), "officer", "", true, null, Set.of(Role.RESIDENT, Role.OFFICER));
        CurrentUser amiraUser = new CurrentUser(amira, "amira", "", true, null, Set.of(Role.RESIDENT));
        score(p, fridge, officerUser, List.of(5, 4, 4));
        score(p, fridge, amiraUser, List.of(4, 4, 5));
        score(p, advice, officerUser, List.of(4, 3, 3));
        Application decided = applications.find(fridge).orElseThrow();
        ok(assessment.decide(p, decided, Form.empty().set("decision", "full")
                .set("reason", "A clear need, well costed, and the pantry reaches the households we most want to help."), officer).isEmpty());

        long warm = programme(Form.empty().set("title", "Warm Spaces Fund").set("description",
                        "Residents choose which warm spaces the council funds this winter: each bid is a proposal in a participatory budget.")
                .set("pot", "6,000").set("minAward", "500").set("maxAward", "4,000").set("place", council).set("themes", "community")
                .set("opensOn", today.minusDays(30).toString()).set("closesOn", today.toString())
                .set("decisionsBy", today.plusDays(28).toString())
                .set("criteria", "Need | 1 | Who the space serves and how many"), officer);
        Programme w = programmes.find(warm).orElseThrow();
        long pantry = apply(w, foodBank, ben, "Warm space at the pantry", "2,500",
                "Open the pantry hall as a warm space three afternoons a week, with hot drinks and company.",
                "A warm, friendly place for up to 30 people each afternoon from November to March.", "Heating | 1,800\nHot drinks | 700");
        long coats = apply(w, foodBank, ben, "Winter coat swap", "1,500", "A coat and boots swap shop in the pantry before the first frost.",
                "Warm coats for 200 children and adults who would otherwise go without.", "Rails and hangers | 400\nCleaning of donated coats | 1,100");
        ok(handoff.handOver(w, applications.of(warm, "submitted"), List.of(pantry, coats), Form.empty(), officer).isEmpty());
    }

    private long programme(Form form, Actor officer) {
        return programmes.create(form, officer).orElseThrow(() -> new IllegalStateException("demo programme: " + form.errors()));
    }

    private long apply(Programme p, long group, long admin, String title, String amount, String purpose, String outcomes, String lines) {
        Form form = Form.empty().set("group", String.valueOf(group)).set("title", title).set("amount", amount).set("purpose", purpose)
                .set("outcomes", outcomes).set("lines", lines).set("action", "submit");
        Applications.Result r = applications.create(p, form, admin, new Actor(admin, "demo", "demo-data"));
        if (r.id() == null) throw new IllegalStateException("demo application " + title + ": " + form.errors());
        return r.id();
    }

    private void score(Programme p, long application, CurrentUser user, List<Integer> scores) {
        Form form = Form.empty();
        for (int i = 0; i < scores.size(); i++) {
            form.set("score-" + p.criteria().get(i).id(), String.valueOf(scores.get(i))).set("comment-" + p.criteria().get(i).id(), "");
        }
        ok(assessment.score(p, applications.find(application).orElseThrow(), user, form, new Actor(user.id(), "demo", "demo-data")).isEmpty());
    }

    private static void ok(boolean done) {
        if (!done) throw new IllegalStateException("demo grants: a step was refused");
    }
}
