package org.ebmjava.boltzmann;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Small binary data sets for Boltzmann machines: "bars and stripes", parity, and samples drawn from
 * a distribution over {0,1}<sup>n</sup>.
 *
 * <p>Images are stored row-major: pixel (r, c) of a side &times; side grid is unit r &middot; side +
 * c. Every method returns fresh arrays.
 *
 * <pre>
 * Reference (bars and stripes, as usually credited): D. J. C. MacKay, "Information Theory,
 * Inference, and Learning Algorithms", Cambridge University Press, 2003.
 * </pre>
 */
public final class BinaryDatasets {

    /** Largest side accepted by {@link #bars(int)}. */
    public static final int MAX_SIDE = 8;

    /** How far from 1 the sum of a distribution may be in {@link #sample}. */
    public static final double NORMALISATION_TOLERANCE = 1e-6;

    private BinaryDatasets() {}

    /**
     * Returns all distinct "bars and stripes" images on a side &times; side grid: every image in
     * which each row is entirely on or entirely off (2<sup>side</sup> stripe patterns), and every
     * image in which each column is entirely on or off (2<sup>side</sup> bar patterns), with the
     * all-off and all-on images, which are both, listed once: 2<sup>side+1</sup> - 2 images.
     *
     * <p>Order: the row patterns first, row r on iff bit r of the mask, masks 0, 1, ...,
     * 2<sup>side</sup>-1; then the column patterns for masks 1, ..., 2<sup>side</sup>-2. For
     * side = 2 this gives 6 images of 4 units, for side = 3, 14 images of 9 units.
     *
     * @param side The grid side, in [1, {@link #MAX_SIDE}].
     * @return A new list of 2<sup>side+1</sup> - 2 vectors of length side<sup>2</sup>.
     * @throws IllegalArgumentException If side is out of range.
     */
    public static List<int[]> bars(int side) {
        if (side < 1 || side > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "side must be in [1, " + MAX_SIDE + "], found " + side);
        }
        int masks = 1 << side;
        List<int[]> out = new ArrayList<>(2 * masks - 2);
        for (int mask = 0; mask < masks; mask++) {
            int[] s = new int[side * side];
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    s[r * side + c] = (mask >> r) & 1;
                }
            }
            out.add(s);
        }
        for (int mask = 1; mask < masks - 1; mask++) {
            int[] s = new int[side * side];
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    s[r * side + c] = (mask >> c) & 1;
                }
            }
            out.add(s);
        }
        return out;
    }

    /**
     * Returns all n-bit vectors with an even number of ones, in binary-counting order: the parity
     * data set, whose means (1/2) and pairwise correlations (1/4) equal those of the uniform
     * distribution for n &ge; 3, so a fully visible Boltzmann machine cannot learn it but one with
     * hidden units can.
     *
     * @param n The number of bits, in [2, 16].
     * @return A new list of 2<sup>n-1</sup> vectors of length n.
     * @throws IllegalArgumentException If n is out of range.
     */
    public static List<int[]> parity(int n) {
        if (n < 2 || n > 16) {
            throw new IllegalArgumentException("n must be in [2, 16], found " + n);
        }
        List<int[]> out = new ArrayList<>(1 << (n - 1));
        for (int i = 0; i < (1 << n); i++) {
            if (Integer.bitCount(i) % 2 == 0) {
                out.add(BoltzmannOps.state(i, n));
            }
        }
        return out;
    }

    /**
     * Draws states independently from a distribution over {0,1}<sup>n</sup> given by state index
     * (inverse-CDF sampling with one {@code rng.nextDouble()} per draw).
     *
     * @param distribution The probabilities of the 2<sup>n</sup> states in binary-counting order
     *     (see {@link BoltzmannOps#index}), length a power of two &ge; 2, entries finite and &ge; 0,
     *     summing to 1 within {@link #NORMALISATION_TOLERANCE}. Not modified.
     * @param count The number of draws, &ge; 0.
     * @param rng The random source. Modified (advanced).
     * @return A new list of count states of length n.
     * @throws IllegalArgumentException If the distribution is invalid, count is negative or rng is
     *     null.
     */
    public static List<int[]> sample(double[] distribution, int count, RandomGenerator rng) {
        if (distribution == null || distribution.length < 2
                || Integer.bitCount(distribution.length) != 1) {
            throw new IllegalArgumentException("distribution must have a power-of-two length >= 2,"
                    + " found " + (distribution == null ? "null" : "length " + distribution.length));
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, found " + count);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        int n = Integer.numberOfTrailingZeros(distribution.length);
        double[] cdf = new double[distribution.length];
        double total = 0.0;
        for (int i = 0; i < distribution.length; i++) {
            double p = distribution[i];
            if (!(p >= 0.0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException(
                        "distribution[" + i + "] must be finite and >= 0, found " + p);
            }
            total += p;
            cdf[i] = total;
        }
        if (Math.abs(total - 1.0) > NORMALISATION_TOLERANCE) {
            throw new IllegalArgumentException("distribution must sum to 1 (within "
                    + NORMALISATION_TOLERANCE + "), found " + total);
        }
        List<int[]> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double u = rng.nextDouble() * total;
            int lo = 0;
            int hi = cdf.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out.add(BoltzmannOps.state(lo, n));
        }
        return out;
    }

    /**
     * Computes the empirical distribution of a data set over all 2<sup>n</sup> states, e.g. to
     * compare it with a model's {@link BoltzmannMachine#exactDistribution()}.
     *
     * @param data The binary vectors, non-empty, all of length n &le; 20. Not modified.
     * @return A new array of length 2<sup>n</sup>: the fraction of the data equal to the state with
     *     binary-counting index i.
     * @throws IllegalArgumentException If the data are invalid or n &gt; 20.
     */
    public static double[] empiricalDistribution(List<int[]> data) {
        if (data == null || data.isEmpty() || data.get(0) == null) {
            throw new IllegalArgumentException("data must be a non-empty list of vectors");
        }
        int n = data.get(0).length;
        if (n < 1 || n > BoltzmannMachine.MAX_EXACT_UNITS) {
            throw new IllegalArgumentException("vectors must have length in [1, "
                    + BoltzmannMachine.MAX_EXACT_UNITS + "], found " + n);
        }
        BoltzmannOps.checkData(data, n);
        double[] p = new double[1 << n];
        for (int[] s : data) {
            p[BoltzmannOps.index(s)] += 1.0;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= data.size();
        }
        return p;
    }

    /**
     * Draws a binary image as text, one line per row, '#' for on and '.' for off.
     *
     * @param s The image, length side<sup>2</sup>, binary. Not modified.
     * @param side The grid side, &ge; 1.
     * @return The picture, rows separated by '\n' (no trailing newline).
     * @throws IllegalArgumentException If side &lt; 1 or s is not a binary vector of length
     *     side<sup>2</sup>.
     */
    public static String render(int[] s, int side) {
        if (side < 1) {
            throw new IllegalArgumentException("side must be >= 1, found " + side);
        }
        BoltzmannOps.checkState(s, side * side, "s");
        StringBuilder sb = new StringBuilder(side * (side + 1));
        for (int r = 0; r < side; r++) {
            if (r > 0) {
                sb.append('\n');
            }
            for (int c = 0; c < side; c++) {
                sb.append(s[r * side + c] == 1 ? '#' : '.');
            }
        }
        return sb.toString();
    }
}
