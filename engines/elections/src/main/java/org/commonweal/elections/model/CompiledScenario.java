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

    final boolean[] swingProportional;
    final long[] swingAmount;
    final long[] swingSd;
    final int[] swingStart;
    final int[] swingIndex;

    final boolean[] ally;
    final boolean[] withdrawnAlways;
    final boolean[] withdrawsWhereAllyBetter;

    final int[] transferOf;
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

        int cs = results.size();
        start = new int[cs + 1];
        region = new int[cs];
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

        List<Swing> swings = scenario.swings();
        swingProportional = new boolean[swings.size()];
        swingAmount = new long[swings.size()];
        swingSd = new long[swings.size()];
        List<List<Integer>> swingsOfCandidate = new ArrayList<>();
        for (int k = 0; k < n; k++) swingsOfCandidate.add(new ArrayList<>());
        for (int w = 0; w < swings.size(); w++) {
            Swing s = swings.get(w);
            String field = "swings[" + w + "]";
            int p = knownParty(s.party(), field + ".party");
            if (s.kind() == null) throw new ScenarioException(field + ".kind", "missing (uniform or proportional)");
            if (s.amount() == null) throw new ScenarioException(field + ".amount", "missing");
            if (s.area() != null && !areas.contains(s.area())) {
                throw new ScenarioException(field + ".area", "no constituency has region or nation '" + s.area() + "'");
            }
            swingProportional[w] = s.kind() == SwingKind.PROPORTIONAL;
            if (swingProportional[w]) requireBetween(s.amount(), 0, 100, field + ".amount", "a ratio");
            else requireBetween(s.amount(), -100, 100, field + ".amount", "a change in percentage points");
            requireBetween(s.sd(), 0, 100, field + ".sd", "a standard deviation");
            swingAmount[w] = FixedPoint.millionths(s.amount());
            swingSd[w] = FixedPoint.millionths(s.sd());
            for (int c = 0; c < cs; c++) {
                ConstituencyResult r = results.get(c);
                if (s.area() != null && !s.area().equals(r.region()) && !s.area().equals(r.nation())) continue;
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
        boolean[] standsDown = new boolean[parties.length];
        Map<String, Integer> constituencyByKey = new HashMap<>();
        for (int c = 0; c < cs; c++) {
            constituencyByKey.put(results.get(c).id(), c);
            constituencyByKey.putIfAbsent(results.get(c).name(), c);
        }
        for (int d = 0; d < scenario.standDowns().size(); d++) {
            StandDown sd = scenario.standDowns().get(d);
            String field = "standDowns[" + d + "]";
            int p = knownParty(sd.party(), field + ".party");
            standsDown[p] = true;
            if (sd.where() == null) throw new ScenarioException(field + ".where", "missing (all, listed or ally-best-placed)");
            if (sd.where() != StandDownRule.LISTED && !sd.constituencies().isEmpty()) {
                throw new ScenarioException(field + ".constituencies", "only allowed with \"where\": \"listed\"");
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
            }
        }
        for (int c = 0; c < cs; c++) {
            boolean someoneStands = false;
            for (int k = start[c]; k < start[c + 1]; k++) someoneStands |= !aggregate[k] && !withdrawnAlways[k];
            if (!someoneStands) throw new ScenarioException("standDowns", "no candidate is left in " + results.get(c).name());
        }

        transferOf = new int[parties.length];
        java.util.Arrays.fill(transferOf, -1);
        List<Transfer> transfers = scenario.transfers();
        transferTo = new int[transfers.size()][];
        transferShare = new long[transfers.size()][];
        transferSd = new long[transfers.size()][];
        for (int t = 0; t < transfers.size(); t++) {
            Transfer tr = transfers.get(t);
            String field = "transfers[" + t + "]";
            int from = knownParty(tr.from(), field + ".from");
            if (!standsDown[from]) throw new ScenarioException(field + ".from", "'" + tr.from() + "' does not stand down anywhere (see standDowns)");
            if (transferOf[from] >= 0) throw new ScenarioException(field + ".from", "'" + tr.from() + "' already has a transfer");
            transferOf[from] = t;
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
        requireBetween(scenario.constituencySd(), 0, 100, "constituencySd", "a standard deviation in percentage points");
        constituencySd = FixedPoint.millionths(scenario.constituencySd());
        localNoiseVotes = new double[cs];
        for (int c = 0; c < cs; c++) localNoiseVotes[c] = total[c] * (double) constituencySd / FixedPoint.HUNDRED_MILLION;
        if (scenario.ams().listSeats() < 0) throw new ScenarioException("ams.listSeats", "must not be negative");
        if (scenario.ams().perConstituencies() < 1) throw new ScenarioException("ams.perConstituencies", "must be at least 1");
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
