package org.commonweal.platform.core.http;

import org.commonweal.platform.core.i18n.Messages;

/** What every template gets: the title, the user, the CSRF token, the messages and a one-time notice. */
public record Page(String title, CurrentUser user, String csrf, Messages messages, String notice, String path, boolean demoMode) {
    public String t(String key, Object... args) {
        return messages.get(key, args);
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean has(Role role) {
        return user != null && user.has(role);
    }

    public boolean current(String prefix) {
        return prefix.equals("/") ? path.equals("/") : path.startsWith(prefix);
    }
}
