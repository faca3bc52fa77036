package org.ebmjava.hopfield;

import java.util.List;
import java.util.random.RandomGenerator;

/** Naive loop versions of the package's formulas and random test matrices, kept out of main. */
final class Reference {

    private Reference() {}

    /** E(s) = -1/2 sum_ij W_ij s_i s_j - sum_i b_i s_i, as a plain double sum. */
    static double energy(double[][] w, double[] b, int[] s) {
        double e = 0.0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                e -= 0.5 * w[i][j] * s[i] * s[j];
            }
            e -= b[i] * s[i];
        }
        return e;
    }

    /** h_i = sum_j W_ij s_j + b_i. */
    static double field(double[][] w, double[] b, int[] s, int i) {
        double h = b[i];
        for (int j = 0; j < s.length; j++) {
            h += w[i][j] * s[j];
        }
        return h;
    }

    /** Storkey's rule transcribed literally: h_ij summed over k != i, j afresh for every pair, O(P N^3). */
    static double[][] storkey(List<int[]> patterns) {
        int n = patterns.get(0).length;
        double[][] w = new double[n][n];
        for (int[] xi : patterns) {
            double[][] next = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j) {
                        continue;
                    }
                    double hij = 0.0;
                    double hji = 0.0;
                    for (int k = 0; k < n; k++) {
                        if (k != i && k != j) {
                            hij += w[i][k] * xi[k];
                            hji += w[j][k] * xi[k];
                        }
                    }
                    next[i][j] = w[i][j] + (xi[i] * xi[j] - xi[i] * hji - hij * xi[j]) / n;
                }
            }
            w = next;
        }
        return w;
    }

    /** A symmetric matrix with zero diagonal and off-diagonal entries uniform in [-1, 1). */
    static double[][] randomSymmetric(int n, RandomGenerator rng) {
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                w[i][j] = 2.0 * rng.nextDouble() - 1.0;
                w[j][i] = w[i][j];
            }
        }
        return w;
    }

    /** Entries uniform in [-scale, scale). */
    static double[] randomVector(int n, double scale, RandomGenerator rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (2.0 * rng.nextDouble() - 1.0);
        }
        return v;
    }
}
