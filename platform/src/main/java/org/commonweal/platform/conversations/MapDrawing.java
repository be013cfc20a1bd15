package org.commonweal.platform.conversations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The opinion map as an SVG drawing, worked out on the server: every voter a dot, each group's dots inside its shaded
 * convex hull with its letter, and the viewer's own dot ringed ("you are here"). Colours come from a palette that stays
 * apart for colour-blind readers; the letters and the table beside the map carry the same information without colour.
 */
public record MapDrawing(int width, int height, List<Spot> dots, List<Hull> hulls, Spot you) {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 400;
    private static final int PAD = 24;
    /** Okabe–Ito colours: distinguishable with every common colour-vision deficiency. */
    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"};
    private static final String UNGROUPED = "#6f777b";

    public record Spot(String x, String y, String colour) {
    }

    public record Hull(String points, String colour, String letter, String labelX, String labelY) {
    }

    static MapDrawing of(OpinionMap map, Integer viewer) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (OpinionMap.Dot d : map.dots()) {
            minX = Math.min(minX, d.x());
            maxX = Math.max(maxX, d.x());
            minY = Math.min(minY, d.y());
            maxY = Math.max(maxY, d.y());
        }
        double spanX = Math.max(1e-9, maxX - minX);
        double spanY = Math.max(1e-9, maxY - minY);
        double fMinX = minX, fMinY = minY;
        java.util.function.DoubleUnaryOperator sx = x -> PAD + (x - fMinX) / spanX * (WIDTH - 2 * PAD);
        java.util.function.DoubleUnaryOperator sy = y -> PAD + (y - fMinY) / spanY * (HEIGHT - 2 * PAD);
        List<Spot> spots = new ArrayList<>();
        Spot you = null;
        for (OpinionMap.Dot d : map.dots()) {
            Spot s = new Spot(fmt(sx.applyAsDouble(d.x())), fmt(sy.applyAsDouble(d.y())), colour(map, d.group()));
            spots.add(s);
            if (viewer != null && d.participant() == viewer) you = s;
        }
        List<Hull> hulls = new ArrayList<>();
        for (int i = 0; i < map.groups().size(); i++) {
            OpinionMap.GroupView g = map.groups().get(i);
            List<double[]> points = new ArrayList<>();
            for (OpinionMap.Dot d : map.dots()) if (d.group() == g.id()) points.add(new double[]{sx.applyAsDouble(d.x()), sy.applyAsDouble(d.y())});
            if (points.isEmpty()) continue;
            List<double[]> hull = hull(points);
            double cx = 0, cy = 0;
            for (double[] p : hull) {
                cx += p[0];
                cy += p[1];
            }
            StringBuilder pts = new StringBuilder();
            for (double[] p : hull) pts.append(pts.isEmpty() ? "" : " ").append(fmt(p[0])).append(',').append(fmt(p[1]));
            hulls.add(new Hull(pts.toString(), COLOURS[i % COLOURS.length], g.letter(), fmt(cx / hull.size()), fmt(cy / hull.size())));
        }
        return new MapDrawing(WIDTH, HEIGHT, spots, hulls, you);
    }

    static String colour(OpinionMap map, int group) {
        for (int i = 0; i < map.groups().size(); i++) if (map.groups().get(i).id() == group) return COLOURS[i % COLOURS.length];
        return UNGROUPED;
    }

    public static String colourOf(int index) {
        return COLOURS[index % COLOURS.length];
    }

    /** Andrew's monotone chain: the convex hull, counter-clockwise; one or two points are their own hull. */
    static List<double[]> hull(List<double[]> points) {
        List<double[]> p = new ArrayList<>(points);
        p.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
        if (p.size() < 3) return p;
        double[][] h = new double[2 * p.size()][];
        int k = 0;
        for (double[] q : p) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], q) <= 0) k--;
            h[k++] = q;
        }
        for (int i = p.size() - 2, lower = k + 1; i >= 0; i--) {
            double[] q = p.get(i);
            while (k >= lower && cross(h[k - 2], h[k - 1], q) <= 0) k--;
            h[k++] = q;
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < k - 1; i++) out.add(h[i]);
        return out;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
