package org.ebmjava.stats;

/**
 * Distances between two point sets, for judging generated samples against data: the energy distance
 * (Sz&eacute;kely) and the Chamfer distance.
 *
 * <p>Point sets are n x d arrays (row i = point i), as returned by {@link org.ebmjava.data.Toy2D}; distances
 * are Euclidean, in data units. Both statistics are exact O(n m d) double sums with no randomness; a few
 * thousand points per set take well under a second.
 *
 * <p>The energy distance between the distributions of X and Y is
 * <pre>
 *   D^2(X, Y) = 2 E|X - Y| - E|X - X'| - E|Y - Y'|  &ge; 0,
 * </pre>
 * with X' an independent copy of X; it is 0 exactly when the distributions are equal (for finite first
 * moments). {@link #energyDistance} returns the plug-in (V-statistic) estimate: every expectation is the mean
 * over all pairs, including the zero terms i = j, so the estimate is &ge; 0 and exactly 0 for identical sets.
 * It is the squared form, as in the R package energy and Python's dcor; SciPy's
 * {@code energy_distance} returns its square root (in one dimension). Its bias is O(1/n + 1/m), so compare
 * samples of equal size, and quote the distance between two independent data samples of that size as the
 * noise floor.
 *
 * <p>The Chamfer distance is the mean distance from each point to its nearest neighbour in the other set,
 * summed over both directions; it measures coverage in both directions but, unlike the energy distance, is
 * blind to how densely each region is covered.
 *
 * <pre>
 * G. J. Sz&eacute;kely and M. L. Rizzo, "Energy statistics: A class of statistics based on distances",
 * Journal of Statistical Planning and Inference 143(8), 2013.
 * H. Fan, H. Su and L. Guibas, "A Point Set Generation Network for 3D Object Reconstruction from a Single
 * Image", CVPR 2017 (the Chamfer distance as a sample metric).
 * </pre>
 */
public final class SampleDistances {

    private SampleDistances() {}

    /**
     * Computes the plug-in energy distance D<sup>2</sup> = 2 mean|x<sub>i</sub> - y<sub>j</sub>| -
     * mean|x<sub>i</sub> - x<sub>k</sub>| - mean|y<sub>j</sub> - y<sub>l</sub>| (all pairs, i = k and
     * j = l included).
     *
     * @param x The first point set, n x d, n &ge; 1. Finite. Not modified.
     * @param y The second point set, m x d, m &ge; 1, same d. Finite. Not modified.
     * @return D<sup>2</sup> &ge; 0 in data units (0 for identical sets); symmetric in x and y.
     * @throws IllegalArgumentException If a set is null, empty, ragged or not finite, or the dimensions
     *     differ.
     */
    public static double energyDistance(double[][] x, double[][] y) {
        PointSets.checkPair(x, "x", y, "y");
        double cross = meanCrossDistance(x, y);
        double withinX = meanWithinDistance(x);
        double withinY = meanWithinDistance(y);
        // Rounding may leave -1e-17 for identical sets; the statistic itself is >= 0.
        return Math.max(0.0, 2.0 * cross - withinX - withinY);
    }

    /**
     * Computes the mean Euclidean distance between all pairs (x<sub>i</sub>, y<sub>j</sub>).
     *
     * @param x The first point set, n x d. Finite. Not modified.
     * @param y The second point set, m x d, same d. Finite. Not modified.
     * @return (1/(n m)) &sum;<sub>i,j</sub> |x<sub>i</sub> - y<sub>j</sub>|.
     * @throws IllegalArgumentException If a set is invalid or the dimensions differ.
     */
    public static double meanCrossDistance(double[][] x, double[][] y) {
        PointSets.checkPair(x, "x", y, "y");
        double sum = 0.0;
        for (double[] xi : x) {
            double row = 0.0;
            for (double[] yj : y) {
                row += PointSets.distance(xi, yj);
            }
            sum += row;
        }
        return sum / ((double) x.length * y.length);
    }

    /**
     * Computes the Chamfer distance with Euclidean (not squared) distances:
     * (1/n) &sum;<sub>i</sub> min<sub>j</sub> |x<sub>i</sub> - y<sub>j</sub>| + (1/m) &sum;<sub>j</sub>
     * min<sub>i</sub> |x<sub>i</sub> - y<sub>j</sub>|.
     *
     * @param x The first point set, n x d. Finite. Not modified.
     * @param y The second point set, m x d, same d. Finite. Not modified.
     * @return The Chamfer distance &ge; 0 in data units; 0 for identical sets; symmetric.
     * @throws IllegalArgumentException If a set is invalid or the dimensions differ.
     */
    public static double chamfer(double[][] x, double[][] y) {
        return chamferTerms(x, y, false);
    }

    /**
     * Computes the Chamfer distance with squared Euclidean distances, the form used for point clouds
     * (Fan et al. 2017): (1/n) &sum;<sub>i</sub> min<sub>j</sub> |x<sub>i</sub> - y<sub>j</sub>|<sup>2</sup> +
     * (1/m) &sum;<sub>j</sub> min<sub>i</sub> |x<sub>i</sub> - y<sub>j</sub>|<sup>2</sup>.
     *
     * @param x The first point set, n x d. Finite. Not modified.
     * @param y The second point set, m x d, same d. Finite. Not modified.
     * @return The squared Chamfer distance &ge; 0 in squared data units; symmetric.
     * @throws IllegalArgumentException If a set is invalid or the dimensions differ.
     */
    public static double chamferSquared(double[][] x, double[][] y) {
        return chamferTerms(x, y, true);
    }

    private static double chamferTerms(double[][] x, double[][] y, boolean squared) {
        PointSets.checkPair(x, "x", y, "y");
        double[] nearestForY = new double[y.length];
        java.util.Arrays.fill(nearestForY, Double.POSITIVE_INFINITY);
        double sumX = 0.0;
        for (double[] xi : x) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < y.length; j++) {
                double d2 = PointSets.squaredDistance(xi, y[j]);
                if (d2 < best) {
                    best = d2;
                }
                if (d2 < nearestForY[j]) {
                    nearestForY[j] = d2;
                }
            }
            sumX += squared ? best : Math.sqrt(best);
        }
        double sumY = 0.0;
        for (double d2 : nearestForY) {
            sumY += squared ? d2 : Math.sqrt(d2);
        }
        return sumX / x.length + sumY / y.length;
    }

    private static double meanWithinDistance(double[][] x) {
        int n = x.length;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            for (int k = i + 1; k < n; k++) {
                sum += PointSets.distance(x[i], x[k]);
            }
        }
        // Each unordered pair appears twice among the n^2 ordered pairs; the n diagonal terms are 0.
        return 2.0 * sum / ((double) n * n);
    }
}
