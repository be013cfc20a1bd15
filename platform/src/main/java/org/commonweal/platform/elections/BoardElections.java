package org.commonweal.platform.elections;

import org.commonweal.elections.stv.Ballots;
import org.commonweal.elections.stv.CountReport;
import org.commonweal.elections.stv.CountReportJson;
import org.commonweal.elections.stv.CountingRules;
import org.commonweal.elections.stv.Election;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Organisations' STV elections: candidates, who may vote (members' accounts and one-time codes, stored only
 * as hashes), secret ballots and the count. Who has voted and what was voted are kept in separate tables
 * with nothing to join them by; both rows are written in one transaction.
 */
public final class BoardElections {
    /** Without 0/O and 1/I/L, so a printed code is read back without doubt: 12 characters, 60 bits. */
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What happened to a ballot. */
    public enum Cast { ACCEPTED, NOT_ELIGIBLE, ALREADY_VOTED, NOT_OPEN }

    public record Turnout(long electors, long codes, long voted) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;

    public BoardElections(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public long create(BoardElectionForm.Draft d, long ownerId, Actor actor) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO elections (owner_id, title, seats, rule, opens_at, closes_at)
                    VALUES (:o, :t, :s, :r, :opens, :closes)""")
                    .bind("o", ownerId).bind("t", d.title()).bind("s", d.seats()).bind("r", d.rule())
                    .bind("opens", d.opensAt()).bind("closes", d.closesAt())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (int i = 0; i < d.candidates().size(); i++) {
                h.createUpdate("INSERT INTO election_candidates (election_id, position, name, statement) VALUES (:e, :p, :n, :s)")
                        .bind("e", id).bind("p", i).bind("n", d.candidates().get(i).name()).bind("s", d.candidates().get(i).statement()).execute();
            }
            audit.record(h, actor, "elections.created", "election:" + id,
                    d.title() + ": " + d.seats() + " seats, " + d.rule() + ", " + d.candidates().size() + " candidates");
            return id;
        });
    }

    public List<BoardElection> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM elections ORDER BY id DESC").mapTo(Long.class).list())
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** The elections the account created, newest first. */
    public List<BoardElection> ownedBy(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM elections WHERE owner_id = :a ORDER BY id DESC").bind("a", accountId)
                .mapTo(Long.class).list()).stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** Every published election and, for an account (null for a visitor), the ones it is listed to vote in. */
    public List<BoardElection> forMember(Long accountId) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("""
                SELECT e.id FROM elections e
                WHERE e.status = 'published'
                   OR EXISTS (SELECT 1 FROM election_electors x WHERE x.election_id = e.id AND x.account_id = :a)
                ORDER BY e.id DESC""").bind("a", accountId).mapTo(Long.class).list());
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    public Optional<BoardElection> find(long id) {
        return jdbi.withHandle(h -> find(h, id, false));
    }

    private static Optional<BoardElection> find(Handle h, long id, boolean lock) {
        List<BoardElection.Candidate> candidates = h.createQuery(
                        "SELECT position, name, statement FROM election_candidates WHERE election_id = :id ORDER BY position")
                .bind("id", id).map((rs, ctx) -> new BoardElection.Candidate(rs.getInt("position"), rs.getString("name"), rs.getString("statement"))).list();
        return h.createQuery("SELECT id, owner_id, title, seats, rule, opens_at, closes_at, status, report_json FROM elections WHERE id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .bind("id", id)
                .map((rs, ctx) -> new BoardElection(rs.getLong("id"), rs.getObject("owner_id", Long.class), rs.getString("title"), rs.getInt("seats"), rs.getString("rule"),
                        rs.getObject("opens_at", OffsetDateTime.class), rs.getObject("closes_at", OffsetDateTime.class), rs.getString("status"),
                        rs.getString("report_json"), candidates))
                .findOne();
    }

    public Turnout turnout(long id) {
        return jdbi.withHandle(h -> new Turnout(
                h.createQuery("SELECT count(*) FROM election_electors WHERE election_id = :id").bind("id", id).mapTo(Long.class).one(),
                h.createQuery("SELECT count(*) FROM election_codes WHERE election_id = :id").bind("id", id).mapTo(Long.class).one(),
                h.createQuery("SELECT count(*) FROM election_voted WHERE election_id = :id").bind("id", id).mapTo(Long.class).one()));
    }

    /** Adds members by account (duplicates are ignored); returns how many were new. */
    public int addElectors(long id, List<Long> accountIds, Actor actor) {
        return jdbi.inTransaction(h -> {
            int added = 0;
            for (long a : accountIds) {
                added += h.createUpdate("INSERT INTO election_electors (election_id, account_id) VALUES (:e, :a) ON CONFLICT DO NOTHING")
                        .bind("e", id).bind("a", a).execute();
            }
            audit.record(h, actor, "elections.electors_added", "election:" + id, added + " members added");
            return added;
        });
    }

    /**
     * Adds the members on a group's register (one member, one vote) and marks the election as the group's, so the
     * group's page lists it; returns how many were new.
     */
    public int addElectorsFromRegister(long id, long groupId, List<Long> register, Actor actor) {
        return jdbi.inTransaction(h -> {
            int added = 0;
            for (long a : register) {
                added += h.createUpdate("INSERT INTO election_electors (election_id, account_id) VALUES (:e, :a) ON CONFLICT DO NOTHING")
                        .bind("e", id).bind("a", a).execute();
            }
            h.createUpdate("UPDATE elections SET group_id = :g WHERE id = :e").bind("g", groupId).bind("e", id).execute();
            audit.record(h, actor, "elections.electors_added", "election:" + id, added + " members added from the register of group:" + groupId);
            return added;
        });
    }

    /** A group's page section "Elections held": its elections, newest first, with their state. */
    java.util.Optional<org.commonweal.platform.groups.GroupSection> groupSection(long groupId, org.commonweal.platform.core.i18n.Messages messages) {
        var entries = jdbi.withHandle(h -> h.createQuery("SELECT id, title, status FROM elections WHERE group_id = :g ORDER BY id DESC LIMIT 10")
                .bind("g", groupId).map((rs, c) -> new org.commonweal.platform.groups.GroupSection.Entry(rs.getString("title"), "/elections/" + rs.getLong("id"),
                        messages.get("elections.board.status." + rs.getString("status")))).list());
        return java.util.Optional.of(new org.commonweal.platform.groups.GroupSection("elections.group.held", entries));
    }

    /** New one-time codes: returned once, for the printed sheet, and stored only as hashes. */
    public List<String> generateCodes(long id, int count, Actor actor) {
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) codes.add(newCode());
        jdbi.useTransaction(h -> {
            for (String code : codes) {
                h.createUpdate("INSERT INTO election_codes (election_id, code_hash) VALUES (:e, :h)").bind("e", id).bind("h", Secrets.sha256(code)).execute();
            }
            audit.record(h, actor, "elections.codes_generated", "election:" + id, count + " voting codes");
        });
        return codes;
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH + 2);
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) code.append('-');
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** Codes are typed back by hand: case, spaces and dashes do not matter. */
    static String normaliseCode(String typed) {
        String bare = typed == null ? "" : typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (bare.length() != CODE_LENGTH) return null;
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < bare.length(); i++) {
            if (i > 0 && i % 4 == 0) code.append('-');
            code.append(bare.charAt(i));
        }
        return code.toString();
    }

    public boolean isElector(long id, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM election_electors WHERE election_id = :e AND account_id = :a")
                .bind("e", id).bind("a", accountId).mapTo(Long.class).one() > 0);
    }

    public boolean hasVoted(long id, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM election_voted WHERE election_id = :e AND voter_key = :k")
                .bind("e", id).bind("k", "account:" + accountId).mapTo(Long.class).one() > 0);
    }

    public Cast castAsMember(long id, long accountId, int[] ranking) {
        return cast(id, "account:" + accountId, h -> h.createQuery("SELECT count(*) FROM election_electors WHERE election_id = :e AND account_id = :a")
                .bind("e", id).bind("a", accountId).mapTo(Long.class).one() > 0, ranking);
    }

    public Cast castWithCode(long id, String typedCode, int[] ranking) {
        String code = normaliseCode(typedCode);
        if (code == null) return Cast.NOT_ELIGIBLE;
        String hash = Secrets.sha256(code);
        return cast(id, "code:" + hash, h -> h.createQuery("SELECT count(*) FROM election_codes WHERE election_id = :e AND code_hash = :h")
                .bind("e", id).bind("h", hash).mapTo(Long.class).one() > 0, ranking);
    }

    private Cast cast(long id, String voterKey, java.util.function.Predicate<Handle> eligible, int[] ranking) {
        return jdbi.inTransaction(h -> {
            // A shared lock on the election: closing takes an exclusive one, so no ballot lands after the count.
            OffsetDateTime now = OffsetDateTime.now();
            boolean open = h.createQuery("""
                            SELECT id FROM elections
                            WHERE id = :id AND status = 'open' AND opens_at <= :now AND closes_at > :now FOR SHARE""")
                    .bind("id", id).bind("now", now).mapTo(Long.class).findOne().isPresent();
            if (!open) return Cast.NOT_OPEN;
            if (!eligible.test(h)) return Cast.NOT_ELIGIBLE;
            int first = h.createUpdate("INSERT INTO election_voted (election_id, voter_key) VALUES (:e, :k) ON CONFLICT DO NOTHING")
                    .bind("e", id).bind("k", voterKey).execute();
            if (first == 0) return Cast.ALREADY_VOTED;
            h.createUpdate("INSERT INTO election_ballots (election_id, ranking) VALUES (:e, :r)")
                    .bind("e", id).bind("r", ranking).execute();
            return Cast.ACCEPTED;
        });
    }

    /** The ballots as the count sees them, in a fixed order that says nothing about when each was cast. */
    public List<int[]> ballots(long id) {
        return jdbi.withHandle(h -> ballots(h, id));
    }

    private static List<int[]> ballots(Handle h, long id) {
        return h.createQuery("SELECT ranking FROM election_ballots WHERE election_id = :e ORDER BY ranking")
                .bind("e", id).map((rs, ctx) -> toInts((Integer[]) rs.getArray("ranking").getArray())).list();
    }

    private static int[] toInts(Integer[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return out;
    }

    /** The count the engine makes of these ballots; the seed of its lottery for unbreakable ties is the election's id. */
    static CountReport count(BoardElection e, List<int[]> ballots) {
        Ballots.Builder b = Ballots.builder();
        for (int[] ranking : ballots) b.add(ranking, 1);
        Election election = new Election(e.title(), e.candidates().stream().map(BoardElection.Candidate::name).toList(), e.seats(), b.build());
        return CountingRules.byName(e.rule()).orElseThrow().count(election, e.id());
    }

    /**
     * The ballots of a counted election as a BLT file (identical rankings on one line with their number), so anyone can
     * count them again with any STV program; empty until the count is published.
     */
    public Optional<String> ballotFile(long id) {
        return jdbi.withHandle(h -> find(h, id, false).filter(BoardElection::published).map(e -> {
            java.util.Map<String, long[]> lines = new java.util.LinkedHashMap<>();
            java.util.Map<String, int[]> rankings = new java.util.HashMap<>();
            for (int[] ranking : ballots(h, id)) {
                int[] oneBased = java.util.Arrays.stream(ranking).map(c -> c + 1).toArray();
                String key = java.util.Arrays.toString(oneBased);
                lines.computeIfAbsent(key, k -> new long[1])[0]++;
                rankings.putIfAbsent(key, oneBased);
            }
            List<org.commonweal.elections.blt.BltBallot> papers = lines.entrySet().stream()
                    .map(l -> new org.commonweal.elections.blt.BltBallot(l.getValue()[0], rankings.get(l.getKey()))).toList();
            return org.commonweal.elections.blt.BltWriter.write(new org.commonweal.elections.blt.BltElection(
                    e.candidates().stream().map(BoardElection.Candidate::name).toList(), e.seats(), java.util.Set.of(), papers, e.title()));
        }));
    }

    /** Stops voting, counts and publishes the full report, all at once. Returns false if it was already published. */
    public boolean closeAndCount(long id, Actor actor) {
        return jdbi.inTransaction(h -> {
            BoardElection e = find(h, id, true).orElseThrow();
            if (e.published()) return false;
            List<int[]> ballots = ballots(h, id);
            // With no ballot there is nothing to count: STV would fill the seats from an empty poll. The election
            // closes with no one elected, and its page says why.
            CountReport report = ballots.isEmpty() ? null : count(e, ballots);
            h.createUpdate("UPDATE elections SET status = 'published', report_json = :json WHERE id = :id")
                    .bind("json", report == null ? null : CountReportJson.render(report)).bind("id", id).execute();
            audit.record(h, actor, "elections.counted", "election:" + id,
                    ballots.size() + " ballots; elected " + (report == null ? "no one" : String.join(", ", report.electedNames())));
            return true;
        });
    }
}
