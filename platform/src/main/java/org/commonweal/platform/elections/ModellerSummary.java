package org.commonweal.platform.elections;

import org.commonweal.elections.model.MonteCarloResult;
import org.commonweal.elections.model.PartyColours;
import org.commonweal.elections.model.ScenarioResult;
import org.commonweal.elections.model.SeatRange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The results page's tables, by party name: seats before and after (every party that holds a seat in either),
 * the proportional comparisons (the common parties one by one, the others together as one row) and the Monte
 * Carlo chances. Percentages are formatted here, to one decimal place.
 */
public final class ModellerSummary {
    /** One party's row; {@code code} is null for the row of the other parties together. */
    public record Row(String code, String name, String colour, String voteShare, String voteShareAfter, int before, int after,
                      int dHondt, int sainteLague, int ams, int stv) {
        public int change() {
            return after - before;
        }
    }

    /** One party's Monte Carlo figures. */
    public record Chance(String name, String colour, String mostSeats, String majority, int p5, int median, int p95) {
    }

    private ModellerSummary() {
    }

    public static List<Row> seats(ScenarioResult r, ScenarioForm.Choices choices) {
        Set<String> parties = new LinkedHashSet<>(r.seatsAfter().keySet());
        parties.addAll(r.seatsBefore().keySet());
        List<Row> rows = new ArrayList<>();
        for (String p : parties) rows.add(row(r, p, choices.name(p), p));
        return rows;
    }

    /** Parties with a seat under any rule: the common ones each, the rest summed into one row named {@code othersName}. */
    public static List<Row> proportional(ScenarioResult r, ScenarioForm.Choices choices, String othersName) {
        Set<String> parties = new LinkedHashSet<>(r.seatsAfter().keySet());
        parties.addAll(r.sainteLague().keySet());
        parties.addAll(r.dHondt().keySet());
        parties.addAll(r.ams().keySet());
        parties.addAll(r.stv().keySet());
        List<Row> rows = new ArrayList<>();
        int[] others = new int[4];
        boolean anyOther = false;
        for (String p : parties) {
            if (choices.common().contains(p)) {
                rows.add(row(r, p, choices.name(p), p));
                continue;
            }
            anyOther = true;
            others[0] += r.dHondt().getOrDefault(p, 0);
            others[1] += r.sainteLague().getOrDefault(p, 0);
            others[2] += r.ams().getOrDefault(p, 0);
            others[3] += r.stv().getOrDefault(p, 0);
        }
        rows.sort((a, b) -> b.sainteLague() != a.sainteLague() ? b.sainteLague() - a.sainteLague() : a.name().compareTo(b.name()));
        if (anyOther) rows.add(new Row(null, othersName, "#b1b4b6", "", "", 0, 0, others[0], others[1], others[2], others[3]));
        return rows;
    }

    public static List<Chance> chances(MonteCarloResult mc, ScenarioForm.Choices choices) {
        List<Chance> out = new ArrayList<>();
        for (SeatRange s : mc.seatTotals()) {
            if (s.p95() == 0) continue;
            out.add(new Chance(choices.name(s.party()), PartyColours.of(s.party()), percent(mc.mostSeats().getOrDefault(s.party(), 0), mc.runs()),
                    percent(mc.majority().getOrDefault(s.party(), 0), mc.runs()), s.p5(), s.median(), s.p95()));
        }
        return out;
    }

    private static Row row(ScenarioResult r, String p, String name, String code) {
        return new Row(code, name, PartyColours.of(p), share(r.votesBefore(), p), share(r.votesAfter(), p), r.seatsBefore().getOrDefault(p, 0),
                r.seatsAfter().getOrDefault(p, 0), r.dHondt().getOrDefault(p, 0), r.sainteLague().getOrDefault(p, 0), r.ams().getOrDefault(p, 0),
                r.stv().getOrDefault(p, 0));
    }

    private static String share(Map<String, Long> votes, String party) {
        long all = votes.values().stream().mapToLong(Long::longValue).sum();
        return percent(votes.getOrDefault(party, 0L), all);
    }

    static String percent(long part, long whole) {
        return String.format(Locale.UK, "%.1f", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
