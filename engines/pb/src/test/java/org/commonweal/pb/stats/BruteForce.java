package org.commonweal.pb.stats;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.mes.Utility;

/** The axioms straight from their definitions, over every set of projects and every group of voters: tiny instances only. */
final class BruteForce {
    private final int m;
    private final int n;
    private final long budget;
    private final long[] cost;
    private final long[] value;
    private final int[] ballot; // bit mask of approved projects per voter
    private final int won;

    BruteForce(Instance instance, Outcome outcome, Utility u) {
        m = instance.projects().size();
        n = instance.ballots().size();
        budget = instance.budget();
        cost = new long[m];
        value = new long[m];
        for (int p = 0; p < m; p++) {
            cost[p] = instance.projects().get(p).cost();
            value[p] = u == Utility.COST ? cost[p] : 1;
        }
        ballot = new int[n];
        for (int v = 0; v < n; v++) for (int p : instance.ballots().get(v).projects()) ballot[v] |= 1 << p;
        int w = 0;
        for (int p : outcome.selected()) w |= 1 << p;
        won = w;
    }

    private long value(int set) {
        return sum(value, set);
    }

    private long cost(int set) {
        return sum(cost, set);
    }

    private long sum(long[] of, int set) {
        long s = 0;
        for (int p = 0; p < m; p++) if ((set & (1 << p)) != 0) s += of[p];
        return s;
    }

    boolean violates(JustifiedRepresentation.Axiom axiom) {
        for (int t = 1; t < (1 << m); t++) {
            long uT = value(t), cT = cost(t);
            int approving = 0;
            for (int v = 0; v < n; v++) if ((ballot[v] & t) == t) approving |= 1 << v;
            for (int s = approving; s > 0; s = (s - 1) & approving) { // every group of voters approving all of T
                if ((long) Integer.bitCount(s) * budget < cT * n) continue;
                if (axiom == JustifiedRepresentation.Axiom.PJR) {
                    int union = 0;
                    for (int v = 0; v < n; v++) if ((s & (1 << v)) != 0) union |= ballot[v] & won;
                    if (value(union) < uT) return true;
                    continue;
                }
                boolean someoneContent = false;
                for (int v = 0; v < n; v++) {
                    if ((s & (1 << v)) == 0) continue;
                    long mine = value(ballot[v] & won);
                    if (mine >= uT) someoneContent = true;
                    if (axiom == JustifiedRepresentation.Axiom.EJR_UP_TO_ONE) {
                        for (int a = 0; a < m; a++) {
                            if ((t & (1 << a)) != 0 && (won & (1 << a)) == 0 && mine + value[a] > uT) someoneContent = true;
                        }
                    }
                }
                if (!someoneContent) return true;
            }
        }
        return false;
    }

    boolean dominated() {
        for (int w = 0; w < (1 << m); w++) {
            if (cost(w) > budget) continue;
            boolean noneWorse = true, someBetter = false;
            for (int v = 0; v < n; v++) {
                long now = value(ballot[v] & won), then = value(ballot[v] & w);
                if (then < now) noneWorse = false;
                if (then > now) someBetter = true;
            }
            if (noneWorse && someBetter) return true;
        }
        return false;
    }

}
