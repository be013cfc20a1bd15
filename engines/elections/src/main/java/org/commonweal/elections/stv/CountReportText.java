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
        for (Stage s : r.stages()) {
            out.append("Stage ").append(s.number()).append(": ").append(s.description());
            if (s.quota() != r.quota()) out.append("   (quota ").append(r.format(s.quota())).append(')');
            out.append('\n');
            int width = r.candidates().stream().mapToInt(String::length).max().orElse(10);
            width = Math.max(width, "Non-transferable".length());
            for (int c = 0; c < r.candidates().size(); c++) {
                String mark = s.elected().contains(c) ? "  elected" : s.excluded().contains(c) ? "  excluded" : "";
                out.append(String.format("  %-" + width + "s %18s %18s%s%n", r.candidates().get(c),
                        signed(r, s.transfer(c)), r.format(s.total(c)), mark));
            }
            out.append(String.format("  %-" + width + "s %18s %18s%n", "Non-transferable", "", r.format(s.nonTransferable())));
            if (s.loss() != 0) out.append(String.format("  %-" + width + "s %18s %18s%n", "Lost to truncation", "", r.format(s.loss())));
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

    private static String signed(CountReport r, long v) {
        return v > 0 ? "+" + r.format(v) : v == 0 ? "" : r.format(v);
    }
}
