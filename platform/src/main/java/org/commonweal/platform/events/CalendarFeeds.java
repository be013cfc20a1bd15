package org.commonweal.platform.events;

import org.commonweal.platform.core.http.Secrets;
import org.jdbi.v3.core.Jdbi;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Calendar feeds (RFC 5545) of events: per event, per place and per person. A person's feed sits at an address with
 * a secret token, since calendar programs cannot sign in; the person can replace or revoke the token at any time.
 */
final class CalendarFeeds {
    private final Jdbi jdbi;
    private final String baseUrl;
    private final String uidDomain;

    CalendarFeeds(Jdbi jdbi, String baseUrl) {
        this.jdbi = jdbi;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String host = URI.create(this.baseUrl).getHost();
        this.uidDomain = host == null ? "commonweal" : host;
    }

    Optional<String> token(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT token FROM event_feed_tokens WHERE account_id = :a").bind("a", accountId)
                .mapTo(String.class).findOne());
    }

    /** A new token for the account, replacing any earlier one (whose address stops working at once). */
    String renew(long accountId) {
        String token = Secrets.newToken();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO event_feed_tokens (account_id, token) VALUES (:a, :t)
                ON CONFLICT (account_id) DO UPDATE SET token = excluded.token, created_at = now()""")
                .bind("a", accountId).bind("t", token).execute());
        return token;
    }

    void revoke(long accountId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM event_feed_tokens WHERE account_id = :a").bind("a", accountId).execute());
    }

    Optional<Long> accountFor(String token) {
        if (token == null || token.length() < 32 || token.length() > 100) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM event_feed_tokens WHERE token = :t").bind("t", token)
                .mapTo(Long.class).findOne());
    }

    String url(String path) {
        return baseUrl + path;
    }

    /** The events as one calendar; each keeps its UID for life, and its SEQUENCE rises with every change. */
    String render(String name, List<Event> events) {
        ICalendar cal = new ICalendar(name);
        for (Event e : events) {
            String location = e.online() ? e.onlineUrl() : e.venue() + ", " + e.placeName();
            String description = e.description() + (e.cancelled() ? "\n\n" + e.cancelReason() : "");
            cal.add(new ICalendar.Entry("event-" + e.id() + "@" + uidDomain, e.updatedAt().toInstant(), e.startsAt().toInstant(),
                    e.endsAt().toInstant(), e.title(), description.strip(), location, url(EventIndex.url(e.id())), e.sequence(), e.cancelled()));
        }
        return cal.end();
    }
}
