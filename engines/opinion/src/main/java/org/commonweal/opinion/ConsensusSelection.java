package org.commonweal.opinion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Polis's overall consensus (repness.clj's select-consensus-comments) over every participant: statements with a
 * smoothed agree (or disagree) probability above one half and a significant one-proportion test, the five with
 * the largest p × p-test each way. Moderated-out statements are left out.
 */
final class ConsensusSelection {
    private static final int PICK = 5;

    private ConsensusSelection() {
    }

    static Consensus select(VoteMatrix m) {
        int cols = m.statementCount();
        int[] agree = new int[cols];
        int[] disagree = new int[cols];
        int[] seen = new int[cols];
        for (int k = 0; k < m.values.length; k++) {
            int c = m.columns[k];
            if (m.values[k] > 0) agree[c]++;
            else if (m.values[k] < 0) disagree[c]++;
            seen[c]++;
        }
        List<ConsensusStatement> agrees = new ArrayList<>();
        List<ConsensusStatement> disagrees = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            if (m.moderatedOut[c]) continue;
            ConsensusStatement a = statement(m.statements[c], agree[c], seen[c]);
            if (a.pSuccess() > 0.5 && Stats.significant(a.pTest())) agrees.add(a);
            ConsensusStatement d = statement(m.statements[c], disagree[c], seen[c]);
            if (d.pSuccess() > 0.5 && Stats.significant(d.pTest())) disagrees.add(d);
        }
        return new Consensus(top(agrees), top(disagrees));
    }

    private static ConsensusStatement statement(long tid, int success, int n) {
        return new ConsensusStatement(tid, success, n, Stats.smoothed(success, n), Stats.propTest(success, n));
    }

    private static List<ConsensusStatement> top(List<ConsensusStatement> candidates) {
        List<ConsensusStatement> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble((ConsensusStatement s) -> s.pSuccess() * s.pTest()).reversed());
        return sorted.subList(0, Math.min(PICK, sorted.size()));
    }
}
