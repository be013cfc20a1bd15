package org.commonweal.platform.core.feature;

import org.commonweal.platform.core.Config;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.mail.Outbox;
import org.commonweal.platform.core.opendata.OpenData;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Jdbi;

/**
 * What a feature is built from: the core services, and {@link Services} where the features before it in the list have
 * published theirs. Features talk to each other only through those services, never through each other's tables.
 */
public record FeatureContext(Config config, Jdbi jdbi, Web web, AuditLog audit, PlaceService places, AccountService accounts,
                             Subjects subjects, SearchIndex search, OpenData openData, PersonalData personalData, Bans bans,
                             RateLimiter limiter, Outbox outbox, Services services) {
    /** The platform's public address, for links in mail, feeds and printed cards. */
    public String baseUrl() {
        return config.baseUrl();
    }
}
