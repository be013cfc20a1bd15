package org.commonweal.platform.elections;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * The elections' part of a person's data export: the board elections they may vote in and whether they have (the
 * platform records that someone voted, never how: ballots carry no voter), the elections they run and the results
 * files they uploaded to the seat modeller.
 */
final class ElectionsPersonalData {
    private ElectionsPersonalData() {
    }

    /** Board elections' sections. */
    static void boardElections(PersonalData data) {
        data.register("board-election-electorates", (h, account) -> data.rows(h.createQuery("""
                SELECT e.id AS election_id, e.title AS election, e.opens_at, e.closes_at, e.status,
                       EXISTS (SELECT 1 FROM election_voted v WHERE v.election_id = e.id AND v.voter_key = 'account:' || :a) AS has_voted
                  FROM election_electors x JOIN elections e ON e.id = x.election_id
                 WHERE x.account_id = :a ORDER BY e.id""").bind("a", account),
                row -> "/elections/" + row.get("electionId")));
        data.register("board-elections-run", (h, account) -> data.rows(h.createQuery("""
                SELECT id, title, seats, rule, opens_at, closes_at, status, created_at FROM elections
                 WHERE owner_id = :a ORDER BY id""").bind("a", account),
                row -> "/elections/" + row.get("id")));
    }

    /** The seat modeller's section. */
    static void seatModeller(PersonalData data) {
        data.register("seat-modeller-results", (h, account) -> data.rows(h.createQuery("""
                SELECT id, name, file_name, constituencies, created_at FROM election_results_sets
                 WHERE owner_id = :a ORDER BY id""").bind("a", account),
                row -> "/elections/modeller/" + row.get("id")));
    }
}
