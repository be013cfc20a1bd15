package org.commonweal.opinion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Polis's PCA (pca.clj) on the sparse matrix. Polis fills missing votes with the statement's mean and centres
 * on that same mean, so the centred matrix is zero wherever nobody voted: products with it cost one step per vote,
 * never per cell. Deflation for the second component is applied implicitly (X − (X·pc)pcᵀ) for the same reason.
 */
final class PowerPca {
    /** The centred matrix in the vote matrix's sparse layout; zeroed (moderated-out) columns have no entries. */
    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] centred;
    final double[] center;

    PowerPca(VoteMatrix m) {
        rows = m.participantCount();
        cols = m.statementCount();
        double[] sum = new double[cols];
        int[] count = new int[cols];
        for (int k = 0; k < m.values.length; k++) {
            sum[m.columns[k]] += m.values[k];
            count[m.columns[k]]++;
        }
        center = new double[cols];
        for (int c = 0; c < cols; c++) center[c] = m.moderatedOut[c] ? 0 : sum[c] / count[c];
        rowStart = new int[rows + 1];
        int kept = 0;
        for (int k = 0; k < m.values.length; k++) if (!m.moderatedOut[m.columns[k]]) kept++;
        columns = new int[kept];
        centred = new double[kept];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = n;
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                int c = m.columns[k];
                if (m.moderatedOut[c]) continue;
                columns[n] = c;
                centred[n] = m.values[k] - center[c];
                n++;
            }
        }
        rowStart[rows] = n;
    }

    /**
     * The first {@code min(2, rows, cols)} components. {@code start} maps statement ids to the last update's
     * components (a warm start, new statements start at 1 as in Polis); without one a seeded random vector starts
     * and iteration runs to convergence.
     */
    List<double[]> components(long[] statementIds, List<Long> startStatements, List<double[]> start, Options options) {
        int wanted = Math.min(2, Math.min(rows, cols));
        Random random = new Random(options.seed());
        List<double[]> pcs = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            double[] begin = startVector(statementIds, startStatements, start, i);
            boolean warm = begin != null;
            if (!warm) {
                begin = new double[cols];
                for (int c = 0; c < cols; c++) begin[c] = random.nextDouble();
            }
            pcs.add(powerIteration(begin, pcs, warm ? options.pcaIterations() : options.coldPcaIterations(), warm));
        }
        return pcs;
    }

    private double[] startVector(long[] statementIds, List<Long> startStatements, List<double[]> start, int i) {
        if (start == null || i >= start.size()) return null;
        double[] previous = start.get(i);
        boolean allZero = true;
        for (double v : previous) allZero &= v == 0;
        if (allZero) return null;
        Map<Long, Integer> at = new HashMap<>();
        for (int c = 0; c < startStatements.size(); c++) at.put(startStatements.get(c), c);
        double[] v = new double[cols];
        for (int c = 0; c < cols; c++) {
            Integer j = at.get(statementIds[c]);
            v[c] = j == null ? 1 : previous[j];
        }
        return v;
    }

    /**
     * Polis's power iteration: multiply by XᵀX (with earlier components factored out), normalise, stop when the
     * eigenvalue estimate repeats exactly or after {@code iterations} + 1 products. A cold start also stops once
     * the vector settles, since it has no history of earlier iterations behind it.
     */
    private double[] powerIteration(double[] start, List<double[]> earlier, int iterations, boolean warm) {
        double[][] projected = new double[earlier.size()][];
        double[] norms = new double[earlier.size()];
        for (int e = 0; e < earlier.size(); e++) {
            double[] pc = earlier.get(e);
            norms[e] = dot(pc, pc);
            projected[e] = times(pc, earlier.subList(0, e), projected, norms);
        }
        double[] vector = start;
        double lastEigenvalue = 0;
        for (int left = iterations; ; left--) {
            double[] y = times(vector, earlier, projected, norms);
            double[] product = transposeTimes(y, earlier, projected, norms);
            double eigenvalue = Math.sqrt(dot(product, product));
            double[] normed = eigenvalue == 0 ? product : scale(product, 1 / eigenvalue);
            boolean settled = !warm && distance(normed, vector) < 1e-12;
            if (left == 0 || eigenvalue == lastEigenvalue || settled) return normed;
            vector = normed;
            lastEigenvalue = eigenvalue;
        }
    }

    /** (X − Σ (X·pc_e) pc_eᵀ / |pc_e|²) · v, the deflated matrix times v. */
    private double[] times(double[] v, List<double[]> earlier, double[][] projected, double[] norms) {
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) s += centred[k] * v[columns[k]];
            y[r] = s;
        }
        for (int e = 0; e < earlier.size(); e++) {
            if (norms[e] == 0) continue;
            double coefficient = dot(earlier.get(e), v) / norms[e];
            double[] u = projected[e];
            for (int r = 0; r < rows; r++) y[r] -= u[r] * coefficient;
        }
        return y;
    }

    /** The deflated matrix transposed times y. */
    private double[] transposeTimes(double[] y, List<double[]> earlier, double[][] projected, double[] norms) {
        double[] z = new double[cols];
        for (int r = 0; r < rows; r++) {
            double yr = y[r];
            if (yr == 0) continue;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) z[columns[k]] += centred[k] * yr;
        }
        for (int e = 0; e < earlier.size(); e++) {
            if (norms[e] == 0) continue;
            double coefficient = dot(projected[e], y) / norms[e];
            double[] pc = earlier.get(e);
            for (int c = 0; c < cols; c++) z[c] -= pc[c] * coefficient;
        }
        return z;
    }

    /**
     * Polis's sparsity-aware projection: only the votes cast count, and the point is pushed out by
     * √(statements / votes) so that people who voted little are not all drawn to the centre. Moderated-out
     * statements count as votes (Polis zeroes their whole column).
     */
    static Point[] projectParticipants(VoteMatrix m, double[] center, List<double[]> pcs) {
        int cols = m.statementCount();
        int zeroed = 0;
        for (boolean out : m.moderatedOut) if (out) zeroed++;
        double[] pc1 = pcs.isEmpty() ? new double[cols] : pcs.get(0);
        double[] pc2 = pcs.size() < 2 ? new double[cols] : pcs.get(1);
        Point[] points = new Point[m.participantCount()];
        for (int r = 0; r < points.length; r++) {
            double x = 0;
            double y = 0;
            int votes = zeroed;
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                int c = m.columns[k];
                if (m.moderatedOut[c]) continue;
                double v = m.values[k] - center[c];
                x += v * pc1[c];
                y += v * pc2[c];
                votes++;
            }
            double scale = Math.sqrt((double) cols / Math.max(votes, 1));
            points[r] = new Point(x * scale, y * scale);
        }
        return points;
    }

    /** Where a participant who agreed with only statement c would be: Polis's comment projection. */
    static Point[] projectStatements(int cols, double[] center, List<double[]> pcs) {
        double[] pc1 = pcs.isEmpty() ? new double[cols] : pcs.get(0);
        double[] pc2 = pcs.size() < 2 ? new double[cols] : pcs.get(1);
        Point[] points = new Point[cols];
        double scale = Math.sqrt(cols);
        for (int c = 0; c < cols; c++) {
            double v = Vote.AGREE.value() - center[c];
            points[c] = new Point(v * pc1[c] * scale, v * pc2[c] * scale);
        }
        return points;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    private static double[] scale(double[] a, double f) {
        double[] r = Arrays.copyOf(a, a.length);
        for (int i = 0; i < r.length; i++) r[i] *= f;
        return r;
    }
}
