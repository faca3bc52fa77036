package org.ebmjava.exercises.ex01;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 01.1 ({@link BoltzmannProbabilities}). */
@DisplayName("01.1 Boltzmann probabilities")
public class BoltzmannProbabilitiesChecks {
    private static final double TOL = 1e-9;
    private final BoltzmannProbabilities impl = Submissions.get(BoltzmannProbabilities.class);

    @Test
    @DisplayName("matches exp(-E/T)/Z on a three-state system")
    void matchesDefinition() {
        double[] e = {0.0, 1.0, 2.0};
        double t = 1.5;
        double z = Math.exp(-0.0 / t) + Math.exp(-1.0 / t) + Math.exp(-2.0 / t);
        double[] expected = {1 / z, Math.exp(-1.0 / t) / z, Math.exp(-2.0 / t) / z};
        assertArrayEquals(expected, impl.probabilities(e, t), TOL, "p for E = {0, 1, 2}, T = 1.5");
    }

    @Test
    @DisplayName("lower energy means higher probability (sign of the exponent)")
    void lowerEnergyMoreProbable() {
        double[] p = impl.probabilities(new double[] {3.0, -1.0}, 1.0);
        assertTrue(p[1] > p[0], "the state with E = -1 must be more probable than E = 3, got p = "
                + p[1] + " vs " + p[0]);
    }

    @Test
    @DisplayName("sums to 1 and ratios follow exp(-(E_i - E_j)/T)")
    void normalisedWithBoltzmannRatios() {
        Random rng = new Random(101);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rng.nextInt(30);
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = rng.nextGaussian() * 3;
            }
            double t = 0.2 + 3 * rng.nextDouble();
            double[] p = impl.probabilities(e, t);
            assertEquals(n, p.length, "one probability per state");
            double sum = 0;
            for (double v : p) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9, "probabilities must sum to 1");
            assertEquals(Math.exp(-(e[0] - e[1]) / t), p[0] / p[1], 1e-9 * Math.exp(-(e[0] - e[1]) / t),
                    "p_0 / p_1 must equal exp(-(E_0 - E_1)/T)");
        }
    }

    @Test
    @DisplayName("no overflow: T = 0.01 with energies -1e4, 0, 1e4")
    void stableAtLowTemperature() {
        double[] p = impl.probabilities(new double[] {0.0, 1e4, -1e4}, 0.01);
        for (double v : p) {
            assertTrue(Double.isFinite(v), "every probability must be finite, got " + java.util.Arrays.toString(p));
        }
        assertArrayEquals(new double[] {0.0, 0.0, 1.0}, p, 1e-12, "all mass on the lowest energy");
    }

    @Test
    @DisplayName("nearly uniform at very high temperature")
    void uniformAtHighTemperature() {
        double[] p = impl.probabilities(new double[] {0.0, 1.0, 2.0, 3.0}, 1e6);
        for (double v : p) {
            assertEquals(0.25, v, 1e-5, "at T = 1e6 every state has p close to 1/4");
        }
    }

    @Test
    @DisplayName("does not modify the energies array")
    void inputNotModified() {
        double[] e = {2.0, 0.5, -1.0};
        double[] copy = e.clone();
        impl.probabilities(e, 0.7);
        assertArrayEquals(copy, e, 0.0, "the input array must be left as it was");
    }

    @Test
    @DisplayName("rejects a temperature that is not positive")
    void rejectsNonPositiveTemperature() {
        assertThrows(IllegalArgumentException.class, () -> impl.probabilities(new double[] {0, 1}, 0.0),
                "T = 0 must throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> impl.probabilities(new double[] {0, 1}, -1.0),
                "T = -1 must throw IllegalArgumentException");
    }
}
