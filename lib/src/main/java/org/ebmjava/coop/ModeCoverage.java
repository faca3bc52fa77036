package org.ebmjava.coop;

import java.util.Arrays;
import java.util.Locale;

/**
 * Mode coverage of generated points on a mixture with known mode centres: how a 2D toy shows mode collapse
 * (EBGAN's pull-away term, notebook 08).
 *
 * <p>Each point is assigned to its nearest centre (Euclidean; the first on ties). It is <em>on a mode</em> if it lies
 * within the radius r of that centre. A mode is <em>covered</em> if at least a fraction q of its fair share n/M of
 * the points is on it (M modes, n points):
 * <pre>
 *   count_m  = #{ i : nearest(x_i) = m and |x_i - c_m| &lt; r }
 *   covered  = #{ m : count_m &ge; q n / M }          onMode = &Sigma;_m count_m / n
 * </pre>
 * Instances are immutable.
 */
public final class ModeCoverage {

    private final int[] counts;
    private final int covered;
    private final double onModeFraction;

    private ModeCoverage(int[] counts, int covered, double onModeFraction) {
        this.counts = counts;
        this.covered = covered;
        this.onModeFraction = onModeFraction;
    }

    /**
     * Measures the coverage of n points.
     *
     * @param points n&middot;d coordinates, row-major, finite. Not modified.
     * @param centres M &ge; 1 mode centres of d coordinates each. Not modified.
     * @param radius r &gt; 0, in the points' units (e.g. three standard deviations of a mode).
     * @param shareFraction q in (0, 1]: the fraction of the fair share n/M a mode needs to count as covered.
     * @return The coverage.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static ModeCoverage of(float[] points, double[][] centres, double radius, double shareFraction) {
        if (centres == null || centres.length == 0) {
            throw new IllegalArgumentException("centres: expected at least one mode centre, found "
                    + (centres == null ? "null" : "none"));
        }
        int d = centres[0].length;
        for (int m = 0; m < centres.length; m++) {
            if (centres[m] == null || centres[m].length != d || d == 0) {
                throw new IllegalArgumentException("centres[" + m + "]: expected " + Math.max(d, 1)
                        + " coordinates like centres[0], found " + (centres[m] == null ? "null" : centres[m].length));
            }
        }
        if (points == null || points.length == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("points: expected a non-empty multiple of d = " + d + " values, found "
                    + (points == null ? "null" : points.length));
        }
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("radius: expected a finite r > 0, found " + radius);
        }
        if (!(shareFraction > 0 && shareFraction <= 1)) {
            throw new IllegalArgumentException("shareFraction: expected q in (0, 1], found " + shareFraction);
        }
        int n = points.length / d;
        int[] counts = new int[centres.length];
        int on = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestD2 = Double.POSITIVE_INFINITY;
            for (int m = 0; m < centres.length; m++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double v = points[i * d + k];
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("points[" + (i * d + k) + "]: expected a finite value, found "
                                + v);
                    }
                    double diff = v - centres[m][k];
                    s += diff * diff;
                }
                if (s < bestD2) {
                    bestD2 = s;
                    best = m;
                }
            }
            if (Math.sqrt(bestD2) < radius) {
                counts[best]++;
                on++;
            }
        }
        double need = shareFraction * n / centres.length;
        int covered = (int) Arrays.stream(counts).filter(c -> c >= need).count();
        return new ModeCoverage(counts, covered, (double) on / n);
    }

    /**
     * Returns the number of points on each mode.
     *
     * @return A new array of M counts.
     */
    public int[] counts() {
        return counts.clone();
    }

    /**
     * Returns the number of covered modes.
     *
     * @return In [0, M].
     */
    public int covered() {
        return covered;
    }

    /**
     * Returns the fraction of all points that are on some mode.
     *
     * @return In [0, 1].
     */
    public double onModeFraction() {
        return onModeFraction;
    }

    /**
     * Describes the coverage.
     *
     * @return E.g. "ModeCoverage[covered=7 of 8, onMode=0.5125, counts=[...]]".
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ModeCoverage[covered=%d of %d, onMode=%.4f, counts=%s]", covered,
                counts.length, onModeFraction, Arrays.toString(counts));
    }
}
