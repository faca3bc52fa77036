package org.ebmjava.exercises.check;

import java.util.Random;

/** Seeded random inputs for exercise checks: Gaussian parameters, symmetric weights and uniform numbers. */
public final class CheckData {
    private CheckData() {}

    /**
     * Independent standard normal numbers.
     *
     * @param n How many.
     * @param rng The random source.
     * @return A new array.
     */
    public static double[] gaussian(int n, Random rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
        }
        return x;
    }

    /**
     * A matrix of independent standard normal numbers, filled row by row.
     *
     * @param rows Number of rows.
     * @param cols Number of columns.
     * @param rng The random source.
     * @return A new rows x cols matrix.
     */
    public static double[][] gaussian(int rows, int cols, Random rng) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = gaussian(cols, rng);
        }
        return m;
    }

    /**
     * A symmetric matrix with zero diagonal and standard normal entries above it (Hopfield and Boltzmann weights).
     *
     * @param n The size.
     * @param rng The random source.
     * @return A new n x n matrix.
     */
    public static double[][] symmetricZeroDiagonal(int n, Random rng) {
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                w[i][j] = w[j][i] = rng.nextGaussian();
            }
        }
        return w;
    }

    /**
     * The quadratic energy of Hopfield networks and Boltzmann machines, computed as a plain double sum.
     *
     * <p>Performs the following operation: E(s) = -1/2 &sum;<sub>i,j</sub> W<sub>ij</sub> s<sub>i</sub>
     * s<sub>j</sub> - &sum;<sub>i</sub> b<sub>i</sub> s<sub>i</sub>, for spins in {-1, +1} or units in {0, 1}.
     *
     * @param w The n x n weights. Not modified.
     * @param b The n biases. Not modified.
     * @param s The state. Not modified.
     * @return E(s).
     */
    public static double quadraticEnergy(double[][] w, double[] b, int[] s) {
        double e = 0;
        for (int i = 0; i < s.length; i++) {
            e -= b[i] * s[i];
            for (int j = 0; j < s.length; j++) {
                e -= 0.5 * w[i][j] * s[i] * s[j];
            }
        }
        return e;
    }

    /**
     * A matrix of independent uniform numbers in [0, 1).
     *
     * @param rows Number of rows.
     * @param cols Number of columns.
     * @param rng The random source.
     * @return A new rows x cols matrix.
     */
    public static double[][] uniform(int rows, int cols, Random rng) {
        double[][] u = new double[rows][cols];
        for (double[] row : u) {
            for (int k = 0; k < cols; k++) {
                row[k] = rng.nextDouble();
            }
        }
        return u;
    }

    /**
     * A deep copy of a matrix, so a check can compare a submission's output with its untouched input.
     *
     * @param a rows of any lengths
     * @return new rows with the same entries
     */
    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
