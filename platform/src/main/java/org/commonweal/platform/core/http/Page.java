package org.commonweal.platform.core.http;

import org.commonweal.platform.core.i18n.Messages;

/** What every template gets: the title, the user, the CSRF token, the messages, a one-time notice and the menu. */
public record Page(String title, CurrentUser user, String csrf, Messages messages, String notice, String path, boolean demoMode,
                   Navigation navigation) {
    public String t(String key, Object... args) {
        return messages.get(key, args);
    }

    /** A day in words ("7 December 2026"); see {@link Messages#date}. */
    public String date(java.time.temporal.TemporalAccessor when) {
        return messages.date(when);
    }

    /** A moment in words ("7 December 2026, 14:05"); see {@link Messages#dateTime}. */
    public String dateTime(java.time.OffsetDateTime when) {
        return messages.dateTime(when);
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean has(Role role) {
        return user != null && user.has(role);
    }

    /** The main menu's entries this page's user sees. */
    public java.util.List<NavItem> menu() {
        return navigation.main(user);
    }

    /** The entries of a hub, or the account's own, that this page's user sees. */
    public java.util.List<NavItem> menu(NavItem.Area area) {
        return navigation.in(area, user);
    }

    /** Whether this page is within the menu entry. */
    public boolean current(NavItem item) {
        return navigation.current(item, path);
    }

    public boolean current(String prefix) {
        return prefix.equals("/") ? path.equals("/") : path.startsWith(prefix);
    }
}
