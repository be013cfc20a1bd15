package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The budgets in the demo: one live process left open for voting, set up step by step through the same services
 * the officer's and residents' pages use, and two finished past votes imported from real pabulib files.
 */
final class DemoBudgets {
    static final String LIVE_TITLE = "Riverford Community Fund";
    static final String COUNCIL = "Riverford City Council";
    /** Small real votes, one per currency the demo shows: a Warsaw district (PLN) and an Amsterdam neighbourhood (EUR). */
    static final List<String> PAST_VOTES = List.of("Poland_Warszawa_2019_Radosc.pb", "Netherlands_Amsterdam_522.pb");

    record Idea(int author, String title, String description, String theme, String place, String estimate, String councilCost,
                        String notFeasibleBecause) {
    }

    private static final List<Idea> CITY_IDEAS = List.of(
            new Idea(0, "Street trees for Station Road", "Plant thirty street trees with watering bags along Station Road, where summer heat bounces off the tarmac.",
                    "green", "Station Road", "18,000", "21,500", null),
            new Idea(1, "Castle Hill play area refresh", "Replace the worn-out climbing frame and add an accessible roundabout so every child can join in.",
                    "play", "Castle Hill", "35,000", "32,000", null),
            new Idea(2, "Safer crossing at Mill Lane school", "A zebra crossing with flashing beacons outside the primary school gate, where parents now dodge traffic.",
                    "safety", "Mill Lane", "24,000", "27,800", null),
            new Idea(0, "Community fridge at Orchard Park", "A shared fridge and pantry in the community centre so surplus food from shops reaches neighbours, not the bin.",
                    "community", "Orchard Park", "6,500", "7,200", null),
            new Idea(1, "Beacon Rise outdoor gym", "Six weatherproof exercise machines on the green, free for everyone, with a bench for resting in between.",
                    "health", "Beacon Rise", "28,000", "26,400", null),
            new Idea(2, "Hillcrest mural trail", "Local artists and school pupils paint five murals on blank walls, telling the story of the old tanneries.",
                    "culture", "Hillcrest", "12,000", "12,000", null),
            new Idea(0, "Bike racks across the city centre", "Forty covered cycle stands near shops and the library, so people can leave the car at home.",
                    "streets", "Riverford City Council", "15,000", "16,800", null),
            new Idea(1, "Wildflower verges in Eastfield", "Turn mown verges into wildflower meadows for bees and butterflies, with signs explaining why the grass is long.",
                    "green", "Eastfield", "4,500", "5,000", null),
            new Idea(2, "Heated open-air swimming pool", "Build a heated outdoor pool in Hillcrest Park for summer swimming lessons.",
                    "health", "Hillcrest", "95,000", null,
                    "A pool costs far more than the fund to build, and about £60,000 a year to run, which the council has no budget for."));

    private static final List<Idea> RIVERSIDE_IDEAS = List.of(
            new Idea(1, "Quayside benches", "Six benches facing the river so older residents can rest on their walk to the shops.",
                    "community", "Quayside", "4,800", "5,200", null),
            new Idea(0, "Old Wharf litter picking kits", "Grabbers, hoops and bags for the monthly volunteer clean-up of the towpath.",
                    "green", "Old Wharf", "1,200", "1,200", null),
            new Idea(2, "Ferry Row lighting", "Warm LED lights along the dark alley from Ferry Row to the bus stop.",
                    "safety", "Ferry Row", "9,000", "9,600", null));

    private final BudgetService budgets;
    private final ProposalService proposals;
    private final PabulibImport pabulib;
    private final PlaceService places;

    DemoBudgets(BudgetService budgets, ProposalService proposals, PabulibImport pabulib, PlaceService places) {
        this.budgets = budgets;
        this.proposals = proposals;
        this.pabulib = pabulib;
        this.places = places;
    }

    /** Returns the live process's id. */
    long load(long officerId, List<Long> residentIds, Optional<Path> sharedData, Consumer<String> say) {
        Actor officer = new Actor(officerId, "demo", "demo-data");
        Form about = Form.empty().set("title", LIVE_TITLE).set("place", id(COUNCIL)).set("summary", """
                Riverford City Council sets aside £120,000 this year for projects residents choose. £100,000 is for the whole city; \
                Riverside ward has its own £20,000 for its neighbourhoods. Pick up to five projects for the city, and share ten points \
                among the Riverside projects if you live there and your home is verified.""");
        long process = created(budgets.createProcess(about, officer), about);
        Form cityPot = Form.empty().set("name", "City-wide fund").set("place", id(COUNCIL)).set("amount", "100,000").set("currency", "GBP")
                .set("ballotType", "approval").set("maxProjects", "5").set("rule", "greedy").set("tieBreak", "").set("tieSeed", "2026");
        long city = created(budgets.createPot(process, cityPot, officer), cityPot);
        Form wardPot = Form.empty().set("name", "Riverside ward fund").set("place", id("Riverside")).set("amount", "20,000").set("currency", "GBP")
                .set("ballotType", "cumulative").set("maxPoints", "10").set("rule", "greedy").set("tieBreak", "").set("tieSeed", "2026")
                .set("voters", VoterRule.VERIFIED.stored());
        long riverside = created(budgets.createPot(process, wardPot, officer), wardPot);
        LocalDate today = LocalDate.now(BudgetsFeature.COUNCIL_ZONE);
        Form dates = Form.empty().set("voting.starts", today.toString()).set("voting.ends", today.plusWeeks(4).toString());
        if (!budgets.savePhaseDates(process, dates, officer)) throw new IllegalStateException("demo dates: " + dates.errors());

        advanceTo(process, Phase.IDEAS, officer);
        Map<Long, List<Idea>> ideas = Map.of(city, CITY_IDEAS, riverside, RIVERSIDE_IDEAS);
        Map<Long, List<Long>> ids = Map.of(city, submit(city, CITY_IDEAS, residentIds), riverside, submit(riverside, RIVERSIDE_IDEAS, residentIds));
        advanceTo(process, Phase.FEASIBILITY, officer);
        for (long pot : List.of(city, riverside)) {
            for (int i = 0; i < ideas.get(pot).size(); i++) assess(ids.get(pot).get(i), ideas.get(pot).get(i), officer);
        }
        advanceTo(process, Phase.VOTING, officer);
        importPastVotes(sharedData, officer, say);
        return process;
    }

    List<Long> submit(long pot, List<Idea> ideas, List<Long> residentIds) {
        return ideas.stream().map(idea -> {
            long author = residentIds.get(idea.author() % residentIds.size());
            Form form = Form.empty().set("title", idea.title()).set("description", idea.description()).set("theme", idea.theme())
                    .set("place", id(idea.place())).set("estimatedCost", idea.estimate());
            return created(proposals.submit(pot, author, form, new Actor(author, "demo", "demo-data")), form);
        }).toList();
    }

    void assess(long proposal, Idea idea, Actor officer) {
        Form form = idea.notFeasibleBecause() == null
                ? Form.empty().set("decision", "feasible").set("councilCost", idea.councilCost())
                : Form.empty().set("decision", "not_feasible").set("reason", idea.notFeasibleBecause());
        proposals.assess(proposal, form, officer).ifPresent(r -> {
            throw new IllegalStateException("demo assessment of " + idea.title() + ": " + r + " " + form.errors());
        });
    }

    void advanceTo(long process, Phase target, Actor officer) {
        Phase phase = budgets.process(process).orElseThrow().phase();
        while (phase != target) {
            if (!budgets.advancePhase(process, phase.stored(), officer)) throw new IllegalStateException("demo process stuck in " + phase);
            phase = phase.next();
        }
    }

    /** Past votes are extras: a missing folder or file costs one line, never the demo. */
    private void importPastVotes(Optional<Path> sharedData, Actor officer, Consumer<String> say) {
        if (sharedData.isEmpty()) return;
        Path folder = sharedData.get().resolve("pabulib");
        if (!Files.isDirectory(folder)) {
            say.accept("No past budgets imported: " + folder + " is not there (set COMMONWEAL_SHARED_DATA to the shared data folder).");
            return;
        }
        long council = Long.parseLong(id(COUNCIL));
        for (String name : PAST_VOTES) {
            Path file = folder.resolve(name);
            try {
                PabulibImport.Result r = pabulib.run(Files.readString(file, StandardCharsets.UTF_8), name, council, officer);
                if (r.processId() == null) say.accept("Past budget " + name + " not imported: " + r.errorKey() + " " + List.of(r.args()));
            } catch (IOException e) {
                say.accept("Past budget " + name + " not imported: cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
    }

    String id(String placeName) {
        return places.tree().stream().filter(p -> p.name().equals(placeName)).map(Place::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo place " + placeName + " is missing")).toString();
    }

    static long created(Optional<Long> id, Form form) {
        return id.orElseThrow(() -> new IllegalStateException("demo data refused: " + form.value("title") + form.value("name") + " " + form.errors()));
    }
}
