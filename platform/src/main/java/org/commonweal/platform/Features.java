package org.commonweal.platform;

import org.commonweal.platform.budgets.BudgetsFeature;
import org.commonweal.platform.care.CareFeature;
import org.commonweal.platform.consultations.ConsultationsFeature;
import org.commonweal.platform.conversations.ConversationsFeature;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.deliberation.DeliberationFeature;
import org.commonweal.platform.elections.ElectionsFeature;
import org.commonweal.platform.events.EventsFeature;
import org.commonweal.platform.grants.GrantsFeature;
import org.commonweal.platform.groups.GroupsFeature;
import org.commonweal.platform.library.LibraryFeature;
import org.commonweal.platform.opportunities.OpportunitiesFeature;
import org.commonweal.platform.problems.ProblemsFeature;
import org.commonweal.platform.services.ServicesFeature;
import org.commonweal.platform.volunteers.VolunteersFeature;

import java.util.List;
import java.util.function.Function;

/**
 * Every feature of the platform, one line each: the only place a feature is registered. The order is the menu's, the
 * demo's, and the order features are built in, so a feature comes after those whose services it uses.
 */
final class Features {
    static final List<Function<FeatureContext, Feature>> ALL = List.of(
            DeliberationFeature::new,   // comments, moderation, follows and notifications, on every other feature's pages
            BudgetsFeature::new,
            ProblemsFeature::new,
            GroupsFeature::new,         // before consultations, events and elections, which add sections to a group's page
            ServicesFeature::new,       // services are groups'
            GrantsFeature::new,         // after groups and budgets, whose services it uses
            ConversationsFeature::new,  // before consultations, whose questions can be conversations
            ConsultationsFeature::new,
            EventsFeature::new,
            ElectionsFeature::new,
            LibraryFeature::new,        // after budgets and groups: stories come from delivered projects and show on group pages
            VolunteersFeature::new,     // after groups, whose members volunteer and whose safeguarding leads verify DBS checks
            OpportunitiesFeature::new,  // after groups and volunteers: a group's coordinators post them; sign-ups check volunteers' DBS and skills
            CareFeature::new);          // after groups and volunteers: coordinators match help requests to a group's volunteers

    private Features() {
    }
}
