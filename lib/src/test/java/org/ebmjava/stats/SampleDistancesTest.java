package org.ebmjava.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleDistancesTest {

    private static final double EXACT_TOL = 1e-12;

    private static double[][] gaussian(int n, double shiftX, SplittableRandom rng) {
        double[][] p = new double[n][2];
        for (int i = 0; i < n; i++) {
            p[i][0] = shiftX + rng.nextGaussian();
            p[i][1] = rng.nextGaussian();
        }
        return p;
    }

    /** Modified Bessel function I_k(x) by its power series (converges fast for small x). */
    private static double besselI(int k, double x) {
        double term = Math.pow(x / 2, k);
        for (int j = 1; j <= k; j++) {
            term /= j;
        }
        double sum = 0.0;
        for (int m = 0; m < 60; m++) {
            sum += term;
            term *= (x / 2) * (x / 2) / ((m + 1.0) * (m + 1.0 + k));
        }
        return sum;
    }

    /**
     * E|Z| for Z ~ N(mu, s^2 I) in 2D: the mean of the Rice distribution,
     * s sqrt(pi/2) L_{1/2}(-|mu|^2 / (2 s^2)), L_{1/2}(x) = e^{x/2} ((1 - x) I_0(-x/2) - x I_1(-x/2)).
     */
    private static double riceMean(double nu, double s) {
        double x = -nu * nu / (2 * s * s);
        double laguerre = Math.exp(x / 2) * ((1 - x) * besselI(0, -x / 2) - x * besselI(1, -x / 2));
        return s * Math.sqrt(Math.PI / 2) * laguerre;
    }

    @Test
    void identicalSetsAreAtDistanceZero() {
        double[][] x = gaussian(300, 0.0, new SplittableRandom(1));
        assertEquals(0.0, SampleDistances.energyDistance(x, x), EXACT_TOL);
        assertEquals(0.0, SampleDistances.chamfer(x, x), 0.0);
        assertEquals(0.0, SampleDistances.chamferSquared(x, x), 0.0);
    }

    @Test
    void smallSetsMatchHandComputedValues() {
        // 1D: x = {0, 2}, y = {1}. Cross: |0-1| = |2-1| = 1, mean 1. Within x over all 4 ordered pairs:
        // (0 + 2 + 2 + 0)/4 = 1. Within y: 0. D^2 = 2*1 - 1 - 0 = 1.
        assertEquals(1.0, SampleDistances.energyDistance(new double[][] {{0}, {2}}, new double[][] {{1}}), EXACT_TOL);
        // 2D Chamfer: x = {(0,0)}, y = {(3,4), (0,1)}. x -> nearest y: 1. y -> nearest x: 5 and 1, mean 3.
        // Chamfer = 1 + 3 = 4; squared: 1 + (25 + 1)/2 = 14.
        double[][] x = {{0, 0}};
        double[][] y = {{3, 4}, {0, 1}};
        assertEquals(4.0, SampleDistances.chamfer(x, y), EXACT_TOL);
        assertEquals(14.0, SampleDistances.chamferSquared(x, y), EXACT_TOL);
        assertEquals(SampleDistances.chamfer(y, x), SampleDistances.chamfer(x, y), EXACT_TOL);
    }

    @Test
    void energyDistanceOfShiftedGaussiansMatchesTheLargeSampleLimit() {
        // X ~ N(0, I), Y ~ N((1, 0), I): X - Y ~ N(-(1, 0), 2 I) and X - X' ~ N(0, 2 I), so
        // D^2 = 2 E|N(mu, 2I)| - 2 E|N(0, 2I)| with |mu| = 1 (the Rice mean): 0.42985...
        double exact = 2 * riceMean(1.0, Math.sqrt(2)) - 2 * riceMean(0.0, Math.sqrt(2));
        assertEquals(Math.sqrt(Math.PI), riceMean(0.0, Math.sqrt(2)), 1e-12); // sanity: s sqrt(pi/2)
        assertEquals(0.42985, exact, 1e-4);
        // 16 independent replicates of n = m = 1000; the test is calibrated by their own spread: the mean must
        // lie within 4 standard errors of the limit, after removing the V-statistic's known bias
        // (1/n + 1/m) E|X - X'| (the zero diagonal terms). The spread is about 0.05 per replicate, so the band is
        // about +-0.05, far from what a wrong factor of 2 in any term would give (>= 0.43).
        SplittableRandom rng = new SplittableRandom(20240611L);
        int n = 1000;
        int reps = 16;
        double[] d2 = new double[reps];
        double floor = 0.0;
        for (int r = 0; r < reps; r++) {
            double[][] x = gaussian(n, 0.0, rng);
            double[][] y = gaussian(n, 1.0, rng);
            d2[r] = SampleDistances.energyDistance(x, y);
            if (r == 0) {
                floor = SampleDistances.energyDistance(x, gaussian(n, 0.0, rng));
            }
        }
        double mean = 0.0;
        for (double v : d2) {
            mean += v / reps;
        }
        double var = 0.0;
        for (double v : d2) {
            var += (v - mean) * (v - mean) / (reps - 1);
        }
        double bias = 2.0 / n * riceMean(0.0, Math.sqrt(2));
        assertEquals(exact + bias, mean, 4 * Math.sqrt(var / reps), "replicates: " + java.util.Arrays.toString(d2));
        // Two samples of one distribution: the noise floor to quote next to a model's distance.
        assertTrue(floor < 0.03, "two samples of one distribution: " + floor);
    }

    @Test
    void meanCrossDistanceOfTwoPointsIsTheirDistance() {
        assertEquals(5.0, SampleDistances.meanCrossDistance(new double[][] {{0, 0}}, new double[][] {{3, 4}}),
                EXACT_TOL);
    }

    @Test
    void rejectsBadPointSets() {
        double[][] ok = {{0, 0}};
        assertThrows(IllegalArgumentException.class, () -> SampleDistances.energyDistance(ok, new double[][] {{0}}));
        assertThrows(IllegalArgumentException.class, () -> SampleDistances.chamfer(ok, new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> SampleDistances.chamfer(ok, null));
        assertThrows(IllegalArgumentException.class,
                () -> SampleDistances.energyDistance(ok, new double[][] {{0, Double.NaN}}));
        assertThrows(IllegalArgumentException.class,
                () -> SampleDistances.energyDistance(new double[][] {{0, 0}, {1}}, ok));
    }
}
