package org.commonweal.opinion;

import java.util.List;
import java.util.Map;

/**
 * Polis's silhouette of a group clustering over base-cluster centres (unweighted): for each base cluster, a = mean
 * distance to the others in its group, b = the least mean distance to another group, s = (b − a) / max(a, b), and
 * 0 for a base cluster alone in its group. The clustering's score is the mean.
 */
final class Silhouette {
    private Silhouette() {
    }

    static double of(List<Cluster> clustering, Map<Long, Point> centres) {
        double total = 0;
        int n = 0;
        for (Cluster own : clustering) {
            for (long member : own.members()) {
                total += of(member, clustering, centres);
                n++;
            }
        }
        return n == 0 ? 0 : total / n;
    }

    private static double of(long member, List<Cluster> clustering, Map<Long, Point> centres) {
        Point p = centres.get(member);
        Double a = null;
        Double b = null;
        for (Cluster c : clustering) {
            boolean own = c.members().contains(member);
            if (own && c.members().size() == 1) return 0;
            double sum = 0;
            int n = 0;
            for (long other : c.members()) {
                if (other == member) continue;
                sum += p.distance(centres.get(other));
                n++;
            }
            double mean = sum / n;
            if (own) a = mean;
            else b = b == null ? mean : Math.min(mean, b);
        }
        if (a == null || b == null) return 0;
        double max = Math.max(a, b);
        return max == 0 ? 0 : (b - a) / max;
    }
}
