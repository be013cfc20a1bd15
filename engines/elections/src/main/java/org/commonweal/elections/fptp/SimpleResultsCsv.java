package org.commonweal.elections.fptp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commonweal's own minimal layout: header {@code constituency,region,party,votes} (an optional fifth column
 * {@code nation}; without it the nation is the region), one row per candidate. The constituency name is its
 * id. Two rows with the same party in one constituency are two candidates.
 */
public final class SimpleResultsCsv {
    static final List<String> HEADER = List.of("constituency", "region", "party", "votes");

    private SimpleResultsCsv() {
    }

    static boolean matches(CsvTable table) {
        List<String> h = table.header().stream().map(String::trim).toList();
        return h.size() >= 4 && h.subList(0, 4).equals(HEADER) && (h.size() == 4 || (h.size() == 5 && h.get(4).equals("nation")));
    }

    private record Seat(String region, String nation, List<CandidateVotes> candidates) {
    }

    static List<ConstituencyResult> read(CsvTable t) {
        boolean hasNation = t.header().size() == 5;
        Map<String, Seat> seats = new LinkedHashMap<>();
        for (CsvTable.Row row : t.rows()) {
            String name = t.required(row, 0);
            String region = t.required(row, 1);
            String nation = hasNation ? t.required(row, 4) : region;
            Seat seat = seats.computeIfAbsent(name, k -> new Seat(region, nation, new ArrayList<>()));
            if (!seat.region().equals(region)) {
                throw new ResultsFormatException(t.source(), row.line(), "constituency '" + name + "' was in region '" + seat.region() + "' earlier, here '" + region + "'");
            }
            seat.candidates().add(new CandidateVotes(t.required(row, 2), "", t.count(row, 3), false));
        }
        List<ConstituencyResult> results = new ArrayList<>();
        seats.forEach((name, s) -> results.add(new ConstituencyResult(name, name, s.region(), s.nation(), s.candidates())));
        return results;
    }
}
