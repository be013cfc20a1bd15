package org.commonweal.platform.services;

import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.core.search.SearchDocument;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How services appear to the rest of the platform: published ones in the one site search and as the subject kind
 * "service", and every published service in the open dataset "services". A pending or withdrawn service is in none.
 */
final class ServicesIndex {
    static final String KIND = "service";
    private final Jdbi jdbi;
    private final SearchIndex search;

    ServicesIndex(Jdbi jdbi, SearchIndex search) {
        this.jdbi = jdbi;
        this.search = search;
    }

    static String url(long id) {
        return "/services/" + id;
    }

    static Subject subject(long id) {
        return new Subject(KIND, id);
    }

    /** Brings the site search in line with the service, inside the transaction that changed it. */
    void update(Handle h, long id) {
        var row = h.createQuery("""
                SELECT s.name, s.description, s.eligibility, s.state = 'published' AS published,
                       (SELECT l.place_id FROM service_locations l WHERE l.service_id = s.id AND l.place_id IS NOT NULL ORDER BY l.id LIMIT 1) AS place,
                       (SELECT string_agg(t.name, ' ') FROM service_terms st JOIN service_taxonomy_terms t ON t.id = st.term_id
                         WHERE st.service_id = s.id) AS terms
                FROM services s WHERE s.id = :id""").bind("id", id).mapToMap().findOne();
        if (row.isEmpty() || !Boolean.TRUE.equals(row.get().get("published"))) {
            search.withdraw(h, subject(id));
            return;
        }
        var r = row.get();
        String body = String.join("\n", (String) r.get("description"), (String) r.get("eligibility"), r.get("terms") == null ? "" : (String) r.get("terms"));
        search.publish(h, new SearchDocument(subject(id), (String) r.get("name"), body, url(id), (Long) r.get("place")));
    }

    /** A published service as a subject (followed, discussed); others are not found. */
    Optional<SubjectInfo> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.name, (SELECT l.place_id FROM service_locations l WHERE l.service_id = s.id AND l.place_id IS NOT NULL
                                ORDER BY l.id LIMIT 1) AS place
                FROM services s WHERE s.id = :id AND s.state = 'published'""").bind("id", id)
                .map((rs, c) -> new SubjectInfo(subject(id), rs.getString("name"), url(id), (Long) rs.getObject("place"), null, true)).findOne());
    }

    OpenDataset dataset() {
        return new OpenDataset("services", "opendata.services.title", "opendata.services.description",
                List.of("id", "oruk_id", "name", "group_id", "status", "description", "eligibility", "minimum_age", "maximum_age",
                        "application_process", "email", "phone", "url", "places", "terms", "assured_date", "last_modified"),
                sink -> jdbi.useTransaction(h -> h.createQuery("""
                        SELECT s.id, s.oruk_id, s.name, s.group_id, s.status, s.description, s.eligibility, s.minimum_age, s.maximum_age,
                               s.application_process, s.email, s.phone, s.url, s.assured_date, s.last_modified,
                               (SELECT string_agg(DISTINCT p.name, '; ') FROM service_locations l JOIN places p ON p.id = l.place_id
                                 WHERE l.service_id = s.id) AS places,
                               (SELECT string_agg(t.name, '; ' ORDER BY t.name) FROM service_terms st
                                 JOIN service_taxonomy_terms t ON t.id = st.term_id WHERE st.service_id = s.id) AS terms
                        FROM services s WHERE s.state = 'published' ORDER BY s.id""")
                        .setFetchSize(500)
                        .map((rs, c) -> Arrays.<Object>asList(rs.getLong("id"), rs.getObject("oruk_id", UUID.class).toString(), rs.getString("name"),
                                rs.getLong("group_id"), rs.getString("status"), rs.getString("description"), rs.getString("eligibility"),
                                rs.getObject("minimum_age"), rs.getObject("maximum_age"), rs.getString("application_process"),
                                rs.getString("email"), rs.getString("phone"), rs.getString("url"), rs.getString("places"), rs.getString("terms"),
                                rs.getObject("assured_date", java.time.LocalDate.class), rs.getObject("last_modified", OffsetDateTime.class)))
                        .useStream(rows -> rows.forEach(sink))));
    }
}
