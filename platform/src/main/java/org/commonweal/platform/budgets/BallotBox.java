package org.commonweal.platform.budgets;

import org.commonweal.platform.core.accounts.Residence;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Secrets;
import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Secret ballots: who voted is recorded apart from what was voted (see {@link BallotKeys} and docs/security.md, "Ballot secrecy in budgets").
 * A voter's later ballot replaces the earlier one inside one transaction that holds the voter's row lock, so
 * any number of simultaneous submissions leave exactly one counted ballot. The transaction commits with
 * synchronous_commit on (every pooled connection has it, see Database) before the receipt is returned.
 */
public final class BallotBox {
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Why a resident may not vote in a pot, as a message key; null when they may. {@code steps} says whether the resident
     * can do something about it (the pages then list what, see budgets/eligibility.jte).
     */
    public enum Ineligible {
        NOT_VOTING("budgets.vote.closed", false), UNCONFIRMED("budgets.vote.unconfirmed", true), NO_HOME("budgets.vote.noHome", true),
        OUTSIDE("budgets.vote.outside", true), NOT_VERIFIED("budgets.vote.notVerified", true), NO_REGISTER("budgets.vote.noRegister", false),
        UNKNOWN_CODE("budgets.vote.unknownCode", false), PAPER_COUNTED("budgets.register.vote.paperCounted", false);

        public final String messageKey;
        public final boolean steps;

        Ineligible(String messageKey, boolean steps) {
            this.messageKey = messageKey;
            this.steps = steps;
        }

        /** The stored name used in message keys ("not-verified"). */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Why a paper ballot for a register entry is not counted: the entry already has a counted ballot, online or on paper. */
    public enum AlreadyVoted {
        ONLINE("budgets.paper.refused.online"), ON_PAPER("budgets.paper.refused.paper");

        public final String messageKey;

        AlreadyVoted(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /** What a receipt code shows: counted, replaced by the same voter's later ballot, or unknown. */
    public enum ReceiptStatus { COUNTED, REPLACED, UNKNOWN }

    private final Jdbi jdbi;
    private final BallotKeys keys;
    private final AuditLog audit;
    private final PlaceService places;
    private final Residence residence;

    BallotBox(Jdbi jdbi, BallotKeys keys, AuditLog audit, PlaceService places, Residence residence) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.audit = audit;
        this.places = places;
        this.residence = residence;
    }

    /**
     * Voting is open for process {@code b}: its phase, and on automatic switching its planned dates too, so that a ballot
     * arriving after voting's end date but before the background job has moved the phase is refused.
     */
    private static final String VOTING_OPEN = """
            (b.phase = :voting AND NOT (b.auto_advance AND EXISTS (SELECT 1 FROM budget_phase_dates d WHERE d.process_id = b.id
                AND ((d.phase = :voting AND d.ends_on < :today) OR (d.phase = :results AND d.starts_on <= :today)))))""";

    private static Map<String, Object> votingOpenParameters() {
        return Map.of("voting", Phase.VOTING.stored(), "results", Phase.VOTING.next().stored(), "today", java.time.LocalDate.now(BudgetsFeature.COUNCIL_ZONE));
    }

    /** The pot's rule as in force: a register uploaded for a pot is always asked for (see {@link VoterRule#withRegister}). */
    public VoterRule rule(Pot pot) {
        return pot.voters().withRegister(hasRegister(pot));
    }

    boolean hasRegister(Pot pot) {
        return jdbi.withHandle(h -> VoterRegister.exists(h, pot.id()));
    }

    public Ineligible eligibility(Pot pot, Voter voter) {
        return jdbi.withHandle(h -> eligibility(h, pot, voter));
    }

    /**
     * One query for the phase, whether the pot has a register and, for a code, whether it was issued;
     * a resident's place is checked against the cached places tree, and their verification (when the pot's rule asks for
     * one) with core's {@link Residence}. A register entry whose paper ballot was counted has voted. A pot whose rule
     * requires a register has none yet: nobody can vote in it until the officer uploads it.
     */
    private Ineligible eligibility(Handle h, Pot pot, Voter voter) {
        boolean byCode = voter.codeHash() != null;
        var row = h.createQuery("SELECT " + VOTING_OPEN + " AS open, " + (byCode
                        ? "EXISTS (SELECT 1 FROM budget_voting_codes WHERE pot_id = :p AND code_hash = :c)" : "true")
                        + " AS issued, EXISTS (SELECT 1 FROM budget_registers WHERE pot_id = :p) AS registered FROM budget_processes b WHERE b.id = :process")
                .bindMap(votingOpenParameters()).bind("process", pot.processId()).bind("p", pot.id()).bind("c", voter.codeHash())
                .map((rs, c) -> new boolean[]{rs.getBoolean("open"), rs.getBoolean("issued"), rs.getBoolean("registered")}).one();
        if (!row[0]) return Ineligible.NOT_VOTING;
        if (voter.registerHash() != null && alreadyVoted(h, pot.id(), voter.registerHash()) == AlreadyVoted.ON_PAPER) return Ineligible.PAPER_COUNTED;
        if (byCode && !row[1]) return Ineligible.UNKNOWN_CODE;
        Ineligible why = byCode ? null : accountIneligible(pot, voter.account());
        if (why == null && !byCode && pot.voters().verified() && !verifiedWithin(h, pot, voter.account().id(), false)) why = Ineligible.NOT_VERIFIED;
        if (why == null && pot.voters().register() && !row[2]) why = Ineligible.NO_REGISTER;
        return why;
    }

    /** The account's home is verified and lies in the pot's area; with {@code lock}, held so until the caller commits. */
    private boolean verifiedWithin(Handle h, Pot pot, long accountId, boolean lock) {
        return residence.verifiedHome(h, accountId, lock).filter(v -> places.within(pot.placeId()).contains(v.placeId())).isPresent();
    }

    /** What the account itself lacks to vote in the pot, from the session and the cached places tree: no query. */
    private Ineligible accountIneligible(Pot pot, CurrentUser user) {
        if (!user.emailConfirmed()) return Ineligible.UNCONFIRMED;
        if (user.homePlaceId() == null) return Ineligible.NO_HOME;
        if (!places.within(pot.placeId()).contains(user.homePlaceId())) return Ineligible.OUTSIDE;
        return null;
    }

    public boolean hasVoted(long potId, Voter voter) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM budget_voters WHERE pot_id = :p AND voter_key = :k AND ballot_pointer IS NOT NULL)")
                .bind("p", potId).bind("k", keys.voterKey(potId, voter.identity())).mapTo(Boolean.class).one());
    }

    /**
     * Stores a validated ballot, replacing the voter's previous one, and returns the receipt code (shown once; only its
     * hash is kept), or empty when the voter may not vote (callers ask {@link #eligibility} why). The phase, the code and
     * the register are checked under the lock, so a ballot cannot land after voting closed: closing takes the
     * {@link VotingLock} exclusively while every cast holds it shared. On automatic switching voting also ends by its
     * planned dates here, before the background job has moved the phase.
     */
    public java.util.Optional<String> cast(Pot pot, Voter voter, BallotChoice choice) {
        if (voter.account() != null && accountIneligible(pot, voter.account()) != null) return java.util.Optional.empty();
        String receipt = newCode();
        String voterKey = keys.voterKey(pot.id(), voter.identity());
        // Four round trips: the lock (its own statement, so what the next one reads is current), the phase and the
        // voter's claim in one statement, the ballot swap, the commit; a fifth where the pot asks for a verified home.
        boolean stored = jdbi.inTransaction(h -> {
            VotingLock.shared(h, pot.processId());
            // The verification is held until the ballot commits, so a change of home place cannot slip between check and vote.
            if (voter.account() != null && pot.voters().verified() && !verifiedWithin(h, pot, voter.account().id(), true)) return false;
            // The upsert takes the voter's row lock (concurrent casts by one voter queue here) and returns the pointer
            // to their current ballot as the previous holder of the lock left it. It claims nothing unless voting is
            // open, the code was issued, and the ballot is a register entry's exactly when the pot has a register.
            var claim = h.createQuery("""
                    WITH state AS (
                        SELECT """ + VOTING_OPEN + """
                               AND (CAST(:c AS text) IS NULL OR EXISTS (SELECT 1 FROM budget_voting_codes WHERE pot_id = :p AND code_hash = :c))
                               AND EXISTS (SELECT 1 FROM budget_registers WHERE pot_id = :p) = :registered
                               AND (:registered OR NOT :registerRequired) AS open
                        FROM budget_processes b WHERE b.id = :process),
                    claimed AS (
                        INSERT INTO budget_voters (pot_id, voter_key) SELECT :p, :k FROM state WHERE state.open
                        ON CONFLICT (pot_id, voter_key) DO UPDATE SET voter_key = excluded.voter_key
                        RETURNING ballot_pointer, on_paper)
                    SELECT ballot_pointer, on_paper FROM claimed""")
                    .bindMap(votingOpenParameters()).bind("c", voter.codeHash()).bind("p", pot.id()).bind("process", pot.processId())
                    .bind("registered", voter.registerHash() != null).bind("registerRequired", pot.voters().register()).bind("k", voterKey)
                    .map((rs, c) -> Map.entry(java.util.Optional.ofNullable(rs.getString(1)), rs.getBoolean(2))).findOne();
            // Not open to this voter, or a paper ballot counted for this register entry (paper is never replaced).
            if (claim.isEmpty() || claim.get().getValue()) return false;
            String pointer = claim.get().getKey().orElse(null);
            UUID ballotId = UUID.randomUUID();
            h.createUpdate("""
                    WITH replaced AS (
                        UPDATE budget_ballots SET counted = false, proposal_ids = '{}', points = NULL WHERE id = CAST(:old AS uuid) AND pot_id = :p),
                    added AS (
                        INSERT INTO budget_ballots (id, pot_id, proposal_ids, points, receipt_hash) VALUES (:id, :p, :ids, :points, :r))
                    UPDATE budget_voters SET ballot_pointer = :ptr WHERE pot_id = :p AND voter_key = :k""")
                    .bind("old", pointer == null ? null : keys.open(pointer, pot.id(), voterKey).toString())
                    .bind("id", ballotId).bind("p", pot.id()).bind("ids", choice.proposalIds().toArray(new Long[0]))
                    .bind("points", choice.points() == null ? null : choice.points().toArray(new Integer[0]))
                    .bind("r", receiptHash(receipt)).bind("ptr", keys.seal(ballotId, pot.id(), voterKey)).bind("k", voterKey).execute();
            return true;
        });
        return stored ? java.util.Optional.of(receipt) : java.util.Optional.empty();
    }

    /**
     * Issues single voting codes for a pot and returns them (the only time they exist in clear; only hashes
     * are stored). Each code is a voter: voting again with it replaces that code's earlier ballot.
     */
    public List<String> issueCodes(Pot pot, int count, String format, Actor actor) {
        List<String> codes = new java.util.ArrayList<>();
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("INSERT INTO budget_voting_codes (pot_id, code_hash) VALUES (:p, :c)");
            for (int i = 0; i < count; i++) {
                String code = newCode();
                codes.add(code);
                batch.bind("p", pot.id()).bind("c", Voter.codeHash(code)).add();
            }
            batch.execute();
            audit.record(h, actor, "budget.codes.issued", "pot:" + pot.id(), count + " as " + format);
        });
        return codes;
    }

    public long codesIssued(long potId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM budget_voting_codes WHERE pot_id = :p").bind("p", potId).mapTo(Long.class).one());
    }

    /**
     * Counts a settled paper ballot inside the caller's transaction (which holds the {@link VotingLock} shared, as a cast does).
     * Without a register it has no voter (the council's paper register stops anyone voting twice on paper). With one,
     * its register entry becomes a voter like an online one, so the entry counts once: the paper ballot is refused when
     * the entry already has a counted ballot, and later online votes with it are refused. Its receipt is random and never shown.
     * @return null when counted; otherwise how the register entry already voted
     */
    AlreadyVoted addPaper(Handle h, Pot pot, BallotChoice choice, String registerHash) {
        String voterKey = null;
        if (registerHash != null) {
            voterKey = keys.voterKey(pot.id(), Voter.registerIdentity(registerHash));
            h.createUpdate("INSERT INTO budget_voters (pot_id, voter_key) VALUES (:p, :k) ON CONFLICT DO NOTHING")
                    .bind("p", pot.id()).bind("k", voterKey).execute();
            var row = h.createQuery("SELECT ballot_pointer IS NOT NULL AS voted, on_paper FROM budget_voters WHERE pot_id = :p AND voter_key = :k FOR UPDATE")
                    .bind("p", pot.id()).bind("k", voterKey).map((rs, c) -> new boolean[]{rs.getBoolean(1), rs.getBoolean(2)}).one();
            if (row[0]) return row[1] ? AlreadyVoted.ON_PAPER : AlreadyVoted.ONLINE;
        }
        UUID ballotId = UUID.randomUUID();
        h.createUpdate("INSERT INTO budget_ballots (id, pot_id, proposal_ids, points, receipt_hash) VALUES (:id, :p, :ids, :points, :r)")
                .bind("id", ballotId).bind("p", pot.id()).bind("ids", choice.proposalIds().toArray(new Long[0]))
                .bind("points", choice.points() == null ? null : choice.points().toArray(new Integer[0]))
                .bind("r", receiptHash("paper:" + UUID.randomUUID())).execute();
        if (voterKey != null) {
            h.createUpdate("UPDATE budget_voters SET ballot_pointer = :ptr, on_paper = true WHERE pot_id = :p AND voter_key = :k")
                    .bind("ptr", keys.seal(ballotId, pot.id(), voterKey)).bind("p", pot.id()).bind("k", voterKey).execute();
        }
        return null;
    }

    /** How a register entry has voted so far in the pot: null when it has no counted ballot. */
    AlreadyVoted alreadyVoted(Handle h, long potId, String registerHash) {
        return h.createQuery("SELECT on_paper FROM budget_voters WHERE pot_id = :p AND voter_key = :k AND ballot_pointer IS NOT NULL")
                .bind("p", potId).bind("k", keys.voterKey(potId, Voter.registerIdentity(registerHash))).mapTo(Boolean.class).findOne()
                .map(onPaper -> onPaper ? AlreadyVoted.ON_PAPER : AlreadyVoted.ONLINE).orElse(null);
    }

    public ReceiptStatus check(String receipt) {
        String hash = receiptHash(receipt);
        return jdbi.withHandle(h -> h.createQuery("SELECT counted FROM budget_ballots WHERE receipt_hash = :r").bind("r", hash)
                .mapTo(Boolean.class).findOne().map(counted -> counted ? ReceiptStatus.COUNTED : ReceiptStatus.REPLACED)
                .orElse(ReceiptStatus.UNKNOWN));
    }

    /** Ballots counted across every pot: a figure for the home page, which says nothing about any pot's voters. */
    public long countedEverywhere() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM budget_ballots WHERE counted").mapTo(Long.class).one());
    }

    /** Number of people who have a counted ballot in the pot. */
    public long turnout(long potId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM budget_ballots WHERE pot_id = :p AND counted").bind("p", potId)
                .mapTo(Long.class).one());
    }

    /** A counted ballot found by its receipt: its pot, and its place in the order {@link #counted} lists the pot's ballots. */
    public record CountedReceipt(long potId, int index) {
    }

    public java.util.Optional<CountedReceipt> countedReceipt(String receipt) {
        String hash = receiptHash(receipt);
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT b.pot_id, (SELECT count(*) FROM budget_ballots o WHERE o.pot_id = b.pot_id AND o.counted AND o.id < b.id) AS index
                FROM budget_ballots b WHERE b.receipt_hash = :r AND b.counted""").bind("r", hash)
                .map((rs, c) -> new CountedReceipt(rs.getLong("pot_id"), rs.getInt("index"))).findOne());
    }

    /** Counted ballots of a pot in a stable order that reveals nothing about who or when (by random id). */
    static List<BallotChoice> counted(Handle h, long potId) {
        return h.createQuery("SELECT proposal_ids, points FROM budget_ballots WHERE pot_id = :p AND counted ORDER BY id").bind("p", potId)
                .map((rs, c) -> {
                    Long[] ids = (Long[]) rs.getArray("proposal_ids").getArray();
                    java.sql.Array pts = rs.getArray("points");
                    return new BallotChoice(List.of(ids), pts == null ? null : List.of((Integer[]) pts.getArray()));
                }).list();
    }

    /** 20 characters from a 32-letter alphabet without look-alikes: 100 random bits, for receipts and voting codes. */
    private static String newCode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) s.append('-');
            s.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return s.toString();
    }

    /** Hash of the code as typed, forgiving case, spaces and dashes. */
    static String receiptHash(String receipt) {
        return Secrets.sha256("receipt:" + receipt.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", ""));
    }
}
