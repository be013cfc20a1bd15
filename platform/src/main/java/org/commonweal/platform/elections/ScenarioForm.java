package org.commonweal.platform.elections;

import org.commonweal.elections.fptp.CandidateVotes;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.model.Scenario;
import org.commonweal.elections.model.StandDown;
import org.commonweal.elections.model.StandDownRule;
import org.commonweal.elections.model.Swing;
import org.commonweal.elections.model.SwingKind;
import org.commonweal.elections.model.Transfer;
import org.commonweal.elections.model.TransferShare;
import org.commonweal.platform.core.http.Form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scenario form's fields (a fixed number of rows for swings, stand-downs and transfer shares, so it
 * works without JavaScript) turned into the engine's {@link Scenario}, every field checked against the results.
 */
public final class ScenarioForm {
    public static final int SWING_ROWS = 4;
    public static final int STAND_DOWN_ROWS = 4;
    public static final int TRANSFER_ROWS = 6;
    public static final int MAX_RUNS = 10_000;
    public static final List<String> TRANSFER_TARGETS = List.of(TransferShare.ALLY, TransferShare.SPLIT, TransferShare.ABSTAIN);

    /** A valid scenario and how to run it. */
    public record Model(Scenario scenario, int runs, long seed) {
    }

    /** What the form offers to choose from, read from the results. */
    public record Choices(List<String> parties, List<String> areas, int constituencies) {
        public static Choices of(List<ConstituencyResult> results) {
            Set<String> parties = new TreeSet<>();
            Set<String> areas = new TreeSet<>();
            for (ConstituencyResult r : results) {
                for (CandidateVotes c : r.candidates()) parties.add(c.party());
                if (r.region() != null && !r.region().isBlank()) areas.add(r.region());
                if (r.nation() != null && !r.nation().isBlank()) areas.add(r.nation());
            }
            return new Choices(List.copyOf(parties), List.copyOf(areas), results.size());
        }
    }

    private ScenarioForm() {
    }

    /** Every field name the form has, so a submitted query can be copied into a {@link Form}. */
    public static List<String> fields() {
        List<String> f = new ArrayList<>(List.of("alliance", "constituencySd", "runs", "seed"));
        for (int i = 0; i < SWING_ROWS; i++) f.addAll(List.of("swingParty" + i, "swingArea" + i, "swingKind" + i, "swingAmount" + i, "swingSd" + i));
        for (int i = 0; i < STAND_DOWN_ROWS; i++) f.addAll(List.of("standParty" + i, "standWhere" + i, "standSeats" + i));
        for (int i = 0; i < TRANSFER_ROWS; i++) f.addAll(List.of("transferFrom" + i, "transferTo" + i, "transferShare" + i, "transferSd" + i));
        return f;
    }

    /** The defaults of a new scenario: nothing changes, no Monte Carlo runs. */
    public static Form blank() {
        Form f = Form.empty();
        for (String name : fields()) f.set(name, "");
        return f.set("constituencySd", "0").set("runs", "0").set("seed", "1");
    }

    /** Checks every field; returns the model, or null with the errors on the form. */
    public static Model read(Form form, List<ConstituencyResult> results) {
        Choices choices = Choices.of(results);
        Set<String> seatKeys = new TreeSet<>();
        for (ConstituencyResult r : results) {
            seatKeys.add(r.id());
            seatKeys.add(r.name());
        }
        List<String> alliance = new ArrayList<>();
        for (String party : split(form.value("alliance"))) {
            if (!choices.parties().contains(party)) form.error("alliance", "elections.model.error.party");
            else if (!alliance.contains(party)) alliance.add(party);
        }
        List<Swing> swings = new ArrayList<>();
        for (int i = 0; i < SWING_ROWS; i++) {
            String party = form.value("swingParty" + i).strip();
            if (party.isEmpty()) continue;
            if (!choices.parties().contains(party)) form.error("swingParty" + i, "elections.model.error.party");
            String area = form.value("swingArea" + i).strip();
            if (!area.isEmpty() && !choices.areas().contains(area)) form.error("swingArea" + i, "elections.model.error.area");
            SwingKind kind = SwingKind.fromJson(form.value("swingKind" + i));
            if (kind == null) form.error("swingKind" + i, "elections.model.error.swingKind");
            BigDecimal amount = kind == SwingKind.PROPORTIONAL
                    ? decimal(form, "swingAmount" + i, BigDecimal.ZERO, BigDecimal.TEN, "elections.model.error.ratio")
                    : decimal(form, "swingAmount" + i, new BigDecimal(-100), new BigDecimal(100), "elections.model.error.points");
            BigDecimal sd = optionalDecimal(form, "swingSd" + i, BigDecimal.ZERO, new BigDecimal(100), "elections.model.error.sd");
            swings.add(new Swing(party, area.isEmpty() ? null : area, kind, amount, sd));
        }
        List<StandDown> standDowns = new ArrayList<>();
        Set<String> standingDown = new TreeSet<>();
        for (int i = 0; i < STAND_DOWN_ROWS; i++) {
            String party = form.value("standParty" + i).strip();
            if (party.isEmpty()) continue;
            if (!choices.parties().contains(party)) form.error("standParty" + i, "elections.model.error.party");
            StandDownRule where = StandDownRule.fromJson(form.value("standWhere" + i));
            List<String> seats = split(form.value("standSeats" + i));
            if (where == null) {
                form.error("standWhere" + i, "elections.model.error.where");
            } else if (where == StandDownRule.LISTED) {
                if (seats.isEmpty()) form.error("standSeats" + i, "elections.model.error.seatsRequired");
                if (!seatKeys.containsAll(seats)) form.error("standSeats" + i, "elections.model.error.seatUnknown");
            } else {
                if (!seats.isEmpty()) form.error("standSeats" + i, "elections.model.error.seatsOnlyListed");
                if (where == StandDownRule.ALLY_BEST_PLACED && alliance.isEmpty()) form.error("standWhere" + i, "elections.model.error.needsAlliance");
            }
            standDowns.add(new StandDown(party, where, where == StandDownRule.LISTED ? seats : List.of()));
            standingDown.add(party);
        }
        Map<String, List<TransferShare>> shares = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < TRANSFER_ROWS; i++) {
            String from = form.value("transferFrom" + i).strip();
            if (from.isEmpty()) continue;
            if (!standingDown.contains(from)) form.error("transferFrom" + i, "elections.model.error.fromNotStandingDown");
            String to = form.value("transferTo" + i).strip();
            if (!choices.parties().contains(to) && !TRANSFER_TARGETS.contains(to)) form.error("transferTo" + i, "elections.model.error.to");
            else if (to.equals(from)) form.error("transferTo" + i, "elections.model.error.toItself");
            else if (to.equals(TransferShare.ALLY) && alliance.isEmpty()) form.error("transferTo" + i, "elections.model.error.needsAlliance");
            BigDecimal share = decimal(form, "transferShare" + i, BigDecimal.ZERO, BigDecimal.ONE, "elections.model.error.share");
            BigDecimal sd = optionalDecimal(form, "transferSd" + i, BigDecimal.ZERO, BigDecimal.ONE, "elections.model.error.shareSd");
            shares.computeIfAbsent(from, k -> new ArrayList<>()).add(new TransferShare(to, share, sd));
            BigDecimal total = totals.merge(from, share == null ? BigDecimal.ZERO : share, BigDecimal::add);
            if (total.compareTo(BigDecimal.ONE) > 0) form.error("transferShare" + i, "elections.model.error.sharesOverOne");
        }
        List<Transfer> transfers = shares.entrySet().stream().map(e -> new Transfer(e.getKey(), e.getValue())).toList();
        BigDecimal constituencySd = optionalDecimal(form, "constituencySd", BigDecimal.ZERO, new BigDecimal(100), "elections.model.error.sd");
        Long runs = whole(form, "runs", 0, MAX_RUNS, "elections.model.error.runs");
        Long seed = whole(form, "seed", Long.MIN_VALUE, Long.MAX_VALUE, "elections.model.error.seed");
        if (form.hasErrors()) return null;
        return new Model(new Scenario(alliance, swings, standDowns, transfers, constituencySd, null, null), runs.intValue(), seed);
    }

    /** Commas or line breaks separate the items of a list field. */
    public static List<String> split(String value) {
        return Arrays.stream(value.split("[,\\n\\r]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static BigDecimal decimal(Form form, String field, BigDecimal min, BigDecimal max, String key) {
        String v = form.value(field).strip();
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0 && d.scale() <= 6) return d;
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        form.error(field, key);
        return null;
    }

    private static BigDecimal optionalDecimal(Form form, String field, BigDecimal min, BigDecimal max, String key) {
        return form.value(field).isBlank() ? BigDecimal.ZERO : decimal(form, field, min, max, key);
    }

    private static Long whole(Form form, String field, long min, long max, String key) {
        try {
            long v = Long.parseLong(form.value(field).strip());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        form.error(field, key);
        return null;
    }
}
