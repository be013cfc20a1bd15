package org.commonweal.elections.model;

import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.CandidateVotes;
import org.commonweal.elections.fptp.ConstituencyResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scenario checked against the results and laid out as flat arrays (candidates of constituency c are
 * indexes start[c] .. start[c+1]-1), so that a Monte Carlo run touches no maps or objects.
 */
final class CompiledScenario {
    static final int TO_ABSTAIN = -1;
    static final int TO_ALLY = -2;
    static final int TO_SPLIT = -3;

    final List<ConstituencyResult> results;
    final Scenario scenario;
    final String[] parties;
    final Map<String, Integer> partyIndex = new HashMap<>();
    final int[] start;
    final int[] party;
    final long[] base;
    final boolean[] aggregate;
    final long[] ticket;
    final String[] label;
    final long[] total;
    final int maxCandidates;
    final String[] regions;
    final int[] region;
    /** Regions and nations by one index, so that an area of a swing, transfer or tactical rule is one int. */
    final Map<String, Integer> areaIndex = new HashMap<>();
    final int[] regionArea;
    final int[] nationArea;
    /** The swings made from the polls, which come first in the swing arrays. */
    final int pollSwings;
    /** Millionths of a point added to each candidate after the swings: local factors and incumbency. */
    final long[] bonus;
    /** Millionths of each candidate's voters who vote for the best-placed ally instead (tactical voting). */
    final long[] tacticalShare;
    /** For each party standing down for one beneficiary, that party's index; -1 otherwise. */
    final int[] withdrawsFor;
    final long regionSd;

    final boolean[] swingProportional;
    final long[] swingAmount;
    final long[] swingSd;
    final int[] swingStart;
    final int[] swingIndex;

    final boolean[] ally;
    final boolean[] withdrawnAlways;
    final boolean[] withdrawsWhereAllyBetter;

    /** The transfers of each party (indexes into transferTo etc.), and when each holds. */
    final int[][] transfersOf;
    final int[] transferArea;
    final int[] transferBeneficiary;
    final int[][] transferTo;
    final long[][] transferShare;
    final long[][] transferSd;
    final long constituencySd;
    /** One standard deviation of local noise in constituency c, in votes (constituencySd per cent of its valid vote). */
    final double[] localNoiseVotes;

    CompiledScenario(List<ConstituencyResult> results, Scenario scenario, Lot lot) {
        if (results.isEmpty()) throw new ScenarioException("results", "there are no constituencies");
        this.results = results;
        this.scenario = scenario;
        TreeSet<String> labels = new TreeSet<>();
        TreeSet<String> regionNames = new TreeSet<>();
        Set<String> areas = new HashSet<>();
        int n = 0;
        int widest = 0;
        for (ConstituencyResult c : results) {
            c.candidates().forEach(cv -> labels.add(cv.party()));
            regionNames.add(c.region());
            areas.add(c.region());
            areas.add(c.nation());
            n += c.candidates().size();
            widest = Math.max(widest, c.candidates().size());
        }
        maxCandidates = widest;
        parties = labels.toArray(String[]::new);
        for (int p = 0; p < parties.length; p++) partyIndex.put(parties[p], p);
        regions = regionNames.toArray(String[]::new);
        Map<String, Integer> regionIndex = new HashMap<>();
        for (int r = 0; r < regions.length; r++) regionIndex.put(regions[r], r);
        for (String a : new TreeSet<>(areas)) areaIndex.put(a, areaIndex.size());

        int cs = results.size();
        start = new int[cs + 1];
        region = new int[cs];
        regionArea = new int[cs];
        nationArea = new int[cs];
        total = new long[cs];
        party = new int[n];
        base = new long[n];
        aggregate = new boolean[n];
        ticket = new long[n];
        label = new String[n];
        int i = 0;
        for (int c = 0; c < cs; c++) {
            ConstituencyResult r = results.get(c);
            start[c] = i;
            region[c] = regionIndex.get(r.region());
            regionArea[c] = areaIndex.get(r.region());
            nationArea[c] = areaIndex.get(r.nation());
            for (CandidateVotes cv : r.candidates()) {
                party[i] = partyIndex.get(cv.party());
                base[i] = cv.votes();
                aggregate[i] = cv.aggregate();
                label[i] = cv.label();
                ticket[i] = lot.ticket(cv.label());
                total[c] += cv.votes();
                i++;
            }
        }
        start[cs] = i;

        ally = new boolean[parties.length];
        for (int a = 0; a < scenario.alliance().size(); a++) {
            int p = knownParty(scenario.alliance().get(a), "alliance[" + a + "]");
            if (ally[p]) throw new ScenarioException("alliance[" + a + "]", "'" + parties[p] + "' is listed twice");
            ally[p] = true;
        }

        List<Swing> swings = new ArrayList<>(pollSwings(scenario.polls()));
        pollSwings = swings.size();
        swings.addAll(scenario.swings());
        swingProportional = new boolean[swings.size()];
        swingAmount = new long[swings.size()];
        swingSd = new long[swings.size()];
        List<List<Integer>> swingsOfCandidate = new ArrayList<>();
        for (int k = 0; k < n; k++) swingsOfCandidate.add(new ArrayList<>());
        for (int w = 0; w < swings.size(); w++) {
            Swing s = swings.get(w);
            String field = w < pollSwings ? "polls" : "swings[" + (w - pollSwings) + "]";
            int p = knownParty(s.party(), field + ".party");
            if (s.kind() == null) throw new ScenarioException(field + ".kind", "missing (uniform or proportional)");
            if (s.amount() == null) throw new ScenarioException(field + ".amount", "missing");
            int area = area(s.area(), field + ".area");
            swingProportional[w] = s.kind() == SwingKind.PROPORTIONAL;
            if (swingProportional[w]) requireBetween(s.amount(), 0, 100, field + ".amount", "a ratio");
            else requireBetween(s.amount(), -100, 100, field + ".amount", "a change in percentage points");
            requireBetween(s.sd(), 0, 100, field + ".sd", "a standard deviation");
            swingAmount[w] = FixedPoint.millionths(s.amount());
            swingSd[w] = FixedPoint.millionths(s.sd());
            for (int c = 0; c < cs; c++) {
                if (!inArea(area, c)) continue;
                for (int k = start[c]; k < start[c + 1]; k++) if (party[k] == p) swingsOfCandidate.get(k).add(w);
            }
        }
        swingStart = new int[n + 1];
        List<Integer> flat = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            swingStart[k] = flat.size();
            flat.addAll(swingsOfCandidate.get(k));
        }
        swingStart[n] = flat.size();
        swingIndex = flat.stream().mapToInt(Integer::intValue).toArray();

        withdrawnAlways = new boolean[n];
        withdrawsWhereAllyBetter = new boolean[parties.length];
        withdrawsFor = new int[parties.length];
        java.util.Arrays.fill(withdrawsFor, -1);
        boolean[] standsDown = new boolean[parties.length];
        Map<String, Integer> constituencyByKey = constituencyKeys();
        for (int d = 0; d < scenario.standDowns().size(); d++) {
            StandDown sd = scenario.standDowns().get(d);
            String field = "standDowns[" + d + "]";
            int p = knownParty(sd.party(), field + ".party");
            standsDown[p] = true;
            if (sd.where() == null) throw new ScenarioException(field + ".where", "missing (all, listed, ally-best-placed or beneficiary-best-placed)");
            if (sd.where() != StandDownRule.LISTED && !sd.constituencies().isEmpty()) {
                throw new ScenarioException(field + ".constituencies", "only allowed with \"where\": \"listed\"");
            }
            if (sd.where() != StandDownRule.BENEFICIARY_BEST_PLACED && sd.beneficiary() != null) {
                throw new ScenarioException(field + ".beneficiary", "only allowed with \"where\": \"beneficiary-best-placed\"");
            }
            switch (sd.where()) {
                case ALL -> {
                    for (int k = 0; k < n; k++) if (party[k] == p) withdrawnAlways[k] = true;
                }
                case LISTED -> {
                    if (sd.constituencies().isEmpty()) throw new ScenarioException(field + ".constituencies", "list the constituencies (ids or names)");
                    for (int j = 0; j < sd.constituencies().size(); j++) {
                        Integer c = constituencyByKey.get(sd.constituencies().get(j));
                        if (c == null) throw new ScenarioException(field + ".constituencies[" + j + "]", "no constituency has id or name '" + sd.constituencies().get(j) + "'");
                        for (int k = start[c]; k < start[c + 1]; k++) if (party[k] == p) withdrawnAlways[k] = true;
                    }
                }
                case ALLY_BEST_PLACED -> {
                    if (scenario.alliance().isEmpty()) throw new ScenarioException(field + ".where", "'ally-best-placed' needs a non-empty alliance");
                    withdrawsWhereAllyBetter[p] = true;
                }
                case BENEFICIARY_BEST_PLACED -> {
                    int b = knownParty(sd.beneficiary(), field + ".beneficiary");
                    if (!ally[b]) throw new ScenarioException(field + ".beneficiary", "'" + sd.beneficiary() + "' is not in the alliance");
                    if (b == p) throw new ScenarioException(field + ".beneficiary", "a party cannot stand down for itself");
                    withdrawsFor[p] = b;
                }
            }
        }
        for (int c = 0; c < cs; c++) {
            boolean someoneStands = false;
            for (int k = start[c]; k < start[c + 1]; k++) someoneStands |= !aggregate[k] && !withdrawnAlways[k];
            if (!someoneStands) throw new ScenarioException("standDowns", "no candidate is left in " + results.get(c).name());
        }

        List<Transfer> transfers = scenario.transfers();
        List<List<Integer>> transfersOfParty = new ArrayList<>();
        for (int p = 0; p < parties.length; p++) transfersOfParty.add(new ArrayList<>());
        transferArea = new int[transfers.size()];
        transferBeneficiary = new int[transfers.size()];
        Set<String> transferKeys = new HashSet<>();
        transferTo = new int[transfers.size()][];
        transferShare = new long[transfers.size()][];
        transferSd = new long[transfers.size()][];
        for (int t = 0; t < transfers.size(); t++) {
            Transfer tr = transfers.get(t);
            String field = "transfers[" + t + "]";
            int from = knownParty(tr.from(), field + ".from");
            if (!standsDown[from]) throw new ScenarioException(field + ".from", "'" + tr.from() + "' does not stand down anywhere (see standDowns)");
            transferArea[t] = area(tr.area(), field + ".area");
            transferBeneficiary[t] = tr.beneficiary() == null ? -1 : knownParty(tr.beneficiary(), field + ".beneficiary");
            if (transferBeneficiary[t] >= 0 && !ally[transferBeneficiary[t]]) {
                throw new ScenarioException(field + ".beneficiary", "'" + tr.beneficiary() + "' is not in the alliance");
            }
            if (!transferKeys.add(from + "/" + transferArea[t] + "/" + transferBeneficiary[t])) {
                throw new ScenarioException(field + ".from", "'" + tr.from() + "' already has a transfer for the same area and beneficiary");
            }
            transfersOfParty.get(from).add(t);
            int m = tr.shares().size();
            transferTo[t] = new int[m];
            transferShare[t] = new long[m];
            transferSd[t] = new long[m];
            BigDecimal sum = BigDecimal.ZERO;
            for (int j = 0; j < m; j++) {
                TransferShare s = tr.shares().get(j);
                String f = field + ".shares[" + j + "]";
                if (s.to() == null) throw new ScenarioException(f + ".to", "missing");
                transferTo[t][j] = switch (s.to()) {
                    case TransferShare.ABSTAIN -> TO_ABSTAIN;
                    case TransferShare.SPLIT -> TO_SPLIT;
                    case TransferShare.ALLY -> {
                        if (scenario.alliance().isEmpty()) throw new ScenarioException(f + ".to", "'ally' needs a non-empty alliance");
                        yield TO_ALLY;
                    }
                    default -> {
                        int q = knownParty(s.to(), f + ".to");
                        if (q == from) throw new ScenarioException(f + ".to", "a party cannot transfer to itself");
                        yield q;
                    }
                };
                if (s.share() == null) throw new ScenarioException(f + ".share", "missing");
                requireBetween(s.share(), 0, 1, f + ".share", "a fraction");
                requireBetween(s.sd(), 0, 1, f + ".sd", "a standard deviation");
                transferShare[t][j] = FixedPoint.millionths(s.share());
                transferSd[t][j] = FixedPoint.millionths(s.sd());
                sum = sum.add(s.share());
            }
            if (sum.compareTo(BigDecimal.ONE) > 0) throw new ScenarioException(field + ".shares", "shares add up to " + sum.toPlainString() + ", more than 1");
        }
        transfersOf = new int[parties.length][];
        for (int p = 0; p < parties.length; p++) transfersOf[p] = transfersOfParty.get(p).stream().mapToInt(Integer::intValue).toArray();
        tacticalShare = tactical(scenario.tactical(), n);
        bonus = bonuses(scenario, lot, n);
        requireBetween(scenario.regionSd(), 0, 100, "regionSd", "a standard deviation in percentage points");
        regionSd = FixedPoint.millionths(scenario.regionSd());
        requireBetween(scenario.constituencySd(), 0, 100, "constituencySd", "a standard deviation in percentage points");
        constituencySd = FixedPoint.millionths(scenario.constituencySd());
        localNoiseVotes = new double[cs];
        for (int c = 0; c < cs; c++) localNoiseVotes[c] = total[c] * (double) constituencySd / FixedPoint.HUNDRED_MILLION;
        if (scenario.ams().listSeats() < 0) throw new ScenarioException("ams.listSeats", "must not be negative");
        if (scenario.ams().perConstituencies() < 1) throw new ScenarioException("ams.perConstituencies", "must be at least 1");
        if (scenario.ams().houseSize() < 0) throw new ScenarioException("ams.houseSize", "must not be negative");
        if (scenario.ams().houseSize() > 0 && scenario.ams().listSeats() >= scenario.ams().houseSize()) {
            throw new ScenarioException("ams.listSeats", "with a house size, must be fewer than the " + scenario.ams().houseSize() + " members, got " + scenario.ams().listSeats());
        }
        listShareTarget = targets(scenario.ams().listShares(), "ams.listShares");
    }

    /** The AMS list vote shares wanted, by party, or null when the list vote is the constituency vote. */
    final long[] listShareTarget;

    /** -1 for everywhere, else the index of a region or nation. */
    private int area(String name, String field) {
        if (name == null) return -1;
        Integer a = areaIndex.get(name);
        if (a == null) throw new ScenarioException(field, "no constituency has region or nation '" + name + "'");
        return a;
    }

    boolean inArea(int area, int c) {
        return area < 0 || area == regionArea[c] || area == nationArea[c];
    }

    private long[] targets(Map<String, BigDecimal> shares, String field) {
        if (shares.isEmpty()) return null;
        long[] target = new long[parties.length];
        java.util.Arrays.fill(target, ShareBalance.UNSET);
        for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
            String f = field + "." + e.getKey();
            int p = knownParty(e.getKey(), f);
            if (e.getValue() == null) throw new ScenarioException(f, "missing");
            requireBetween(e.getValue(), 0, 100, f, "a share in per cent");
            target[p] = FixedPoint.millionths(e.getValue());
        }
        return target;
    }

    /** Each poll as one swing per party with votes in its area, from the party's present share to its balanced share. */
    private List<Swing> pollSwings(List<Poll> polls) {
        List<Swing> out = new ArrayList<>();
        for (int q = 0; q < polls.size(); q++) {
            Poll poll = polls.get(q);
            String field = "polls[" + q + "]";
            int area = area(poll.area(), field + ".area");
            if (poll.kind() == null) throw new ScenarioException(field + ".kind", "missing (uniform or proportional)");
            if (poll.shares().isEmpty()) throw new ScenarioException(field + ".shares", "give at least one party's share");
            long[] target = targets(poll.shares(), field + ".shares");
            long[] votes = new long[parties.length];
            long[] contested = new long[parties.length];
            long all = 0;
            for (int c = 0; c < constituencies(); c++) {
                if (!inArea(area, c)) continue;
                for (int i = start[c]; i < start[c + 1]; i++) {
                    votes[party[i]] += base[i];
                    contested[party[i]] += total[c];
                }
                all += total[c];
            }
            long[] balanced;
            try {
                balanced = ShareBalance.balance(votes, target);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(field + ".shares", e.getMessage());
            }
            for (int p = 0; p < parties.length; p++) {
                long now = ShareBalance.share(votes[p], all);
                if (poll.kind() == SwingKind.UNIFORM) {
                    if (contested[p] == 0) {
                        if (balanced[p] > 0) throw new ScenarioException(field + ".shares." + parties[p], "has no candidate in the area");
                        continue;
                    }
                    // the same points in every seat the party contests, enough to move its share of the whole area
                    long points = FixedPoint.divideRounded((balanced[p] - now) * all, contested[p]);
                    if (Math.abs(points) > 100 * FixedPoint.MILLION) throw new ScenarioException(field + ".shares." + parties[p], "would need a swing of more than 100 points");
                    out.add(new Swing(parties[p], poll.area(), SwingKind.UNIFORM, BigDecimal.valueOf(points, 6), null));
                    continue;
                }
                if (votes[p] == 0) {
                    if (balanced[p] > 0) throw new ScenarioException(field + ".shares." + parties[p], "has no votes in the area, so no proportional swing can give it a share (use uniform)");
                    continue;
                }
                long ratio = FixedPoint.divideRounded(balanced[p] * all, votes[p] * 100);
                if (ratio > 100 * FixedPoint.MILLION) throw new ScenarioException(field + ".shares." + parties[p], "would multiply its vote more than 100 times");
                out.add(new Swing(parties[p], poll.area(), SwingKind.PROPORTIONAL, BigDecimal.valueOf(ratio, 6), null));
            }
        }
        return out;
    }

    private long[] tactical(List<Tactical> rules, int n) {
        long[] share = new long[n];
        // national rules first, so that a rule for a region or nation overrides them there
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < rules.size(); t++) if (rules.get(t).area() == null) order.add(t);
        for (int t = 0; t < rules.size(); t++) if (rules.get(t).area() != null) order.add(t);
        for (int t : order) {
            Tactical rule = rules.get(t);
            String field = "tactical[" + t + "]";
            if (scenario.alliance().isEmpty()) throw new ScenarioException(field, "tactical voting needs a non-empty alliance");
            int p = knownParty(rule.party(), field + ".party");
            int area = area(rule.area(), field + ".area");
            if (rule.share() == null) throw new ScenarioException(field + ".share", "missing");
            requireBetween(rule.share(), 0, 1, field + ".share", "a fraction");
            long millionths = FixedPoint.millionths(rule.share());
            for (int c = 0; c < constituencies(); c++) {
                if (!inArea(area, c)) continue;
                for (int i = start[c]; i < start[c + 1]; i++) if (party[i] == p && !aggregate[i]) share[i] = millionths;
            }
        }
        return share;
    }

    private long[] bonuses(Scenario scenario, Lot lot, int n) {
        long[] out = new long[n];
        requireBetween(scenario.incumbency(), -100, 100, "incumbency", "a change in percentage points");
        long incumbency = FixedPoint.millionths(scenario.incumbency());
        if (incumbency != 0) {
            for (int c = 0; c < constituencies(); c++) {
                ConstituencyResult r = results.get(c);
                out[start[c] + r.candidates().indexOf(org.commonweal.elections.fptp.FirstPastThePost.winner(r, lot).candidate())] += incumbency;
            }
        }
        Map<String, Integer> byKey = constituencyKeys();
        for (int o = 0; o < scenario.overrides().size(); o++) {
            SeatOverride so = scenario.overrides().get(o);
            String field = "overrides[" + o + "]";
            if (so.constituency() == null) throw new ScenarioException(field + ".constituency", "missing");
            Integer c = byKey.get(so.constituency());
            if (c == null) throw new ScenarioException(field + ".constituency", "no constituency has id or name '" + so.constituency() + "'");
            int p = knownParty(so.party(), field + ".party");
            if (so.points() == null) throw new ScenarioException(field + ".points", "missing");
            requireBetween(so.points(), -100, 100, field + ".points", "a change in percentage points");
            boolean found = false;
            for (int i = start[c]; i < start[c + 1]; i++) {
                if (party[i] == p && !aggregate[i]) {
                    out[i] += FixedPoint.millionths(so.points());
                    found = true;
                }
            }
            if (!found) throw new ScenarioException(field + ".party", "'" + so.party() + "' has no candidate in " + results.get(c).name());
        }
        return out;
    }

    Map<String, Integer> constituencyKeys() {
        Map<String, Integer> byKey = new HashMap<>();
        for (int c = 0; c < constituencies(); c++) {
            byKey.put(results.get(c).id(), c);
            byKey.putIfAbsent(results.get(c).name(), c);
        }
        return byKey;
    }

    int constituencies() {
        return start.length - 1;
    }

    private int knownParty(String name, String field) {
        if (name == null) throw new ScenarioException(field, "missing");
        Integer p = partyIndex.get(name);
        if (p == null) throw new ScenarioException(field, "no candidate has the label '" + name + "' in the results (labels: " + String.join(", ", parties) + ")");
        return p;
    }

    private static void requireBetween(BigDecimal value, int min, int max, String field, String what) {
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ScenarioException(field, "must be " + what + " between " + min + " and " + max + ", got " + value.toPlainString());
        }
    }
}
