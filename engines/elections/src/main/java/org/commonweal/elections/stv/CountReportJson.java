package org.commonweal.elections.stv;

import java.util.List;

/**
 * Renders a count as JSON. Vote figures are decimal strings ("1381.00000") so that no reader turns the
 * exact fixed-point values into binary floating point. {@code elected} lists names in order of election.
 */
public final class CountReportJson {
    private CountReportJson() {
    }

    public static String render(CountReport r) {
        StringBuilder out = new StringBuilder(4096);
        out.append("{\"rule\":").append(string(r.rule()))
                .append(",\"title\":").append(string(r.title()))
                .append(",\"seats\":").append(r.seats())
                .append(",\"ballots\":").append(r.papers())
                .append(",\"quota\":").append(string(r.format(r.quota())))
                .append(",\"candidates\":").append(names(r, java.util.stream.IntStream.range(0, r.candidates().size()).boxed().toList()))
                .append(",\"elected\":").append(names(r, r.elected()))
                .append(",\"excluded\":").append(names(r, r.excluded()))
                .append(",\"stages\":[");
        for (int i = 0; i < r.stages().size(); i++) {
            Stage s = r.stages().get(i);
            if (i > 0) out.append(',');
            out.append("{\"stage\":").append(s.number())
                    .append(",\"action\":").append(string(s.kind().label()))
                    .append(",\"candidate\":").append(s.subject() < 0 ? "null" : string(r.candidates().get(s.subject())))
                    .append(",\"description\":").append(string(s.description()))
                    .append(",\"quota\":").append(string(r.format(s.quota())))
                    .append(",\"totals\":").append(figures(r, s.totals()))
                    .append(",\"transfers\":").append(figures(r, s.transfers()))
                    .append(",\"nonTransferable\":").append(string(r.format(s.nonTransferable())))
                    .append(",\"lossFromTruncation\":").append(string(r.format(s.loss())));
            if (s.keepFactors() != null) out.append(",\"keepFactors\":").append(figures(r, s.keepFactors()));
            out.append(",\"elected\":").append(names(r, s.elected()))
                    .append(",\"excluded\":").append(names(r, s.excluded()))
                    .append('}');
        }
        out.append("],\"ties\":[");
        for (int i = 0; i < r.ties().size(); i++) {
            TieBreak t = r.ties().get(i);
            if (i > 0) out.append(',');
            out.append("{\"afterStage\":").append(t.stage())
                    .append(",\"reason\":").append(string(t.reason()))
                    .append(",\"tied\":").append(names(r, t.tied()))
                    .append(",\"chosen\":").append(string(r.candidates().get(t.chosen())))
                    .append(",\"byLot\":").append(t.byLot())
                    .append(",\"decidedAtStage\":").append(t.byLot() ? "null" : Integer.toString(t.decidedAtStage()))
                    .append('}');
        }
        out.append("],\"seed\":").append(r.seed()).append('}');
        return out.toString();
    }

    private static String figures(CountReport r, long[] values) {
        StringBuilder out = new StringBuilder("{");
        for (int c = 0; c < values.length; c++) {
            if (c > 0) out.append(',');
            out.append(string(r.candidates().get(c))).append(':').append(string(r.format(values[c])));
        }
        return out.append('}').toString();
    }

    private static String names(CountReport r, List<Integer> candidates) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < candidates.size(); i++) {
            if (i > 0) out.append(',');
            out.append(string(r.candidates().get(candidates.get(i))));
        }
        return out.append(']').toString();
    }

    /** A JSON string literal (RFC 8259 section 7). */
    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) out.append(String.format("\\u%04x", (int) ch));
                    else out.append(ch);
                }
            }
        }
        return out.append('"').toString();
    }
}
