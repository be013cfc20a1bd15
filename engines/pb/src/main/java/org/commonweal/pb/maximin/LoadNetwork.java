package org.commonweal.pb.maximin;

import org.commonweal.pb.Rational;

/**
 * A set of projects and the voters who approve them, as a flow network, for the one question the maximin
 * support rule asks of a set W: how evenly can the costs of W be shared among their approvers? The smallest
 * possible heaviest share (pabutools' optimal "max load") is, by max-flow/min-cut, exactly
 * max over non-empty S ⊆ W of cost(S) / N(S), N(S) being the voters approving at least one project of S:
 * the voters of S can pay only for S, and a flow shows that the heaviest such group can be met. Its
 * reciprocal, min N(S)/cost(S), is the maximin support (voters backing each unit of money).
 *
 * <p>Whether some S has cost(S)/N(S) &gt; p/q is one maximum-closure problem: source → project (q·cost),
 * project → approving voter class (unbounded), voter class → sink (p·voters). A positive closure
 * q·cost(S) − p·N(S) exists exactly when the cut is less than q·cost(W). Iterating on the ratio of the set
 * found (Dinkelbach) reaches the exact maximum in a few flows, with integer capacities throughout.
 *
 * @param costs   cost of each project of W (local indices 0..P-1)
 * @param voters  number of voters in each class; a class is voters with the same approvals within W
 * @param members the projects of W each class approves (local indices)
 */
record LoadNetwork(long[] costs, long[] voters, int[][] members) {

    /** A set S with its cost and approvers: the heaviest group is the S of greatest cost(S)/N(S). */
    record Group(long cost, long voters, boolean[] projects) {
        /** The heaviest share, in the instance's money units per voter; a group of free projects carries 0. */
        Rational load() {
            if (voters == 0) {
                if (cost != 0) throw new IllegalStateException("a project nobody approves has no finite load");
                return Rational.ZERO;
            }
            return Rational.of(cost, voters);
        }
    }

    /** The whole set W as a group. */
    Group all() {
        boolean[] every = new boolean[costs.length];
        java.util.Arrays.fill(every, true);
        return group(every);
    }

    Group group(boolean[] projects) {
        long cost = 0, n = 0;
        for (int i = 0; i < costs.length; i++) if (projects[i]) cost = Math.addExact(cost, costs[i]);
        for (int v = 0; v < voters.length; v++) {
            for (int i : members[v]) {
                if (projects[i]) {
                    n += voters[v];
                    break;
                }
            }
        }
        return new Group(cost, n, projects);
    }

    /** Whether some group's load cost(S)/N(S) exceeds p/q (q &gt; 0); if so, the group found, else null. */
    Group heavierThan(long p, long q) {
        int projects = costs.length, source = 0, sink = 1;
        // Most of the flow goes straight from a project to one of its voter classes: route that greedily first,
        // so that the augmenting-path search only has the remainder to find.
        long[] projectLeft = new long[projects], classLeft = new long[voters.length];
        long total = 0;
        for (int i = 0; i < projects; i++) {
            projectLeft[i] = Math.multiplyExact(q, costs[i]);
            total = Math.addExact(total, projectLeft[i]);
        }
        long[][] direct = new long[voters.length][];
        long routed = 0;
        for (int v = 0; v < voters.length; v++) {
            classLeft[v] = Math.multiplyExact(p, voters[v]);
            direct[v] = new long[members[v].length];
            for (int j = 0; j < members[v].length && classLeft[v] > 0; j++) {
                int i = members[v][j];
                long amount = Math.min(projectLeft[i], classLeft[v]);
                direct[v][j] = amount;
                projectLeft[i] -= amount;
                classLeft[v] -= amount;
                routed += amount;
            }
        }
        MaxFlow flow = new MaxFlow(2 + projects + voters.length);
        for (int i = 0; i < projects; i++) {
            long cap = Math.multiplyExact(q, costs[i]);
            flow.addEdge(source, 2 + i, cap, cap - projectLeft[i]);
        }
        for (int v = 0; v < voters.length; v++) {
            int node = 2 + projects + v;
            for (int j = 0; j < members[v].length; j++) flow.addEdge(2 + members[v][j], node, MaxFlow.INFINITE, direct[v][j]);
            long cap = Math.multiplyExact(p, voters[v]);
            flow.addEdge(node, sink, cap, cap - classLeft[v]);
        }
        if (total == 0 || routed == total || Math.addExact(routed, flow.run(source, sink)) == total) return null;
        boolean[] side = flow.sourceSide(source);
        boolean[] chosen = new boolean[projects];
        for (int i = 0; i < projects; i++) chosen[i] = side[2 + i];
        return group(chosen);
    }

    /**
     * The heaviest group, exactly: start from {@code start} (a group whose load is attained, or null for the
     * whole set) and move to a heavier group while one exists. A set of free projects has load 0.
     */
    Group heaviest(Group start) {
        Group best = start != null ? start : all();
        while (true) {
            Rational load = best.load();
            Group heavier = heavierThan(load.numerator().longValueExact(), load.denominator().longValueExact());
            if (heavier == null) return best;
            best = heavier;
        }
    }
}
