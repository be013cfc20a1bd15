package org.commonweal.platform.groups;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.Routes;

import java.util.ArrayList;
import java.util.List;

/**
 * Community groups: charities, co-operatives, tenants' associations, party branches and the rest, with their members
 * and roles, org-id identifiers checked by officers, registers of members, trustee vacancies and a public page other
 * features add sections to. Publishes {@link Groups} for the features after it in the list.
 */
public final class GroupsFeature implements Feature {
    private final Groups groups;
    private final List<Routes> parts = new ArrayList<>();

    public GroupsFeature(FeatureContext ctx) {
        GroupIndex index = new GroupIndex(ctx.jdbi(), ctx.search(), ctx.web().messages());
        ctx.openData().register(index.dataset());
        GroupEditor editor = new GroupEditor(ctx.jdbi(), ctx.audit(), ctx.places(), ctx.web().messages(), index);
        this.groups = new Groups(ctx.jdbi(), ctx.audit(), editor);
        ctx.services().publish(Groups.class, groups);
    }

    public Groups groups() {
        return groups;
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.main("/groups", "nav.groups"));
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes r : parts) r.routes(routes);
    }

    @Override
    public void loadDemo(DemoContext demo) {
    }
}
