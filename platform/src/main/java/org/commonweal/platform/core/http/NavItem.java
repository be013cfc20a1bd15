package org.commonweal.platform.core.http;


/**
 * An entry of the main menu: where it goes, its label (a message key), who sees it, and whether it sits with the
 * account's own entries (shown only when signed in) rather than with the places to go.
 */
public record NavItem(String href, String labelKey, Role shownTo, boolean accountArea) {
    /** A place to go, shown to everyone. */
    public static NavItem main(String href, String labelKey) {
        return new NavItem(href, labelKey, Role.ANYONE, false);
    }

    /** A place to go, shown only to holders of {@code role} (and admins). */
    public static NavItem main(String href, String labelKey, Role role) {
        return new NavItem(href, labelKey, role, false);
    }

    /** An entry beside the account's own, shown when signed in to holders of {@code role} (RESIDENT: every account). */
    public static NavItem account(String href, String labelKey, Role role) {
        return new NavItem(href, labelKey, role, true);
    }
}
