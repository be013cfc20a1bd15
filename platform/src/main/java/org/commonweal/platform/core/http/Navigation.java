package org.commonweal.platform.core.http;


import java.util.ArrayList;
import java.util.List;

/** The main menu, made from the feature list in its order; each page shows the entries its user may use. */
public final class Navigation {
    private final List<NavItem> items = new ArrayList<>();

    public synchronized void add(List<NavItem> entries) {
        items.addAll(entries);
    }

    /** The entries {@code user} (null for a visitor) sees, in {@code accountArea} or among the places to go. */
    public synchronized List<NavItem> visibleTo(CurrentUser user, boolean accountArea) {
        return items.stream().filter(i -> i.accountArea() == accountArea).filter(i -> shown(i, user)).toList();
    }

    private static boolean shown(NavItem item, CurrentUser user) {
        if (item.accountArea() && user == null) return false;
        return switch (item.shownTo()) {
            case ANYONE -> true;
            case RESIDENT -> user != null;
            default -> user != null && (user.has(item.shownTo()) || user.has(Role.ADMIN));
        };
    }

    /**
     * Whether {@code path} is within the entry (the current page's entry is marked), unless a longer entry matches it
     * better (the seat modeller under elections).
     */
    public synchronized boolean current(NavItem item, String path) {
        if (!within(item.href(), path)) return false;
        return items.stream().noneMatch(other -> other.href().length() > item.href().length() && within(other.href(), path));
    }

    private static boolean within(String href, String path) {
        return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
    }
}
