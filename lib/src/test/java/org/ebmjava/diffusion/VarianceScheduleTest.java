package org.ebmjava.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VarianceScheduleTest {

    @Test
    void linearScheduleMatchesDdpm() {
        VarianceSchedule s = VarianceSchedule.linear(1000);
        assertEquals(1000, s.steps());
        assertEquals(1e-4, s.beta(1), 1e-15);
        assertEquals(0.02, s.beta(1000), 1e-15);
        assertEquals(1e-4 + (0.02 - 1e-4) * 499 / 999, s.beta(500), 1e-15);
        // alpha-bar_T = prod (1 - beta_t), recomputed here in log space: about 4.0e-5 for DDPM.
        double logAb = 0.0;
        for (int t = 1; t <= 1000; t++) {
            logAb += Math.log1p(-(1e-4 + (0.02 - 1e-4) * (t - 1) / 999.0));
        }
        assertEquals(Math.exp(logAb), s.alphaBar(1000), 1e-15);
        assertTrue(s.alphaBar(1000) > 3e-5 && s.alphaBar(1000) < 5e-5);
        // Other step counts scale both ends by 1000/T.
        VarianceSchedule short100 = VarianceSchedule.linear(100);
        assertEquals(1e-3, short100.beta(1), 1e-15);
        assertEquals(0.2, short100.beta(100), 1e-15);
    }

    @Test
    void cosineScheduleFollowsItsAlphaBarCurve() {
        VarianceSchedule s = VarianceSchedule.cosine(500);
        double f0 = Math.pow(Math.cos(0.008 / 1.008 * Math.PI / 2), 2);
        for (int t : new int[] {1, 100, 250, 400}) {
            double f = Math.pow(Math.cos((t / 500.0 + 0.008) / 1.008 * Math.PI / 2), 2);
            assertEquals(f / f0, s.alphaBar(t), 1e-12);
        }
        for (int t = 1; t <= 500; t++) {
            assertTrue(s.beta(t) <= VarianceSchedule.COSINE_MAX_BETA);
        }
        assertTrue(s.alphaBar(500) < 1e-6);
    }

    @Test
    void alphaBarFallsStrictlyAndPosteriorVarianceIsBelowBeta() {
        for (VarianceSchedule s : new VarianceSchedule[] {VarianceSchedule.linear(1000), VarianceSchedule.linear(50),
                VarianceSchedule.cosine(1000), VarianceSchedule.cosine(30)}) {
            assertEquals(1.0, s.alphaBar(0), 0.0);
            for (int t = 1; t <= s.steps(); t++) {
                assertTrue(s.alphaBar(t) < s.alphaBar(t - 1), s + " at t=" + t);
                assertTrue(s.alphaBar(t) > 0.0);
                if (t > 1) {
                    assertTrue(s.posteriorVariance(t) < s.beta(t));
                    assertTrue(s.signalToNoise(t) < s.signalToNoise(t - 1));
                }
            }
            assertEquals(0.0, s.posteriorVariance(1), 0.0);
        }
    }

    @Test
    void rejectsInvalidSchedulesAndSteps() {
        assertThrows(IllegalArgumentException.class, () -> VarianceSchedule.fromBetas(new double[] {0.1, 1.0}, "bad"));
        assertThrows(IllegalArgumentException.class, () -> VarianceSchedule.fromBetas(new double[0], "empty"));
        assertThrows(IllegalArgumentException.class, () -> VarianceSchedule.linear(20));
        assertThrows(IllegalArgumentException.class, () -> VarianceSchedule.cosine(0));
        VarianceSchedule s = VarianceSchedule.linear(100);
        assertThrows(IllegalArgumentException.class, () -> s.beta(0));
        assertThrows(IllegalArgumentException.class, () -> s.alphaBar(101));
    }
}
