package org.commonweal.platform.groups;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A community group as other features see it: what it is, where it works, its org-id identifiers and whether an
 * officer has verified it. Members, the register and vacancies are asked of {@link Groups}.
 *
 * @param verifiedAt when an officer last confirmed an identifier against its register; null when not verified
 */
public record Group(long id, String name, String kind, String description, String contact, String website, boolean membersPublic,
                    boolean hasLogo, String logoAlt, OffsetDateTime verifiedAt, List<String> identifiers, List<Long> placeIds,
                    List<String> themes) {
    /** The twelve kinds of group, in the order forms offer them; their names are messages {@code groups.kind.<kind>}. */
    public static final List<String> KINDS = List.of("charity", "cio", "charitable_company", "cic", "cooperative_society",
            "community_benefit_society", "company_limited_by_guarantee", "community_group", "faith_group", "tenants_association",
            "parish_council", "party_branch");
    /** Co-operatives and community benefit societies keep a register of members, one member one vote. */
    public static final Set<String> KEEPS_REGISTER = Set.of("cooperative_society", "community_benefit_society");
    /** A member's role; every role but "member" is an officer role, shown publicly unless the person hides it. */
    public static final List<String> ROLES = List.of("member", "trustee", "chair", "secretary", "treasurer", "volunteer_coordinator",
            "safeguarding_lead");

    public Group {
        identifiers = List.copyOf(identifiers);
        placeIds = List.copyOf(placeIds);
        themes = List.copyOf(themes);
    }

    public boolean verified() {
        return verifiedAt != null;
    }

    public boolean keepsRegister() {
        return KEEPS_REGISTER.contains(kind);
    }

    public static boolean officerRole(String role) {
        return !"member".equals(role) && ROLES.contains(role);
    }

    /** A group in a list: enough for a link, a line under it and the badge. */
    public record Summary(long id, String name, String kind, boolean verified) {
        public String url() {
            return "/groups/" + id;
        }
    }

    public Summary summary() {
        return new Summary(id, name, kind, verified());
    }

    public String url() {
        return "/groups/" + id;
    }

    /** A person's current membership of a group: their role and whether they run its page. */
    public record Membership(Summary group, String role, boolean admin) {
    }
}
