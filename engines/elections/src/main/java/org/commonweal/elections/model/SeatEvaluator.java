package org.commonweal.elections.model;

/**
 * Applies a scenario to one constituency, in this order: the polls' swings then the swings (in the order
 * listed); local factors and incumbency; in Monte Carlo runs the region's swing and local noise (these are
 * the votes before any pact, {@link #swung}, that the proportional comparisons count); withdrawals where a
 * party stands down everywhere or in listed seats; the best-placed alliance candidate among those left (most
 * votes after swing), for whom the other alliance parties with the {@code ally-best-placed} rule, and those
 * standing down for that party, withdraw, and to whom tactical votes and {@code ally} transfers go; tactical
 * votes; transfers, all computed from the votes before any transfer so their order does not matter; then
 * first past the post among the candidates still standing (the aggregate of others never wins; an equality
 * goes by lot). Votes stay whole numbers: each step rounds half up. Not thread-safe: one evaluator per thread.
 */
final class SeatEvaluator {
    private final CompiledScenario s;
    /** Votes of the constituency's candidates after the last {@link #evaluate}, by position in the constituency. */
    final long[] votes;
    /** Votes after swings, local factors and noise, before any stand-down, tactical vote or transfer. */
    final long[] swung;
    final boolean[] withdrawn;
    /** The best-placed alliance candidate still standing after the last {@link #evaluate} (position, -1 if none). */
    int bestAlly;
    private final long[] received;

    SeatEvaluator(CompiledScenario s) {
        this.s = s;
        votes = new long[s.maxCandidates];
        swung = new long[s.maxCandidates];
        withdrawn = new boolean[s.maxCandidates];
        received = new long[s.maxCandidates];
    }

    /** @return the winner's position within the constituency */
    int evaluate(int c, RunParameters run) {
        int first = s.start[c];
        int n = s.start[c + 1] - first;
        long total = s.total[c];
        for (int k = 0; k < n; k++) {
            int i = first + k;
            long v = s.base[i];
            for (int j = s.swingStart[i]; j < s.swingStart[i + 1]; j++) {
                int w = s.swingIndex[j];
                v = s.swingProportional[w]
                        ? FixedPoint.divideRounded(v * run.swingAmount()[w], FixedPoint.MILLION)
                        : v + FixedPoint.divideRounded(total * run.swingAmount()[w], FixedPoint.HUNDRED_MILLION);
                if (v < 0) v = 0;
            }
            if (s.bonus[i] != 0) v = Math.max(0, v + FixedPoint.divideRounded(total * s.bonus[i], FixedPoint.HUNDRED_MILLION));
            if (run.regionSwing() != null && !s.aggregate[i]) {
                long points = run.regionSwing()[s.region[c] * s.parties.length + s.party[i]];
                v = Math.max(0, v + FixedPoint.divideRounded(total * points, FixedPoint.HUNDRED_MILLION));
            }
            if (run.localNoise() != null && !s.aggregate[i]) {
                v = Math.max(0, v + Math.round(run.localNoise().nextGaussian() * s.localNoiseVotes[c]));
            }
            votes[k] = v;
            swung[k] = v;
            received[k] = 0;
        }
        for (int k = 0; k < n; k++) withdrawn[k] = s.withdrawnAlways[first + k];
        bestAlly = best(first, n, true, true);
        boolean anyWithdrawn = false;
        int beneficiary = bestAlly < 0 ? -1 : s.party[first + bestAlly];
        for (int k = 0; k < n; k++) {
            int i = first + k;
            withdrawn[k] |= s.withdrawsWhereAllyBetter[s.party[i]] && bestAlly >= 0 && beneficiary != s.party[i];
            withdrawn[k] |= beneficiary >= 0 && s.withdrawsFor[s.party[i]] == beneficiary;
            anyWithdrawn |= withdrawn[k];
        }
        if (bestAlly >= 0) voteTactically(first, n, beneficiary);
        if (anyWithdrawn) transfer(c, first, n, run, beneficiary);
        return best(first, n, false, true);
    }

    /** The candidate with the most votes before any pact (the aggregate of others never wins), as first past the post would elect. */
    int swungWinner(int first, int n) {
        int best = -1;
        for (int k = 0; k < n; k++) {
            if (s.aggregate[first + k]) continue;
            if (best < 0 || ahead(swung, first, k, best)) best = k;
        }
        return best;
    }

    private void voteTactically(int first, int n, int beneficiary) {
        for (int k = 0; k < n; k++) {
            int i = first + k;
            if (withdrawn[k] || s.tacticalShare[i] == 0 || s.party[i] == beneficiary) continue;
            long moving = votes[k] * s.tacticalShare[i] / FixedPoint.MILLION;
            votes[k] -= moving;
            votes[bestAlly] += moving;
        }
    }

    /** The party's transfer that holds in constituency c for this beneficiary: the most specific one, or -1. */
    private int transferFor(int p, int c, int beneficiary) {
        int chosen = -1;
        int specificity = -1;
        for (int t : s.transfersOf[p]) {
            int b = s.transferBeneficiary[t];
            if (b >= 0 && b != beneficiary) continue;
            if (!s.inArea(s.transferArea[t], c)) continue;
            int score = (b >= 0 ? 2 : 0) + (s.transferArea[t] >= 0 ? 1 : 0);
            if (score > specificity) {
                chosen = t;
                specificity = score;
            }
        }
        return chosen;
    }

    private void transfer(int c, int first, int n, RunParameters run, int beneficiary) {
        long standingVotes = 0;
        for (int k = 0; k < n; k++) if (!withdrawn[k]) standingVotes += votes[k];
        for (int k = 0; k < n; k++) {
            if (!withdrawn[k]) continue;
            int t = transferFor(s.party[first + k], c, beneficiary);
            if (t < 0) continue;
            int[] to = s.transferTo[t];
            long[] share = run.transferShare()[t];
            for (int j = 0; j < to.length; j++) {
                long moving = votes[k] * share[j] / FixedPoint.MILLION;
                if (moving == 0) continue;
                if (to[j] == CompiledScenario.TO_SPLIT) {
                    if (standingVotes == 0) continue;
                    for (int m = 0; m < n; m++) if (!withdrawn[m]) received[m] += moving * votes[m] / standingVotes;
                } else {
                    int target = to[j] == CompiledScenario.TO_ALLY ? bestAlly : to[j] >= 0 ? bestOfParty(first, n, to[j]) : -1;
                    if (target >= 0) received[target] += moving;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            if (withdrawn[k]) votes[k] = 0;
            else votes[k] += received[k];
        }
    }

    /** The leading candidate, optionally only alliance members or only those still standing; -1 if none. */
    int best(int first, int n, boolean alliesOnly, boolean standingOnly) {
        int best = -1;
        for (int k = 0; k < n; k++) {
            int i = first + k;
            if (s.aggregate[i] || (alliesOnly && !s.ally[s.party[i]]) || (standingOnly && withdrawn[k])) continue;
            if (best < 0 || ahead(votes, first, k, best)) best = k;
        }
        return best;
    }

    /** The runner-up to {@code winner} among the candidates standing; -1 if unopposed. */
    int runnerUp(int first, int n, int winner) {
        int second = -1;
        for (int k = 0; k < n; k++) {
            if (k == winner || s.aggregate[first + k] || withdrawn[k]) continue;
            if (second < 0 || ahead(votes, first, k, second)) second = k;
        }
        return second;
    }

    private int bestOfParty(int first, int n, int p) {
        int best = -1;
        for (int k = 0; k < n; k++) {
            int i = first + k;
            if (s.aggregate[i] || withdrawn[k] || s.party[i] != p) continue;
            if (best < 0 || ahead(votes, first, k, best)) best = k;
        }
        return best;
    }

    /** More votes; on equal votes the drawing of lots (ticket, then label), as in FirstPastThePost. */
    private boolean ahead(long[] votes, int first, int a, int b) {
        if (votes[a] != votes[b]) return votes[a] > votes[b];
        long ta = s.ticket[first + a];
        long tb = s.ticket[first + b];
        if (ta != tb) return ta < tb;
        return s.label[first + a].compareTo(s.label[first + b]) < 0;
    }
}
