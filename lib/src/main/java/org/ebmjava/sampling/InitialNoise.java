package org.ebmjava.sampling;

import java.util.random.RandomGenerator;

/**
 * A noise distribution to start Langevin chains from: independent uniform coordinates in a box [lo, hi], or
 * independent Gaussian coordinates N(mean, std<sup>2</sup>).
 *
 * <p>Short-run Langevin (Nijkamp et al., 2019) starts every chain here; a replay buffer (Du and Mordatch, 2019)
 * re-initialises a fraction of its chains from here. Images in [0, 1] or [-1, 1] usually start from uniform noise
 * in the same box.
 *
 * @param dimension The dimension d of one point, at least 1.
 * @param gaussian True for N(a, b<sup>2</sup>) coordinates, false for uniform coordinates in [a, b].
 * @param a The lower edge lo (uniform) or the mean (Gaussian).
 * @param b The upper edge hi (uniform) or the standard deviation (Gaussian).
 */
public record InitialNoise(int dimension, boolean gaussian, double a, double b) {

    /**
     * Validates the parameters.
     *
     * @param dimension The dimension d of one point, at least 1.
     * @param gaussian True for N(a, b<sup>2</sup>) coordinates, false for uniform coordinates in [a, b].
     * @param a The lower edge lo (uniform) or the mean (Gaussian), finite.
     * @param b The upper edge hi &gt; lo (uniform) or the standard deviation &gt; 0 (Gaussian), finite.
     * @throws IllegalArgumentException If a parameter is out of range (the message names it).
     */
    public InitialNoise {
        BatchOps.requireAtLeast(dimension, 1, "dimension");
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException((gaussian ? "mean and std" : "lo and hi")
                    + ": expected finite numbers, found " + a + ", " + b);
        }
        if (gaussian) {
            BatchOps.requirePositive(b, "std");
        } else if (!(b > a)) {
            throw new IllegalArgumentException("hi: expected > lo = " + a + ", found " + b);
        }
    }

    /**
     * Creates uniform noise in the box [lo, hi]<sup>d</sup> (lo + (hi - lo) u, u uniform in [0, 1), rounded to float).
     *
     * @param dimension The dimension d, at least 1.
     * @param lo The lower edge, finite.
     * @param hi The upper edge, finite and &gt; lo.
     * @return The noise.
     * @throws IllegalArgumentException If a parameter is out of range.
     */
    public static InitialNoise uniform(int dimension, double lo, double hi) {
        return new InitialNoise(dimension, false, lo, hi);
    }

    /**
     * Creates Gaussian noise with independent N(mean, std<sup>2</sup>) coordinates.
     *
     * @param dimension The dimension d, at least 1.
     * @param mean The mean of every coordinate, finite.
     * @param std The standard deviation, finite and &gt; 0.
     * @return The noise.
     * @throws IllegalArgumentException If a parameter is out of range.
     */
    public static InitialNoise gaussian(int dimension, double mean, double std) {
        return new InitialNoise(dimension, true, mean, std);
    }

    /**
     * Draws n points.
     *
     * @param n The number of points, at least 1.
     * @param rng The random source. Modified (advanced by n&middot;d draws).
     * @return A new row-major array of n&middot;d floats.
     * @throws IllegalArgumentException If n &lt; 1 or rng is null.
     */
    public float[] draw(int n, RandomGenerator rng) {
        BatchOps.requireAtLeast(n, 1, "n");
        float[] x = new float[Math.multiplyExact(n, dimension)];
        fillRows(x, 0, n, rng);
        return x;
    }

    /**
     * Overwrites rows [from, from + count) of a batch with fresh noise.
     *
     * @param x The batch, row-major with rows of d floats. Modified (those rows only).
     * @param from The first row, at least 0.
     * @param count The number of rows, at least 0, with from + count rows inside x.
     * @param rng The random source. Modified (advanced by count&middot;d draws).
     * @throws IllegalArgumentException If the rows are not inside x or rng is null.
     */
    public void fillRows(float[] x, int from, int count, RandomGenerator rng) {
        BatchOps.requireRng(rng);
        if (x == null || from < 0 || count < 0 || (long) (from + count) * dimension > x.length) {
            throw new IllegalArgumentException("rows [" + from + ", " + ((long) from + count) + "): expected inside x"
                    + " of " + (x == null ? "null" : x.length / dimension + " rows of d = " + dimension));
        }
        int end = (from + count) * dimension;
        for (int k = from * dimension; k < end; k++) {
            x[k] = (float) (gaussian ? a + b * rng.nextGaussian() : a + (b - a) * rng.nextDouble());
        }
    }

    /**
     * Describes the noise.
     *
     * @return E.g. "uniform[-1, 1]^784" or "N(0, 1^2)^2".
     */
    @Override
    public String toString() {
        return gaussian ? "N(" + BatchOps.num(a) + ", " + BatchOps.num(b) + "^2)^" + dimension
                : "uniform[" + BatchOps.num(a) + ", " + BatchOps.num(b) + "]^" + dimension;
    }
}
