package org.commonweal.platform.care;

import org.commonweal.platform.core.accounts.Account;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Group;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's help requests, in the area of St Mark's Church, whose volunteer coordinator is Ben: Chidi's weekly
 * befriending for himself, Amira's one-off shopping for her neighbour (consent given in person) and her own weekly
 * digital help, and Chidi's weekly lift for his niece, a child, which needs an enhanced DBS check with the children's
 * barred list. Ben has run a match, so his page shows the proposals, the reasons and why the lift has nobody.
 */
final class DemoCare {
    /** Riverford's centre, as the demo places it; requests sit a short walk from it. */
    static final double LAT = 51.4545, LON = -2.5879;
    private final CareRequests requests;
    private final CareMatches matches;
    private final CareAreas areas;
    private final AccountService accounts;
    private final PlaceService places;

    DemoCare(CareRequests requests, CareMatches matches, CareAreas areas, AccountService accounts, PlaceService places) {
        this.requests = requests;
        this.matches = matches;
        this.areas = areas;
        this.accounts = accounts;
        this.places = places;
    }

    void load(DemoContext ctx) {
        long amira = ctx.residentIds().get(0), ben = ctx.residentIds().get(1), chidi = ctx.residentIds().get(2);
        Optional<Group.Summary> church = areas.coordinated(ben).stream().findFirst();
        if (church.isEmpty()) {
            ctx.say().accept("Demo help requests left out: no demo group has a volunteer coordinator.");
            return;
        }
        long place = areas.area(church.get().id()).stream().min(Long::compare).orElseThrow();
        LocalDate today = CareFeature.today();
        ask(chidi, Map.of("kind", "befriending", "schedule", "weekly", "slots", "mon-am,thu-pm", "continuity", "yes",
                "needs", "Lives alone since a fall last spring; walks with a frame."), place, 0.004, 0.002);
        ask(amira, Map.of("forWhom", "someone", "personName", "Joan Ellis", "relationship", "friend", "consent", "in_person",
                "consentDate", today.minusDays(1).toString(), "kind", "shopping", "schedule", "one_off", "date", today.plusDays(3).toString(),
                "gender", "woman", "needs", "Type 2 diabetes: no sugary treats, please."), place, -0.003, 0.001);
        ask(chidi, Map.of("forWhom", "someone", "personName", "Lina Okafor", "relationship", "family", "consent", "by_phone",
                "consentDate", today.minusDays(2).toString(), "kind", "transport", "schedule", "weekly", "slots", "wed-pm",
                "safeguarding", "child", "needs", "Anxious in cars; her mother comes along."), place, 0.002, -0.004);
        ask(amira, Map.of("kind", "digital", "schedule", "weekly", "slots", "tue-eve,sat-am", "languages", "en,ar"), place, -0.001, -0.002);
        matches.run(church.get().id(), null, new Actor(ben, "demo", "demo"));
    }

    private void ask(long asker, Map<String, String> fields, long place, double north, double east) {
        Form form = Form.empty().set("forWhom", "self").set("languages", "en").set("safeguarding", "none").set("gender", "")
                .set("place", String.valueOf(place)).set("lat", String.valueOf(LAT + north)).set("lon", String.valueOf(LON + east));
        fields.forEach(form::set);
        Account a = accounts.find(asker).orElseThrow();
        CurrentUser user = new CurrentUser(a.id(), a.name(), a.email(), true, a.homePlaceId(), a.roles());
        RequestForm.check(form, places, CareFeature.today()).flatMap(d -> requests.create(d, form, user, Actor.SYSTEM))
                .orElseThrow(() -> new IllegalStateException("demo help request refused: " + form.errors()));
    }
}
