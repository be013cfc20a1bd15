package org.commonweal.platform.problems;

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

/**
 * How problems and solutions appear to the rest of the platform: as the subject kinds "problem" and "solution"
 * (others comment on and follow them), in the site-wide search (withdrawn ones leave it), and as the open datasets
 * "problems" and "solutions" (counts of supporters, never who they are).
 */
final class ProblemIndex {
    static final String PROBLEM = "problem";
    static final String SOLUTION = "solution";
    private static final String SOLUTION_ROW = """
            SELECT s.id, s.title, s.description, s.author_id, s.status, r.place_id, r.status AS problem_status
            FROM problem_solutions s JOIN problems r ON r.id = s.problem_id""";

    private final Jdbi jdbi;
    private final SearchIndex search;

    ProblemIndex(Jdbi jdbi, SearchIndex search) {
        this.jdbi = jdbi;
        this.search = search;
    }

    static String problemUrl(long id) {
        return "/problems/" + id;
    }

    static String solutionUrl(long id) {
        return "/solutions/" + id;
    }

    /** Brings the search index in line with the problem, inside the transaction that changed it. */
    void updateProblem(Handle h, long id) {
        Problem p = ProblemService.find(h, id, false).orElseThrow();
        Subject subject = new Subject(PROBLEM, id);
        if (p.withdrawn()) {
            search.withdraw(h, subject);
            // A withdrawn problem takes its solutions out of sight with it.
            for (long s : h.createQuery("SELECT id FROM problem_solutions WHERE problem_id = :p").bind("p", id).mapTo(Long.class).list()) {
                search.withdraw(h, new Subject(SOLUTION, s));
            }
        } else {
            search.publish(h, new SearchDocument(subject, p.title(), p.description(), problemUrl(id), p.placeId()));
        }
    }

    void updateSolution(Handle h, long id) {
        h.createQuery(SOLUTION_ROW + " WHERE s.id = :id").bind("id", id).map((rs, c) -> {
            Subject subject = new Subject(SOLUTION, id);
            if (rs.getString("status").equals("withdrawn") || rs.getString("problem_status").equals("withdrawn")) search.withdraw(h, subject);
            else search.publish(h, new SearchDocument(subject, rs.getString("title"), rs.getString("description"), solutionUrl(id), rs.getLong("place_id")));
            return subject;
        }).one();
    }

    /** A problem as a subject; a withdrawn one no longer exists for others, a solved or closed one is still open to talk about. */
    Optional<SubjectInfo> findProblem(long id) {
        return jdbi.withHandle(h -> ProblemService.find(h, id, false)).filter(p -> !p.withdrawn())
                .map(p -> new SubjectInfo(new Subject(PROBLEM, id), p.title(), problemUrl(id), p.placeId(), p.authorId(), true));
    }

    Optional<SubjectInfo> findSolution(long id) {
        return jdbi.withHandle(h -> h.createQuery(SOLUTION_ROW + " WHERE s.id = :id AND s.status <> 'withdrawn' AND r.status <> 'withdrawn'")
                .bind("id", id).map((rs, c) -> new SubjectInfo(new Subject(SOLUTION, id), rs.getString("title"), solutionUrl(id),
                        rs.getLong("place_id"), (Long) rs.getObject("author_id"), true)).findOne());
    }

    OpenDataset problems() {
        return new OpenDataset("problems", "opendata.problems.title", "opendata.problems.description",
                List.of("id", "place_id", "place_name", "title", "description", "theme", "status", "status_reason", "supporters",
                        "solutions", "has_photo", "posted_at"),
                sink -> jdbi.useHandle(h -> h.createQuery("""
                        SELECT r.id, r.place_id, p.name AS place_name, r.title, r.description, r.theme, r.status, r.status_reason, r.supporters,
                               (SELECT count(*) FROM problem_solutions s WHERE s.problem_id = r.id AND s.status <> 'withdrawn') AS solutions,
                               EXISTS (SELECT 1 FROM problem_photos ph WHERE ph.problem_id = r.id) AS has_photo, r.created_at
                        FROM problems r JOIN places p ON p.id = r.place_id WHERE r.status <> 'withdrawn' ORDER BY r.id""")
                        .setFetchSize(500)
                        .map((rs, c) -> Arrays.<Object>asList(rs.getLong("id"), rs.getLong("place_id"), rs.getString("place_name"),
                                rs.getString("title"), rs.getString("description"), rs.getString("theme"), rs.getString("status"),
                                rs.getString("status_reason"), rs.getLong("supporters"), rs.getLong("solutions"), rs.getBoolean("has_photo"),
                                rs.getObject("created_at", OffsetDateTime.class)))
                        .useStream(rows -> rows.forEach(sink))));
    }

    OpenDataset solutions() {
        return new OpenDataset("solutions", "opendata.solutions.title", "opendata.solutions.description",
                List.of("id", "problem_id", "title", "description", "status", "status_reason", "budget_proposal", "posted_at"),
                sink -> jdbi.useHandle(h -> h.createQuery("""
                        SELECT s.id, s.problem_id, s.title, s.description, s.status, s.status_reason, s.proposal_key, s.created_at
                        FROM problem_solutions s JOIN problems r ON r.id = s.problem_id
                        WHERE s.status <> 'withdrawn' AND r.status <> 'withdrawn' ORDER BY s.id""")
                        .setFetchSize(500)
                        .map((rs, c) -> Arrays.<Object>asList(rs.getLong("id"), rs.getLong("problem_id"), rs.getString("title"),
                                rs.getString("description"), rs.getString("status"), rs.getString("status_reason"), rs.getString("proposal_key"),
                                rs.getObject("created_at", OffsetDateTime.class)))
                        .useStream(rows -> rows.forEach(sink))));
    }
}
