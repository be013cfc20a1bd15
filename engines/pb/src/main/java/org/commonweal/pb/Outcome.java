package org.commonweal.pb;

import java.util.List;

/**
 * What a rule decided: funded projects (indices into the instance's projects, in the order they were
 * chosen), the spend, and one {@link Verdict} per project explaining why. Explanations are data; the
 * CLI and platform render them into words.
 */
public record Outcome(String rule, List<Integer> selected, long totalCost, List<Verdict> verdicts, TieBreak tieBreak) {
    public Outcome {
        selected = List.copyOf(selected);
        verdicts = List.copyOf(verdicts);
    }

    /** Why one project was or was not funded. {@code reason} is rule-specific data. */
    public record Verdict(int project, boolean funded, int round, Reason reason) {
    }

    /** Rule-specific explanation records implement this (e.g. greedy's budget left when reached, MES payments). */
    public interface Reason {
    }
}
