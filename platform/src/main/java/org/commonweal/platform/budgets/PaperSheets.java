package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Paper ballots by double entry: two different officers each key in a sheet (named by the batch and sheet number
 * written on it); when their entries agree the ballot is counted, when they differ the sheet waits for a third
 * action that picks one entry or keys the sheet again. A sheet is counted at most once (its row is locked while it
 * is settled), and a pending sheet is never counted. Settling deletes the entries, so only the ballot remains.
 */
final class PaperSheets {
    /** What happened to a sheet, as a message key for the officer. */
    enum Outcome {
        FIRST_KEYED("budgets.paper.keyed.first"), COUNTED("budgets.paper.keyed.counted"), DISPUTED("budgets.paper.keyed.disputed"),
        SAME_OFFICER("budgets.paper.refused.sameOfficer"), AWAITING_RECONCILIATION("budgets.paper.refused.awaiting"),
        ALREADY_SETTLED("budgets.paper.refused.settled"), VOTED_ONLINE("budgets.paper.refused.online"), VOTED_ON_PAPER("budgets.paper.refused.paper"),
        NOT_VOTING("budgets.vote.closed");

        final String messageKey;

        Outcome(String messageKey) {
            this.messageKey = messageKey;
        }

        boolean accepted() {
            return this == FIRST_KEYED || this == COUNTED || this == DISPUTED;
        }
    }

    /** One officer's reading of a sheet. registerHash is null in a pot without a register. */
    record Entry(long id, long officerId, String officerName, BallotChoice choice, String registerHash) {
    }

    /** A sheet whose two entries differ, waiting for an officer to settle it. */
    record Disputed(long sheetId, String batch, int sheet, List<Entry> entries) {
    }

    private final Jdbi jdbi;
    private final BallotBox ballots;
    private final AuditLog audit;

    PaperSheets(Jdbi jdbi, BallotBox ballots, AuditLog audit) {
        this.jdbi = jdbi;
        this.ballots = ballots;
        this.audit = audit;
    }

    /** Records one officer's entry of a sheet, counting the ballot when it is the second entry and both agree. */
    Outcome key(Pot pot, String batch, int sheet, BallotChoice choice, String registerHash, Actor actor) {
        return jdbi.inTransaction(h -> {
            if (!votingOpen(h, pot)) return Outcome.NOT_VOTING;
            h.createUpdate("INSERT INTO budget_paper_sheets (pot_id, batch, sheet) VALUES (:p, :b, :s) ON CONFLICT DO NOTHING")
                    .bind("p", pot.id()).bind("b", batch).bind("s", sheet).execute();
            var row = h.createQuery("SELECT id, status FROM budget_paper_sheets WHERE pot_id = :p AND lower(batch) = lower(:b) AND sheet = :s FOR UPDATE")
                    .bind("p", pot.id()).bind("b", batch).bind("s", sheet).map((rs, c) -> Map.entry(rs.getLong("id"), rs.getString("status"))).one();
            long sheetId = row.getKey();
            if (!row.getValue().equals("pending")) return Outcome.ALREADY_SETTLED;
            List<Entry> entries = entries(h, sheetId);
            if (entries.size() >= 2) return Outcome.AWAITING_RECONCILIATION;
            if (entries.stream().anyMatch(e -> e.officerId() == actor.accountId())) return Outcome.SAME_OFFICER;
            if (registerHash != null && entries.isEmpty()) {
                // Refused at once, so the officer can set the sheet aside now; a later entry is refused when the sheet is settled.
                BallotBox.AlreadyVoted voted = ballots.alreadyVoted(h, pot.id(), registerHash);
                if (voted != null) {
                    h.createUpdate("DELETE FROM budget_paper_sheets WHERE id = :id").bind("id", sheetId).execute();
                    return refusal(voted);
                }
            }
            h.createUpdate("INSERT INTO budget_paper_entries (sheet_id, officer_id, proposal_ids, points, register_hash) VALUES (:s, :o, :ids, :pts, :r)")
                    .bind("s", sheetId).bind("o", actor.accountId()).bind("ids", choice.proposalIds().toArray(new Long[0]))
                    .bind("pts", choice.points() == null ? null : choice.points().toArray(new Integer[0])).bind("r", registerHash).execute();
            audit.record(h, actor, "budget.paper_sheet.keyed", "pot:" + pot.id(), label(batch, sheet) + ", entry " + (entries.size() + 1));
            if (entries.isEmpty()) return Outcome.FIRST_KEYED;
            Entry first = entries.getFirst();
            if (first.choice().equals(choice) && Objects.equals(first.registerHash(), registerHash)) {
                return settle(h, pot, sheetId, label(batch, sheet), choice, registerHash, actor, "both entries agree");
            }
            audit.record(h, actor, "budget.paper_sheet.disputed", "pot:" + pot.id(), label(batch, sheet));
            return Outcome.DISPUTED;
        });
    }

    /** The third action: counts the chosen entry of a disputed sheet. */
    Outcome pick(Pot pot, long sheetId, long entryId, Actor actor) {
        return jdbi.inTransaction(h -> {
            if (!votingOpen(h, pot)) return Outcome.NOT_VOTING;
            String label = lockDisputed(h, pot, sheetId);
            if (label == null) return Outcome.ALREADY_SETTLED;
            Entry chosen = entries(h, sheetId).stream().filter(e -> e.id() == entryId).findFirst().orElse(null);
            if (chosen == null) return Outcome.ALREADY_SETTLED;
            return settle(h, pot, sheetId, label, chosen.choice(), chosen.registerHash(), actor, "entry chosen at reconciliation");
        });
    }

    /** The third action: counts a disputed sheet as keyed again by an officer (who may be one of the first two). */
    Outcome rekey(Pot pot, long sheetId, BallotChoice choice, String registerHash, Actor actor) {
        return jdbi.inTransaction(h -> {
            if (!votingOpen(h, pot)) return Outcome.NOT_VOTING;
            String label = lockDisputed(h, pot, sheetId);
            if (label == null) return Outcome.ALREADY_SETTLED;
            return settle(h, pot, sheetId, label, choice, registerHash, actor, "keyed again at reconciliation");
        });
    }

    List<Disputed> disputed(long potId) {
        return jdbi.withHandle(h -> disputed(h, potId, null));
    }

    /** The disputed sheet with this id in the pot, if it is still disputed. */
    java.util.Optional<Disputed> disputed(long potId, long sheetId) {
        return jdbi.withHandle(h -> disputed(h, potId, sheetId)).stream().findFirst();
    }

    long disputedCount(long potId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM budget_paper_sheets s WHERE " + DISPUTED).bind("p", potId).mapTo(Long.class).one());
    }

    private static final String DISPUTED = "s.pot_id = :p AND s.status = 'pending' AND (SELECT count(*) FROM budget_paper_entries e WHERE e.sheet_id = s.id) >= 2";

    private static List<Disputed> disputed(Handle h, long potId, Long onlySheet) {
        List<Disputed> out = new ArrayList<>();
        h.createQuery("SELECT s.id, s.batch, s.sheet FROM budget_paper_sheets s WHERE " + DISPUTED
                        + " AND (CAST(:only AS BIGINT) IS NULL OR s.id = :only) ORDER BY lower(s.batch), s.sheet")
                .bind("p", potId).bind("only", onlySheet)
                .map((rs, c) -> new Disputed(rs.getLong("id"), rs.getString("batch"), rs.getInt("sheet"), List.of())).list()
                .forEach(d -> out.add(new Disputed(d.sheetId(), d.batch(), d.sheet(), entries(h, d.sheetId()))));
        return out;
    }

    List<PaperSheetNumber> awaitingSecondKey(long potId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.batch, s.sheet FROM budget_paper_sheets s
                WHERE s.pot_id = :p AND s.status = 'pending' AND (SELECT count(*) FROM budget_paper_entries e WHERE e.sheet_id = s.id) = 1
                ORDER BY lower(s.batch), s.sheet""").bind("p", potId).map((rs, c) -> new PaperSheetNumber(rs.getString("batch"), rs.getInt("sheet"))).list());
    }

    /** Sheets keyed but not counted yet (waiting for a second entry or for reconciliation), per pot of the process. */
    Map<Long, Long> pendingByPot(long processId) {
        Map<Long, Long> pending = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT s.pot_id, count(*) AS n FROM budget_paper_sheets s JOIN budget_pots p ON p.id = s.pot_id
                WHERE p.process_id = :id AND s.status = 'pending' GROUP BY s.pot_id ORDER BY s.pot_id""").bind("id", processId)
                .map((rs, c) -> Map.entry(rs.getLong("pot_id"), rs.getLong("n"))).forEach(e -> pending.put(e.getKey(), e.getValue())));
        return pending;
    }

    long pending(long potId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM budget_paper_sheets WHERE pot_id = :p AND status = 'pending'")
                .bind("p", potId).mapTo(Long.class).one());
    }

    /** Counts the ballot (or refuses it when its register entry already voted) and deletes the sheet's entries. */
    private Outcome settle(Handle h, Pot pot, long sheetId, String label, BallotChoice choice, String registerHash, Actor actor, String how) {
        BallotBox.AlreadyVoted voted = ballots.addPaper(h, pot, choice, registerHash);
        h.createUpdate("UPDATE budget_paper_sheets SET status = :st WHERE id = :id").bind("st", voted == null ? "counted" : "refused")
                .bind("id", sheetId).execute();
        h.createUpdate("DELETE FROM budget_paper_entries WHERE sheet_id = :id").bind("id", sheetId).execute();
        if (voted != null) {
            audit.record(h, actor, "budget.paper_sheet.refused", "pot:" + pot.id(), label + ": register entry already voted " + (voted == BallotBox.AlreadyVoted.ONLINE ? "online" : "on paper"));
            return refusal(voted);
        }
        audit.record(h, actor, "budget.paper_sheet.counted", "pot:" + pot.id(), label + ": " + how);
        return Outcome.COUNTED;
    }

    private static Outcome refusal(BallotBox.AlreadyVoted voted) {
        return voted == BallotBox.AlreadyVoted.ONLINE ? Outcome.VOTED_ONLINE : Outcome.VOTED_ON_PAPER;
    }

    /** Locks a disputed sheet of the pot and returns its label; null when it is not (or no longer) disputed. */
    private static String lockDisputed(Handle h, Pot pot, long sheetId) {
        var row = h.createQuery("SELECT batch, sheet, status FROM budget_paper_sheets WHERE id = :id AND pot_id = :p FOR UPDATE")
                .bind("id", sheetId).bind("p", pot.id()).map((rs, c) -> new String[]{label(rs.getString("batch"), rs.getInt("sheet")), rs.getString("status")})
                .findOne().orElse(null);
        if (row == null || !row[1].equals("pending")) return null;
        long entries = h.createQuery("SELECT count(*) FROM budget_paper_entries WHERE sheet_id = :s").bind("s", sheetId).mapTo(Long.class).one();
        return entries >= 2 ? row[0] : null;
    }

    /** Paper must still be open (voting, or counting before the result is published), checked holding the {@link VotingLock} shared so closing (which takes it exclusively) waits. */
    private static boolean votingOpen(Handle h, Pot pot) {
        h.execute("SET LOCAL synchronous_commit = on");
        VotingLock.shared(h, pot.processId());
        String phase = h.createQuery("SELECT phase FROM budget_processes WHERE id = :id").bind("id", pot.processId()).mapTo(String.class).one();
        return Phase.fromStored(phase).paperOpen();
    }

    private static List<Entry> entries(Handle h, long sheetId) {
        return h.createQuery("""
                SELECT e.id, e.officer_id, a.name, e.proposal_ids, e.points, e.register_hash FROM budget_paper_entries e JOIN accounts a ON a.id = e.officer_id
                WHERE e.sheet_id = :s ORDER BY e.id""").bind("s", sheetId).map((rs, c) -> {
                    Long[] ids = (Long[]) rs.getArray("proposal_ids").getArray();
                    java.sql.Array pts = rs.getArray("points");
                    return new Entry(rs.getLong("id"), rs.getLong("officer_id"), rs.getString("name"), new BallotChoice(List.of(ids), pts == null ? null : List.of((Integer[]) pts.getArray())),
                            rs.getString("register_hash"));
                }).list();
    }

    static String label(String batch, int sheet) {
        return "batch \"" + batch + "\" sheet " + sheet;
    }
}
