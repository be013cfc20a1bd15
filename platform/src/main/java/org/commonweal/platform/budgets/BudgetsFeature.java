package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.opendata.OpenData;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;
import org.commonweal.platform.deliberation.Deliberation;
import org.jdbi.v3.core.Jdbi;

/** Devolved budgets: a council runs participatory budgeting from first idea to delivered project. */
public final class BudgetsFeature implements Feature {
    /** Planned dates are the council's dates; UK councils keep UK time. */
    public static final java.time.ZoneId COUNCIL_ZONE = java.time.ZoneId.of("Europe/London");
    private final Feature[] parts;
    private final BudgetService budgets;
    private final DemoBudgets demo;
    private final ProposalService proposals;

    /** The subject kind of a whole budget process: residents follow one to hear when each phase opens. */
    public static final String PROCESS_KIND = "budget";

    /** @param baseUrl the platform's public address, printed on voting code cards */
    public BudgetsFeature(Web web, Jdbi jdbi, AuditLog audit, PlaceService places, Subjects subjects, SearchIndex search, OpenData openData,
                          PersonalData personalData, Deliberation deliberation, String baseUrl) {
        BudgetsPersonalData.register(personalData);
        ResultService results = new ResultService(jdbi);
        BudgetService budgets = new BudgetService(jdbi, audit, results, subjects);
        this.budgets = budgets;
        subjects.register(PROCESS_KIND, id -> budgets.process(id).map(p ->
                new SubjectInfo(new Subject(PROCESS_KIND, id), p.title(), "/budgets/" + id, p.placeId(), null, true)));
        ProposalIndex index = new ProposalIndex(jdbi, search);
        subjects.register(ProposalIndex.KIND, index::find);
        openData.register(index.dataset());
        ProposalService proposals = new ProposalService(jdbi, audit, index);
        this.proposals = proposals;
        BallotBox ballots = new BallotBox(jdbi, new BallotKeys(jdbi), audit, places);
        VoterRegister register = new VoterRegister(jdbi, audit);
        PaperSheets paper = new PaperSheets(jdbi, ballots, audit);
        DeliveryService delivery = new DeliveryService(jdbi, audit);
        PabulibImport pabulib = new PabulibImport(jdbi, audit, results, index);
        this.demo = new DemoBudgets(budgets, proposals, pabulib, places);
        this.parts = new Feature[]{
                new VotingRoutes(web, budgets, proposals, ballots, register, baseUrl),
                new PaperRoutes(web, budgets, proposals, paper, register),
                new RegisterRoutes(web, budgets, register),
                new ProcessRoutes(web, budgets, ballots, paper, results, places, delivery, pabulib, deliberation),
                new ProposalRoutes(web, budgets, proposals, places, delivery, deliberation)};
    }

    /**
     * Loads the demo's budgets into a database that has the demo places and accounts: the live "Riverford Community Fund"
     * left open for voting, and, when {@code sharedData} names the shared data folder, two finished votes imported from
     * its pabulib files. Lines for the person starting the demo (such as a skipped import) go to {@code say}.
     * @return the live process's id
     */
    public long loadDemoData(long officerId, java.util.List<Long> residentIds, java.util.Optional<java.nio.file.Path> sharedData,
                             java.util.function.Consumer<String> say) {
        return demo.load(officerId, residentIds, sharedData, say);
    }

    /** The demo proposal the demo residents discuss: the live process's street trees. */
    public Subject demoDiscussion(long processId) {
        return proposals.search(processId, new ProposalService.Search("", null, "", "", 0)).stream()
                .filter(p -> p.title().startsWith("Street trees")).findFirst().map(p -> new Subject(ProposalIndex.KIND, p.id())).orElseThrow();
    }

    /** Processes and their pots, for features that send residents' ideas to an open budget. */
    public BudgetService budgets() {
        return budgets;
    }

    /** Proposals, for tests that need thousands of them without going through HTTP, and for features that submit one for a resident. */
    public ProposalService proposals() {
        return proposals;
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Feature f : parts) f.routes(routes);
    }
}
