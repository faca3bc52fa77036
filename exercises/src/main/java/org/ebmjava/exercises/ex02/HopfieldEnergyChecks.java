package org.ebmjava.exercises.ex02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 02.1 ({@link HopfieldEnergy}). */
@DisplayName("02.1 Hopfield energy")
public class HopfieldEnergyChecks {
    private static final double TOL = 1e-9;
    private final HopfieldEnergy impl = Submissions.get(HopfieldEnergy.class);

    @Test
    @DisplayName("two neurons: E = -w s1 s2 - b1 s1 - b2 s2")
    void twoNeurons() {
        double[][] w = {{0, 0.5}, {0.5, 0}};
        double[] b = {0.25, -1.0};
        assertEquals(-0.5 - 0.25 + 1.0, impl.energy(w, b, new int[] {1, 1}), TOL, "s = (+1, +1)");
        assertEquals(0.5 - 0.25 - 1.0, impl.energy(w, b, new int[] {1, -1}), TOL, "s = (+1, -1)");
    }

    @Test
    @DisplayName("a stored pattern has energy -N/2 + 1/2 under the one-pattern Hebbian rule")
    void storedPatternEnergy() {
        int n = 20;
        Random rng = new Random(7);
        int[] xi = new int[n];
        for (int i = 0; i < n; i++) {
            xi[i] = rng.nextBoolean() ? 1 : -1;
        }
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = i == j ? 0 : (double) xi[i] * xi[j] / n;
            }
        }
        // E = -1/2 * (1/N) * (N^2 - N) = -(N - 1)/2
        assertEquals(-(n - 1) / 2.0, impl.energy(w, new double[n], xi), TOL, "E of the stored pattern");
    }

    @Test
    @DisplayName("matches the double sum on random networks")
    void matchesDoubleSum() {
        Random rng = new Random(11);
        for (int trial = 0; trial < 10; trial++) {
            int n = 3 + rng.nextInt(15);
            double[][] w = new double[n][n];
            double[] b = new double[n];
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                b[i] = rng.nextGaussian();
                s[i] = rng.nextBoolean() ? 1 : -1;
                for (int j = 0; j < i; j++) {
                    w[i][j] = w[j][i] = rng.nextGaussian();
                }
            }
            double e = CheckData.quadraticEnergy(w, b, s);
            assertEquals(e, impl.energy(w, b, s), TOL * Math.max(1, Math.abs(e)), "random network, N = " + n);
        }
    }

    @Test
    @DisplayName("symmetric under s -> -s when b = 0")
    void spinFlipSymmetry() {
        double[][] w = {{0, 1, -2}, {1, 0, 0.5}, {-2, 0.5, 0}};
        double[] b = new double[3];
        assertEquals(impl.energy(w, b, new int[] {1, -1, 1}), impl.energy(w, b, new int[] {-1, 1, -1}), TOL,
                "E(s) = E(-s) without biases");
    }

    @Test
    @DisplayName("does not modify its inputs")
    void inputsNotModified() {
        double[][] w = {{0, 1}, {1, 0}};
        double[] b = {0.5, 0.5};
        int[] s = {1, -1};
        impl.energy(w, b, s);
        assertArrayEquals(new int[] {1, -1}, s, "the state must be left as it was");
        assertArrayEquals(new double[] {0.5, 0.5}, b, 0.0, "the biases must be left as they were");
        assertArrayEquals(new double[] {0, 1}, w[0], 0.0, "the weights must be left as they were");
    }
}
