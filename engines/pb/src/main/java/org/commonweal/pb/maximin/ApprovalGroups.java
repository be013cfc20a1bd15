package org.commonweal.pb.maximin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;

/** Voters with the same approvals as one group with a count, and for each project the groups approving it. */
record ApprovalGroups(long[] counts, int[][] groupsOf) {
    static ApprovalGroups of(Instance instance) {
        Map<List<Integer>, Integer> index = new HashMap<>();
        List<int[]> sets = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        for (Ballot b : instance.ballots()) {
            int[] approved = Arrays.stream(b.projects()).distinct().sorted().toArray();
            Integer g = index.putIfAbsent(Arrays.stream(approved).boxed().toList(), sets.size());
            if (g == null) {
                sets.add(approved);
                counts.add(new long[]{1});
            } else {
                counts.get(g)[0]++;
            }
        }
        int m = instance.projects().size();
        int[] sizes = new int[m];
        for (int[] set : sets) for (int p : set) sizes[p]++;
        int[][] groupsOf = new int[m][];
        for (int p = 0; p < m; p++) groupsOf[p] = new int[sizes[p]];
        int[] filled = new int[m];
        for (int g = 0; g < sets.size(); g++) for (int p : sets.get(g)) groupsOf[p][filled[p]++] = g;
        return new ApprovalGroups(counts.stream().mapToLong(c -> c[0]).toArray(), groupsOf);
    }

    long[] support() {
        long[] support = new long[groupsOf.length];
        for (int p = 0; p < groupsOf.length; p++) for (int g : groupsOf[p]) support[p] += counts[g];
        return support;
    }

    boolean[] approvingAny(List<Integer> projects) {
        boolean[] approving = new boolean[counts.length];
        for (int p : projects) for (int g : groupsOf[p]) approving[g] = true;
        return approving;
    }
}
