package org.commonweal.platform.budgets;

import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.core.search.SearchDocument;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How budget proposals appear to the rest of the platform: as the subject kind "proposal" (others comment on and
 * follow them), in the site-wide search (a withdrawn proposal leaves it), and as the open dataset "budget-proposals".
 */
final class ProposalIndex {
    static final String KIND = "proposal";
    private static final String ROW = """
            SELECT r.id, r.title, r.description, r.place_id, r.author_id, r.status, t.process_id
            FROM budget_proposals r JOIN budget_pots t ON t.id = r.pot_id""";

    private final Jdbi jdbi;
    private final SearchIndex search;

    ProposalIndex(Jdbi jdbi, SearchIndex search) {
        this.jdbi = jdbi;
        this.search = search;
    }

    static String url(long processId, long proposalId) {
        return "/budgets/" + processId + "/proposals/" + proposalId;
    }

    /** Brings the search index in line with the proposal, inside the transaction that changed it. */
    void update(Handle h, long proposalId) {
        h.createQuery(ROW + " WHERE r.id = :id").bind("id", proposalId).map((rs, c) -> {
            Subject subject = new Subject(KIND, rs.getLong("id"));
            if (rs.getString("status").equals("withdrawn")) {
                search.withdraw(h, subject);
            } else {
                search.publish(h, new SearchDocument(subject, rs.getString("title"), rs.getString("description"),
                        url(rs.getLong("process_id"), rs.getLong("id")), rs.getLong("place_id")));
            }
            return subject;
        }).findOne();
    }

    /** Publishes every proposal of a new pot at once (an imported vote may bring 20,000): one query, one batch. */
    void publishPot(Handle h, long potId) {
        search.publishAll(h, h.createQuery(ROW + " WHERE r.pot_id = :pot AND r.status <> 'withdrawn' ORDER BY r.id").bind("pot", potId)
                .map((rs, c) -> new SearchDocument(new Subject(KIND, rs.getLong("id")), rs.getString("title"), rs.getString("description"),
                        url(rs.getLong("process_id"), rs.getLong("id")), rs.getLong("place_id"))).list());
    }

    /** A proposal as a subject: residents may discuss it until its process reaches delivery's end (a withdrawn one is closed). */
    Optional<SubjectInfo> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(ROW + " WHERE r.id = :id").bind("id", id).map((rs, c) -> new SubjectInfo(
                new Subject(KIND, id), rs.getString("title"), url(rs.getLong("process_id"), id), rs.getLong("place_id"),
                (Long) rs.getObject("author_id"), !rs.getString("status").equals("withdrawn"))).findOne());
    }

    OpenDataset dataset() {
        return new OpenDataset("budget-proposals", "opendata.budget-proposals.title", "opendata.budget-proposals.description",
                List.of("id", "process_id", "process_name", "pot_id", "pot_name", "place_id", "place_name", "title", "description",
                        "theme", "currency", "estimated_cost", "council_cost", "status", "status_reason", "selected", "delivery_status", "delivery_progress",
                        "submitted_at"),
                sink -> jdbi.useHandle(h -> h.createQuery("""
                        SELECT r.id, t.process_id, b.title AS process_name, t.id AS pot_id, t.name AS pot_name, r.place_id, p.name AS place_name,
                               r.title, r.description, r.theme, t.currency, r.estimated_cost, r.council_cost, r.status, r.status_reason,
                               -- A provisional count (phase "counting") selects nothing yet: only published results say.
                               CASE WHEN b.phase IN ('results', 'delivery') THEN x.funded END AS funded,
                               CASE WHEN b.phase IN ('results', 'delivery') AND x.funded THEN coalesce(u.status, 'not_started') END AS delivery_status,
                               CASE WHEN b.phase IN ('results', 'delivery') AND x.funded AND u.status IS DISTINCT FROM 'cancelled'
                                    THEN coalesce(u.progress, 0) END AS delivery_progress,
                               r.created_at
                        FROM budget_proposals r JOIN budget_pots t ON t.id = r.pot_id JOIN budget_processes b ON b.id = t.process_id
                        JOIN places p ON p.id = r.place_id LEFT JOIN budget_result_projects x ON x.proposal_id = r.id
                        LEFT JOIN LATERAL (SELECT status, progress FROM budget_delivery_updates WHERE proposal_id = r.id ORDER BY id DESC LIMIT 1) u
                             ON x.funded
                        ORDER BY r.id""")
                        .setFetchSize(500)
                        .map((rs, c) -> {
                            int scale = Money.scale(rs.getString("currency"));
                            Long council = (Long) rs.getObject("council_cost");
                            return Arrays.<Object>asList(rs.getLong("id"), rs.getLong("process_id"), rs.getString("process_name"),
                                    rs.getLong("pot_id"), rs.getString("pot_name"), rs.getLong("place_id"), rs.getString("place_name"),
                                    rs.getString("title"), rs.getString("description"), rs.getString("theme"), rs.getString("currency"),
                                    BigDecimal.valueOf(rs.getLong("estimated_cost"), scale),
                                    council == null ? null : BigDecimal.valueOf(council, scale), rs.getString("status"),
                                    rs.getString("status_reason"), rs.getObject("funded", Boolean.class), rs.getString("delivery_status"),
                                    rs.getObject("delivery_progress", Integer.class), rs.getObject("created_at", java.time.OffsetDateTime.class));
                        })
                        .useStream(rows -> rows.forEach(sink))));
    }
}
