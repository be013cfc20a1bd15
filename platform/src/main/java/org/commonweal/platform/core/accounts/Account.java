package org.commonweal.platform.core.accounts;

import org.commonweal.platform.core.http.Role;

import java.time.OffsetDateTime;
import java.util.Set;

public record Account(long id, String email, String name, OffsetDateTime emailConfirmedAt, Long homePlaceId,
                      OffsetDateTime createdAt, Set<Role> roles) {
    public boolean emailConfirmed() {
        return emailConfirmedAt != null;
    }
}
