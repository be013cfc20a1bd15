package org.commonweal.platform.elections;

import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.ResultsCsv;
import org.commonweal.elections.model.HexLayout;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Constituency results files organisers upload for the seat modeller, stored as sent and parsed by the engine. */
public final class ResultsSets {
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** {@code hasMap}: a HexJSON map of the constituencies was uploaded with the results. */
    public record ResultsSet(long id, String name, String fileName, int constituencies, String ownerName, OffsetDateTime createdAt, boolean hasMap) {
    }

    /** The engine's reason a file cannot be read (it names the line). */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private final Jdbi jdbi;
    private final AuditLog audit;

    public ResultsSets(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /**
     * Parses the file with the engine first, so only readable files are stored.
     *
     * @param hexJson the map of the constituencies, or null; checked by {@link #map} before it is passed here
     */
    public long add(String name, String fileName, String csv, String hexJson, long ownerId, Actor actor) throws Unreadable {
        int constituencies = parse(fileName, csv).size();
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO election_results_sets (owner_id, name, file_name, csv, constituencies, hexjson)
                    VALUES (:o, :n, :f, :c, :k, :m)""")
                    .bind("o", ownerId).bind("n", name).bind("f", fileName).bind("c", csv).bind("k", constituencies).bind("m", hexJson)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "elections.results_uploaded", "results:" + id, name + " (" + constituencies + " constituencies)");
            return id;
        });
    }

    private static final String SELECT = """
            SELECT r.id, r.name, r.file_name, r.constituencies, a.name AS owner, r.created_at, r.hexjson IS NOT NULL AS has_map
            FROM election_results_sets r LEFT JOIN accounts a ON a.id = r.owner_id""";

    public List<ResultsSet> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY r.id DESC").map(ResultsSets::row).list());
    }

    public Optional<ResultsSet> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.id = :id").bind("id", id).map(ResultsSets::row).findOne());
    }

    private static ResultsSet row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new ResultsSet(rs.getLong("id"), rs.getString("name"), rs.getString("file_name"), rs.getInt("constituencies"),
                rs.getString("owner"), rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("has_map"));
    }

    /** The stored file's constituencies; the file was readable when it was stored. */
    public List<ConstituencyResult> results(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT file_name, csv FROM election_results_sets WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> ResultsCsv.parse(rs.getString("file_name"), rs.getString("csv"))).one());
    }

    /** The set's map, if one was uploaded. */
    public Optional<HexLayout> map(long id) {
        String text = jdbi.withHandle(h -> h.createQuery("SELECT hexjson FROM election_results_sets WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne().orElse(null));
        if (text == null) return Optional.empty();
        try {
            return Optional.of(HexJson.parse(text));
        } catch (HexJson.Unreadable e) {
            throw new IllegalStateException("a stored map was readable when it was stored", e);
        }
    }

    /** Checks a map before it is stored: it must be HexJSON and place every constituency of the results (by id or name). */
    static void checkMap(List<ConstituencyResult> results, String hexJson) throws Unreadable {
        HexLayout layout;
        try {
            layout = HexJson.parse(hexJson);
        } catch (HexJson.Unreadable e) {
            throw new Unreadable(e.getMessage());
        }
        int placed = layout.matching(results).hexes().size();
        if (placed < results.size()) {
            throw new Unreadable((results.size() - placed) + " of the " + results.size() + " constituencies are not on the map (by ONS id or name)");
        }
    }

    static List<ConstituencyResult> parse(String fileName, String csv) throws Unreadable {
        try {
            return ResultsCsv.parse(fileName, csv);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(e.getMessage());
        }
    }
}
