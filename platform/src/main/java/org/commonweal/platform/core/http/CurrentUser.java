package org.commonweal.platform.core.http;

import java.util.Set;

/** The signed-in account as the request sees it. */
public record CurrentUser(long id, String name, String email, boolean emailConfirmed, Long homePlaceId, Set<Role> roles) {
    public boolean has(Role role) {
        return role == Role.ANYONE || role == Role.RESIDENT || roles.contains(role);
    }
}
