package org.commonweal.platform.grants;

import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How grants appear to the rest of the platform: an application is the subject kind "grant-application" (its applicant
 * is told of the decision through the platform's notifications and mail), and the awards are the open dataset
 * "grants" (CSV and JSON beside the 360Giving package): only awards, which are public; never drafts or declined bids.
 */
final class GrantIndex {
    static final String KIND = "grant-application";

    private final Jdbi jdbi;
    private final Groups groups;

    GrantIndex(Jdbi jdbi, Groups groups) {
        this.jdbi = jdbi;
        this.groups = groups;
    }

    static Subject subject(long applicationId) {
        return new Subject(KIND, applicationId);
    }

    static String key(long applicationId) {
        return subject(applicationId).key();
    }

    /** An application as a subject: its title and page; nobody comments on it (closed to discussion). */
    Optional<SubjectInfo> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.title, a.applicant_id, g.place_id FROM grant_applications a JOIN grant_programmes g ON g.id = a.programme_id
                        WHERE a.id = :id""")
                .bind("id", id).map((rs, c) -> new SubjectInfo(subject(id), rs.getString("title"), "/grants/applications/" + id,
                        rs.getLong("place_id"), (Long) rs.getObject("applicant_id"), false)).findOne());
    }

    OpenDataset dataset(Giving360 giving) {
        return new OpenDataset("grants", "opendata.grants.title", "opendata.grants.description",
                List.of("identifier", "programme", "title", "description", "currency", "amount_applied_for", "amount_awarded", "award_date",
                        "recipient_org_id", "recipient_org_name", "funding_org_id", "funding_org_name", "decided_by"),
                sink -> jdbi.useHandle(h -> h.createQuery("""
                                SELECT a.id, a.group_id, a.title, a.purpose, a.amount, a.amount_awarded, a.awarded_on, a.proposal_id,
                                       g.title AS programme, g.currency
                                FROM grant_applications a JOIN grant_programmes g ON g.id = a.programme_id
                                WHERE a.status = 'awarded' ORDER BY a.id""")
                        .map((rs, c) -> {
                            long groupId = rs.getLong("group_id");
                            return Arrays.<Object>asList(giving.grantId(rs.getLong("id")), rs.getString("programme"), rs.getString("title"),
                                    rs.getString("purpose"), rs.getString("currency"), Giving360.major(rs.getLong("amount"), rs.getString("currency")),
                                    Giving360.major(rs.getLong("amount_awarded"), rs.getString("currency")),
                                    rs.getObject("awarded_on", LocalDate.class), giving.recipientId(groupId), groups.name(groupId).orElse(""),
                                    giving.funderId(), giving.funderName(), rs.getObject("proposal_id") == null ? "officers" : "residents");
                        }).list().forEach(sink)));
    }
}
