package org.ebmjava.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChainDiagnosticsTest {

    private static final double TOL = 1e-12;
    private static final double PHI = 0.9;
    private static final int LENGTH = 200_000;
    /** Sampling error of rho_k for k <= 10 at n = 200,000 and tau = 19 is about 0.01. */
    private static final double RHO_TOL = 0.04;
    /** The task's tolerance on tau; Sokal's estimator has a relative sd of about 4% here. */
    private static final double TAU_RELATIVE_TOL = 0.15;

    /** x_t = phi x_{t-1} + e_t with e_t ~ N(0, 1), started from the stationary N(0, 1/(1-phi^2)). */
    private static double[] ar1(double phi, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        x[0] = rng.nextGaussian() / Math.sqrt(1 - phi * phi);
        for (int t = 1; t < n; t++) {
            x[t] = phi * x[t - 1] + rng.nextGaussian();
        }
        return x;
    }

    @Test
    void autocorrelationOfAr1IsPhiToTheK() {
        double[] rho = ChainDiagnostics.autocorrelation(ar1(PHI, LENGTH, 1), 10);
        assertEquals(1.0, rho[0], 0.0);
        for (int k = 1; k <= 10; k++) {
            assertEquals(Math.pow(PHI, k), rho[k], RHO_TOL, "lag " + k);
        }
    }

    @Test
    void autocorrelationMatchesHandComputedSmallSeries() {
        // x = 1, 2, 3, 4: deviations -1.5, -0.5, 0.5, 1.5; sums of products 5, 1.25, -1.5, -2.25.
        double[] rho = ChainDiagnostics.autocorrelation(new double[] {1, 2, 3, 4}, 3);
        assertArrayEquals(new double[] {1.0, 0.25, -0.3, -0.45}, rho, TOL);
    }

    @Test
    void integratedTimeOfAr1IsOnePlusPhiOverOneMinusPhi() {
        double expected = (1 + PHI) / (1 - PHI); // = 19
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = ar1(PHI, LENGTH, seed);
            double tau = ChainDiagnostics.integratedAutocorrelationTime(x);
            assertEquals(expected, tau, TAU_RELATIVE_TOL * expected, "seed " + seed);
            assertEquals(LENGTH / tau, ChainDiagnostics.effectiveSampleSize(x), TOL * LENGTH);
        }
    }

    @Test
    void independentDrawsHaveTauNearOne() {
        double[] x = ar1(0.0, LENGTH, 7);
        double tau = ChainDiagnostics.integratedAutocorrelationTime(x);
        assertEquals(1.0, tau, 0.05);
        double ess = ChainDiagnostics.effectiveSampleSize(x);
        assertEquals(LENGTH / tau, ess, TOL * LENGTH);
        ChainDiagnostics.Summary s = ChainDiagnostics.summarize(x);
        assertEquals(tau, s.autocorrelationTime(), 0.0);
        assertEquals(ess, s.effectiveSampleSize(), 0.0);
        assertEquals(1.0, s.standardDeviation(), 0.01);
        assertEquals(s.standardDeviation() / Math.sqrt(ess), s.standardError(), TOL);
        assertEquals(0.0, s.mean(), 4 * s.standardError());
    }

    @Test
    void antiCorrelatedChainHasTauFlooredAndPositive() {
        double[] alternating = new double[1000];
        for (int t = 0; t < alternating.length; t++) {
            alternating[t] = t % 2 == 0 ? 1.0 : -1.0;
        }
        double tau = ChainDiagnostics.integratedAutocorrelationTime(alternating);
        assertEquals(1.0 / 3.0, tau, TOL); // floor 1 / log10(1000)
    }

    @Test
    void gelmanRubinIsNearOneForMixedChainsAndLargeForSeparatedOnes() {
        double[][] same = new double[4][];
        double[][] apart = new double[4][];
        for (int j = 0; j < 4; j++) {
            same[j] = ar1(0.5, 2000, 10 + j);
            apart[j] = ar1(0.5, 2000, 20 + j);
            for (int t = 0; t < 2000; t++) {
                apart[j][t] += j; // chain means 0, 1, 2, 3
            }
        }
        double rSame = ChainDiagnostics.gelmanRubin(same);
        assertTrue(rSame > 0.99 && rSame < 1.02, "R-hat = " + rSame);
        assertTrue(ChainDiagnostics.gelmanRubin(apart) > 1.1);
    }

    @Test
    void gelmanRubinMatchesHandComputedValue() {
        // Chains {0, 2} and {4, 6}: means 1 and 5, W = 2, B = 2/1 * (4 + 4) = 16,
        // V = (1/2) 2 + 16/2 = 9, R-hat = sqrt(9/2).
        assertEquals(Math.sqrt(4.5), ChainDiagnostics.gelmanRubin(new double[][] {{0, 2}, {4, 6}}), TOL);
        assertEquals(1.0, ChainDiagnostics.gelmanRubin(new double[][] {{3, 3}, {3, 3}}), 0.0);
        assertEquals(Double.POSITIVE_INFINITY,
                ChainDiagnostics.gelmanRubin(new double[][] {{3, 3}, {4, 4}}), 0.0);
    }

    @Test
    void runningMeanIsTheCumulativeAverage() {
        assertArrayEquals(new double[] {2, 3, 2, 2.5}, ChainDiagnostics.runningMean(new double[] {2, 4, 0, 4}), TOL);
        assertEquals(0, ChainDiagnostics.runningMean(new double[0]).length);
    }

    @Test
    void constantChainHasUndefinedCorrelation() {
        double[] c = {5, 5, 5, 5};
        double[] rho = ChainDiagnostics.autocorrelation(c, 2);
        assertEquals(1.0, rho[0], 0.0);
        assertTrue(Double.isNaN(rho[1]));
        assertTrue(Double.isNaN(ChainDiagnostics.integratedAutocorrelationTime(c)));
        assertTrue(Double.isNaN(ChainDiagnostics.effectiveSampleSize(c)));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ChainDiagnostics.autocorrelation(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> ChainDiagnostics.autocorrelation(new double[] {1, 2}, 2));
        assertThrows(IllegalArgumentException.class, () -> ChainDiagnostics.autocorrelation(new double[] {1, 2}, -1));
        assertThrows(IllegalArgumentException.class,
                () -> ChainDiagnostics.integratedAutocorrelationTime(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ChainDiagnostics.effectiveSampleSize(null));
        assertThrows(IllegalArgumentException.class, () -> ChainDiagnostics.runningMean(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ChainDiagnostics.gelmanRubin(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> ChainDiagnostics.gelmanRubin(new double[][] {{1, 2}, {1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> ChainDiagnostics.summarize(new double[0]));
    }
}
