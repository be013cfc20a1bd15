package org.commonweal.pb.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.mes.Utility;

/**
 * An outcome seen through approval ballots, as the proportionality axioms need it: voters with the same set of
 * projects are one group with a multiplicity (real elections have far fewer distinct ballots than voters), each
 * group knows its approved projects as a bit set and its satisfaction with the outcome, and each project its
 * supporting groups. Utilities are cost (a funded approved project is worth its cost) or cardinality (1).
 */
final class ApprovalProfile {
    final Instance instance;
    final Utility utility;
    final int projects;
    final long[] cost;
    final long[] value;
    final boolean[] funded;
    final int[][] sets;
    final long[] mass;
    final long[][] bits;
    final long[] satisfaction;
    final int[][] supporters;
    final long voters;

    ApprovalProfile(Instance instance, Outcome outcome, Utility utility) {
        if (utility != Utility.COST && utility != Utility.CARDINALITY) {
            throw new IllegalArgumentException("proportionality axioms are checked for cost or cardinality utilities, not " + utility.cliName());
        }
        this.instance = instance;
        this.utility = utility;
        projects = instance.projects().size();
        cost = new long[projects];
        value = new long[projects];
        for (int p = 0; p < projects; p++) {
            cost[p] = instance.projects().get(p).cost();
            value[p] = utility == Utility.COST ? cost[p] : 1;
        }
        funded = new boolean[projects];
        for (int p : outcome.selected()) funded[p] = true;

        Map<List<Integer>, Integer> index = new HashMap<>();
        List<int[]> distinct = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        for (Ballot b : instance.ballots()) {
            int[] set = Arrays.stream(b.projects()).distinct().sorted().toArray();
            Integer g = index.putIfAbsent(Arrays.stream(set).boxed().toList(), distinct.size());
            if (g == null) {
                distinct.add(set);
                counts.add(new long[]{1});
            } else {
                counts.get(g)[0]++;
            }
        }
        int groups = distinct.size();
        sets = distinct.toArray(new int[0][]);
        mass = new long[groups];
        int words = (projects + 63) / 64;
        bits = new long[groups][words];
        satisfaction = new long[groups];
        int[] supportCount = new int[projects];
        for (int g = 0; g < groups; g++) {
            mass[g] = counts.get(g)[0];
            for (int p : sets[g]) {
                bits[g][p >> 6] |= 1L << p;
                supportCount[p]++;
                if (funded[p]) satisfaction[g] += value[p];
            }
        }
        supporters = new int[projects][];
        for (int p = 0; p < projects; p++) supporters[p] = new int[supportCount[p]];
        int[] filled = new int[projects];
        for (int g = 0; g < groups; g++) for (int p : sets[g]) supporters[p][filled[p]++] = g;
        voters = instance.ballots().size();
    }

    int groups() {
        return sets.length;
    }

    boolean approves(int group, int project) {
        return (bits[group][project >> 6] & (1L << project)) != 0;
    }

    /** Whether {@code size} voters are entitled to projects costing {@code projectsCost}: size/n ≥ cost/budget. */
    boolean cohesive(long size, long projectsCost) {
        try {
            return Math.multiplyExact(size, instance.budget()) >= Math.multiplyExact(projectsCost, voters);
        } catch (ArithmeticException overflow) {
            return java.math.BigInteger.valueOf(size).multiply(java.math.BigInteger.valueOf(instance.budget()))
                    .compareTo(java.math.BigInteger.valueOf(projectsCost).multiply(java.math.BigInteger.valueOf(voters))) >= 0;
        }
    }
}
