package org.commonweal.elections.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The seat map as one SVG document: every constituency a hexagon, coloured by its winner before (left) and
 * after (right) the scenario, the seats that change hands outlined in black on both, each hexagon titled
 * with the seat, its winners and whether it changes, and a legend of the parties with their seats before and
 * after. Drawn from attributes only (no script, no style element), so it can be inlined in a page whose
 * content security policy forbids both, and downloaded as a file.
 */
public final class HexMapSvg {
    /** The words on the map, so the platform can translate them. */
    public interface Texts {
        String title();

        String before();

        String after();

        /** A hexagon's title: the seat, who won it before and after, and whether it changes hands. */
        String seat(String name, String before, String after, boolean changes);

        /** A legend entry: the party and its seats before and after. */
        String party(String name, int before, int after);

        String changes(int count);
    }

    public static final Texts ENGLISH = new Texts() {
        public String title() {
            return "Seats before and after the scenario";
        }

        public String before() {
            return "Before";
        }

        public String after() {
            return "After";
        }

        public String seat(String name, String before, String after, boolean changes) {
            return changes ? name + ": " + before + ", changes to " + after : name + ": " + before + ", holds";
        }

        public String party(String name, int before, int after) {
            return name + ": " + before + " → " + after;
        }

        public String changes(int count) {
            return "Changes hands: " + count;
        }
    };

    private static final double SIZE = 5;
    private static final double WIDTH = Math.sqrt(3) * SIZE;
    private static final double ROW = 1.5 * SIZE;
    private static final double GAP = 24;
    private static final double HEADING = 22;
    private static final int LEGEND_COLUMNS = 2;
    private static final double LEGEND_ROW = 18;

    private HexMapSvg() {
    }

    /**
     * @param layout the layout matched to the results ({@link HexLayout#matching}); seats not in it are left off
     * @param names  a party's name for a label
     * @param id     a prefix for the element ids, unique in the page
     */
    public static String render(HexLayout layout, List<SeatOutcome> seats, Function<String, String> names, Texts texts, String id) {
        int qMin = Integer.MAX_VALUE, qMax = Integer.MIN_VALUE, rMin = Integer.MAX_VALUE, rMax = Integer.MIN_VALUE;
        for (HexLayout.Hex h : layout.hexes().values()) {
            qMin = Math.min(qMin, h.q());
            qMax = Math.max(qMax, h.q());
            rMin = Math.min(rMin, h.r());
            rMax = Math.max(rMax, h.r());
        }
        double panel = (qMax - qMin + 1.5) * WIDTH;
        double mapHeight = (rMax - rMin) * ROW + 2 * SIZE;
        Map<String, int[]> counts = new HashMap<>();
        Set<String> order = new LinkedHashSet<>();
        int changes = 0;
        for (SeatOutcome s : seats) {
            counts.computeIfAbsent(s.before(), k -> new int[2])[0]++;
            counts.computeIfAbsent(s.after(), k -> new int[2])[1]++;
            if (!s.before().equals(s.after())) changes++;
        }
        counts.entrySet().stream().sorted((a, b) -> a.getValue()[1] != b.getValue()[1] ? b.getValue()[1] - a.getValue()[1]
                        : a.getValue()[0] != b.getValue()[0] ? b.getValue()[0] - a.getValue()[0] : a.getKey().compareTo(b.getKey()))
                .forEach(e -> order.add(e.getKey()));
        int legendRows = (order.size() + 1 + LEGEND_COLUMNS - 1) / LEGEND_COLUMNS;
        double width = 2 * panel + GAP;
        double height = HEADING + mapHeight + 12 + legendRows * LEGEND_ROW;
        StringBuilder out = new StringBuilder(200 * (seats.size() + 10));
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cw-hexmap\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\" font-family=\"arial, sans-serif\" font-size=\"12\">");
        out.append("<title id=\"").append(id).append("-title\">").append(escape(texts.title())).append("</title>");
        out.append("<text x=\"0\" y=\"15\" font-weight=\"bold\" font-size=\"14\">").append(escape(texts.before())).append("</text>");
        out.append("<text x=\"").append(num(panel + GAP)).append("\" y=\"15\" font-weight=\"bold\" font-size=\"14\">").append(escape(texts.after())).append("</text>");
        for (int side = 0; side < 2; side++) {
            double dx = side * (panel + GAP);
            List<String> outlined = new ArrayList<>();
            out.append("<g stroke=\"#ffffff\" stroke-width=\"0.6\">");
            for (SeatOutcome s : seats) {
                HexLayout.Hex h = layout.hexes().get(s.id());
                if (h == null) continue;
                boolean changes1 = !s.before().equals(s.after());
                String party = side == 0 ? s.before() : s.after();
                double cx = dx + (h.q() - qMin + (Math.floorMod(h.r(), 2) == 1 ? 1 : 0.5)) * WIDTH;
                double cy = HEADING + (rMax - h.r()) * ROW + SIZE;
                String hex = "<polygon points=\"" + points(cx, cy) + "\" fill=\"" + PartyColours.of(party) + "\"><title>"
                        + escape(texts.seat(s.name(), names.apply(s.before()), names.apply(s.after()), changes1)) + "</title></polygon>";
                if (changes1) outlined.add(hex);
                else out.append(hex);
            }
            out.append("</g><g stroke=\"#0b0c0c\" stroke-width=\"1.4\">");
            outlined.forEach(out::append);
            out.append("</g>");
        }
        double y = HEADING + mapHeight + 12;
        int i = 0;
        double column = width / LEGEND_COLUMNS;
        for (String party : order) {
            int[] n = counts.get(party);
            double x = (i % LEGEND_COLUMNS) * column;
            double top = y + (i / LEGEND_COLUMNS) * LEGEND_ROW;
            out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(top)).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(PartyColours.of(party)).append("\"/><text x=\"").append(num(x + 16)).append("\" y=\"").append(num(top + 10)).append("\">")
                    .append(escape(texts.party(names.apply(party), n[0], n[1]))).append("</text>");
            i++;
        }
        double x = (i % LEGEND_COLUMNS) * column;
        double top = y + (i / LEGEND_COLUMNS) * LEGEND_ROW;
        out.append("<rect x=\"").append(num(x + 1)).append("\" y=\"").append(num(top + 1)).append("\" width=\"10\" height=\"10\" fill=\"#ffffff\" stroke=\"#0b0c0c\" stroke-width=\"1.4\"/>")
                .append("<text x=\"").append(num(x + 16)).append("\" y=\"").append(num(top + 10)).append("\">").append(escape(texts.changes(changes))).append("</text>");
        return out.append("</svg>").toString();
    }

    private static String points(double cx, double cy) {
        StringBuilder p = new StringBuilder();
        for (int k = 0; k < 6; k++) {
            double a = Math.toRadians(60 * k + 30);
            if (k > 0) p.append(' ');
            p.append(num(cx + SIZE * Math.cos(a))).append(',').append(num(cy + SIZE * Math.sin(a)));
        }
        return p.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
