package org.commonweal.pb.greedy;

import org.commonweal.pb.Outcome;

/** Why a greedy rule funded a project or passed it over. Money is in the instance's scaled units. */
public sealed interface GreedyReason extends Outcome.Reason {
    /** The project's score (see {@link ProjectScores}); greedy-cost orders by score per cost but reports the score itself. */
    long score();

    /** Funded before the rule began, as the initial budget allocation it was given says: {@code budgetAfter} remained. */
    record Initial(long score, long budgetBefore, long budgetAfter) implements GreedyReason {
    }

    /** Funded when reached: {@code budgetBefore} was left, {@code budgetAfter} remained. */
    record Funded(long score, long budgetBefore, long budgetAfter) implements GreedyReason {
    }

    /** Reached, but it cost more than the {@code budgetLeft}. */
    record DidNotFit(long score, long cost, long budgetLeft) implements GreedyReason {
    }

    /** Never eligible: its score is below the minimum the rules set (META min_project_score_threshold). */
    record BelowThreshold(long score, long threshold) implements GreedyReason {
    }

    /** Never eligible once {@code rival}, a project it is mutually exclusive with, was funded. */
    record Excluded(long score, int rival) implements GreedyReason {
    }

    /**
     * It fitted in the money left, but funding it would pass the cap on projects whose {@code column}
     * (category or target) lists {@code value}: only {@code capLeft} of that cap was left.
     */
    record OverLimit(long score, long cost, String column, String value, long capLeft) implements GreedyReason {
    }

    /** Not considered: the rule stops at the first project that does not fit ({@code stoppedAt}, a project index). */
    record AfterStop(long score, int stoppedAt) implements GreedyReason {
    }
}
