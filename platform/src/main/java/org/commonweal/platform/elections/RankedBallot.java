package org.commonweal.platform.elections;

import org.commonweal.platform.core.http.Form;

import java.util.Map;

/**
 * A ranked ballot on a form that needs no script: a number box per candidate. The numbers used must be
 * 1, 2, … k with no gaps and no repeats, so the voter's order is never guessed; unnumbered candidates are not ranked.
 */
final class RankedBallot {
    private RankedBallot() {
    }

    static String field(int position) {
        return "rank" + position;
    }

    /** Copies the rank boxes into a form so they can be shown again. */
    static Form form(Map<String, java.util.List<String>> params, int candidates) {
        Form form = Form.empty();
        for (int c = 0; c < candidates; c++) {
            java.util.List<String> v = params.get(field(c));
            form.set(field(c), v == null || v.isEmpty() ? "" : v.getFirst());
        }
        return form;
    }

    /** The candidate positions, first preference first; or null with the first problem on the form. */
    static int[] read(Form form, int candidates) {
        int[] byRank = new int[candidates + 1];
        java.util.Arrays.fill(byRank, -1);
        int highest = 0;
        for (int c = 0; c < candidates; c++) {
            String v = form.value(field(c)).strip();
            if (v.isEmpty()) continue;
            int rank;
            try {
                rank = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                form.error(field(c), "elections.ballot.error.number");
                continue;
            }
            if (rank < 1 || rank > candidates) {
                form.error(field(c), "elections.ballot.error.range");
            } else if (byRank[rank] >= 0) {
                form.error(field(c), "elections.ballot.error.repeat");
            } else {
                byRank[rank] = c;
                highest = Math.max(highest, rank);
            }
        }
        if (form.hasErrors()) return null;
        if (highest == 0) {
            form.error(field(0), "elections.ballot.error.empty");
            return null;
        }
        int[] ranking = new int[highest];
        for (int r = 1; r <= highest; r++) {
            if (byRank[r] < 0) {
                int next = r + 1;
                while (byRank[next] < 0) next++;
                form.error(field(byRank[next]), "elections.ballot.error.gap");
                return null;
            }
            ranking[r - 1] = byRank[r];
        }
        return ranking;
    }
}
