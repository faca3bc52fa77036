package org.ebmjava.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.ebmjava.stats.GaussianOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalNormalTest {

    private static final double EXACT = 1e-10;
    private static final double GRID = 1e-7;

    private static double[] data(int n, SplittableRandom rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.5 + 0.8 * rng.nextGaussian();
        }
        return x;
    }

    @Test
    void singleObservationMatchesHandComputation() {
        // Prior N(0, 1), noise sd 1, x = 2: precision 1 + 1 = 2, mean (0 + 2)/2 = 1, posterior N(1, 1/2).
        NormalNormal m = new NormalNormal(0, 1, 1, new double[] {2});
        assertEquals(1.0, m.posterior().mean(), EXACT);
        assertEquals(0.5, m.posterior().variance(), EXACT);
        // Evidence: x ~ N(0, 1 + 1), log N(2; 0, 2).
        assertEquals(GaussianOps.logDensity(2, 0, 2), m.logEvidence(), EXACT);
    }

    @Test
    void marginalLikelihoodEqualsCandidateFormula() {
        // logEvidence uses the data marginal N(mu0 1, s^2 I + t0^2 1 1^T); logPartition(1) uses
        // -E(mu_n) + log(2 pi / lambda_n)/2 (Laplace's method, exact for a quadratic energy).
        SplittableRandom rng = new SplittableRandom(11);
        for (int n : new int[] {0, 1, 5, 50}) {
            NormalNormal m = new NormalNormal(0.3, 2.0, 0.8, data(n, rng));
            assertEquals(m.logEvidence(), m.logPartition(1.0), EXACT * Math.max(1, n));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 1.0, 4.0})
    void gridThroughBoltzmannAgreesWithClosedForms(double t) {
        NormalNormal m = new NormalNormal(0.3, 2.0, 0.8, data(20, new SplittableRandom(5)));
        GridPosterior g = GridPosterior.of(m, 20_000, t);
        assertEquals(m.logPartition(t), g.logPartition(), GRID);
        assertEquals(m.meanEnergy(t), g.meanEnergy(), GRID);
        assertEquals(m.entropy(t), g.entropy(), GRID);
        assertEquals(m.temperedPosterior(t).mean(), g.mean(), GRID);
        assertEquals(m.temperedPosterior(t).variance(), g.variance(), GRID);
        // Tempering scales the posterior variance by T; equipartition gives U = E(mu_n) + T/2.
        assertEquals(t * m.posterior().variance(), m.temperedPosterior(t).variance(), EXACT);
        assertEquals(m.value(m.map()) + t / 2, m.meanEnergy(t), EXACT);
        assertEquals(m.freeEnergy(t), m.meanEnergy(t) - t * m.entropy(t), EXACT);
    }

    @Test
    void noDataLeavesThePrior() {
        NormalNormal m = new NormalNormal(0.3, 2.0, 0.8, new double[0]);
        assertEquals(0.3, m.posterior().mean(), EXACT);
        assertEquals(4.0, m.posterior().variance(), EXACT);
        assertEquals(0.0, m.logEvidence(), EXACT);
    }

    @Test
    void derivativeMatchesCentralDifferences() {
        NormalNormal m = new NormalNormal(0.3, 2.0, 0.8, data(10, new SplittableRandom(1)));
        for (double th : new double[] {-1, 0.5, 3}) {
            double h = 1e-6;
            assertEquals((m.value(th + h) - m.value(th - h)) / (2 * h), m.derivative(th), 1e-6);
        }
        assertEquals(0.0, m.derivative(m.map()), 1e-10);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new NormalNormal(0, 0, 1, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new NormalNormal(0, 1, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new NormalNormal(0, 1, 1, new double[] {Double.NaN}));
    }
}
