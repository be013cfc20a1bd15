package org.commonweal.platform.consultations;

import java.util.List;

/** A council, party branch, group, charity or co-operative whose members may act for it. */
public record Organisation(long id, String name, String kind) {
    public static final List<String> KINDS = List.of("council", "party_branch", "group", "charity", "cooperative");
    public static final List<String> ROLES = List.of("member", "organiser");

    /** One member: their account and whether they may run the organisation's consultations. */
    public record Member(long accountId, String name, String email, String role) {
    }
}
