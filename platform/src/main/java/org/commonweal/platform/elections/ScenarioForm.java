package org.commonweal.platform.elections;

import org.commonweal.elections.fptp.CandidateVotes;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.FirstPastThePost;
import org.commonweal.elections.fptp.PartyNames;
import org.commonweal.elections.model.AmsAssumption;
import org.commonweal.elections.model.Poll;
import org.commonweal.elections.model.Scenario;
import org.commonweal.elections.model.SeatOverride;
import org.commonweal.elections.model.StandDown;
import org.commonweal.elections.model.StandDownRule;
import org.commonweal.elections.model.StvAssumption;
import org.commonweal.elections.model.Swing;
import org.commonweal.elections.model.SwingKind;
import org.commonweal.elections.model.Tactical;
import org.commonweal.elections.model.Transfer;
import org.commonweal.elections.model.TransferShare;
import org.commonweal.platform.core.http.Form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scenario form's fields (a fixed number of rows for each kind of change, so it works without
 * JavaScript) turned into the engine's {@link Scenario}, every field checked against the results. The vote
 * shares of a poll and of the AMS list vote have one field per party with at least 1% of the vote ({@code pollShare.Lab}).
 */
public final class ScenarioForm {
    public static final int SWING_ROWS = 2;
    public static final int STAND_DOWN_ROWS = 3;
    public static final int TRANSFER_ROWS = 4;
    public static final int TACTICAL_ROWS = 2;
    public static final int OVERRIDE_ROWS = 2;
    public static final int STV_ROWS = 4;
    public static final int MAX_RUNS = 10_000;
    /** A party is common (offered first) with a seat or at least this share of the votes, in per cent. */
    static final double COMMON_SHARE = 2.0;
    /** A party gets a field in the poll with at least this share of the votes, in per cent (independents and the Speaker never). */
    static final double POLL_SHARE = 1.0;
    public static final List<String> TRANSFER_TARGETS = List.of(TransferShare.ALLY, TransferShare.SPLIT, TransferShare.ABSTAIN);

    /** A valid scenario and how to run it; {@code stvSize} is the size of the adjacent groups for the STV projection (0 for none). */
    public record Model(Scenario scenario, int runs, long seed, int stvSize) {
    }

    /**
     * What the form offers to choose from, read from the results: the common parties (with a seat, or
     * {@value #COMMON_SHARE}% of the votes; most votes first), the others (by name), every party's name.
     */
    public record Choices(List<String> common, List<String> others, List<String> polled, Map<String, String> names, List<String> areas, int constituencies) {
        public static Choices of(List<ConstituencyResult> results) {
            Map<String, Long> votes = new HashMap<>();
            long all = 0;
            Set<String> areas = new TreeSet<>();
            for (ConstituencyResult r : results) {
                for (CandidateVotes c : r.candidates()) {
                    if (!c.aggregate()) votes.merge(c.party(), c.votes(), Long::sum);
                    all += c.votes();
                }
                if (r.region() != null && !r.region().isBlank()) areas.add(r.region());
                if (r.nation() != null && !r.nation().isBlank()) areas.add(r.nation());
            }
            Set<String> winners = FirstPastThePost.seats(FirstPastThePost.winners(results, new org.commonweal.elections.apportionment.Lot(0))).keySet();
            PartyNames partyNames = PartyNames.of(results);
            Map<String, String> names = new LinkedHashMap<>();
            votes.keySet().stream().sorted().forEach(p -> names.put(p, partyNames.name(p)));
            long total = all;
            List<String> common = votes.keySet().stream().filter(p -> winners.contains(p) || 100.0 * votes.get(p) / total >= COMMON_SHARE)
                    .sorted((a, b) -> Long.compare(votes.get(b), votes.get(a))).toList();
            List<String> others = votes.keySet().stream().filter(p -> !common.contains(p))
                    .sorted(java.util.Comparator.comparing((String p) -> names.get(p).toLowerCase(java.util.Locale.ROOT)).thenComparing(p -> p)).toList();
            List<String> polled = common.stream().filter(p -> !Scenario.DEFAULT_NON_PARTY_LABELS.contains(p) && 100.0 * votes.get(p) / total >= POLL_SHARE).toList();
            return new Choices(common, others, polled, names, List.copyOf(areas), results.size());
        }

        public boolean has(String party) {
            return names.containsKey(party);
        }

        public String name(String party) {
            return names.getOrDefault(party, party);
        }
    }

    private ScenarioForm() {
    }

    /** Every field the form has, so a submitted query can be copied into a {@link Form}. */
    public static List<String> fields(Choices choices) {
        List<String> f = new ArrayList<>(List.of("alliance", "pollArea", "pollKind", "incumbency", "constituencySd", "regionSd", "runs", "seed",
                "amsHouse", "amsListSeats", "stvSize"));
        for (String p : choices.polled()) f.addAll(List.of("pollShare." + p, "listShare." + p));
        for (int i = 0; i < SWING_ROWS; i++) f.addAll(List.of("swingParty" + i, "swingArea" + i, "swingKind" + i, "swingAmount" + i, "swingSd" + i));
        for (int i = 0; i < STAND_DOWN_ROWS; i++) f.addAll(List.of("standParty" + i, "standWhere" + i, "standBeneficiary" + i, "standSeats" + i));
        for (int i = 0; i < TRANSFER_ROWS; i++) {
            f.addAll(List.of("transferFrom" + i, "transferTo" + i, "transferShare" + i, "transferSd" + i, "transferArea" + i, "transferBeneficiary" + i));
        }
        for (int i = 0; i < TACTICAL_ROWS; i++) f.addAll(List.of("tacticalParty" + i, "tacticalShare" + i, "tacticalArea" + i));
        for (int i = 0; i < OVERRIDE_ROWS; i++) f.addAll(List.of("overrideSeat" + i, "overrideParty" + i, "overridePoints" + i));
        for (int i = 0; i < STV_ROWS; i++) f.addAll(List.of("stvFrom" + i, "stvTo" + i, "stvShare" + i));
        return f;
    }

    /** The defaults of a new scenario: nothing changes, no Monte Carlo runs, no STV projection. */
    public static Form blank(Choices choices) {
        Form f = Form.empty();
        for (String name : fields(choices)) f.set(name, "");
        return f.set("constituencySd", "0").set("regionSd", "0").set("runs", "0").set("seed", "1").set("pollKind", "uniform").set("stvSize", "0");
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
            if (!choices.has(party)) form.error("alliance", "elections.model.error.party");
            else if (!alliance.contains(party)) alliance.add(party);
        }
        List<Poll> polls = new ArrayList<>();
        Map<String, BigDecimal> pollShares = shares(form, "pollShare.", choices);
        String pollArea = area(form, "pollArea", choices);
        SwingKind pollKind = form.value("pollKind").isBlank() ? SwingKind.UNIFORM : SwingKind.fromJson(form.value("pollKind"));
        if (pollKind == null) form.error("pollKind", "elections.model.error.swingKind");
        if (!pollShares.isEmpty()) polls.add(new Poll(pollArea, pollKind, pollShares));
        List<Swing> swings = new ArrayList<>();
        for (int i = 0; i < SWING_ROWS; i++) {
            String party = party(form, "swingParty" + i, choices);
            if (party == null) continue;
            String area = area(form, "swingArea" + i, choices);
            SwingKind kind = SwingKind.fromJson(form.value("swingKind" + i));
            if (kind == null) form.error("swingKind" + i, "elections.model.error.swingKind");
            BigDecimal amount = kind == SwingKind.PROPORTIONAL
                    ? decimal(form, "swingAmount" + i, BigDecimal.ZERO, BigDecimal.TEN, "elections.model.error.ratio")
                    : decimal(form, "swingAmount" + i, new BigDecimal(-100), new BigDecimal(100), "elections.model.error.points");
            BigDecimal sd = optionalDecimal(form, "swingSd" + i, BigDecimal.ZERO, new BigDecimal(100), "elections.model.error.sd");
            swings.add(new Swing(party, area, kind, amount, sd));
        }
        List<StandDown> standDowns = new ArrayList<>();
        Set<String> standingDown = new TreeSet<>();
        for (int i = 0; i < STAND_DOWN_ROWS; i++) {
            String party = party(form, "standParty" + i, choices);
            if (party == null) continue;
            StandDownRule where = StandDownRule.fromJson(form.value("standWhere" + i));
            List<String> seats = split(form.value("standSeats" + i));
            String beneficiary = party(form, "standBeneficiary" + i, choices);
            if (where == null) {
                form.error("standWhere" + i, "elections.model.error.where");
            } else if (where == StandDownRule.LISTED) {
                if (seats.isEmpty()) form.error("standSeats" + i, "elections.model.error.seatsRequired");
                if (!seatKeys.containsAll(seats)) form.error("standSeats" + i, "elections.model.error.seatUnknown");
            } else {
                if (!seats.isEmpty()) form.error("standSeats" + i, "elections.model.error.seatsOnlyListed");
                if (where != StandDownRule.ALL && alliance.isEmpty()) form.error("standWhere" + i, "elections.model.error.needsAlliance");
            }
            if (where == StandDownRule.BENEFICIARY_BEST_PLACED) {
                if (beneficiary == null || !alliance.contains(beneficiary)) form.error("standBeneficiary" + i, "elections.model.error.beneficiary");
                else if (beneficiary.equals(party)) form.error("standBeneficiary" + i, "elections.model.error.toItself");
            } else if (beneficiary != null) {
                form.error("standBeneficiary" + i, "elections.model.error.beneficiaryOnly");
            }
            standDowns.add(new StandDown(party, where, where == StandDownRule.LISTED ? seats : List.of(),
                    where == StandDownRule.BENEFICIARY_BEST_PLACED ? beneficiary : null));
            standingDown.add(party);
        }
        List<Transfer> transfers = transfers(form, choices, alliance, standingDown);
        List<Tactical> tactical = new ArrayList<>();
        for (int i = 0; i < TACTICAL_ROWS; i++) {
            String party = party(form, "tacticalParty" + i, choices);
            if (party == null) continue;
            if (alliance.isEmpty()) form.error("tacticalParty" + i, "elections.model.error.needsAlliance");
            tactical.add(new Tactical(party, area(form, "tacticalArea" + i, choices),
                    decimal(form, "tacticalShare" + i, BigDecimal.ZERO, BigDecimal.ONE, "elections.model.error.share")));
        }
        List<SeatOverride> overrides = new ArrayList<>();
        for (int i = 0; i < OVERRIDE_ROWS; i++) {
            String seat = form.value("overrideSeat" + i).strip();
            String party = party(form, "overrideParty" + i, choices);
            if (seat.isEmpty() && party == null) continue;
            if (!seatKeys.contains(seat)) form.error("overrideSeat" + i, "elections.model.error.seatUnknown");
            if (party == null) form.error("overrideParty" + i, "elections.model.error.party");
            overrides.add(new SeatOverride(seat, party, decimal(form, "overridePoints" + i, new BigDecimal(-100), new BigDecimal(100), "elections.model.error.points")));
        }
        BigDecimal incumbency = optionalDecimal(form, "incumbency", new BigDecimal(-100), new BigDecimal(100), "elections.model.error.points");
        BigDecimal constituencySd = optionalDecimal(form, "constituencySd", BigDecimal.ZERO, new BigDecimal(100), "elections.model.error.sd");
        BigDecimal regionSd = optionalDecimal(form, "regionSd", BigDecimal.ZERO, new BigDecimal(100), "elections.model.error.sd");
        AmsAssumption ams = ams(form, choices, results.size());
        Long stvSize = form.value("stvSize").isBlank() ? Long.valueOf(0) : whole(form, "stvSize", 0, 20, "elections.model.error.stvSize");
        Map<String, Map<String, BigDecimal>> stvMatrix = stvMatrix(form, choices);
        Long runs = whole(form, "runs", 0, MAX_RUNS, "elections.model.error.runs");
        Long seed = whole(form, "seed", Long.MIN_VALUE, Long.MAX_VALUE, "elections.model.error.seed");
        if (form.hasErrors()) return null;
        StvAssumption stv = stvSize > 0 ? new StvAssumption(null, stvSize.intValue(), stvMatrix) : null;
        return new Model(new Scenario(alliance, swings, standDowns, transfers, constituencySd, ams, null, polls, tactical, overrides, incumbency,
                regionSd, stv), runs.intValue(), seed, stvSize.intValue());
    }

    /** Transfer rows, one engine transfer per party, area and beneficiary (its shares the rows that name them). */
    private static List<Transfer> transfers(Form form, Choices choices, List<String> alliance, Set<String> standingDown) {
        record Key(String from, String area, String beneficiary) {
        }
        Map<Key, List<TransferShare>> shares = new LinkedHashMap<>();
        Map<Key, BigDecimal> totals = new HashMap<>();
        for (int i = 0; i < TRANSFER_ROWS; i++) {
            String from = form.value("transferFrom" + i).strip();
            if (from.isEmpty()) continue;
            if (!standingDown.contains(from)) form.error("transferFrom" + i, "elections.model.error.fromNotStandingDown");
            String to = form.value("transferTo" + i).strip();
            if (!choices.has(to) && !TRANSFER_TARGETS.contains(to)) form.error("transferTo" + i, "elections.model.error.to");
            else if (to.equals(from)) form.error("transferTo" + i, "elections.model.error.toItself");
            else if (to.equals(TransferShare.ALLY) && alliance.isEmpty()) form.error("transferTo" + i, "elections.model.error.needsAlliance");
            String area = area(form, "transferArea" + i, choices);
            String beneficiary = party(form, "transferBeneficiary" + i, choices);
            if (beneficiary != null && !alliance.contains(beneficiary)) form.error("transferBeneficiary" + i, "elections.model.error.beneficiary");
            BigDecimal share = decimal(form, "transferShare" + i, BigDecimal.ZERO, BigDecimal.ONE, "elections.model.error.share");
            BigDecimal sd = optionalDecimal(form, "transferSd" + i, BigDecimal.ZERO, BigDecimal.ONE, "elections.model.error.shareSd");
            Key key = new Key(from, area, beneficiary);
            shares.computeIfAbsent(key, k -> new ArrayList<>()).add(new TransferShare(to, share, sd));
            BigDecimal total = totals.merge(key, share == null ? BigDecimal.ZERO : share, BigDecimal::add);
            if (total.compareTo(BigDecimal.ONE) > 0) form.error("transferShare" + i, "elections.model.error.sharesOverOne");
        }
        return shares.entrySet().stream().map(e -> new Transfer(e.getKey().from(), e.getValue(), e.getKey().area(), e.getKey().beneficiary())).toList();
    }

    /** Without a house size, the default proportion; with one, the list seats (required, fewer than the house). */
    private static AmsAssumption ams(Form form, Choices choices, int constituencies) {
        Map<String, BigDecimal> listShares = shares(form, "listShare.", choices);
        if (form.value("amsHouse").isBlank()) {
            if (!form.value("amsListSeats").isBlank()) form.error("amsHouse", "elections.model.error.house");
            return new AmsAssumption(AmsAssumption.SCOTTISH_PARLIAMENT.listSeats(), AmsAssumption.SCOTTISH_PARLIAMENT.perConstituencies(), 0, listShares);
        }
        Long house = whole(form, "amsHouse", 1, 5000, "elections.model.error.house");
        Long list = whole(form, "amsListSeats", 0, house == null ? 5000 : house - 1, "elections.model.error.listSeats");
        if (house == null || list == null) return null;
        return new AmsAssumption(list.intValue(), 1, house.intValue(), listShares);
    }

    private static Map<String, Map<String, BigDecimal>> stvMatrix(Form form, Choices choices) {
        Map<String, Map<String, BigDecimal>> matrix = new LinkedHashMap<>();
        for (int i = 0; i < STV_ROWS; i++) {
            String from = party(form, "stvFrom" + i, choices);
            if (from == null) continue;
            String to = party(form, "stvTo" + i, choices);
            if (to == null) form.error("stvTo" + i, "elections.model.error.party");
            else if (to.equals(from)) form.error("stvTo" + i, "elections.model.error.toItself");
            BigDecimal share = decimal(form, "stvShare" + i, BigDecimal.ZERO, BigDecimal.ONE, "elections.model.error.share");
            if (to == null || share == null) continue;
            Map<String, BigDecimal> row = matrix.computeIfAbsent(from, k -> new LinkedHashMap<>());
            row.merge(to, share, BigDecimal::add);
            if (row.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(BigDecimal.ONE) > 0) form.error("stvShare" + i, "elections.model.error.sharesOverOne");
        }
        return matrix;
    }

    /** The shares (per cent) typed for the polled parties; blank fields are left out. */
    private static Map<String, BigDecimal> shares(Form form, String prefix, Choices choices) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String p : choices.polled()) {
            if (form.value(prefix + p).isBlank()) continue;
            BigDecimal share = decimal(form, prefix + p, BigDecimal.ZERO, new BigDecimal(100), "elections.model.error.percent");
            if (share == null) continue;
            out.put(p, share);
            total = total.add(share);
        }
        if (total.compareTo(new BigDecimal(100)) > 0) form.error(prefix + choices.polled().getFirst(), "elections.model.error.sharesOverHundred");
        return out;
    }

    /** A party field: null when blank, an error when not a party of the file. */
    private static String party(Form form, String field, Choices choices) {
        String party = form.value(field).strip();
        if (party.isEmpty()) return null;
        if (!choices.has(party)) form.error(field, "elections.model.error.party");
        return party;
    }

    private static String area(Form form, String field, Choices choices) {
        String area = form.value(field).strip();
        if (area.isEmpty()) return null;
        if (!choices.areas().contains(area)) form.error(field, "elections.model.error.area");
        return area;
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
