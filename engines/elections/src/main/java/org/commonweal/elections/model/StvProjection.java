package org.commonweal.elections.model;

import org.commonweal.elections.apportionment.Lot;

import org.commonweal.elections.fptp.FirstPastThePost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects a single transferable vote count in one multi-member seat from party first preferences and a
 * transfer matrix, as the published STV projections do. Each party fields as many candidates as it could
 * elect plus one (at most the seats), and its voters give their next preferences to its own candidates, so
 * a party's votes move between its candidates without loss. The Droop quota is ⌊votes / (seats + 1)⌋ + 1.
 * Round by round: the party with the most votes at or above a quota elects a candidate and keeps the surplus
 * for its others; otherwise the weakest candidate (the party's votes spread over its candidates still in)
 * is excluded. A party's votes leave it only when its last candidate is elected or excluded, going to the
 * other parties still in by the matrix row (the fractions to parties already out are shared among those
 * still in, in proportion to their fractions; the rest of the row exhausts). When as many candidates are
 * left as seats, they are all elected. Every round removes one candidate, and the parties field at least as
 * many candidates as seats, so exactly {@code seats} are elected. Equal votes are decided by lot.
 */
public final class StvProjection {
    private StvProjection() {
    }

    /**
     * @param votes     first preferences by party (parties without votes take no part)
     * @param transfers for each party, the millionths of its votes that go to each other party
     * @return seats by party, most first
     */
    public static Map<String, Integer> project(Map<String, Long> votes, int seats, Map<String, Map<String, Long>> transfers, Lot lot) {
        if (seats < 1) throw new IllegalArgumentException("seats must be at least 1, got " + seats);
        List<String> parties = votes.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted(lot.order()).toList();
        if (parties.isEmpty()) throw new IllegalArgumentException("no party has votes");
        int n = parties.size();
        long[] held = new long[n];
        long all = 0;
        for (int p = 0; p < n; p++) {
            held[p] = votes.get(parties.get(p));
            all += held[p];
        }
        long quota = all / (seats + 1) + 1;
        int[] standing = new int[n];
        int fielded = 0;
        for (int p = 0; p < n; p++) {
            standing[p] = (int) Math.min(seats, held[p] / quota + 1);
            fielded += standing[p];
        }
        while (fielded < seats) {
            int most = 0;
            for (int p = 1; p < n; p++) if (standing[p] < seats && weaker(held, standing, most, p)) most = p;
            standing[most]++;
            fielded++;
        }
        int[] elected = new int[n];
        int left = seats;
        while (left > 0) {
            int candidates = 0;
            for (int p = 0; p < n; p++) candidates += standing[p];
            if (candidates <= left) {
                for (int p = 0; p < n; p++) elected[p] += standing[p];
                break;
            }
            int top = -1;
            for (int p = 0; p < n; p++) if (standing[p] > 0 && held[p] >= quota && (top < 0 || held[p] > held[top])) top = p;
            if (top >= 0) {
                elected[top]++;
                standing[top]--;
                left--;
                held[top] -= quota;
                if (standing[top] == 0) transfer(top, parties, held, standing, transfers);
                continue;
            }
            int weakest = -1;
            for (int p = 0; p < n; p++) if (standing[p] > 0 && (weakest < 0 || weaker(held, standing, p, weakest))) weakest = p;
            standing[weakest]--;
            if (standing[weakest] == 0) transfer(weakest, parties, held, standing, transfers);
        }
        Map<String, Integer> out = new HashMap<>();
        for (int p = 0; p < n; p++) if (elected[p] > 0) out.put(parties.get(p), elected[p]);
        return FirstPastThePost.sortedBySeats(out);
    }

    /** Whether party a's candidates each hold fewer votes than b's (parties are in lot order, so a tie goes to the later one). */
    private static boolean weaker(long[] held, int[] standing, int a, int b) {
        long left = held[a] * standing[b];
        long right = held[b] * standing[a];
        return left != right ? left < right : a > b;
    }

    private static void transfer(int from, List<String> parties, long[] held, int[] standing, Map<String, Map<String, Long>> transfers) {
        long amount = held[from];
        held[from] = 0;
        Map<String, Long> row = transfers.getOrDefault(parties.get(from), Map.of());
        long rowTotal = 0;
        long stillIn = 0;
        for (int p = 0; p < parties.size(); p++) {
            long share = row.getOrDefault(parties.get(p), 0L);
            rowTotal += share;
            if (standing[p] > 0 && p != from) stillIn += share;
        }
        if (amount == 0 || stillIn == 0) return;
        for (int p = 0; p < parties.size(); p++) {
            long share = row.getOrDefault(parties.get(p), 0L);
            if (standing[p] == 0 || p == from || share == 0) continue;
            held[p] += amount * share / stillIn * rowTotal / FixedPoint.MILLION;
        }
    }
}
