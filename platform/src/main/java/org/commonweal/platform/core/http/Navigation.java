package org.commonweal.platform.core.http;


import java.util.ArrayList;
import java.util.List;

/**
 * The menus, made from the feature list in its order; each page shows the entries its user may use. The main menu is
 * kept short enough for one line at desktop width: features put their pages in hubs, and a hub's entry shows only to
 * those who can see something in it.
 */
public final class Navigation {
    private final List<NavItem> items = new ArrayList<>();

    public synchronized void add(List<NavItem> entries) {
        items.addAll(entries);
    }

    /** The main menu's entries {@code user} (null for a visitor) sees. */
    public synchronized List<NavItem> main(CurrentUser user) {
        return items.stream().filter(i -> i.area() == NavItem.Area.MAIN)
                .filter(i -> i.opens() == null ? shown(i, user) : !in(i.opens(), user).isEmpty()).toList();
    }

    /** The entries of {@code area} (a hub, or the account's) that {@code user} sees. */
    public synchronized List<NavItem> in(NavItem.Area area, CurrentUser user) {
        return items.stream().filter(i -> i.area() == area).filter(i -> shown(i, user)).toList();
    }

    private static boolean shown(NavItem item, CurrentUser user) {
        if (item.area() == NavItem.Area.ACCOUNT && user == null) return false;
        return switch (item.shownTo()) {
            case ANYONE -> true;
            case RESIDENT -> user != null;
            default -> user != null && (user.has(item.shownTo()) || user.has(Role.ADMIN));
        };
    }

    /**
     * Whether {@code path} is within the entry (the current page's entry is marked), unless a longer entry matches it
     * better (the seat modeller under elections). A hub's entry is current on its page and on every page of its own.
     */
    public synchronized boolean current(NavItem item, String path) {
        if (item.opens() != null) {
            return within(item.href(), path) || items.stream().filter(i -> i.area() == item.opens()).anyMatch(i -> current(i, path));
        }
        if (!within(item.href(), path)) return false;
        return items.stream().noneMatch(other -> other.href().length() > item.href().length() && within(other.href(), path));
    }

    private static boolean within(String href, String path) {
        return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
    }
}
