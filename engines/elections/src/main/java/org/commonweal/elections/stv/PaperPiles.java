package org.commonweal.elections.stv;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of a count that moves ballot papers between candidates: which candidate holds each group of
 * identical papers, at what value per paper, and the stage-by-stage record. A group always moves as a
 * whole (its papers share a ranking and a value), so counting cost depends on distinct rankings only.
 */
final class PaperPiles {
    private static final byte HOPEFUL = 0;
    private static final byte ELECTED = 1;
    private static final byte EXCLUDED = 2;

    final Election election;
    final FixedPoint arithmetic;
    private final Ballots ballots;
    private final int n;
    private final byte[] state;
    private final int[] position;
    private final long[] value;
    private final IntList[] piles;
    private final long[] totals;
    private long nonTransferable;
    private long loss;

    private final TieBreaker ties;
    private final List<Stage> stages = new ArrayList<>();
    private final List<long[]> history = new ArrayList<>();
    private long[] previousTotals;
    private final List<Integer> elected = new ArrayList<>();
    private final List<Integer> excluded = new ArrayList<>();
    private final List<Integer> electedThisStage = new ArrayList<>();
    private final List<Integer> excludedThisStage = new ArrayList<>();

    PaperPiles(Election election, FixedPoint arithmetic, long seed) {
        this.election = election;
        this.arithmetic = arithmetic;
        this.ballots = election.ballots();
        this.n = election.candidateCount();
        this.state = new byte[n];
        this.position = new int[ballots.size()];
        this.value = new long[ballots.size()];
        this.piles = new IntList[n];
        for (int c = 0; c < n; c++) piles[c] = new IntList();
        this.totals = new long[n];
        this.previousTotals = new long[n];
        this.ties = new TieBreaker(seed);
    }

    /** Every paper to its first preference at full value. */
    void firstPreferences() {
        long one = arithmetic.one();
        for (int g = 0; g < ballots.size(); g++) {
            value[g] = one;
            position[g] = -1;
            moveOn(g);
        }
    }

    /** Sends a group to its next preference among continuing candidates, or to the non-transferable pile. */
    private long moveOn(int g) {
        int[] ranking = ballots.ranking(g);
        int p = position[g] + 1;
        while (p < ranking.length && state[ranking[p]] != HOPEFUL) p++;
        position[g] = p;
        long amount = Math.multiplyExact(ballots.papers(g), value[g]);
        if (p == ranking.length) {
            nonTransferable += amount;
        } else {
            int to = ranking[p];
            piles[to].add(g);
            totals[to] += amount;
        }
        return amount;
    }

    /**
     * Transfers every paper of an elected candidate at value × surplus / total, truncated to the
     * arithmetic's precision (SSI 2007/42 rule 48(3)); what truncation drops is recorded as loss.
     */
    void transferSurplus(int c, long quota) {
        long total = totals[c];
        long surplus = total - quota;
        IntList pile = piles[c];
        long moved = 0;
        for (int i = 0; i < pile.size(); i++) {
            int g = pile.get(i);
            value[g] = FixedPoint.mulDivFloor(value[g], surplus, total);
            moved += moveOn(g);
        }
        pile.clear();
        totals[c] = quota;
        loss += surplus - moved;
    }

    /** Transfers every paper of an excluded candidate at the value at which it was received. */
    void exclude(int c) {
        state[c] = EXCLUDED;
        excluded.add(c);
        excludedThisStage.add(c);
        IntList pile = piles[c];
        for (int i = 0; i < pile.size(); i++) moveOn(pile.get(i));
        pile.clear();
        totals[c] = 0;
    }

    void elect(int c) {
        state[c] = ELECTED;
        elected.add(c);
        electedThisStage.add(c);
    }

    long total(int c) {
        return totals[c];
    }

    List<Integer> hopeful() {
        List<Integer> list = new ArrayList<>();
        for (int c = 0; c < n; c++) if (state[c] == HOPEFUL) list.add(c);
        return list;
    }

    int seatsLeft() {
        return election.seats() - elected.size();
    }

    int stageNumber() {
        return stages.size();
    }

    /** Elects the given candidates highest total first, settling equal totals by the tie rules. */
    void electInOrder(List<Integer> candidates, String reason) {
        List<Integer> left = new ArrayList<>(candidates);
        while (!left.isEmpty()) {
            int c = pickHighest(left, reason);
            elect(c);
            left.remove(Integer.valueOf(c));
        }
        amendLastStage();
    }

    /**
     * SSI 2007/42 rule 52: when the continuing candidates are no more than the vacancies left they are all
     * deemed elected at once (listed in ballot order) and no further transfer is made.
     * @return true when the count is over (every seat filled or filled now)
     */
    boolean fillLastVacancies() {
        if (seatsLeft() == 0) return true;
        List<Integer> continuing = hopeful();
        if (continuing.size() > seatsLeft()) return false;
        for (int c : continuing) elect(c);
        amendLastStage();
        return true;
    }

    int pickHighest(List<Integer> among, String reason) {
        long best = among.stream().mapToLong(c -> totals[c]).max().orElseThrow();
        List<Integer> tied = among.stream().filter(c -> totals[c] == best).toList();
        return ties.pick(tied, history, true, stages.size(), reason);
    }

    int pickLowest(List<Integer> among, String reason) {
        long worst = among.stream().mapToLong(c -> totals[c]).min().orElseThrow();
        List<Integer> tied = among.stream().filter(c -> totals[c] == worst).toList();
        return ties.pick(tied, history, false, stages.size(), reason);
    }

    /** Hopeful candidates at or above the quota. */
    List<Integer> reaching(long quota) {
        return hopeful().stream().filter(c -> totals[c] >= quota).toList();
    }

    void recordStage(StageKind kind, int subject, String description, long quota) {
        long[] transfers = new long[n];
        for (int c = 0; c < n; c++) transfers[c] = totals[c] - previousTotals[c];
        stages.add(new Stage(stages.size() + 1, kind, subject, description, totals, transfers, nonTransferable, loss,
                quota, electedThisStage, excludedThisStage, null));
        previousTotals = totals.clone();
        history.add(previousTotals);
        electedThisStage.clear();
        excludedThisStage.clear();
    }

    /** Elections decided at the end of a stage belong to that stage's record. */
    private void amendLastStage() {
        if (electedThisStage.isEmpty() && excludedThisStage.isEmpty()) return;
        Stage last = stages.remove(stages.size() - 1);
        List<Integer> el = new ArrayList<>(last.elected());
        el.addAll(electedThisStage);
        List<Integer> ex = new ArrayList<>(last.excluded());
        ex.addAll(excludedThisStage);
        stages.add(new Stage(last.number(), last.kind(), last.subject(), last.description(), last.totals(), last.transfers(),
                last.nonTransferable(), last.loss(), last.quota(), el, ex, last.keepFactors()));
        electedThisStage.clear();
        excludedThisStage.clear();
    }

    CountReport report(String rule, long quota) {
        amendLastStage();
        return new CountReport(rule, election.title(), election.candidates(), election.seats(), ballots.totalPapers(),
                arithmetic.decimals(), quota, stages, elected, excluded, ties.log(), ties.seed());
    }
}
