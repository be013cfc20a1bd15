package org.commonweal.matching;

import java.util.ArrayList;
import java.util.Comparator;
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

    public static Matching optimal(Instance instance, FeasiblePairs pairs) {
        int vs = instance.volunteers().size(), rs = instance.requests().size();
        int source = 0, sink = vs + rs + 1;
        MinCostFlow network = new MinCostFlow(vs + rs + 2, pairs.size() + vs + rs);
        for (int i = 0; i < vs; i++) network.addEdge(source, 1 + i, instance.volunteers().get(i).capacity(), 0);
        int[] pairEdge = new int[pairs.size()];
        for (int i = 0; i < vs; i++) {
            for (int k = pairs.start[i]; k < pairs.start[i + 1]; k++) pairEdge[k] = network.addEdge(1 + i, 1 + vs + pairs.request[k], 1, pairs.costMetres[k]);
        }
        for (int j = 0; j < rs; j++) network.addEdge(1 + vs + j, sink, 1, 0);
        network.run(source, sink);
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

    /** Cheapest pair first (ties: the earlier request, then the earlier volunteer), while both sides have room. */
    public static Matching greedy(Instance instance, FeasiblePairs pairs) {
        List<long[]> all = new ArrayList<>(pairs.triples());
        all.sort(Comparator.<long[]>comparingLong(t -> t[2]).thenComparingLong(t -> t[1]).thenComparingLong(t -> t[0]));
        int rs = instance.requests().size();
        int[] room = instance.volunteers().stream().mapToInt(Volunteer::capacity).toArray();
        int[] volunteerOf = new int[rs];
        java.util.Arrays.fill(volunteerOf, -1);
        long[] costOf = new long[rs];
        for (long[] t : all) {
            int v = (int) t[0], r = (int) t[1];
            if (volunteerOf[r] >= 0 || room[v] == 0) continue;
            volunteerOf[r] = v;
            costOf[r] = t[2];
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
