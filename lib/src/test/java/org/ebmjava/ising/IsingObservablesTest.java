package org.ebmjava.ising;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsingObservablesTest {

    /** Hand-computed averages of a few numbers. */
    private static final double TOL = 1e-12;
    /**
     * Batch-means error of 20,000 iid N(0, 1) draws against 1 / sqrt(n): 20 batches give a relative
     * standard deviation of the estimate of about 1 / sqrt(2 * 19) = 0.16; allow 3 of those.
     */
    private static final double IID_SE_REL_TOL = 0.5;

    @Test
    void formulasMatchHandComputedValues() {
        // Two samples: e = -1, -2; m = 0.5, -1.
        double t = 2.0;
        int L = 3;
        IsingObservables o = IsingObservables.fromSamples(t, L, new double[] {-1.0, -2.0}, new double[] {0.5, -1.0});
        assertEquals(-1.5, o.energyPerSpin(), TOL);
        assertEquals(0.75, o.absMagnetisation(), TOL);
        assertEquals(9 * 0.25 / 4.0, o.specificHeat(), TOL);
        assertEquals(9 * (0.625 - 0.5625) / 2.0, o.susceptibility(), TOL);
        assertEquals(1.0 - ((0.0625 + 1.0) / 2.0) / (3.0 * 0.625 * 0.625), o.binderCumulant(), TOL);
        assertEquals(0.5, o.energyStdError(), TOL);
        assertEquals(0.25, o.magnetisationStdError(), TOL);
        assertEquals(t, o.temperature(), 0.0);
        assertEquals(L, o.size());
    }

    @Test
    void binderCumulantIsTwoThirdsWhenOrderedAndNaNWithoutMagnetisation() {
        IsingObservables ordered = IsingObservables.fromSamples(1.0, 4, new double[] {-2, -2, -2},
                new double[] {1, -1, 1});
        assertEquals(2.0 / 3.0, ordered.binderCumulant(), TOL);
        assertEquals(0.0, ordered.susceptibility(), TOL);
        assertEquals(0.0, ordered.specificHeat(), TOL);
        assertEquals(0.0, ordered.energyStdError(), TOL);
        IsingObservables flat = IsingObservables.fromSamples(1.0, 4, new double[] {0, 0}, new double[] {0, 0});
        assertTrue(Double.isNaN(flat.binderCumulant()));
        IsingObservables single = IsingObservables.fromSamples(1.0, 4, new double[] {-1}, new double[] {0.5});
        assertTrue(Double.isNaN(single.energyStdError()));
        assertTrue(Double.isNaN(single.magnetisationStdError()));
    }

    @Test
    void batchMeansErrorOfIndependentDrawsIsSigmaOverRootN() {
        SplittableRandom rng = new SplittableRandom(12345);
        int n = 20_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 3.0 + 2.0 * rng.nextGaussian();
        }
        double expected = 2.0 / Math.sqrt(n);
        assertEquals(expected, IsingObservables.batchMeansStdError(x), IID_SE_REL_TOL * expected);
    }

    @Test
    void batchMeansErrorGrowsWithAutocorrelation() {
        // An AR(1) series with coefficient 0.9 has an integrated autocorrelation time of 19: the naive
        // error sigma / sqrt(n) underestimates by sqrt(19) ~ 4.4, batch means must not.
        SplittableRandom rng = new SplittableRandom(7);
        int n = 100_000;
        double[] x = new double[n];
        double v = 0.0;
        double sd = 0.0;
        for (int i = 0; i < n; i++) {
            v = 0.9 * v + rng.nextGaussian();
            x[i] = v;
            sd += v * v;
        }
        double naive = Math.sqrt(sd / n) / Math.sqrt(n);
        double ratio = IsingObservables.batchMeansStdError(x) / naive;
        assertTrue(ratio > 3.0 && ratio < 6.5, "ratio " + ratio);
    }

    @Test
    void measureRunsTheRequestedSweeps() {
        try (IsingSampler s = new IsingSampler(IsingModel.random(8, 1), 2.0, UpdateRule.HEAT_BATH, 3, 1)) {
            IsingObservables o = IsingObservables.measure(s, 10, 25, 5);
            assertEquals(35, s.sweepsDone());
            assertEquals(8, o.size());
            assertEquals(2.0, o.temperature(), 0.0);
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        IsingSampler s = new IsingSampler(IsingModel.ordered(4), 1.0, UpdateRule.METROPOLIS, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> IsingObservables.measure(null, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> IsingObservables.measure(s, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> IsingObservables.measure(s, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> IsingObservables.measure(s, 0, 2, 3));
        assertThrows(IllegalArgumentException.class,
                () -> IsingObservables.fromSamples(1.0, 4, new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> IsingObservables.fromSamples(1.0, 4, new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> IsingObservables.fromSamples(1.0, 4, new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> IsingObservables.fromSamples(0.0, 4, new double[] {1}, new double[] {1}));
        assertEquals(0, s.sweepsDone(), "rejected calls must not sweep");
    }
}
