package org.commonweal.platform.core.http;

import io.javalin.security.RouteRole;

/**
 * Who may use a route. Every signed-in account is a resident; the other roles are granted by an admin.
 * ANYONE routes are public; every other route is refused (sign-in page or 403) unless the user holds the role.
 */
public enum Role implements RouteRole {
    ANYONE(null), RESIDENT(null), ORGANISER("organiser"), OFFICER("officer"), MODERATOR("moderator"), ADMIN("admin");

    private final String stored;

    Role(String stored) {
        this.stored = stored;
    }

    /** The value in account_roles.role, or null for roles every account (or visitor) has. */
    public String stored() {
        return stored;
    }

    public static final java.util.List<Role> GRANTABLE = java.util.List.of(ORGANISER, OFFICER, MODERATOR, ADMIN);

    public static Role fromStored(String value) {
        for (Role r : GRANTABLE) if (r.stored.equals(value)) return r;
        throw new IllegalArgumentException("unknown role '" + value + "'");
    }
}
