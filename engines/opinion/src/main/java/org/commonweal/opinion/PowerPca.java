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
     * The first {@code min(2, rows, cols)} components by Polis's power iteration ({@link Options#pcaIterations()}
     * steps each, the second on the matrix with the first factored out). {@code start} holds the last update's
     * components by statement id (a warm start; new statements start at 1, as in Polis). Without one, Polis starts
     * from {@code rand}; here a seeded random block is first iterated to the top two-dimensional eigenspace (subspace
     * iteration with a Rayleigh–Ritz rotation), so that a first update is reproducible and converged even when the
     * two leading eigenvalues are close, where single-vector power iteration crawls.
     */
    List<double[]> components(long[] statementIds, List<Long> startStatements, List<double[]> start, Options options) {
        int wanted = Math.min(2, Math.min(rows, cols));
        List<double[]> starts = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            double[] begin = startVector(statementIds, startStatements, start, i);
            if (begin == null) {
                starts = subspace(wanted, new Random(options.seed()), options.coldPcaIterations());
                break;
            }
            starts.add(begin);
        }
        List<double[]> pcs = new ArrayList<>();
        for (int i = 0; i < wanted; i++) pcs.add(powerIteration(starts.get(i), pcs, options.pcaIterations()));
        return pcs;
    }

    /** Orthonormal estimates of the top {@code wanted} eigenvectors of XᵀX, largest first. */
    private List<double[]> subspace(int wanted, Random random, int maxIterations) {
        List<double[]> block = new ArrayList<>();
        for (int j = 0; j < wanted; j++) {
            double[] v = new double[cols];
            for (int c = 0; c < cols; c++) v[c] = random.nextDouble() - 0.5;
            block.add(v);
        }
        block = orthonormal(block);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            List<double[]> next = new ArrayList<>();
            for (double[] v : block) next.add(gram(v));
            next = orthonormal(next);
            double change = 0;
            for (double[] v : next) {
                double[] rest = Arrays.copyOf(v, cols);
                for (double[] u : block) {
                    double coefficient = dot(u, v);
                    for (int c = 0; c < cols; c++) rest[c] -= coefficient * u[c];
                }
                change = Math.max(change, Math.sqrt(dot(rest, rest)));
            }
            block = next;
            if (change < 1e-10) break;
        }
        if (wanted < 2) return block;
        double[] g0 = gram(block.get(0));
        double[] g1 = gram(block.get(1));
        double a = dot(block.get(0), g0);
        double b = dot(block.get(0), g1);
        double d = dot(block.get(1), g1);
        double half = (a - d) / 2;
        double largest = (a + d) / 2 + Math.sqrt(half * half + b * b);
        double x = b != 0 ? largest - d : (a >= d ? 1 : 0);
        double y = b != 0 ? b : (a >= d ? 0 : 1);
        double norm = Math.hypot(x, y);
        x /= norm;
        y /= norm;
        double[] first = new double[cols];
        double[] second = new double[cols];
        for (int c = 0; c < cols; c++) {
            first[c] = x * block.get(0)[c] + y * block.get(1)[c];
            second[c] = -y * block.get(0)[c] + x * block.get(1)[c];
        }
        return List.of(first, second);
    }

    /** XᵀX v. */
    private double[] gram(double[] v) {
        return transposeTimes(times(v, List.of(), null, null), List.of(), null, null);
    }

    private static List<double[]> orthonormal(List<double[]> vectors) {
        List<double[]> result = new ArrayList<>();
        for (double[] v : vectors) {
            double[] w = Arrays.copyOf(v, v.length);
            for (double[] u : result) {
                double coefficient = dot(u, w);
                for (int c = 0; c < w.length; c++) w[c] -= coefficient * u[c];
            }
            double norm = Math.sqrt(dot(w, w));
            result.add(norm == 0 ? w : scale(w, 1 / norm));
        }
        return result;
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
     * eigenvalue estimate repeats exactly or after {@code iterations} + 1 products.
     */
    private double[] powerIteration(double[] start, List<double[]> earlier, int iterations) {
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
            if (left == 0 || eigenvalue == lastEigenvalue) return normed;
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

    private static double[] scale(double[] a, double f) {
        double[] r = Arrays.copyOf(a, a.length);
        for (int i = 0; i < r.length; i++) r[i] *= f;
        return r;
    }
}
