package org.commonweal.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches volunteers to requests. {@link #optimal} serves the most requests possible and, among all ways of serving
 * that many, travels the least (exact, to the metre); {@link #greedy} takes the cheapest pair first, as volunteer tools
 * commonly do, and is kept to show what the optimum gains.
 */
public final class Matcher {
    private Matcher() {
    }

    public static Matching optimal(Instance instance) {
        return optimal(instance, FeasiblePairs.of(instance));
    }

    /**
     * Each request sends one unit of flow either to a volunteer who meets every rule (costing the pair's metres) or,
     * unmatched, straight to the sink at a price dearer than any whole matching's travel. The cheapest flow therefore
     * matches as many requests as possible and, among those ways, travels least; a volunteer's edge to the sink carries
     * at most their capacity.
     */
    public static Matching optimal(Instance instance, FeasiblePairs pairs) {
        int vs = instance.volunteers().size(), rs = instance.requests().size();
        int sink = vs + rs;
        long dearest = 0;
        for (long c : pairs.costMetres) dearest = Math.max(dearest, c);
        long unmatched = (dearest + 1) * (rs + 1);
        MinCostFlow network = new MinCostFlow(vs + rs + 1, pairs.size() + vs + rs);
        int[] pairEdge = new int[pairs.size()];
        for (int i = 0; i < vs; i++) {
            for (int k = pairs.start[i]; k < pairs.start[i + 1]; k++) pairEdge[k] = network.addEdge(vs + pairs.request[k], i, 1, pairs.costMetres[k]);
        }
        for (int i = 0; i < vs; i++) network.addEdge(i, sink, instance.volunteers().get(i).capacity(), 0);
        int[] sources = new int[rs];
        for (int j = 0; j < rs; j++) {
            network.addEdge(vs + j, sink, 1, unmatched);
            sources[j] = vs + j;
        }
        network.sendFromEach(sources, sink);
        int[] volunteerOf = new int[rs];
        java.util.Arrays.fill(volunteerOf, -1);
        long[] costOf = new long[rs];
        for (int i = 0; i < vs; i++) {
            for (int k = pairs.start[i]; k < pairs.start[i + 1]; k++) {
                if (network.flow(pairEdge[k]) > 0) {
                    volunteerOf[pairs.request[k]] = i;
                    costOf[pairs.request[k]] = pairs.costMetres[k];
                }
            }
        }
        return result(instance, volunteerOf, costOf);
    }

    public static Matching greedy(Instance instance) {
        return greedy(instance, FeasiblePairs.of(instance));
    }

    /** Cheapest pair first (ties: volunteers, then requests, in input order), while both sides have room. */
    public static Matching greedy(Instance instance, FeasiblePairs pairs) {
        int n = pairs.size();
        // One sortable number per pair: its cost, then its position, so the sort needs no objects.
        long[] order = new long[n];
        for (int k = 0; k < n; k++) order[k] = pairs.costMetres[k] * n + k;
        java.util.Arrays.sort(order);
        int[] volunteer = pairs.volunteers();
        int rs = instance.requests().size();
        int[] room = instance.volunteers().stream().mapToInt(Volunteer::capacity).toArray();
        int[] volunteerOf = new int[rs];
        java.util.Arrays.fill(volunteerOf, -1);
        long[] costOf = new long[rs];
        for (long key : order) {
            int k = (int) (key % n);
            int v = volunteer[k], r = pairs.request[k];
            if (volunteerOf[r] >= 0 || room[v] == 0) continue;
            volunteerOf[r] = v;
            costOf[r] = pairs.costMetres[k];
            room[v]--;
        }
        return result(instance, volunteerOf, costOf);
    }

    private static Matching result(Instance instance, int[] volunteerOf, long[] costOf) {
        List<Match> matches = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        long total = 0;
        for (int j = 0; j < volunteerOf.length; j++) {
            String request = instance.requests().get(j).id();
            if (volunteerOf[j] < 0) {
                unmatched.add(request);
                continue;
            }
            matches.add(new Match(request, instance.volunteers().get(volunteerOf[j]).id(), costOf[j] / 1000.0));
            total += costOf[j];
        }
        return new Matching(matches, unmatched, total);
    }
}
