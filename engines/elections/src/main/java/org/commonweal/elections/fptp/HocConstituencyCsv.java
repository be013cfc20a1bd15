package org.commonweal.elections.fptp;

import java.util.ArrayList;
import java.util.List;

/**
 * The House of Commons Library "results by constituency" layout (briefings CBP-8749 for 2019, CBP-10009 for
 * 2024): one row per constituency, one vote column per major party (the columns between "Majority" and
 * "All other candidates", read from the header), then "All other candidates" — the SUM of every other
 * candidate in the seat, not one candidate — and "Of which other winner", the votes of the winner when the
 * winner is one of those others (the Speaker, an independent, a small party). The winner's label comes from
 * "First party". So a seat becomes: one line per party column with votes, the other winner (if any) as a
 * candidate, and the rest of "All other candidates" as an aggregate line that can never win.
 */
public final class HocConstituencyCsv {
    /** The label given to the aggregate of the other candidates. */
    public static final String OTHERS = "Other";
    static final String FIRST_PARTY_COLUMN = "First party";
    static final String OTHERS_COLUMN = "All other candidates";

    private HocConstituencyCsv() {
    }

    static boolean matches(CsvTable table) {
        return table.has(FIRST_PARTY_COLUMN) && table.has(OTHERS_COLUMN);
    }

    static List<ConstituencyResult> read(CsvTable t) {
        int id = t.column("ONS ID");
        int name = t.column("Constituency name");
        int region = t.column("Region name");
        int nation = t.column("Country name");
        int firstParty = t.column(FIRST_PARTY_COLUMN);
        int valid = t.column("Valid votes");
        int firstPartyColumn = t.column("Majority") + 1;
        int others = t.column(OTHERS_COLUMN);
        int otherWinner = t.column("Of which other winner");
        int firstName = t.column("Member first name");
        int surname = t.column("Member surname");
        if (firstPartyColumn >= others) throw new ResultsFormatException(t.source(), 1, "no party columns between 'Majority' and 'All other candidates'");
        List<String> header = t.header();
        List<ConstituencyResult> results = new ArrayList<>();
        for (CsvTable.Row row : t.rows()) {
            List<CandidateVotes> lines = new ArrayList<>();
            long sum = 0;
            for (int c = firstPartyColumn; c < others; c++) {
                long votes = t.count(row, c);
                if (votes > 0) lines.add(new CandidateVotes(header.get(c).trim(), "", votes, false));
                sum += votes;
            }
            long othersVotes = t.count(row, others);
            long otherWinnerVotes = t.count(row, otherWinner);
            String winnerParty = t.required(row, firstParty);
            boolean winnerHasColumn = header.subList(firstPartyColumn, others).stream().anyMatch(h -> h.trim().equals(winnerParty));
            if (!winnerHasColumn) {
                if (otherWinnerVotes == 0) {
                    throw new ResultsFormatException(t.source(), row.line(), "winner '" + winnerParty + "' has no party column and 'Of which other winner' is 0");
                }
                lines.add(new CandidateVotes(winnerParty, (t.text(row, firstName) + " " + t.text(row, surname)).trim(), otherWinnerVotes, false));
            }
            if (otherWinnerVotes > othersVotes) {
                throw new ResultsFormatException(t.source(), row.line(), "'Of which other winner' exceeds 'All other candidates'");
            }
            long rest = othersVotes - (winnerHasColumn ? 0 : otherWinnerVotes);
            if (rest > 0) lines.add(new CandidateVotes(OTHERS, "", rest, true));
            sum += othersVotes;
            long validVotes = t.count(row, valid);
            if (sum != validVotes) {
                throw new ResultsFormatException(t.source(), row.line(), "party votes add up to " + sum + " but 'Valid votes' is " + validVotes);
            }
            if (lines.stream().allMatch(CandidateVotes::aggregate)) throw new ResultsFormatException(t.source(), row.line(), "no candidate has votes");
            results.add(new ConstituencyResult(t.required(row, id), t.required(row, name), t.required(row, region), t.required(row, nation), lines));
        }
        return results;
    }
}
