package org.commonweal.elections.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented JSON shape of a scenario result, as plain maps and lists, so the CLI's --json output and
 * the platform's download are the same document (the caller chooses the JSON library).
 */
public final class ScenarioResultJson {
    private ScenarioResultJson() {
    }

    /** @param partyName the name of a label (from the results file), listed under "partyNames" for every label in the result */
    public static Map<String, Object> of(ScenarioResult r, MonteCarloResult mc, java.util.function.Function<String, String> partyName) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("constituencies", r.constituencies());
        Map<String, String> names = new java.util.TreeMap<>();
        r.votesBefore().keySet().forEach(label -> names.put(label, partyName.apply(label)));
        out.put("partyNames", names);
        out.put("seatsBefore", r.seatsBefore());
        out.put("seatsAfter", r.seatsAfter());
        List<Map<String, Object>> elected = new ArrayList<>();
        for (SeatOutcome s : r.seats()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("constituency", s.id());
            e.put("name", s.name());
            e.put("region", s.region());
            e.put("before", s.before());
            e.put("after", s.after());
            e.put("marginBefore", s.marginBefore());
            e.put("marginAfter", s.marginAfter());
            e.put("bestPlacedAlly", s.bestPlacedAlly());
            e.put("votes", s.votes());
            elected.add(e);
        }
        out.put("elected", elected);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (SeatChange c : r.changes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("constituency", c.id());
            e.put("name", c.name());
            e.put("region", c.region());
            e.put("from", c.from());
            e.put("to", c.to());
            e.put("marginBefore", c.marginBefore());
            e.put("marginAfter", c.marginAfter());
            changes.add(e);
        }
        out.put("changes", changes);
        Map<String, Object> proportional = new LinkedHashMap<>();
        proportional.put("dhondt", r.dHondt());
        proportional.put("sainteLague", r.sainteLague());
        proportional.put("ams", r.ams());
        proportional.put("stv", r.stv());
        out.put("proportional", proportional);
        out.put("votesBefore", r.votesBefore());
        out.put("votesAfter", r.votesAfter());
        List<Map<String, Object>> stvSeats = new ArrayList<>();
        for (StvSeat seat : r.stvSeats()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", seat.name());
            e.put("region", seat.region());
            e.put("seats", seat.seats());
            e.put("constituencies", seat.constituencies());
            e.put("elected", seat.elected());
            stvSeats.add(e);
        }
        out.put("stvSeats", stvSeats);
        List<Map<String, Object>> regions = new ArrayList<>();
        for (RegionComparison rc : r.regions()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("region", rc.region());
            e.put("constituencies", rc.constituencies());
            e.put("listSeats", rc.listSeats());
            e.put("fptp", rc.fptp());
            e.put("dhondt", rc.dHondt());
            e.put("sainteLague", rc.sainteLague());
            e.put("amsList", rc.ams().list());
            e.put("amsTotal", rc.ams().total());
            regions.add(e);
        }
        out.put("regions", regions);
        if (mc != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runs", mc.runs());
            m.put("seed", mc.seed());
            List<Map<String, Object>> totals = new ArrayList<>();
            for (SeatRange sr : mc.seatTotals()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("party", sr.party());
                e.put("mean", sr.mean());
                e.put("p5", sr.p5());
                e.put("median", sr.median());
                e.put("p95", sr.p95());
                totals.add(e);
            }
            m.put("seatTotals", totals);
            m.put("majorityAt", mc.majorityAt());
            m.put("mostSeats", probabilities(mc.mostSeats(), mc.runs()));
            m.put("majority", probabilities(mc.majority(), mc.runs()));
            List<Map<String, Object>> seats = new ArrayList<>();
            for (SeatOdds so : mc.seats()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("constituency", so.id());
                e.put("name", so.name());
                e.put("wins", so.wins());
                e.put("probability", probabilities(so.wins(), mc.runs()));
                seats.add(e);
            }
            m.put("seats", seats);
            out.put("monteCarlo", m);
        }
        return out;
    }

    private static Map<String, Double> probabilities(Map<String, Integer> wins, int runs) {
        Map<String, Double> out = new LinkedHashMap<>();
        wins.forEach((p, n) -> out.put(p, (double) n / runs));
        return out;
    }
}
