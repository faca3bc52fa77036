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
}
