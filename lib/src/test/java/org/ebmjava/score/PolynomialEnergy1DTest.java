package org.ebmjava.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolynomialEnergy1DTest {
    private static final double LO = -5.0;
    private static final double HI = 5.0;
    private static final int CELLS = 20_000;
    private static final PolynomialEnergy1D DOUBLE_WELL = new PolynomialEnergy1D(0.3, -1.0, 0.0, 0.25);

    @Test
    void logPartitionOfAGaussianIsExact() {
        // E = x^2 / 2: Z = sqrt(2 pi)
        var g = new PolynomialEnergy1D(0.0, 0.5);
        assertEquals(0.5 * Math.log(2 * Math.PI), g.logPartition(-12, 12, 20_000), 1e-8);
    }

    @Test
    void scoreIsMinusTheDerivativeOfTheEnergy() {
        double h = 1e-5;
        for (double x : new double[] {-2.1, -0.3, 0.0, 0.7, 1.9}) {
            double fd = -(DOUBLE_WELL.energy(x + h) - DOUBLE_WELL.energy(x - h)) / (2 * h);
            assertEquals(fd, DOUBLE_WELL.score(x), 1e-6, "at x = " + x);
        }
    }

    @Test
    void quadraticScoreMatchingIsTheGaussianMaximumLikelihood() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.5 + 0.7 * rng.nextGaussian();
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double[] t = PolynomialEnergy1D.scoreMatching(x, 2).theta();
        assertEquals(0.5 / var, t[1], 1e-10);
        assertEquals(-mean / var, t[0], 1e-10);
        double[] ml = PolynomialEnergy1D.maximumLikelihood(x, 2, -10, 12, 40_000).theta();
        assertEquals(0.5 / var, ml[1], 1e-6);
        assertEquals(-mean / var, ml[0], 1e-6);
    }

    @Test
    void scoreMatchingEstimateIsAStationaryPointOfTheObjective() {
        double[] x = DOUBLE_WELL.sample(2_000, new SplittableRandom(4), LO, HI, CELLS);
        var sm = PolynomialEnergy1D.scoreMatching(x, 4);
        double j0 = sm.scoreMatchingObjective(x);
        for (int k = 0; k < 4; k++) {
            for (double e : new double[] {-1e-3, 1e-3}) {
                double[] t = sm.theta();
                t[k] += e;
                assertTrue(new PolynomialEnergy1D(t).scoreMatchingObjective(x) > j0,
                        "perturbing theta_" + (k + 1) + " by " + e + " lowers J");
            }
        }
    }

    @Test
    void maximumLikelihoodBeatsEveryOtherModelOnItsData() {
        double[] x = DOUBLE_WELL.sample(2_000, new SplittableRandom(5), LO, HI, CELLS);
        var ml = PolynomialEnergy1D.maximumLikelihood(x, 4, LO, HI, CELLS);
        var sm = PolynomialEnergy1D.scoreMatching(x, 4);
        double nllMl = ml.negativeLogLikelihood(x, LO, HI, CELLS);
        assertTrue(nllMl <= sm.negativeLogLikelihood(x, LO, HI, CELLS) + 1e-12);
        assertTrue(nllMl <= DOUBLE_WELL.negativeLogLikelihood(x, LO, HI, CELLS) + 1e-12);
    }

    @Test
    void bothEstimatorsRecoverTheTruthFromManySamples() {
        double[] x = DOUBLE_WELL.sample(100_000, new SplittableRandom(6), LO, HI, CELLS);
        double[] truth = DOUBLE_WELL.theta();
        double[] sm = PolynomialEnergy1D.scoreMatching(x, 4).theta();
        double[] ml = PolynomialEnergy1D.maximumLikelihood(x, 4, LO, HI, CELLS).theta();
        for (int k = 0; k < 4; k++) {
            assertEquals(truth[k], sm[k], 0.05, "SM theta_" + (k + 1));
            assertEquals(truth[k], ml[k], 0.05, "ML theta_" + (k + 1));
        }
    }

    @Test
    void samplesHaveTheGridMean() {
        var g = new PolynomialEnergy1D(-1.0, 0.5);   // N(1, 1)
        double[] x = g.sample(100_000, new SplittableRandom(7), -8, 10, 10_000);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        assertEquals(1.0, mean / x.length, 0.02);
    }

    @Test
    void klDivergenceBetweenGaussiansIsTheClosedForm() {
        // p = N(0, 1): theta = (0, 0.5); q = N(1, 4): E = (x - 1)^2 / 8 = x^2/8 - x/4 + const
        var p = new PolynomialEnergy1D(0.0, 0.5);
        var q = new PolynomialEnergy1D(-0.25, 0.125);
        double exact = Math.log(2.0) + (1.0 + 1.0) / (2 * 4.0) - 0.5;
        assertEquals(exact, p.klDivergenceTo(q, -15, 15, 30_000), 1e-8);
        assertEquals(0.0, DOUBLE_WELL.klDivergenceTo(DOUBLE_WELL, LO, HI, CELLS), 1e-12);
    }

    @Test
    void normalisability() {
        assertTrue(DOUBLE_WELL.normalisable());
        assertFalse(new PolynomialEnergy1D(0.0, 0.0, 1.0).normalisable());
        assertFalse(new PolynomialEnergy1D(0.0, -0.5).normalisable());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new PolynomialEnergy1D());
        assertThrows(IllegalArgumentException.class, () -> new PolynomialEnergy1D(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PolynomialEnergy1D.scoreMatching(new double[0], 2));
        assertThrows(IllegalArgumentException.class,
                () -> PolynomialEnergy1D.maximumLikelihood(new double[] {1, 2, 3}, 3, -5, 5, 100));
        assertThrows(IllegalArgumentException.class,
                () -> PolynomialEnergy1D.maximumLikelihood(new double[] {1, 2, 9}, 2, -5, 5, 100));
    }
}
