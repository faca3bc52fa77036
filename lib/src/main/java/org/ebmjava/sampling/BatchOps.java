package org.ebmjava.sampling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.random.RandomGenerator;

/**
 * Static helpers for batches of points stored as one row-major float array (row i holds x<sub>i</sub>, d floats):
 * argument checks with messages that name the argument and the value, and per-coordinate moments.
 *
 * <p>The checks are what every sampler, buffer and closed-form target in the course applies to its input, so the
 * messages read alike everywhere ("x: expected a multiple of d = 2 floats, found 7").
 */
public final class BatchOps {

    private BatchOps() {}

    /**
     * Checks a batch and returns its number of rows.
     *
     * @param x The batch, row-major. Not modified.
     * @param dimension The dimension d of one row, at least 1.
     * @param name The argument's name, used in messages.
     * @return n = x.length / d, at least 1.
     * @throws IllegalArgumentException If x is null or empty, its length is not a multiple of d, or an entry is NaN
     *     or infinite (the message gives the first such index and value).
     */
    public static int rows(float[] x, int dimension, String name) {
        if (x == null) {
            throw new IllegalArgumentException(name + ": expected an array of points, found null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException(name + ": expected at least one point, found an empty array");
        }
        if (x.length % dimension != 0) {
            throw new IllegalArgumentException(name + ": expected a multiple of d = " + dimension
                    + " floats (row-major points), found " + x.length);
        }
        requireFinite(x, name);
        return x.length / dimension;
    }

    /**
     * Checks that every entry is finite.
     *
     * @param x The values. Not modified.
     * @param name The argument's name, used in messages.
     * @throws IllegalArgumentException If an entry is NaN or infinite.
     */
    public static void requireFinite(float[] x, String name) {
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "]: expected a finite number, found " + x[i]);
            }
        }
    }

    /**
     * Checks that a number is finite and strictly positive.
     *
     * @param value The value.
     * @param name The argument's name, used in messages.
     * @return The value.
     * @throws IllegalArgumentException If it is not finite or not &gt; 0.
     */
    public static double requirePositive(double value, String name) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": expected a finite number > 0, found " + value);
        }
        return value;
    }

    /**
     * Checks that a number is finite and not negative.
     *
     * @param value The value.
     * @param name The argument's name, used in messages.
     * @return The value.
     * @throws IllegalArgumentException If it is NaN, infinite or &lt; 0.
     */
    public static double requireNonNegative(double value, String name) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": expected a finite number >= 0, found " + value);
        }
        return value;
    }

    /**
     * Checks a count.
     *
     * @param value The count.
     * @param min The smallest allowed value.
     * @param name The argument's name, used in messages.
     * @return The value.
     * @throws IllegalArgumentException If value &lt; min.
     */
    public static int requireAtLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": expected >= " + min + ", found " + value);
        }
        return value;
    }

    /**
     * Checks a random generator argument.
     *
     * @param rng The generator.
     * @throws IllegalArgumentException If rng is null.
     */
    public static void requireRng(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng: expected a random generator, found null");
        }
    }

    /**
     * Checks a single point given as a double array.
     *
     * @param x The point. Not modified.
     * @param dimension The expected number of coordinates.
     * @throws IllegalArgumentException If x is null or has another length.
     */
    public static void requirePoint(double[] x, int dimension) {
        if (x == null || x.length != dimension) {
            throw new IllegalArgumentException("x: expected " + dimension + " coordinates, found "
                    + (x == null ? "null" : String.valueOf(x.length)));
        }
    }

    /**
     * Checks that an output array holds at least the given number of floats.
     *
     * @param out The array.
     * @param needed How many floats are written.
     * @param name The argument's name, used in messages.
     * @throws IllegalArgumentException If out is null or shorter than needed.
     */
    public static void requireLength(float[] out, long needed, String name) {
        if (out == null || out.length < needed) {
            throw new IllegalArgumentException(name + ": expected at least " + needed + " floats, found "
                    + (out == null ? "null" : String.valueOf(out.length)));
        }
    }

    /**
     * Checks the arguments of {@link BatchEnergy#evaluate} (and, with energies null, of
     * {@link BatchScore#score}): for implementations.
     *
     * @param x The points. Not modified.
     * @param n The number of points, at least 0.
     * @param dimension The dimension d.
     * @param energies The energy output, or null. Not modified.
     * @param gradient The gradient (or score) output, or null. Not modified.
     * @throws IllegalArgumentException If n &lt; 0 or an array is too short for n points (the message names it and
     *     gives the lengths).
     */
    public static void checkEvaluation(float[] x, int n, int dimension, float[] energies, float[] gradient) {
        if (n < 0) {
            throw new IllegalArgumentException("n: expected >= 0, found " + n);
        }
        long m = (long) n * dimension;
        requireLength(x, m, "x");
        if (energies != null) {
            requireLength(energies, n, "energies");
        }
        if (gradient != null) {
            requireLength(gradient, m, "gradient");
        }
    }

    /**
     * Computes the mean of each coordinate over the rows of a batch.
     *
     * <p>Performs m<sub>j</sub> = (1/n) &sum;<sub>i</sub> x<sub>ij</sub>, accumulated in double.
     *
     * @param x The batch, row-major, n &ge; 1 finite rows. Not modified.
     * @param dimension The dimension d of one row, at least 1.
     * @return A new array of d means.
     * @throws IllegalArgumentException If x is not a valid batch of d-dimensional rows.
     */
    public static double[] columnMeans(float[] x, int dimension) {
        int n = rows(x, dimension, "x");
        double[] m = new double[dimension];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dimension; j++) {
                m[j] += x[i * dimension + j];
            }
        }
        for (int j = 0; j < dimension; j++) {
            m[j] /= n;
        }
        return m;
    }

    /**
     * Computes the sample covariance matrix of the rows of a batch.
     *
     * <p>Performs C<sub>jk</sub> = (1/(n-1)) &sum;<sub>i</sub> (x<sub>ij</sub> - m<sub>j</sub>)(x<sub>ik</sub> -
     * m<sub>k</sub>), accumulated in double; the diagonal holds the per-coordinate variances.
     *
     * @param x The batch, row-major, n &ge; 2 finite rows. Not modified.
     * @param dimension The dimension d of one row, at least 1.
     * @return A new d &times; d symmetric matrix.
     * @throws IllegalArgumentException If x is not a valid batch or has fewer than 2 rows.
     */
    public static double[][] covariance(float[] x, int dimension) {
        double[] m = columnMeans(x, dimension);
        int n = x.length / dimension;
        if (n < 2) {
            throw new IllegalArgumentException("x: expected at least 2 rows for a covariance, found " + n);
        }
        double[][] c = new double[dimension][dimension];
        double[] centred = new double[dimension];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dimension; j++) {
                centred[j] = x[i * dimension + j] - m[j];
            }
            for (int j = 0; j < dimension; j++) {
                for (int k = 0; k <= j; k++) {
                    c[j][k] += centred[j] * centred[k];
                }
            }
        }
        for (int j = 0; j < dimension; j++) {
            for (int k = 0; k <= j; k++) {
                c[j][k] /= n - 1;
                c[k][j] = c[j][k];
            }
        }
        return c;
    }
    /**
     * Formats a number for descriptions: 4 significant digits, no trailing zeros ("0.005", "10", "1.414").
     *
     * @param v The number.
     * @return Its short decimal form ("NaN" and "Infinity" as Java writes them).
     */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0.0) {
            return "0";
        }
        return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
