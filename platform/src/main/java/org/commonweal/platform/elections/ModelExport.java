package org.commonweal.platform.elections;

import org.commonweal.elections.model.MonteCarloResult;
import org.commonweal.elections.model.Scenario;
import org.commonweal.elections.model.ScenarioResultJson;
import org.commonweal.elections.model.ScenarioResult;
import org.commonweal.elections.model.SeatChange;
import org.commonweal.elections.model.SeatOdds;
import org.commonweal.elections.model.SeatOutcome;
import org.commonweal.elections.model.SeatRange;
import org.commonweal.elections.model.StandDown;
import org.commonweal.elections.model.StandDownRule;
import org.commonweal.elections.model.Swing;
import org.commonweal.elections.model.Transfer;
import org.commonweal.elections.model.TransferShare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The downloads of a modelled scenario: the scenario in the CLI's scenario JSON format (so
 * {@code commonweal elections model --scenario} reproduces it), the results as JSON and one CSV row per seat.
 */
final class ModelExport {
    private ModelExport() {
    }

    static Map<String, Object> scenario(ScenarioForm.Model model) {
        Scenario s = model.scenario();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alliance", s.alliance());
        List<Map<String, Object>> swings = new ArrayList<>();
        for (Swing w : s.swings()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("party", w.party());
            if (w.area() != null) e.put("area", w.area());
            e.put("kind", w.kind().jsonName());
            e.put("amount", w.amount());
            e.put("sd", w.sd());
            swings.add(e);
        }
        out.put("swings", swings);
        List<Map<String, Object>> standDowns = new ArrayList<>();
        for (StandDown d : s.standDowns()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("party", d.party());
            e.put("where", d.where().jsonName());
            if (d.where() == StandDownRule.LISTED) e.put("constituencies", d.constituencies());
            standDowns.add(e);
        }
        out.put("standDowns", standDowns);
        List<Map<String, Object>> transfers = new ArrayList<>();
        for (Transfer t : s.transfers()) {
            List<Map<String, Object>> shares = new ArrayList<>();
            for (TransferShare sh : t.shares()) shares.add(new LinkedHashMap<>(Map.of("to", sh.to(), "share", sh.share(), "sd", sh.sd())));
            transfers.add(new LinkedHashMap<>(Map.of("from", t.from(), "shares", shares)));
        }
        out.put("transfers", transfers);
        out.put("constituencySd", s.constituencySd());
        return out;
    }

    static Map<String, Object> results(ScenarioResult r, MonteCarloResult mc, java.util.function.Function<String, String> partyName) {
        return ScenarioResultJson.of(r, mc, partyName);
    }

    /** One row per constituency: who held it, who wins it under the scenario, and both majorities. */
    static String csv(ScenarioResult r) {
        StringBuilder out = new StringBuilder("constituency,name,region,before,after,majority_before,majority_after\n");
        for (SeatOutcome s : r.seats()) {
            out.append(cell(s.id())).append(',').append(cell(s.name())).append(',').append(cell(s.region())).append(',')
                    .append(cell(s.before())).append(',').append(cell(s.after())).append(',').append(s.marginBefore()).append(',')
                    .append(s.marginAfter()).append('\n');
        }
        return out.toString();
    }

    /** RFC 4180 quoting, and a leading quote mark on text a spreadsheet would run as a formula. */
    private static String cell(String v) {
        if (v == null) return "";
        String text = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return text.chars().anyMatch(c -> c == '"' || c == ',' || c == '\n' || c == '\r') || !text.equals(text.strip()) ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
