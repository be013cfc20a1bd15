// Meek's method: I. D. Hill, B. A. Wichmann and D. R. Woodall, "Algorithm 123 - Single Transferable
// Vote by Meek's method", The Computer Journal 30(3):277-281, 1987.
package org.commonweal.elections.stv;

import java.util.Arrays;

/**
 * Every candidate has a keep factor: a paper reaching a candidate leaves that fraction of its remaining
 * value with them and passes the rest on (hopeful 1, excluded 0, elected less than 1). The arithmetic is
 * the PR Foundation's Meek reference rule (prfound.org, "Reference Meek Rule"): nine decimal places; each
 * share a candidate keeps is rounded up; the quota is the votes held by candidates over seats + 1,
 * truncated, plus 10^-9, so it falls as papers exhaust; the total surplus is the sum of every elected
 * candidate's vote minus the quota (not below 0); while it is 0.000001 or more and still falling, each
 * elected keep factor becomes kf × quota (rounded up) ÷ vote (rounded up). Every figure is therefore exact
 * and repeatable. Ties use the same look-back-then-lot rule as the other counts (the reference rule
 * instead treats candidates within the surplus of the lowest as tied and breaks ties by a fixed order).
 */
public final class MeekStv implements CountingRule {
    private static final FixedPoint NINE_DECIMALS = new FixedPoint(9);
    /** Convergence limit: iterate until the elected candidates' total surplus is below one millionth of a vote. */
    private static final long TOLERANCE = NINE_DECIMALS.one() / 1_000_000;
    private static final int MAX_ITERATIONS = 10_000;

    @Override
    public String name() {
        return "meek";
    }

    @Override
    public CountReport count(Election election, long seed) {
        return new Count(election, seed).run();
    }

    private static final class Count {
        private final Election election;
        private final Ballots ballots;
        private final int n;
        private final long one = NINE_DECIMALS.one();
        private final long[] keep;
        private final long[] votes;
        private final CountLog log;
        private long exhausted;
        private long quota;
        /** Papers whose first non-excluded preference is hopeful move wholly and need no recount per iteration. */
        private final long[] settledVotes;
        private long settledExhausted;
        private int[] unsettled = new int[0];
        private int settledFor = -1;

        Count(Election election, long seed) {
            this.election = election;
            this.ballots = election.ballots();
            this.n = election.candidateCount();
            this.keep = new long[n];
            Arrays.fill(keep, one);
            this.votes = new long[n];
            this.settledVotes = new long[n];
            this.log = new CountLog(election, seed);
        }

        CountReport run() {
            distribute();
            record(StageKind.FIRST_PREFERENCES, -1, "first preferences");
            while (!log.fillLastVacancies()) {
                log.electInOrder(log.reaching(votes, quota), votes, "order of election");
                if (log.fillLastVacancies()) break;
                if (surplus() >= TOLERANCE) {
                    int iterations = converge();
                    record(StageKind.KEEP_FACTORS, -1, "keep factors recalculated (" + iterations + " iteration" + (iterations == 1 ? "" : "s") + ")");
                    if (!log.reaching(votes, quota).isEmpty()) continue;
                }
                int c = log.pickLowest(log.hopeful(), votes, "lowest candidate excluded");
                log.exclude(c);
                keep[c] = 0;
                distribute();
                record(StageKind.EXCLUSION, c, "exclusion of " + log.name(c));
            }
            return log.report("meek", NINE_DECIMALS.decimals(), quota);
        }

        /** One pass of Algorithm 123: share every paper out by the keep factors and recompute the quota. */
        private void distribute() {
            if (settledFor != log.decided()) settle();
            System.arraycopy(settledVotes, 0, votes, 0, n);
            long lost = settledExhausted;
            for (int g : unsettled) {
                int[] ranking = ballots.ranking(g);
                long papers = ballots.papers(g);
                long weight = one;
                for (int i = 0; i < ranking.length && weight > 0; i++) {
                    int c = ranking[i];
                    long k = keep[c];
                    if (k == 0) continue;
                    // weight and k are about 10^9, so their product fits a long; the share is rounded up (never above the weight).
                    long share = k == one ? weight : Math.min(weight, (weight * k + one - 1) / one);
                    votes[c] += papers * share;
                    weight -= share;
                }
                lost += papers * weight;
            }
            exhausted = lost;
            long active = NINE_DECIMALS.of(ballots.totalPapers()) - exhausted;
            quota = active / (election.seats() + 1) + 1;
        }

        /**
         * Splits the papers, for the current standings, into those that reach a hopeful candidate (keep
         * factor 1) or nobody before any elected candidate, whose whole value lands in one place whatever
         * the keep factors, and the rest, which each iteration must share out again.
         */
        private void settle() {
            Arrays.fill(settledVotes, 0);
            settledExhausted = 0;
            int[] rest = new int[ballots.size()];
            int count = 0;
            for (int g = 0; g < ballots.size(); g++) {
                int[] ranking = ballots.ranking(g);
                int i = 0;
                while (i < ranking.length && keep[ranking[i]] == 0) i++;
                long value = ballots.papers(g) * one;
                if (i == ranking.length) {
                    settledExhausted += value;
                } else if (log.isHopeful(ranking[i])) {
                    settledVotes[ranking[i]] += value;
                } else {
                    rest[count++] = g;
                }
            }
            unsettled = Arrays.copyOf(rest, count);
            settledFor = log.decided();
        }

        /** PRF rule B.2.d: the sum of every elected candidate's vote minus the quota (a shortfall counts too), not below 0. */
        private long surplus() {
            long s = 0;
            for (int c = 0; c < n; c++) if (log.isElected(c)) s += votes[c] - quota;
            return Math.max(0, s);
        }

        /** Rescales elected keep factors until the surplus is within tolerance, stops falling, or someone reaches the quota. */
        private int converge() {
            int iterations = 0;
            long last = Long.MAX_VALUE;
            while (iterations < MAX_ITERATIONS) {
                long s = surplus();
                if (s < TOLERANCE || s >= last) break;
                last = s;
                // PRF rule B.2.f: kf × q rounded up to nine decimals, then divided by v and rounded up again.
                for (int c = 0; c < n; c++) {
                    if (log.isElected(c) && votes[c] > 0) keep[c] = NINE_DECIMALS.divideCeil(NINE_DECIMALS.multiplyCeil(keep[c], quota), votes[c]);
                }
                distribute();
                iterations++;
                if (!log.reaching(votes, quota).isEmpty()) break;
            }
            return iterations;
        }

        private void record(StageKind kind, int subject, String description) {
            log.record(kind, subject, description, votes, exhausted, 0, quota, keep);
        }
    }
}
