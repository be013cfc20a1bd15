package org.commonweal.elections.stv;

import java.util.List;

/** Small hand-made elections for worked examples: {@code ballot(3, "A", "B")} is three papers ranking A then B. */
final class Elections {
    private Elections() {
    }

    record Paper(long count, String[] ranking) {
    }

    static Paper ballot(long count, String... ranking) {
        return new Paper(count, ranking);
    }

    static Election of(int seats, List<String> candidates, Paper... papers) {
        Ballots.Builder b = Ballots.builder();
        for (Paper p : papers) {
            int[] r = new int[p.ranking().length];
            for (int i = 0; i < r.length; i++) {
                r[i] = candidates.indexOf(p.ranking()[i]);
                if (r[i] < 0) throw new IllegalArgumentException("no candidate " + p.ranking()[i]);
            }
            b.add(r, p.count());
        }
        return new Election("worked example", candidates, seats, b.build());
    }

    static String names(CountReport r, List<Integer> candidates) {
        return String.join(",", candidates.stream().map(r.candidates()::get).toList());
    }
}
