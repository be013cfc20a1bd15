package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Jdbi;

/** Devolved budgets: a council runs participatory budgeting from first idea to delivered project. */
public final class BudgetsFeature implements Feature {
    private final Feature[] parts;

    public BudgetsFeature(Web web, Jdbi jdbi, AuditLog audit, PlaceService places) {
        ResultService results = new ResultService(jdbi);
        BudgetService budgets = new BudgetService(jdbi, audit, results);
        ProposalService proposals = new ProposalService(jdbi, audit);
        BallotBox ballots = new BallotBox(jdbi, new BallotKeys(jdbi), audit);
        DeliveryService delivery = new DeliveryService(jdbi, audit);
        this.parts = new Feature[]{
                new VotingRoutes(web, budgets, proposals, ballots),
                new ProcessRoutes(web, budgets, ballots, results, places, delivery, new PabulibImport(jdbi, audit, results)),
                new ProposalRoutes(web, budgets, proposals, places, delivery)};
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Feature f : parts) f.routes(routes);
    }
}
