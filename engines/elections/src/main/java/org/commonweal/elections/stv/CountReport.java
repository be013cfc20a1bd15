package org.commonweal.elections.stv;

import java.util.List;

/**
 * The full result of a count as data: every stage with every candidate's total, who was elected and
 * excluded when, and how each tie was settled. Vote figures are integers scaled by 10^{@code decimals};
 * {@code quota} is the quota of the last stage (only Meek's quota changes from stage to stage).
 */
public record CountReport(String rule, String title, List<String> candidates, int seats, long papers, int decimals,
                          long quota, List<Stage> stages, List<Integer> elected, List<Integer> excluded,
                          List<TieBreak> ties, long seed) {
    public CountReport {
        candidates = List.copyOf(candidates);
        stages = List.copyOf(stages);
        elected = List.copyOf(elected);
        excluded = List.copyOf(excluded);
        ties = List.copyOf(ties);
    }

    public List<String> electedNames() {
        return elected.stream().map(candidates::get).toList();
    }

    public String format(long scaled) {
        return FixedPoint.format(scaled, decimals);
    }

    /** The valid poll in scaled units. */
    public long poll() {
        return new FixedPoint(decimals).of(papers);
    }

    /** Stage number at which a candidate was elected, or 0. */
    public int electedAt(int candidate) {
        for (Stage s : stages) if (s.elected().contains(candidate)) return s.number();
        return 0;
    }

    /** Stage number at which a candidate was excluded, or 0. */
    public int excludedAt(int candidate) {
        for (Stage s : stages) if (s.excluded().contains(candidate)) return s.number();
        return 0;
    }
}
