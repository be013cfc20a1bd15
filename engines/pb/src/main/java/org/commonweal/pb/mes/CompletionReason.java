package org.commonweal.pb.mes;

import org.commonweal.pb.Outcome;

/**
 * Why a project's status came from a completion step rather than from MES itself:
 * {@code GREEDY_FILL} — added by the utilitarian greedy completion (add1u) with {@code votes} votes;
 * {@code COMPARISON} — the comparison step replaced the MES outcome by the greedy one, because
 * {@code preferGreedy} voters were better off under greedy against {@code preferMes} better off under MES.
 */
public record CompletionReason(Step step, long votes, long preferGreedy, long preferMes) implements Outcome.Reason {
    public enum Step { GREEDY_FILL, COMPARISON }
}
