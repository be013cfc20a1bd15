package org.commonweal.platform.problems;

import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.search.SearchIndex;

import java.util.List;
import java.util.Set;

/**
 * The demo's problems: six across the wards, posted, supported and answered through the same services the pages use,
 * one solution pointing at a budget proposal of the demo budget, and one problem an officer has started on.
 */
final class DemoProblems {
    private record Demo(int author, String title, String description, String theme, String place, int supporters) {
    }

    private static final List<Demo> PROBLEMS = List.of(
            new Demo(0, "Ferry Row alley is pitch dark at night", "The alley from Ferry Row to the bus stop has no working lights. "
                    + "People walk the long way round after dark or use their phone torches.", "safety", "Ferry Row", 3),
            new Demo(1, "Fly-tipping behind Station Road shops", "Mattresses and bin bags pile up behind the shops every weekend "
                    + "and stay for weeks.", "streets", "Station Road", 2),
            new Demo(2, "Nowhere for teenagers to go in Castle Hill", "The youth club closed last year. Young people hang around "
                    + "the car park because there is nowhere else.", "community", "Castle Hill", 3),
            new Demo(0, "Flooded footpath at Orchard Park", "After rain the path along the park fills with water ankle-deep, "
                    + "so parents with buggies walk in the road.", "streets", "Orchard Park", 1),
            new Demo(1, "Beacon Rise bus shelter smashed", "The glass of the shelter was broken months ago; older people wait in the rain.",
                    "safety", "Beacon Rise", 2),
            new Demo(2, "Dog mess on Tanners Green", "The green is used by children's football teams but nobody picks up after their dogs.",
                    "green", "Tanners Green", 1));

    private final ProblemService problems;
    private final SupportService supports;
    private final SolutionService solutions;
    private final PlaceService places;
    private final SearchIndex search;

    DemoProblems(ProblemService problems, SupportService supports, SolutionService solutions, PlaceService places, SearchIndex search) {
        this.problems = problems;
        this.supports = supports;
        this.solutions = solutions;
        this.places = places;
        this.search = search;
    }

    void load(AccountService accounts, long officerId, List<Long> residentIds) {
        Actor officer = new Actor(officerId, "demo", "demo-data");
        List<Long> supporters = new java.util.ArrayList<>(residentIds);
        supporters.add(officerId);
        long[] ids = new long[PROBLEMS.size()];
        for (int i = 0; i < PROBLEMS.size(); i++) {
            Demo d = PROBLEMS.get(i);
            long author = residentIds.get(d.author % residentIds.size());
            Form form = Form.empty().set("title", d.title).set("description", d.description).set("theme", d.theme).set("place", placeId(d.place));
            ids[i] = problems.create(author, form, null, new Actor(author, "demo", "demo-data"))
                    .orElseThrow(() -> new IllegalStateException("demo problem " + d.title + ": " + form.errors()));
            for (int s = 0; s < d.supporters; s++) {
                long account = supporters.get((d.author + 1 + s) % supporters.size());
                supports.support(ids[i], account, accounts.find(account).orElseThrow().homePlaceId());
            }
        }
        long ferryRow = ids[0];
        // The dark alley already has a budget proposal in the demo budget: the solution points at it.
        search.search(new SearchIndex.Query("Ferry Row lighting", Set.of("proposal"), null, 1)).hits().stream().findFirst().ifPresent(hit -> {
            long resident = residentIds.get(1 % residentIds.size());
            solutions.propose(ferryRow, resident, Form.empty().set("proposal", "proposal:" + hit.id()), new Actor(resident, "demo", "demo-data"));
        });
        long teenagers = ids[2];
        long resident = residentIds.get(0);
        solutions.propose(teenagers, resident, Form.empty().set("title", "Reopen the youth club two evenings a week")
                .set("description", "Volunteers from the residents' association could run it if the council pays for heating and insurance."),
                new Actor(resident, "demo", "demo-data"));
        problems.changeStatus(ids[1], Form.empty().set("status", "under_review").set("reason", "Our enforcement team is checking the CCTV."), officer);
    }

    private String placeId(String name) {
        return places.tree().stream().filter(p -> p.name().equals(name)).map(Place::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo place missing: " + name)).toString();
    }
}
