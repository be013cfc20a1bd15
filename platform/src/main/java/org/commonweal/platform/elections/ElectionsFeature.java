package org.commonweal.platform.elections;

import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.groups.GroupSection;
import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;

import java.util.List;

/**
 * Elections: organisations' own board and trustee elections counted by STV, and the seat modeller that replays a
 * general election under other systems, stand-down deals and swings.
 */
public final class ElectionsFeature implements Feature {
    private final Routes[] parts;

    public ElectionsFeature(FeatureContext ctx) {
        ElectionsPersonalData.boardElections(ctx.personalData());
        ElectionsPersonalData.seatModeller(ctx.personalData());
        Groups groups = ctx.services().get(Groups.class);
        BoardElections boardElections = new BoardElections(ctx.jdbi(), ctx.audit());
        groups.addSection(GroupSection.ELECTIONS, boardElections::groupSection);
        this.parts = new Routes[]{
                new SeatModellerRoutes(ctx.web(), new ResultsSets(ctx.jdbi(), ctx.audit())),
                new BoardElectionRoutes(ctx.web(), boardElections, ctx.accounts(), ctx.baseUrl(), groups)};
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.TAKE_PART, "/elections", "nav.elections"), NavItem.in(NavItem.Area.TOOLS, "/elections/modeller", "nav.modeller", Role.ORGANISER));
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes r : parts) r.routes(routes);
    }
}
