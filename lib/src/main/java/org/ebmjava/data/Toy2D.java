package org.ebmjava.data;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Toy 2D data sets for density estimation and sampling demos, scaled to lie roughly within [-4, 4]^2.
 *
 * <p>Every method returns a new n x 2 array (row i = point (x, y)) and draws all randomness from the generator
 * passed in, so the same seed gives the same points. Components of a mixture (the moon, ring or Gaussian a point
 * belongs to) are chosen at random for each point. Noise, where asked for, is isotropic Gaussian with the given
 * standard deviation in output units, added after scaling.
 *
 * <p>The shapes follow the usual benchmarks of score-based and flow models, e.g.
 * <pre>
 * W. Grathwohl, R. T. Q. Chen, J. Bettencourt, I. Sutskever, D. Duvenaud,
 * "FFJORD: Free-form Continuous Dynamics for Scalable Reversible Generative Models", ICLR 2019.
 * </pre>
 */
public final class Toy2D {
    /** Radii of the four rings of {@link #rings(int, double, RandomGenerator)}. */
    public static final double[] RING_RADII = {0.75, 1.5, 2.25, 3.0};
    /** Distance of the eight Gaussian centres from the origin: 2 sqrt(2) &asymp; 2.83. */
    public static final double EIGHT_GAUSSIANS_RADIUS = 2 * Math.sqrt(2);
    /** Scale of the Swiss roll: a point at angle t (1.5 pi &le; t &le; 4.5 pi) lies at radius t * SCALE. */
    public static final double SWISS_ROLL_SCALE = 4 / (4.5 * Math.PI);
    /** Scale of the two moons relative to the unit-radius textbook moons. */
    public static final double MOONS_SCALE = 2.0;

    private Toy2D() {}

    /**
     * Samples two interleaved half circles ("two moons").
     *
     * <p>With u uniform in [0, pi]: the upper moon is (cos u, sin u), the lower one (1 - cos u, 1/2 - sin u);
     * both are shifted by (-1/2, -1/4) and multiplied by 2, so without noise x lies in [-3, 3] and y in
     * [-1.5, 1.5].
     *
     * @param n The number of points, &ge; 0.
     * @param noise The standard deviation of the Gaussian noise, &ge; 0 (0.1 is typical).
     * @param rng The source of randomness.
     * @return A new n x 2 array.
     * @throws IllegalArgumentException If n or noise is negative or noise is not finite.
     */
    public static double[][] twoMoons(int n, double noise, RandomGenerator rng) {
        check(n, noise, "noise", rng);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            double u = Math.PI * rng.nextDouble();
            boolean upper = rng.nextBoolean();
            double x = upper ? Math.cos(u) : 1 - Math.cos(u);
            double y = upper ? Math.sin(u) : 0.5 - Math.sin(u);
            out[i][0] = MOONS_SCALE * (x - 0.5) + noise * rng.nextGaussian();
            out[i][1] = MOONS_SCALE * (y - 0.25) + noise * rng.nextGaussian();
        }
        return out;
    }

    /**
     * Samples four concentric circles of radii 0.75, 1.5, 2.25 and 3 ({@link #RING_RADII}).
     *
     * <p>Each point picks a ring uniformly and an angle uniformly in [0, 2 pi).
     *
     * @param n The number of points, &ge; 0.
     * @param noise The standard deviation of the Gaussian noise, &ge; 0 (0.08 is typical).
     * @param rng The source of randomness.
     * @return A new n x 2 array.
     * @throws IllegalArgumentException If n or noise is negative or noise is not finite.
     */
    public static double[][] rings(int n, double noise, RandomGenerator rng) {
        return rings(n, RING_RADII, noise, rng);
    }

    /**
     * Samples concentric circles with the given radii.
     *
     * @param n The number of points, &ge; 0.
     * @param radii The radii, at least one, each finite and &ge; 0. Not modified.
     * @param noise The standard deviation of the Gaussian noise, &ge; 0.
     * @param rng The source of randomness.
     * @return A new n x 2 array.
     * @throws IllegalArgumentException If an argument is out of range.
     */
    public static double[][] rings(int n, double[] radii, double noise, RandomGenerator rng) {
        check(n, noise, "noise", rng);
        Objects.requireNonNull(radii, "radii");
        if (radii.length == 0) {
            throw new IllegalArgumentException("radii: expected at least one radius, found none");
        }
        for (double r : radii) {
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("radii: expected finite values >= 0, found " + r);
            }
        }
        double[] copy = radii.clone();
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            double r = copy[rng.nextInt(copy.length)];
            double a = 2 * Math.PI * rng.nextDouble();
            out[i][0] = r * Math.cos(a) + noise * rng.nextGaussian();
            out[i][1] = r * Math.sin(a) + noise * rng.nextGaussian();
        }
        return out;
    }

    /**
     * Samples an equal mixture of eight Gaussians whose centres sit on a circle.
     *
     * <p>Centre k (k = 0..7) is R (cos(k pi/4), sin(k pi/4)) with R = 2 sqrt(2) &asymp; 2.83; each point picks a
     * centre uniformly and adds N(0, std^2 I).
     *
     * @param n The number of points, &ge; 0.
     * @param std The standard deviation of each Gaussian, &ge; 0 (0.2 to 0.5 is typical).
     * @param rng The source of randomness.
     * @return A new n x 2 array.
     * @throws IllegalArgumentException If n or std is negative or std is not finite.
     */
    public static double[][] eightGaussians(int n, double std, RandomGenerator rng) {
        check(n, std, "std", rng);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            double a = rng.nextInt(8) * Math.PI / 4;
            out[i][0] = EIGHT_GAUSSIANS_RADIUS * Math.cos(a) + std * rng.nextGaussian();
            out[i][1] = EIGHT_GAUSSIANS_RADIUS * Math.sin(a) + std * rng.nextGaussian();
        }
        return out;
    }

    /**
     * Samples uniformly from the dark squares of a 4x4 checkerboard on [-4, 4]^2.
     *
     * <p>The squares are 2 x 2; square (column c, row r), c, r in 0..3, covers [-4 + 2c, -2 + 2c] x
     * [-4 + 2r, -2 + 2r] and is dark when c + r is even. So every point satisfies
     * floor((x + 4)/2) + floor((y + 4)/2) even, and the density is 1/32 on the dark half of the board.
     *
     * @param n The number of points, &ge; 0.
     * @param rng The source of randomness.
     * @return A new n x 2 array.
     * @throws IllegalArgumentException If n is negative.
     */
    public static double[][] checkerboard(int n, RandomGenerator rng) {
        check(n, 0, "noise", rng);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(4);
            int r = (c % 2) + 2 * rng.nextInt(2);
            out[i][0] = -4 + 2 * c + 2 * rng.nextDouble();
            out[i][1] = -4 + 2 * r + 2 * rng.nextDouble();
        }
        return out;
    }

    /**
     * Samples a 2D Swiss roll (a spiral).
     *
     * <p>With t = 1.5 pi (1 + 2 u), u uniform in [0, 1]: the point is s (t cos t, t sin t) with
     * s = 4 / (4.5 pi) ({@link #SWISS_ROLL_SCALE}), so without noise its radius runs from 4/3 to 4.
     *
     * @param n The number of points, &ge; 0.
     * @param noise The standard deviation of the Gaussian noise, &ge; 0 (0.1 to 0.25 is typical).
     * @param rng The source of randomness.
     * @return A new n x 2 array.
     * @throws IllegalArgumentException If n or noise is negative or noise is not finite.
     */
    public static double[][] swissRoll(int n, double noise, RandomGenerator rng) {
        check(n, noise, "noise", rng);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            double t = 1.5 * Math.PI * (1 + 2 * rng.nextDouble());
            out[i][0] = SWISS_ROLL_SCALE * t * Math.cos(t) + noise * rng.nextGaussian();
            out[i][1] = SWISS_ROLL_SCALE * t * Math.sin(t) + noise * rng.nextGaussian();
        }
        return out;
    }

    private static void check(int n, double noise, String noiseName, RandomGenerator rng) {
        Objects.requireNonNull(rng, "rng");
        if (n < 0) {
            throw new IllegalArgumentException("n: expected >= 0, found " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException(noiseName + ": expected a finite value >= 0, found " + noise);
        }
    }
}
