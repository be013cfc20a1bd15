package org.commonweal.opinion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One update of Polis's math (conversation.clj's small-conv-update) over the whole vote history: PCA, projections,
 * base clusters, group clusters with k chosen by silhouette and smoothed over updates, group votes, repness,
 * consensus, group-aware consensus and statement priorities. Deterministic: the same state and votes give the same
 * analysis (the only randomness, a cold PCA's start vector, is seeded).
 */
public final class OpinionMath {
    private OpinionMath() {
    }

    /**
     * @param previous the {@link Analysis#state()} of the last update of this conversation, or null for the first
     * @param votes    every vote so far (the math is recomputed from the full matrix, warm-started from the state)
     */
    public static Analysis update(OpinionState previous, VoteMatrix votes) {
        return update(previous, votes, Options.POLIS);
    }

    public static Analysis update(OpinionState previous, VoteMatrix m, Options options) {
        int cols = m.statementCount();
        long[] tids = m.statements;

        Map<Long, Integer> userVoteCounts = new TreeMap<>();
        for (int r = 0; r < m.participantCount(); r++) userVoteCounts.put(m.participants[r], m.rowStart[r + 1] - m.rowStart[r]);
        Set<Long> inConversation = InConversation.of(m, previous == null ? Set.of() : previous.inConversation());

        PowerPca pcaMath = new PowerPca(m);
        List<double[]> components = pcaMath.components(tids, previous == null ? List.of() : previous.componentStatements(),
                previous == null ? null : previous.components(), options);
        Point[] projected = PowerPca.projectParticipants(m, pcaMath.center, components);
        Point[] statementPoints = PowerPca.projectStatements(cols, pcaMath.center, components);
        double[] extremity = new double[cols];
        for (int c = 0; c < cols; c++) extremity[c] = Math.sqrt(statementPoints[c].squaredDistance(new Point(0, 0)));
        Map<Long, Point> projections = new TreeMap<>();
        for (int r = 0; r < projected.length; r++) projections.put(m.participants[r], projected[r]);

        List<KMeans.Item> inConv = new ArrayList<>();
        for (long p : inConversation) inConv.add(new KMeans.Item(p, projections.get(p)));
        List<Cluster> baseClusters = sortedById(KMeans.run(inConv, options.baseK(),
                previous == null ? null : previous.baseClusters(), options.baseIterations(), null));

        GroupChoice choice = chooseGroups(baseClusters, previous, options);
        List<Group> groups = groups(choice.clusters(), baseClusters);

        int[][][] raw = countByGroup(m, groups, false);
        int[][][] zeroed = countByGroup(m, groups, true);
        Map<Integer, Map<Long, VoteCounts>> groupVotes = groupVotes(groups, raw, tids);

        Map<Long, Double> groupAwareConsensus = new TreeMap<>();
        if (!groups.isEmpty()) {
            for (int c = 0; c < cols; c++) {
                double product = 1;
                for (int g = 0; g < groups.size(); g++) product *= (raw[g][c][0] + 1.0) / (raw[g][c][2] + 2.0);
                groupAwareConsensus.put(tids[c], product);
            }
        }

        // Polis ranks statements by the previous update's group votes; a first update uses its own.
        Map<Integer, Map<Long, VoteCounts>> priorityVotes = previous == null ? groupVotes : previous.groupVotes();
        Map<Long, Double> priorities = new TreeMap<>();
        for (int c = 0; c < cols; c++) {
            int a = 0;
            int d = 0;
            int s = 0;
            for (Map<Long, VoteCounts> byStatement : priorityVotes.values()) {
                VoteCounts v = byStatement.get(tids[c]);
                if (v == null) continue;
                a += v.agree();
                d += v.disagree();
                s += v.seen();
            }
            priorities.put(tids[c], Priorities.priority(m.meta[c], a, s - a - d, s, extremity[c]));
        }

        Map<Integer, List<RepStatement>> repness = Repness.select(groups, zeroed, m);
        Consensus consensus = ConsensusSelection.select(m);

        List<Long> statementIds = m.statementIds();
        Pca pca = new Pca(statementIds, pcaMath.center, components, List.of(statementPoints), extremity);
        OpinionState state = new OpinionState(statementIds, components, baseClusters, choice.clusterings(), choice.smoother(),
                inConversation, groupVotes);
        return new Analysis(m.participantCount(), cols, userVoteCounts, inConversation, projections, pca, baseClusters,
                groups, groupVotes, repness, consensus, groupAwareConsensus, priorities, state);
    }

    private record GroupChoice(List<Cluster> clusters, Map<Integer, List<Cluster>> clusterings, KSmoother smoother) {
    }

    /** Group clusterings for k = 2 .. min(maxK, 2 + base clusters / 12), the best by silhouette, k-smoothed. */
    private static GroupChoice chooseGroups(List<Cluster> baseClusters, OpinionState previous, Options options) {
        List<KMeans.Item> centres = new ArrayList<>();
        Map<Long, Integer> weights = new HashMap<>();
        Map<Long, Point> byId = new HashMap<>();
        for (Cluster b : baseClusters) {
            centres.add(new KMeans.Item(b.id(), b.center()));
            weights.put((long) b.id(), b.members().size());
            byId.put((long) b.id(), b.center());
        }
        int maxK = Math.min(options.maxK(), 2 + baseClusters.size() / 12);
        Map<Integer, List<Cluster>> clusterings = new LinkedHashMap<>();
        int bestK = -1;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= maxK && !centres.isEmpty(); k++) {
            List<Cluster> last = previous == null ? null : previous.groupClusterings().get(k);
            List<Cluster> clustering = sortedById(KMeans.run(centres, k, last, options.groupIterations(), weights));
            clusterings.put(k, clustering);
            double s = Silhouette.of(clustering, byId);
            if (bestK < 0 || s >= bestSilhouette) {
                bestK = k;
                bestSilhouette = s;
            }
        }
        if (bestK < 0) return new GroupChoice(List.of(), clusterings, previous == null ? null : previous.kSmoother());
        KSmoother last = previous == null ? null : previous.kSmoother();
        boolean same = last != null && last.lastK() == bestK;
        int count = same ? last.lastKCount() + 1 : 1;
        int smoothed = count >= options.groupKBuffer() || last == null ? bestK : last.smoothedK();
        if (!clusterings.containsKey(smoothed)) smoothed = bestK;
        return new GroupChoice(clusterings.get(smoothed), clusterings, new KSmoother(bestK, count, smoothed));
    }

    private static List<Group> groups(List<Cluster> groupClusters, List<Cluster> baseClusters) {
        Map<Long, Cluster> base = new HashMap<>();
        for (Cluster b : baseClusters) base.put((long) b.id(), b);
        List<Group> groups = new ArrayList<>();
        for (Cluster g : groupClusters) {
            List<Long> members = new ArrayList<>();
            List<Integer> bids = new ArrayList<>();
            for (long bid : g.members()) {
                members.addAll(base.get(bid).members());
                bids.add((int) bid);
            }
            members.sort(null);
            bids.sort(null);
            groups.add(new Group(g.id(), members, g.center(), bids));
        }
        return groups;
    }

    /** Per group, per column: {agree, disagree, seen}; {@code zeroed} counts moderated-out columns as all-pass. */
    private static int[][][] countByGroup(VoteMatrix m, List<Group> groups, boolean zeroed) {
        int cols = m.statementCount();
        int[][][] counts = new int[groups.size()][cols][3];
        for (int g = 0; g < groups.size(); g++) {
            for (long p : groups.get(g).members()) {
                int r = m.rowOf(p);
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    int c = m.columns[k];
                    if (zeroed && m.moderatedOut[c]) continue;
                    if (m.values[k] > 0) counts[g][c][0]++;
                    else if (m.values[k] < 0) counts[g][c][1]++;
                    counts[g][c][2]++;
                }
            }
            if (zeroed) {
                for (int c = 0; c < cols; c++) if (m.moderatedOut[c]) counts[g][c][2] = groups.get(g).members().size();
            }
        }
        return counts;
    }

    private static Map<Integer, Map<Long, VoteCounts>> groupVotes(List<Group> groups, int[][][] counts, long[] tids) {
        Map<Integer, Map<Long, VoteCounts>> result = new TreeMap<>();
        for (int g = 0; g < groups.size(); g++) {
            Map<Long, VoteCounts> byStatement = new TreeMap<>();
            for (int c = 0; c < tids.length; c++) byStatement.put(tids[c], new VoteCounts(counts[g][c][0], counts[g][c][1], counts[g][c][2]));
            result.put(groups.get(g).id(), byStatement);
        }
        return result;
    }

    private static List<Cluster> sortedById(List<Cluster> clusters) {
        List<Cluster> sorted = new ArrayList<>(clusters);
        sorted.sort(Comparator.comparingInt(Cluster::id));
        return sorted;
    }
}
