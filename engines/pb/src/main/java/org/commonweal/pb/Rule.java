package org.commonweal.pb;

/** A rule that decides which projects are funded. Implementations are stateless and deterministic. */
public interface Rule {
    /** The name used in the CLI, the API and the UI, e.g. "greedy", "mes". */
    String name();

    Outcome outcome(Instance instance, TieBreak tieBreak);
}
