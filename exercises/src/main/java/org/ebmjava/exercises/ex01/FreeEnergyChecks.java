package org.ebmjava.exercises.ex01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 01.2 ({@link FreeEnergy}). */
@DisplayName("01.2 Free energy")
public class FreeEnergyChecks {
    private static final double TOL = 1e-9;
    private final FreeEnergy impl = Submissions.get(FreeEnergy.class);

    @Test
    @DisplayName("two-level system: F = -T log(1 + exp(-e/T))")
    void twoLevelClosedForm() {
        for (double t : new double[] {0.3, 1.0, 4.0}) {
            double expected = -t * Math.log(1 + Math.exp(-2.0 / t));
            assertEquals(expected, impl.freeEnergy(new double[] {0.0, 2.0}, t), TOL, "E = {0, 2}, T = " + t);
        }
    }

    @Test
    @DisplayName("equals U - T S computed from the probabilities")
    void equalsEnergyMinusTemperatureTimesEntropy() {
        Random rng = new Random(202);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rng.nextInt(20);
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = rng.nextGaussian() * 2;
            }
            double t = 0.3 + 2 * rng.nextDouble();
            double z = 0;
            for (double v : e) {
                z += Math.exp(-v / t);
            }
            double u = 0;
            double s = 0;
            for (double v : e) {
                double p = Math.exp(-v / t) / z;
                u += p * v;
                s -= p * Math.log(p);
            }
            assertEquals(u - t * s, impl.freeEnergy(e, t), 1e-8, "F = U - T S for a random system, T = " + t);
        }
    }

    @Test
    @DisplayName("no overflow: T = 0.01, energies 1e4 and 1e4 + 1")
    void stableAtLowTemperature() {
        double f = impl.freeEnergy(new double[] {1e4, 1e4 + 1}, 0.01);
        assertTrue(Double.isFinite(f), "F must be finite, got " + f);
        assertEquals(1e4, f, 1e-9, "at T = 0.01, F equals the lowest energy");
        double g = impl.freeEnergy(new double[] {-1e4, 0.0}, 0.01);
        assertEquals(-1e4, g, 1e-9, "negative energies: F equals the lowest energy, got " + g);
    }

    @Test
    @DisplayName("F is at most the lowest energy, and shifts with the energies")
    void boundAndShift() {
        double[] e = {0.5, 1.5, -0.25, 3.0};
        double f = impl.freeEnergy(e, 0.8);
        assertTrue(f <= -0.25, "F = -T log Z <= min E because Z >= exp(-E_min/T); got F = " + f);
        double[] shifted = e.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 7.0;
        }
        assertEquals(f + 7.0, impl.freeEnergy(shifted, 0.8), TOL, "adding 7 to every energy adds 7 to F");
    }

    @Test
    @DisplayName("n degenerate states: F = E - T log n")
    void degenerateStates() {
        assertEquals(1.0 - 2.0 * Math.log(5), impl.freeEnergy(new double[] {1, 1, 1, 1, 1}, 2.0), TOL,
                "five states of energy 1 at T = 2");
    }
}
