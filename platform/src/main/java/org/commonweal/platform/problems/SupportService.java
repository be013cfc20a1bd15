package org.commonweal.platform.problems;

import org.commonweal.platform.core.http.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/**
 * "This affects me too": one support per account per problem, which its giver may take back. Each support keeps the
 * supporter's home place at the time and when it was given, so a problem shows where it is felt and the agenda what
 * gained support lately; nobody else sees who supported.
 */
public final class SupportService {
    /** Supporters living in one place ({@code placeId} null: people who have not said where they live). */
    public record PlaceCount(Long placeId, String placeName, long supporters) {
    }

    private final Jdbi jdbi;

    SupportService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds the account's support; supporting twice changes nothing. Only active problems take support. */
    public Optional<Refusal> support(long problemId, long accountId, Long homePlaceId) {
        return jdbi.inTransaction(h -> {
            Optional<Refusal> refused = mayChange(h, problemId);
            if (refused.isPresent()) return refused;
            int added = h.createUpdate("""
                    INSERT INTO problem_supports (problem_id, account_id, home_place_id) VALUES (:p, :a, :home)
                    ON CONFLICT (problem_id, account_id) DO NOTHING""").bind("p", problemId).bind("a", accountId).bind("home", homePlaceId).execute();
            if (added == 1) h.createUpdate("UPDATE problems SET supporters = supporters + 1 WHERE id = :p").bind("p", problemId).execute();
            return Optional.empty();
        });
    }

    /** Takes the account's support back; taking back what was never given changes nothing. */
    public Optional<Refusal> takeBack(long problemId, long accountId) {
        return jdbi.inTransaction(h -> {
            Optional<Refusal> refused = mayChange(h, problemId);
            if (refused.isPresent()) return refused;
            int removed = h.createUpdate("DELETE FROM problem_supports WHERE problem_id = :p AND account_id = :a")
                    .bind("p", problemId).bind("a", accountId).execute();
            if (removed == 1) h.createUpdate("UPDATE problems SET supporters = supporters - 1 WHERE id = :p").bind("p", problemId).execute();
            return Optional.empty();
        });
    }

    public boolean supports(long problemId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM problem_supports WHERE problem_id = :p AND account_id = :a)")
                .bind("p", problemId).bind("a", accountId).mapTo(Boolean.class).one());
    }

    /** Supporters per home place, most first (then by place name); people without a home place come last. */
    public List<PlaceCount> byPlace(long problemId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.home_place_id, p.name, count(*) AS n FROM problem_supports s LEFT JOIN places p ON p.id = s.home_place_id
                WHERE s.problem_id = :p GROUP BY s.home_place_id, p.name
                ORDER BY (s.home_place_id IS NULL), n DESC, p.name, s.home_place_id""").bind("p", problemId)
                .map((rs, c) -> new PlaceCount((Long) rs.getObject("home_place_id"), rs.getString("name"), rs.getLong("n"))).list());
    }

    /** Locks the problem row, so its count and its support rows change together. */
    private static Optional<Refusal> mayChange(Handle h, long problemId) {
        Optional<Problem> p = ProblemService.find(h, problemId, true);
        if (p.isEmpty() || p.get().withdrawn()) return Optional.of(Refusal.NOT_FOUND);
        if (!p.get().active()) return Optional.of(Refusal.CLOSED);
        return Optional.empty();
    }
}
