package org.commonweal.platform.core.feature;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.jobs.Jobs;
import org.commonweal.platform.core.http.NavItem;

import java.util.List;

/**
 * One capability of the platform (budgets, consultations, events, ...), declared by one line in {@code Features}. A
 * feature is built from a {@link FeatureContext}: in its constructor it makes its services, registers what it owns
 * with the core registries the context carries (subjects, search, open data sets, personal-data sections and erase
 * hooks) and publishes the services other features may call. The platform then asks it for the rest below.
 */
public interface Feature {
    /** Its routes, each with the roles that may use it. */
    void routes(RoutesConfig routes);

    /** Its entries in the main menu, shown in the order of the feature list, each to the role it names. */
    default List<NavItem> navigation() {
        return List.of();
    }

    /** Its recurring background work (run on one platform instance at a time). */
    default void jobs(Jobs jobs) {
    }

    /**
     * What is open now, for the home page, as {@code user} (null for a visitor) would want it: for everyone what they
     * can take part in, and for a signed-in resident also their own things. Sections appear in the list's order.
     */
    default List<HomeSection> home(org.commonweal.platform.core.http.CurrentUser user, org.commonweal.platform.core.i18n.Messages messages) {
        return List.of();
    }

    /** Figures of the feature's use for the home page (residents taking part, ballots cast, money decided). */
    default List<HomeFigure> figures(org.commonweal.platform.core.i18n.Messages messages) {
        return List.of();
    }

    /** Loads its demo data through its own services; called in the order of the feature list. */
    default void loadDemo(DemoContext demo) {
    }
}
