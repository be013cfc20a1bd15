package org.commonweal.platform.core.http;

import org.commonweal.platform.core.i18n.Messages;

/** What every template gets: the title, the user, the CSRF token, the messages, a one-time notice and the menu. */
public record Page(String title, CurrentUser user, String csrf, Messages messages, String notice, String path, boolean demoMode,
                   Navigation navigation) {
    public String t(String key, Object... args) {
        return messages.get(key, args);
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean has(Role role) {
        return user != null && user.has(role);
    }

    /** The menu's places to go ({@code false}) or the account's entries ({@code true}) this page's user sees. */
    public java.util.List<NavItem> menu(boolean accountArea) {
        return navigation.visibleTo(user, accountArea);
    }

    /** Whether this page is within the menu entry. */
    public boolean current(NavItem item) {
        return navigation.current(item, path);
    }

    public boolean current(String prefix) {
        return prefix.equals("/") ? path.equals("/") : path.startsWith(prefix);
    }
}
