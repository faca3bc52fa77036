package org.ebmjava.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.data.Toy2D;
import org.junit.jupiter.api.Test;

class GaussianKdeTest {

    private static double[][] gaussian(int n, SplittableRandom rng) {
        double[][] p = new double[n][2];
        for (int i = 0; i < n; i++) {
            p[i][0] = rng.nextGaussian();
            p[i][1] = 0.5 * rng.nextGaussian();
        }
        return p;
    }

    @Test
    void densityIntegratesToOneOnAGrid() {
        GaussianKde kde = GaussianKde.scott(Toy2D.twoMoons(200, 0.1, new SplittableRandom(3)));
        int cells = 300;
        double lo = -6;
        double hi = 6;
        double dx = (hi - lo) / cells;
        double mass = 0.0;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                mass += kde.density(new double[] {lo + (i + 0.5) * dx, lo + (j + 0.5) * dx});
            }
        }
        assertEquals(1.0, mass * dx * dx, 1e-4);
    }

    @Test
    void logDensityMatchesTheNaiveSumOfKernels() {
        double[][] train = {{0, 0}, {1, 2}, {-1, 0.5}, {2, -1}};
        GaussianKde kde = GaussianKde.withFactor(train, 0.7);
        double[] h = kde.bandwidths();
        double[] x = {0.3, 0.4};
        double p = 0.0;
        for (double[] t : train) {
            double k = 1.0;
            for (int j = 0; j < 2; j++) {
                double z = (x[j] - t[j]) / h[j];
                k *= Math.exp(-0.5 * z * z) / (h[j] * Math.sqrt(2 * Math.PI));
            }
            p += k / train.length;
        }
        assertEquals(Math.log(p), kde.logDensity(x), 1e-12);
        // Far from the data the log density stays finite (max-shifted log-sum-exp).
        assertTrue(Double.isFinite(kde.logDensity(new double[] {1e3, -1e3})));
    }

    @Test
    void scottBandwidthIsSampleStdTimesNToTheMinusOneSixthIn2D() {
        double[][] train = {{0, 0}, {2, 0}, {0, 4}, {2, 4}};
        // Sample std (n - 1): dimension 0: values 0,2,0,2 -> sd = sqrt(4/3); dimension 1: sqrt(16/3).
        double f = Math.pow(4, -1.0 / 6);
        GaussianKde kde = GaussianKde.scott(train);
        assertEquals(f, kde.factor(), 1e-15);
        assertEquals(f * Math.sqrt(4.0 / 3), kde.bandwidths()[0], 1e-12);
        assertEquals(f * Math.sqrt(16.0 / 3), kde.bandwidths()[1], 1e-12);
        assertEquals(Math.pow(4 * 4 / 4.0, -1.0 / 6), GaussianKde.silverman(train).factor(), 1e-15);
    }

    @Test
    void heldOutLikelihoodOnGaussianDataApproachesMinusTheEntropy() {
        SplittableRandom rng = new SplittableRandom(99);
        double[][] train = gaussian(4000, rng);
        double[][] test = gaussian(2000, rng);
        double ll = GaussianKde.scott(train).meanLogLikelihood(test);
        // Differential entropy of N(0, diag(1, 0.25)): log(2 pi e) + log(0.5) / 1 ... = log(2 pi e * 0.5).
        double h = Math.log(2 * Math.PI * Math.E * 0.5);
        double exact = 0.0;
        for (double[] t : test) {
            exact += GaussianOps.logDensity(t[0], 0, 1) + GaussianOps.logDensity(t[1], 0, 0.25);
        }
        exact /= test.length;
        // The true density beats the estimate on the same points; the estimate is within 0.05 nats of it.
        assertTrue(ll < exact, ll + " vs " + exact);
        assertEquals(exact, ll, 0.05);
        assertEquals(-h, exact, 0.06);
    }

    @Test
    void validationSelectionPicksTheBestCandidate() {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] train = Toy2D.twoMoons(500, 0.05, rng);
        double[][] valid = Toy2D.twoMoons(500, 0.05, rng);
        double[] factors = {0.02, 0.05, 0.1, 0.2, 0.4, 0.8};
        GaussianKde.Selection sel = GaussianKde.selectFactor(train, valid, factors);
        for (double s : sel.validationLogLikelihoods()) {
            assertTrue(s <= sel.kde().meanLogLikelihood(valid) + 1e-12);
        }
        // Scott's rule over-smooths the thin moons: the chosen factor is smaller and scores better.
        double scott = GaussianKde.scottFactor(500, 2);
        assertTrue(sel.factor() < scott, sel.factor() + " vs Scott " + scott);
        assertTrue(sel.kde().meanLogLikelihood(valid) > GaussianKde.scott(train).meanLogLikelihood(valid));
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> GaussianKde.scott(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> GaussianKde.scott(new double[][] {{1, 2}, {1, 3}}));
        assertThrows(IllegalArgumentException.class, () -> GaussianKde.withFactor(new double[][] {{0}, {1}}, 0));
        GaussianKde kde = GaussianKde.scott(new double[][] {{0, 0}, {1, 1}});
        assertThrows(IllegalArgumentException.class, () -> kde.logDensity(new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianKde.selectFactor(new double[][] {{0}, {1}}, new double[][] {{0}}, new double[0]));
    }
}
