package org.commonweal.elections.stv;

import java.util.ArrayList;
import java.util.List;

/**
 * What every counting rule keeps besides its vote arithmetic: each candidate's standing (continuing,
 * elected, excluded), the order of election and exclusion, the stage-by-stage record, and the tie
 * rules that look back over that record.
 */
final class CountLog {
    private static final byte HOPEFUL = 0;
    private static final byte ELECTED = 1;
    private static final byte EXCLUDED = 2;

    private final Election election;
    private final int n;
    private final byte[] state;
    private final TieBreaker ties;
    private final List<Stage> stages = new ArrayList<>();
    private final List<long[]> history = new ArrayList<>();
    private long[] previous;
    private final List<Integer> elected = new ArrayList<>();
    private final List<Integer> excluded = new ArrayList<>();
    private final List<Integer> electedThisStage = new ArrayList<>();
    private final List<Integer> excludedThisStage = new ArrayList<>();

    CountLog(Election election, long seed) {
        this.election = election;
        this.n = election.candidateCount();
        this.state = new byte[n];
        this.previous = new long[n];
        this.ties = new TieBreaker(seed);
    }

    boolean isHopeful(int c) {
        return state[c] == HOPEFUL;
    }

    boolean isElected(int c) {
        return state[c] == ELECTED;
    }

    List<Integer> hopeful() {
        List<Integer> list = new ArrayList<>();
        for (int c = 0; c < n; c++) if (state[c] == HOPEFUL) list.add(c);
        return list;
    }

    /** Continuing candidates whose total is at or above the quota. */
    List<Integer> reaching(long[] totals, long quota) {
        return hopeful().stream().filter(c -> totals[c] >= quota).toList();
    }

    /** How many candidates have been elected or excluded so far: changes exactly when a standing changes. */
    int decided() {
        return elected.size() + excluded.size();
    }

    int seatsLeft() {
        return election.seats() - elected.size();
    }

    String name(int c) {
        return election.candidates().get(c);
    }

    void exclude(int c) {
        state[c] = EXCLUDED;
        excluded.add(c);
        excludedThisStage.add(c);
    }

    private void elect(int c) {
        state[c] = ELECTED;
        elected.add(c);
        electedThisStage.add(c);
    }

    /** Elects the given candidates highest total first, settling equal totals by the tie rules. */
    void electInOrder(List<Integer> candidates, long[] totals, String reason) {
        List<Integer> left = new ArrayList<>(candidates);
        while (!left.isEmpty()) {
            int c = pickHighest(left, totals, reason);
            elect(c);
            left.remove(Integer.valueOf(c));
        }
        amendLastStage();
    }

    /**
     * SSI 2007/42 rule 52: when the continuing candidates are no more than the vacancies left they are all
     * deemed elected at once (listed in ballot order) and no further transfer is made.
     * @return true when the count is over (every seat filled, or filled now)
     */
    boolean fillLastVacancies() {
        if (seatsLeft() == 0) return true;
        List<Integer> continuing = hopeful();
        if (continuing.size() > seatsLeft()) return false;
        for (int c : continuing) elect(c);
        amendLastStage();
        return true;
    }

    int pickHighest(List<Integer> among, long[] totals, String reason) {
        long best = among.stream().mapToLong(c -> totals[c]).max().orElseThrow();
        List<Integer> tied = among.stream().filter(c -> totals[c] == best).toList();
        return ties.pick(tied, history, true, stages.size(), reason);
    }

    int pickLowest(List<Integer> among, long[] totals, String reason) {
        long worst = among.stream().mapToLong(c -> totals[c]).min().orElseThrow();
        List<Integer> tied = among.stream().filter(c -> totals[c] == worst).toList();
        return ties.pick(tied, history, false, stages.size(), reason);
    }

    void record(StageKind kind, int subject, String description, long[] totals, long nonTransferable, long loss, long quota,
                long[] keepFactors) {
        long[] transfers = new long[n];
        for (int c = 0; c < n; c++) transfers[c] = totals[c] - previous[c];
        stages.add(new Stage(stages.size() + 1, kind, subject, description, totals, transfers, nonTransferable, loss,
                quota, electedThisStage, excludedThisStage, keepFactors));
        previous = totals.clone();
        history.add(previous);
        electedThisStage.clear();
        excludedThisStage.clear();
    }

    /** Elections decided at the end of a stage belong to that stage's record. */
    private void amendLastStage() {
        if (electedThisStage.isEmpty() || stages.isEmpty()) return;
        Stage last = stages.remove(stages.size() - 1);
        List<Integer> el = new ArrayList<>(last.elected());
        el.addAll(electedThisStage);
        stages.add(new Stage(last.number(), last.kind(), last.subject(), last.description(), last.totals(), last.transfers(),
                last.nonTransferable(), last.loss(), last.quota(), el, last.excluded(), last.keepFactors()));
        electedThisStage.clear();
    }

    CountReport report(String rule, int decimals, long quota) {
        return new CountReport(rule, election.title(), election.candidates(), election.seats(), election.ballots().totalPapers(),
                decimals, quota, stages, elected, excluded, ties.log(), ties.seed());
    }
}
