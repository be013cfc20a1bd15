package org.commonweal.opinion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polis's k-means (clusters.clj), warm-started from the last update's clusters: they are re-centred on today's
 * positions, emptied ones dropped, identical ones merged, and the most distant point split off into a new
 * cluster until there are k; then the usual assign-and-average steps run until no centre moves by 0.01. Without
 * a last clustering it starts from the first k distinct points. Ties go to the later cluster, as Clojure's
 * {@code min-key} does.
 */
final class KMeans {
    record Item(long id, Point position) {
    }

    private static final double SAME_CENTRE = 0.01;

    private KMeans() {
    }

    /** @param weights weight per item id (group clustering weighs base clusters by size), or null */
    static List<Cluster> run(List<Item> data, int k, List<Cluster> last, int maxIterations, Map<Long, Integer> weights) {
        List<Cluster> clusters = last == null || last.isEmpty() ? initial(data, k) : cleanStart(data, last, k, weights);
        for (int left = maxIterations; ; left--) {
            List<Cluster> next = step(data, clusters, weights);
            if (left == 0 || same(clusters, next)) return next;
            clusters = next;
        }
    }

    private static List<Cluster> initial(List<Item> data, int k) {
        Set<Point> distinct = new LinkedHashSet<>();
        for (Item item : data) {
            if (distinct.size() == k) break;
            distinct.add(item.position());
        }
        List<Cluster> clusters = new ArrayList<>();
        for (Point p : distinct) clusters.add(new Cluster(clusters.size(), List.of(), p));
        return clusters;
    }

    private static List<Cluster> step(List<Item> data, List<Cluster> clusters, Map<Long, Integer> weights) {
        List<List<Item>> assigned = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) assigned.add(new ArrayList<>());
        for (Item item : data) assigned.get(closest(item.position(), clusters)).add(item);
        List<Cluster> next = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            List<Item> members = assigned.get(i);
            if (members.isEmpty()) continue;
            next.add(new Cluster(clusters.get(i).id(), members.stream().map(Item::id).toList(), mean(members, weights)));
        }
        return next;
    }

    private static int closest(Point p, List<Cluster> clusters) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < clusters.size(); i++) {
            double d = p.squaredDistance(clusters.get(i).center());
            if (best < 0 || d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    static Point mean(List<Item> items, Map<Long, Integer> weights) {
        double x = 0;
        double y = 0;
        double total = 0;
        for (Item item : items) {
            double w = weights == null ? 1 : weights.get(item.id());
            x += w * item.position().x();
            y += w * item.position().y();
            total += w;
        }
        return new Point(x / total, y / total);
    }

    private static final Comparator<Point> LEXICOGRAPHIC = Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y);

    private static boolean same(List<Cluster> a, List<Cluster> b) {
        List<Point> ca = a.stream().map(Cluster::center).sorted(LEXICOGRAPHIC).toList();
        List<Point> cb = b.stream().map(Cluster::center).sorted(LEXICOGRAPHIC).toList();
        for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
            if (!(ca.get(i).distance(cb.get(i)) < SAME_CENTRE)) return false;
        }
        return true;
    }

    /** Polis's clean-start-clusters: adapt the last clustering to today's data before iterating. */
    private static List<Cluster> cleanStart(List<Item> data, List<Cluster> last, int k, Map<Long, Integer> weights) {
        Map<Long, Item> byId = new HashMap<>();
        for (Item item : data) byId.put(item.id(), item);
        List<Cluster> clusters = new ArrayList<>();
        for (Cluster c : last) {
            List<Item> present = c.members().stream().map(byId::get).filter(i -> i != null).toList();
            if (!present.isEmpty()) clusters.add(new Cluster(c.id(), present.stream().map(Item::id).toList(), mean(present, weights)));
        }
        if (clusters.isEmpty()) {
            int id = last.stream().mapToInt(Cluster::id).max().orElse(-1) + 1;
            return List.of(new Cluster(id, data.stream().map(Item::id).toList(), mean(data, weights)));
        }
        clusters = uniquify(clusters);
        Set<Point> distinct = new HashSet<>();
        for (Item item : data) distinct.add(item.position());
        int possible = Math.min(k, distinct.size());
        while (true) {
            clusters = recentre(clusters, byId, weights);
            if (possible <= clusters.size()) return clusters;
            Item outlier = null;
            double outlierDistance = -1;
            for (Item item : data) {
                double d = item.position().distance(clusters.get(closest(item.position(), clusters)).center());
                if (d >= outlierDistance) {
                    outlier = item;
                    outlierDistance = d;
                }
            }
            if (!(outlierDistance > 0)) return clusters;
            long moved = outlier.id();
            List<Cluster> split = new ArrayList<>();
            for (Cluster c : clusters) split.add(new Cluster(c.id(), c.members().stream().filter(m -> m != moved).toList(), c.center()));
            split.add(new Cluster(clusters.stream().mapToInt(Cluster::id).max().orElse(-1) + 1, List.of(moved), outlier.position()));
            clusters = split;
        }
    }

    private static List<Cluster> recentre(List<Cluster> clusters, Map<Long, Item> byId, Map<Long, Integer> weights) {
        List<Cluster> result = new ArrayList<>();
        for (Cluster c : clusters) {
            List<Item> members = c.members().stream().map(byId::get).filter(i -> i != null).toList();
            result.add(members.isEmpty() ? c : new Cluster(c.id(), c.members(), mean(members, weights)));
        }
        return result;
    }

    /** Clusters whose centres coincide are merged, keeping the id of the larger. */
    private static List<Cluster> uniquify(List<Cluster> clusters) {
        List<Cluster> result = new ArrayList<>();
        for (Cluster c : clusters) {
            int twin = -1;
            for (int i = 0; i < result.size(); i++) if (result.get(i).center().equals(c.center())) twin = twin < 0 ? i : twin;
            if (twin < 0) {
                result.add(c);
                continue;
            }
            Cluster a = result.get(twin);
            int id = a.members().size() > c.members().size() ? a.id() : c.id();
            List<Long> members = new ArrayList<>(a.members());
            members.addAll(c.members());
            double wa = a.members().size();
            double wc = c.members().size();
            Point centre = new Point((a.center().x() * wa + c.center().x() * wc) / (wa + wc), (a.center().y() * wa + c.center().y() * wc) / (wa + wc));
            result.set(twin, new Cluster(id, members, centre));
        }
        return result;
    }
}
