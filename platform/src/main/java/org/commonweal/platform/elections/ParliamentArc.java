package org.commonweal.platform.elections;

import org.commonweal.elections.model.PartyColours;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parliament-style half-circle of seats as inline SVG, drawn on the server (the CSP allows no script and
 * no inline style): one dot per seat, parties from left to right in the order given, colours (the engine's
 * {@link PartyColours}) as SVG fill attributes; each party's group is titled with its name and seats. Rows hold seats in proportion to their length, so the dots are evenly spaced.
 */
final class ParliamentArc {
    private static final double WIDTH = 400;
    private static final double CENTRE_Y = 205;
    private static final double OUTER = 190;
    private static final double INNER_SHARE = 0.4;
    private ParliamentArc() {
    }

    private record Seat(double angle, int row, double x, double y) {
    }

    /** @param seats seats per party, in the order they sit from left to right */
    static String svg(String id, String title, Map<String, Integer> seats, java.util.function.Function<String, String> names) {
        int total = seats.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder out = new StringBuilder(64 * Math.max(total, 1));
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cw-parliament\" viewBox=\"0 0 ").append((int) WIDTH).append(' ')
                .append((int) (CENTRE_Y + 10)).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\">");
        out.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        List<Seat> positions = positions(total);
        double dot = dotRadius(total);
        int next = 0;
        for (Map.Entry<String, Integer> party : seats.entrySet()) {
            if (party.getValue() <= 0) continue;
            out.append("<g fill=\"").append(PartyColours.of(party.getKey())).append("\"><title>").append(escape(names.apply(party.getKey()))).append(": ")
                    .append(party.getValue()).append("</title>");
            for (int i = 0; i < party.getValue(); i++, next++) {
                Seat s = positions.get(next);
                out.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\"/>", s.x(), s.y(), dot));
            }
            out.append("</g>");
        }
        return out.append("</svg>").toString();
    }

    private static int rows(int total) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(total) / 2));
    }

    private static double radius(int row, int rows) {
        double inner = OUTER * INNER_SHARE;
        return rows == 1 ? (OUTER + inner) / 2 : inner + (OUTER - inner) * row / (rows - 1);
    }

    private static double dotRadius(int total) {
        int rows = rows(total);
        double rowGap = rows == 1 ? OUTER * (1 - INNER_SHARE) : OUTER * (1 - INNER_SHARE) / (rows - 1);
        double sumRadii = 0;
        for (int r = 0; r < rows; r++) sumRadii += radius(r, rows);
        double seatGap = Math.PI * sumRadii / Math.max(total, 1);
        return Math.min(Math.min(rowGap, seatGap) * 0.42, 10);
    }

    /** Seat positions ordered from the left end of the arc to the right, inner rows first at equal angles. */
    private static List<Seat> positions(int total) {
        int rows = rows(total);
        double sumRadii = 0;
        for (int r = 0; r < rows; r++) sumRadii += radius(r, rows);
        int[] perRow = new int[rows];
        int given = 0;
        for (int r = 0; r < rows; r++) {
            perRow[r] = (int) Math.floor(total * radius(r, rows) / sumRadii);
            given += perRow[r];
        }
        for (int r = rows - 1; given < total; r = r == 0 ? rows - 1 : r - 1, given++) perRow[r]++;
        List<Seat> seats = new ArrayList<>(total);
        for (int r = 0; r < rows; r++) {
            double radius = radius(r, rows);
            for (int j = 0; j < perRow[r]; j++) {
                double angle = perRow[r] == 1 ? Math.PI / 2 : Math.PI * (perRow[r] - 1 - j) / (perRow[r] - 1);
                seats.add(new Seat(angle, r, WIDTH / 2 + radius * Math.cos(angle), CENTRE_Y - radius * Math.sin(angle)));
            }
        }
        seats.sort(Comparator.comparingDouble((Seat s) -> -s.angle()).thenComparingInt(Seat::row));
        return seats;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
