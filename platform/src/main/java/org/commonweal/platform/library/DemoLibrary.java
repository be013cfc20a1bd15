package org.commonweal.platform.library;

import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.BudgetProcess;
import org.commonweal.platform.budgets.DeliveryService;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Groups;

import java.util.List;
import java.util.Optional;

/**
 * The demo's library: five stories written by residents and published by the officer through the same services the
 * pages use (one linked to a resident's group), one more made in one step from a budget project the officer marks
 * delivered (with the shared data), a published award round (to a group and a volunteer) and an open one with a
 * nomination. Each story names another demo resident as involved, and the first demo resident agrees to be named.
 */
final class DemoLibrary {
    private record Demo(int author, String title, String summary, String problem, String approach, String theme, String purpose,
                        String place, int participants, String outcomes, String evidence, String cost, String lessons, String tags) {
    }

    private static final List<Demo> STORIES = List.of(
            new Demo(0, "Lighting the Ferry Row alley together", "Neighbours mapped the dark spots and the council fitted solar lights.",
                    "The alley to the bus stop had no working lights, so people walked the long way round after dark.",
                    "A walkabout at dusk with a councillor, a map of the dark spots, and a petition to the ward budget.", "safety",
                    "influence_decisions", "Ferry Row", 40, "Six solar lights fitted within three months; evening footfall up.",
                    "Footfall count: 120 people an evening before, 310 after (council counter, 2 weeks each).", "4800", "Walk it at dusk with decision makers.", "street lighting, walkabout"),
            new Demo(1, "A Saturday repair shop at the library", "Volunteers fix toasters, bikes and clothes once a month.",
                    "Broken things went to landfill and people could not afford repairs.",
                    "Volunteer fixers, a borrowed room and a sign-up sheet; tools from a small grant.", "community", "deliver_services",
                    "Station Road", 25, "300 items repaired in the first year, 70% of them fixed first time.",
                    "Repair log kept by the volunteers: 300 items, 1.2 tonnes kept out of landfill.", "1200", "Keep a log from day one.", "repairs, volunteers, waste"),
            new Demo(2, "Teenagers designed their own youth space", "Young people ran the consultation and chose the furniture.",
                    "The youth club closed and young people had nowhere to go.",
                    "Three design workshops run by young people, a vote among 60 of them, and a budget bid.", "play", "influence_decisions", "Castle Hill", 60,
                    "The space opened in a former shop; 45 young people use it each week.", "Attendance register, 12 weeks.", "15000",
                    "Let them run the sessions, not just attend.", "young people, co-design"),
            new Demo(0, "Orchard Park rain garden", "A rain garden ended the flooding of the park path.",
                    "The park path flooded ankle-deep after every rain.",
                    "Residents dug a rain garden with the council's drainage team over two weekends.", "green", "deliver_services",
                    "Orchard Park", 30, "The path has stayed dry through the winter.", "Photos after each storm, Nov to Feb.", "2500",
                    "Ask the drainage team early: they bring the diggers.", "flooding, volunteers"),
            new Demo(1, "Green Tanners: a clean-up pledge", "Dog owners signed a pledge and the green stayed clean.",
                    "Dog mess on the green where children play football.",
                    "A pledge stall on match days, free bags and two new bins.", "green", "build_capacity", "Tanners Green", 85,
                    "Complaints fell from 20 a month to 3.", "Council complaints log, six months before and after.", "600",
                    "Ask people to promise something small and visible.", "pledge, dog fouling"));

    private final StoryService stories;
    private final StoryPrefill prefill;
    private final BudgetService budgets;
    private final DeliveryService delivery;
    private final Groups groups;
    private final PlaceService places;
    private final Awards awards;
    private final NamedPeople named;
    private final AccountService accounts;

    DemoLibrary(StoryService stories, StoryPrefill prefill, BudgetService budgets, DeliveryService delivery, Groups groups, PlaceService places,
                Awards awards, NamedPeople named, AccountService accounts) {
        this.named = named;
        this.accounts = accounts;
        this.stories = stories;
        this.prefill = prefill;
        this.budgets = budgets;
        this.delivery = delivery;
        this.groups = groups;
        this.places = places;
        this.awards = awards;
    }

    void load(long officerId, List<Long> residentIds) {
        Actor officer = demo(officerId);
        for (Demo d : STORIES) {
            long author = residentIds.get(d.author() % residentIds.size());
            Optional<Long> place = places.tree().stream().filter(p -> p.name().equals(d.place())).map(Place::id).findFirst();
            if (place.isEmpty()) continue;
            Form form = Form.empty().set("title", d.title()).set("summary", d.summary()).set("problem", d.problem()).set("approach", d.approach())
                    .set("place", place.get().toString()).set("theme", d.theme()).set("purpose", d.purpose())
                    .set("participants", String.valueOf(d.participants())).set("startedOn", "2025-03-01").set("endedOn", "2025-09-30")
                    .set("outcomes", d.outcomes()).set("evidence", d.evidence()).set("cost", d.cost()).set("lessons", d.lessons()).set("tags", d.tags())
                    .set("group", groups.memberships(author).stream().findFirst().map(m -> String.valueOf(m.group().id())).orElse(""));
            // Every story names another demo resident as involved; the first resident agrees to be named, the others have not answered.
            long involved = residentIds.get((d.author() + 1) % residentIds.size());
            if (involved != author) form.set("people", email(involved));
            publish(stories.create(author, form, demo(author)).orElseThrow(() -> new IllegalStateException("demo story " + form.errors())),
                    author, officer);
        }
        String agrees = email(residentIds.get(0));
        named.requestsFor(agrees).stream().filter(r -> r.storyId() != null).forEach(r -> named.answer(r.id(), agrees, Form.empty().set("consent", "given"), demo(residentIds.get(0))));
        fromDeliveredProject(residentIds.get(0), officerId, officer);
        celebrate(residentIds, officer);
    }

    /**
     * A published round that awarded the most nominated group and a volunteer (the first resident nominates the second,
     * who agrees to be named), and an open round with one nomination in it.
     */
    private void celebrate(List<Long> residentIds, Actor officer) {
        List<Long> nominated = residentIds.stream().flatMap(r -> groups.memberships(r).stream()).map(m -> m.group().id()).distinct().limit(2).toList();
        if (nominated.isEmpty() || residentIds.size() < 2) return;
        String volunteer = email(residentIds.get(1));
        long last = awards.openRound(Form.empty().set("title", "Community awards 2025"), officer).orElseThrow();
        awards.nominate(last, residentIds.get(0), email(residentIds.get(0)), Form.empty().set("person", volunteer)
                .set("reason", "She runs the Saturday repair shop and taught a dozen new fixers."));
        for (int i = 1; i < residentIds.size(); i++) {
            awards.nominate(last, residentIds.get(i), email(residentIds.get(i)), Form.empty().set("group", String.valueOf(nominated.get(i % nominated.size())))
                    .set("reason", "They kept going all year and brought new people in."));
        }
        awards.award(last, Form.empty().set("group", String.valueOf(nominated.get(0))).set("citation", "For a year of steady, welcoming work."), officer);
        awards.award(last, Form.empty().set("person", volunteer).set("citation", "For fixing what others threw away, and teaching others to."), officer);
        named.requestsFor(volunteer).stream().filter(r -> Long.valueOf(last).equals(r.roundId()))
                .forEach(r -> named.answer(r.id(), volunteer, Form.empty().set("consent", "given"), demo(residentIds.get(1))));
        awards.publish(last, officer);
        long now = awards.openRound(Form.empty().set("title", "Community awards 2026"), officer).orElseThrow();
        awards.nominate(now, residentIds.get(residentIds.size() - 1), email(residentIds.get(residentIds.size() - 1)),
                Form.empty().set("group", String.valueOf(nominated.get(0))).set("reason", "They opened their doors to everyone this winter."));
    }

    private String email(long accountId) {
        return accounts.find(accountId).orElseThrow().email();
    }

    /** The officer marks the first funded project delivered; its proposer tells the story from the prefilled form. */
    private void fromDeliveredProject(long author, long officerId, Actor officer) {
        for (BudgetProcess process : budgets.processes()) {
            Optional<Long> project = delivery.fundedIn(process.id()).stream().sorted().findFirst();
            if (project.isEmpty()) continue;
            delivery.update(project.get(), Form.empty().set("status", "done").set("note", "Finished and open to everyone."), officer);
            Form form = prefill.fromDeliveredProject(project.get()).orElseThrow();
            form.set("problem", "Residents asked for it in the participatory budget.").set("approach", "Residents proposed it, "
                    + "costed it with officers and voted for it; the council delivered it.").set("outcomes", "Delivered as proposed.");
            long id = stories.create(author, form, demo(author)).orElseThrow(() -> new IllegalStateException("demo story " + form.errors()));
            publish(id, author, officer);
            return;
        }
    }

    private void publish(long id, long author, Actor officer) {
        stories.submit(id, author, demo(author));
        stories.publish(id, officer);
    }

    private static Actor demo(long account) {
        return new Actor(account, "demo", "demo-data");
    }
}
