package org.commonweal.platform.home;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.HomeFigure;
import org.commonweal.platform.core.feature.HomeSection;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

import java.util.ArrayList;
import java.util.List;

/**
 * The start page leads somewhere: what is open now (votes, consultations, events, the agenda), the figures of the
 * platform's use, and for a signed-in resident their own votes and news. Each feature in the list gives its part.
 */
public final class HomeRoutes implements Routes {
    private final Web web;
    private final AccountService accounts;
    private final List<Feature> features;
    /**
     * The figures count whole tables (every ballot, every account): worked out at most once a minute, not on every view
     * of the most visited page. A minute late is nothing for a running total of participation.
     */
    private static final long FIGURES_KEPT_NANOS = 60_000_000_000L;
    private volatile List<HomeFigure> figures;
    private volatile long figuresAt;

    public HomeRoutes(Web web, AccountService accounts, List<Feature> features) {
        this.web = web;
        this.accounts = accounts;
        this.features = List.copyOf(features);
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/", this::show, Access.PUBLIC, Role.ANYONE);
    }

    private void show(Context ctx) {
        CurrentUser user = web.user(ctx);
        List<HomeSection> sections = new ArrayList<>();
        for (Feature f : features) f.home(user, web.messages()).stream().filter(s -> !s.entries().isEmpty()).forEach(sections::add);
        web.render(ctx, "home.jte", web.page(ctx, "home.title"), "sections", sections, "figures", figures());
    }

    private List<HomeFigure> figures() {
        List<HomeFigure> kept = figures;
        if (kept != null && System.nanoTime() - figuresAt < FIGURES_KEPT_NANOS) return kept;
        List<HomeFigure> fresh = new ArrayList<>(List.of(new HomeFigure(web.messages().get("home.count", accounts.count()), "home.residents")));
        for (Feature f : features) fresh.addAll(f.figures(web.messages()));
        figuresAt = System.nanoTime();
        figures = List.copyOf(fresh);
        return figures;
    }
}
