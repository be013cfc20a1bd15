package org.commonweal.platform.core.http;


/**
 * An entry of the menus: where it goes, its label (a message key), who sees it, and where it sits. The main menu keeps
 * a few entries (home, places, the hubs, search); each feature's pages sit in a hub ({@link Area}), whose page lists
 * them with a line each ({@code labelKey + ".hint"}); the account's own entries sit in the header.
 *
 * @param opens for a hub's own entry in the main menu, the hub it opens; otherwise null
 */
public record NavItem(String href, String labelKey, Role shownTo, Area area, Area opens) {
    /** Where an entry sits. Hubs have a page of their own at {@code href}. */
    public enum Area {
        MAIN(null, null), TAKE_PART("/take-part", "nav.hub.takePart"), COMMUNITY("/community", "nav.hub.community"),
        TOOLS("/tools", "nav.hub.tools"), ACCOUNT(null, null);

        private final String href;
        private final String labelKey;

        Area(String href, String labelKey) {
            this.href = href;
            this.labelKey = labelKey;
        }

        public String href() {
            return href;
        }

        public String labelKey() {
            return labelKey;
        }

        public boolean isHub() {
            return href != null;
        }
    }

    /** An entry of the main menu itself, shown to everyone. */
    public static NavItem main(String href, String labelKey) {
        return new NavItem(href, labelKey, Role.ANYONE, Area.MAIN, null);
    }

    /** The main menu's entry for a hub, shown when its user sees something in it. */
    public static NavItem hub(Area hub) {
        return new NavItem(hub.href(), hub.labelKey(), Role.ANYONE, Area.MAIN, hub);
    }

    /** A page listed in {@code hub}, shown to everyone. */
    public static NavItem in(Area hub, String href, String labelKey) {
        return in(hub, href, labelKey, Role.ANYONE);
    }

    /** A page listed in {@code hub}, shown only to holders of {@code role} (RESIDENT: every account; admins see all). */
    public static NavItem in(Area hub, String href, String labelKey, Role role) {
        if (!hub.isHub()) throw new IllegalArgumentException(hub + " is not a hub");
        return new NavItem(href, labelKey, role, hub, null);
    }

    /** An entry beside the account's own in the header, shown when signed in to holders of {@code role}. */
    public static NavItem account(String href, String labelKey, Role role) {
        return new NavItem(href, labelKey, role, Area.ACCOUNT, null);
    }

    /** The line under the entry on its hub's page. */
    public String hintKey() {
        return labelKey + ".hint";
    }
}
