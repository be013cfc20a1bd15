package org.commonweal.platform.groups;

import org.commonweal.platform.core.i18n.Messages;

import java.util.List;
import java.util.Optional;

/**
 * What another feature shows on a group's page (its services, events, consultations answered, contracts won, grants
 * received, elections held, its stories): a heading (a message key) and a few entries, each a link with a line under
 * it in words. The owning feature registers a {@link Provider} through {@link Groups#addSection}; a section with no
 * entries is not shown. Only public things belong here: the page is public.
 */
public record GroupSection(String titleKey, List<Entry> entries) {
    /** Where each kind of section sits on the page, so sections come out in one order whatever the feature list's. */
    public static final int SERVICES = 10, EVENTS = 20, VOLUNTEERING = 25, CONSULTATIONS = 30, CONTRACTS = 40, GRANTS = 50, ELECTIONS = 60, STORIES = 70;

    public GroupSection {
        entries = List.copyOf(entries);
    }

    /** One link in a section, with the line under it (already in words). */
    public record Entry(String title, String href, String detail) {
    }

    /** A feature's section of the page of the group with this id; empty (or no entries) when it has nothing to show. */
    @FunctionalInterface
    public interface Provider {
        Optional<GroupSection> section(long groupId, Messages messages);
    }
}
