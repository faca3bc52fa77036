package org.ebmjava.viz;

import java.util.ArrayList;
import java.util.List;

/**
 * Iso-lines of a sampled 2D scalar field by marching squares.
 *
 * <p>Each grid cell is classified by which of its four corners lie at or above the level; the
 * iso-line crosses a cell edge where the corner values straddle the level, at the point found
 * by linear interpolation along that edge. Saddle cells (diagonal corners on the same side) are
 * resolved by the mean of the four corners. Cells with a non-finite corner are skipped.
 * <pre>
 * W. E. Lorensen and H. E. Cline, "Marching cubes: A high resolution 3D surface construction
 * algorithm", SIGGRAPH 1987 (the 2D case is marching squares).
 * </pre>
 */
public final class ContourOps {
    /** Edges: 0 bottom (a-b), 1 right (b-c), 2 top (d-c), 3 left (a-d). Pairs of edges per case. */
    private static final int[][] CASES = {
        {}, {3, 0}, {0, 1}, {3, 1}, {1, 2}, {}, {0, 2}, {3, 2},
        {3, 2}, {0, 2}, {}, {1, 2}, {3, 1}, {0, 1}, {3, 0}, {}
    };

    private ContourOps() {}

    /**
     * Returns n levels equally spaced strictly inside [lo, hi]: lo + k*(hi - lo)/(n + 1) for
     * k = 1 .. n.
     *
     * @param lo Lowest field value.
     * @param hi Highest field value.
     * @param n Number of levels, at least 0.
     * @return The levels in increasing order (decreasing if hi &lt; lo).
     */
    public static double[] levels(double lo, double hi, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of levels must be at least 0, found " + n);
        }
        double[] l = new double[n];
        for (int k = 1; k <= n; k++) {
            l[k - 1] = lo + k * (hi - lo) / (n + 1);
        }
        return l;
    }

    /**
     * Computes the line segments of the iso-line z = level.
     *
     * @param z Field values, z[j][i] at the point (xs[i], ys[j]); rectangular, at least 2 x 2. Not modified.
     * @param xs Horizontal sample positions, increasing, length z[0].length. Not modified.
     * @param ys Vertical sample positions, increasing, length z.length. Not modified.
     * @param level The iso-value.
     * @return Segments as {x1, y1, x2, y2} in the coordinates of xs and ys; empty if the level is
     *     not crossed.
     */
    public static List<double[]> segments(double[][] z, double[] xs, double[] ys, double level) {
        Args.notNull(z, "z");
        Args.notNull(xs, "xs");
        Args.notNull(ys, "ys");
        if (z.length != ys.length) {
            throw new IllegalArgumentException("z must have ys.length = " + ys.length + " rows, found " + z.length);
        }
        for (int j = 0; j < z.length; j++) {
            if (z[j] == null || z[j].length != xs.length) {
                throw new IllegalArgumentException("row " + j + " of z must have xs.length = " + xs.length
                        + " values, found " + (z[j] == null ? "null" : String.valueOf(z[j].length)));
            }
        }
        List<double[]> out = new ArrayList<>();
        double[] p = new double[2];
        double[] q = new double[2];
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                double a = z[j][i];
                double b = z[j][i + 1];
                double c = z[j + 1][i + 1];
                double d = z[j + 1][i];
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                    continue;
                }
                int idx = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
                int[] edges;
                if (idx == 5 || idx == 10) {
                    // Saddle: the two corners on the other side from the centre are cut off.
                    // {0,1,3,2} cuts off b and d, {3,0,1,2} cuts off a and c.
                    boolean centreHigh = (a + b + c + d) / 4 >= level;
                    boolean cutBd = centreHigh == (idx == 5);
                    edges = cutBd ? new int[] {0, 1, 3, 2} : new int[] {3, 0, 1, 2};
                } else {
                    edges = CASES[idx];
                }
                for (int k = 0; k + 1 < edges.length; k += 2) {
                    edgePoint(edges[k], i, j, a, b, c, d, level, xs, ys, p);
                    edgePoint(edges[k + 1], i, j, a, b, c, d, level, xs, ys, q);
                    out.add(new double[] {p[0], p[1], q[0], q[1]});
                }
            }
        }
        return out;
    }

    private static void edgePoint(int edge, int i, int j, double a, double b, double c, double d,
            double level, double[] xs, double[] ys, double[] out) {
        switch (edge) {
            case 0:
                out[0] = lerp(xs[i], xs[i + 1], a, b, level);
                out[1] = ys[j];
                break;
            case 1:
                out[0] = xs[i + 1];
                out[1] = lerp(ys[j], ys[j + 1], b, c, level);
                break;
            case 2:
                out[0] = lerp(xs[i], xs[i + 1], d, c, level);
                out[1] = ys[j + 1];
                break;
            default:
                out[0] = xs[i];
                out[1] = lerp(ys[j], ys[j + 1], a, d, level);
                break;
        }
    }

    private static double lerp(double p0, double p1, double v0, double v1, double level) {
        return p0 + (level - v0) / (v1 - v0) * (p1 - p0);
    }
}
