package org.commonweal.elections.fptp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The House of Commons Library "results by candidate" layout (briefing CBP-10009, 2024): one row per
 * candidate with "Party abbreviation" (Ind for every independent, Spk for the Speaker), "Party name" and "Votes".
 * Rows of one constituency share its "ONS ID", which identifies the seat; its name is taken from the first
 * row, because the published file spells a name differently on one row ("YeoYeovil", 2024, line 4489).
 * Constituencies keep the order of their first row.
 */
public final class HocCandidateCsv {
    static final String PARTY_COLUMN = "Party abbreviation";
    static final String PARTY_NAME_COLUMN = "Party name";

    private HocCandidateCsv() {
    }

    static boolean matches(CsvTable table) {
        return table.has(PARTY_COLUMN) && table.has("Votes") && table.has("ONS ID");
    }

    private record Seat(String name, String region, String nation, List<CandidateVotes> candidates) {
    }

    static List<ConstituencyResult> read(CsvTable t) {
        int id = t.column("ONS ID");
        int name = t.column("Constituency name");
        int region = t.column("Region name");
        int nation = t.column("Country name");
        int party = t.column(PARTY_COLUMN);
        int firstName = t.column("Candidate first name");
        int surname = t.column("Candidate surname");
        int votes = t.column("Votes");
        int partyName = t.has(PARTY_NAME_COLUMN) ? t.column(PARTY_NAME_COLUMN) : -1;
        Map<String, Seat> seats = new LinkedHashMap<>();
        for (CsvTable.Row row : t.rows()) {
            String seatId = t.required(row, id);
            Seat seat = seats.computeIfAbsent(seatId, k -> new Seat(t.required(row, name), t.required(row, region), t.required(row, nation), new ArrayList<>()));
            String candidate = (t.text(row, firstName) + " " + t.text(row, surname)).trim();
            seat.candidates().add(new CandidateVotes(t.required(row, party), candidate, t.count(row, votes), false,
                    partyName < 0 ? null : t.text(row, partyName).strip()));
        }
        List<ConstituencyResult> results = new ArrayList<>();
        seats.forEach((seatId, s) -> results.add(new ConstituencyResult(seatId, s.name(), s.region(), s.nation(), s.candidates())));
        return results;
    }
}
