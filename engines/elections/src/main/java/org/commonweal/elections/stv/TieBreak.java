package org.commonweal.elections.stv;

import java.util.List;

/**
 * How a tie met after stage {@code stage} was settled: by the most recent earlier stage at which the tied candidates differed
 * ({@code decidedAtStage} ≥ 1), or by lot ({@code decidedAtStage} = 0, drawn from the seeded lottery).
 */
public record TieBreak(int stage, String reason, List<Integer> tied, int chosen, int decidedAtStage, long seed) {
    public TieBreak {
        tied = List.copyOf(tied);
    }

    public boolean byLot() {
        return decidedAtStage == 0;
    }
}
