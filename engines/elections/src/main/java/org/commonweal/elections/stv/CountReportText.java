package org.commonweal.elections.stv;

import java.util.List;

/** Renders a count as a plain-text result sheet: one row per candidate, one column per stage. */
public final class CountReportText {
    private CountReportText() {
    }

    public static String render(CountReport r) {
        StringBuilder out = new StringBuilder();
        out.append(r.title().isEmpty() ? "Election" : r.title()).append('\n');
        out.append("Rule: ").append(r.rule()).append("   Seats: ").append(r.seats()).append("   Valid ballots: ").append(r.papers())
                .append("   Quota: ").append(r.format(r.quota())).append('\n');
        out.append("Elected in order: ").append(String.join(", ", r.electedNames())).append("\n\n");
        int width = Math.max(r.candidates().stream().mapToInt(String::length).max().orElse(10), "Non-transferable".length());
        for (Stage s : r.stages()) {
            out.append("Stage ").append(s.number()).append(": ").append(s.description());
            if (s.quota() != r.quota()) out.append("   (quota ").append(r.format(s.quota())).append(')');
            out.append('\n');
            // Appended piece by piece: a large count has a million cells, and String.format per cell was most of its time.
            for (int c = 0; c < r.candidates().size(); c++) {
                String mark = s.elected().contains(c) ? "  elected" : s.excluded().contains(c) ? "  excluded" : "";
                row(out, width, r.candidates().get(c), signed(r, s.transfer(c)), r.format(s.total(c))).append(mark).append('\n');
            }
            row(out, width, "Non-transferable", "", r.format(s.nonTransferable())).append('\n');
            if (s.loss() != 0) row(out, width, "Lost to truncation", "", r.format(s.loss())).append('\n');
            out.append('\n');
        }
        for (TieBreak t : r.ties()) out.append(describe(r, t)).append('\n');
        return out.toString();
    }

    /** One sentence saying how a tie was settled (shared by the other renderers). */
    public static String describe(CountReport r, TieBreak t) {
        List<String> names = t.tied().stream().map(r.candidates()::get).toList();
        String how = t.byLot() ? "by lot (seed " + t.seed() + ")" : "by the totals at stage " + t.decidedAtStage();
        return "Tie after stage " + t.stage() + " (" + t.reason() + ") between " + String.join(", ", names) + ": "
                + r.candidates().get(t.chosen()) + " chosen " + how;
    }

    /** "  name   transfer   total" with the name left-aligned in {@code width} and the figures right-aligned in 18. */
    private static StringBuilder row(StringBuilder out, int width, String name, String transfer, String total) {
        out.append("  ").append(name).repeat(' ', Math.max(0, width - name.length())).append(' ');
        out.repeat(' ', Math.max(0, 18 - transfer.length())).append(transfer).append(' ');
        return out.repeat(' ', Math.max(0, 18 - total.length())).append(total);
    }

    private static String signed(CountReport r, long v) {
        return v > 0 ? "+" + r.format(v) : v == 0 ? "" : r.format(v);
    }
}
