package org.commonweal.opinion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Representativeness (repness.clj): for each group and statement, how much more the group agrees (or disagrees)
 * than the other groups, and Polis's selection of at most five statements per group: those significant at 90 % both
 * within the group (pat/pdt) and against the rest (rat/rdt), sorted by repness × repness-test × p × p-test, with the
 * best-agree statement put first, agrees before disagrees; a group with none significant gets its best one.
 */
final class Repness {
    private static final int PICK = 5;

    /** One group's counts and statistics on one statement; rest = every other group together. */
    record Cell(long tid, int na, int nd, int ns, double pa, double pd, double pat, double pdt,
                 double ra, double rd, double rat, double rdt) {
        static Cell of(long tid, int na, int nd, int ns, int restA, int restD, int restS) {
            double pa = Stats.smoothed(na, ns);
            double pd = Stats.smoothed(nd, ns);
            return new Cell(tid, na, nd, ns, pa, pd, Stats.propTest(na, ns), Stats.propTest(nd, ns),
                    pa / Stats.smoothed(restA, restS), pd / Stats.smoothed(restD, restS),
                    Stats.twoPropTest(na, restA, ns, restS), Stats.twoPropTest(nd, restD, ns, restS));
        }

        boolean passes() {
            return (Stats.significant(rat) && Stats.significant(pat)) || (Stats.significant(rdt) && Stats.significant(pdt));
        }

        RepStatement finalised(boolean bestAgree) {
            return rat > rdt
                    ? new RepStatement(tid, Vote.AGREE, na, ns, pa, pat, ra, (float) rat, bestAgree)
                    : new RepStatement(tid, Vote.DISAGREE, nd, ns, pd, pdt, rd, (float) rdt, bestAgree);
        }
    }

    private Repness() {
    }

    /**
     * @param counts per group (in group order), per column: {agree, disagree, seen} over the zeroed matrix
     */
    static Map<Integer, List<RepStatement>> select(List<Group> groups, int[][][] counts, VoteMatrix m) {
        int cols = m.statementCount();
        Map<Integer, List<RepStatement>> result = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            List<RepStatement> sufficient = new ArrayList<>();
            RepStatement best = null;
            Cell bestAgree = null;
            for (int c = 0; c < cols; c++) {
                if (m.moderatedOut[c]) continue;
                int restA = 0;
                int restD = 0;
                int restS = 0;
                for (int o = 0; o < groups.size(); o++) {
                    if (o == g) continue;
                    restA += counts[o][c][0];
                    restD += counts[o][c][1];
                    restS += counts[o][c][2];
                }
                Cell s = Cell.of(m.statements[c], counts[g][c][0], counts[g][c][1], counts[g][c][2], restA, restD, restS);
                if (s.passes()) sufficient.add(s.finalised(false));
                if (sufficient.isEmpty() && (best == null || Math.max(s.rat(), s.rdt()) > best.repnessTest())) best = s.finalised(false);
                if (beatsBestAgree(s, bestAgree)) bestAgree = s;
            }
            List<RepStatement> head = new ArrayList<>();
            long bestAgreeTid = bestAgree == null ? Long.MIN_VALUE : bestAgree.tid();
            if (bestAgree != null) head.add(bestAgreeFinalised(bestAgree));
            else if (best != null) head.add(best);
            List<RepStatement> chosen;
            if (sufficient.isEmpty()) {
                chosen = head;
            } else {
                List<RepStatement> sorted = new ArrayList<>(sufficient.stream().filter(r -> r.statementId() != bestAgreeTid).toList());
                sorted.sort(Comparator.comparingDouble(Repness::metric).reversed());
                List<RepStatement> top = new ArrayList<>();
                if (bestAgree != null) top.add(bestAgreeFinalised(bestAgree));
                top.addAll(sorted);
                top = top.subList(0, Math.min(PICK, top.size()));
                chosen = new ArrayList<>(top.stream().filter(r -> r.repfulFor() == Vote.AGREE).toList());
                chosen.addAll(top.stream().filter(r -> r.repfulFor() == Vote.DISAGREE).toList());
            }
            result.put(groups.get(g).id(), List.copyOf(chosen));
        }
        return result;
    }

    private static RepStatement bestAgreeFinalised(Cell s) {
        return s.finalised(true);
    }

    static double metric(RepStatement r) {
        return r.repness() * (double) r.repnessTest() * r.pSuccess() * r.pTest();
    }

    /** Polis's beats-best-agr?: the agree statement that best speaks for the group, even if not significant. */
    private static boolean beatsBestAgree(Cell s, Cell current) {
        if (s.na() == 0 && s.nd() == 0) return false;
        if (current != null && current.ra() > 1.0) return s.ra() * s.rat() * s.pa() * s.pat() > current.ra() * current.rat() * current.pa() * current.pat();
        if (current != null) return s.pa() * s.pat() > current.pa() * current.pat();
        return Stats.significant(s.pat()) || (s.ra() > 1.0 && s.pa() > 0.5);
    }
}
