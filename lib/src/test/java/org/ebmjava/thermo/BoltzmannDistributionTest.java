package org.ebmjava.thermo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoltzmannDistributionTest {

    /** Agreement with brute-force sums in double precision. */
    private static final double TOL = 1e-12;
    /** Relative agreement of F with U - TS. */
    private static final double IDENTITY_REL_TOL = 1e-12;
    /** Relative agreement of the heat capacity with a central difference of U (step 1e-4 T). */
    private static final double DERIVATIVE_REL_TOL = 1e-6;
    /** 99.9 % quantile of the chi-square distribution with 4 degrees of freedom. */
    private static final double CHI2_4DOF_999 = 18.467;

    @Test
    void quantitiesMatchBruteForceSumsOnRandomSmallSystems() {
        Random rng = new Random(2024);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rng.nextInt(8);
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = 3.0 * rng.nextGaussian();
            }
            double t = 0.3 + 3.0 * rng.nextDouble();
            double z = 0.0;
            for (double v : e) {
                z += Math.exp(-v / t);
            }
            double u = 0.0;
            double s = 0.0;
            double u2 = 0.0;
            for (double v : e) {
                double p = Math.exp(-v / t) / z;
                u += p * v;
                u2 += p * v * v;
                s -= p * Math.log(p);
            }
            BoltzmannDistribution d = new BoltzmannDistribution(e, t);
            assertEquals(Math.log(z), d.logPartitionFunction(), TOL * Math.max(1.0, Math.abs(Math.log(z))));
            assertEquals(z, d.partitionFunction(), TOL * z);
            assertEquals(u, d.meanEnergy(), TOL * 10);
            assertEquals(s, d.entropy(), TOL * 10);
            assertEquals(-t * Math.log(z), d.freeEnergy(), TOL * 10);
            assertEquals(u2 - u * u, d.energyVariance(), 1e-10);
            for (int i = 0; i < n; i++) {
                assertEquals(Math.exp(-e[i] / t) / z, d.probability(i), TOL);
                assertEquals(Math.log(d.probability(i)), d.logProbabilities()[i], 1e-10);
            }
        }
    }

    @Test
    void freeEnergyEqualsMeanEnergyMinusTemperatureTimesEntropy() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rng.nextInt(50);
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = 100.0 * rng.nextGaussian();
            }
            double t = Math.exp(4.0 * rng.nextGaussian());
            BoltzmannDistribution d = new BoltzmannDistribution(e, t);
            double f = d.freeEnergy();
            double uts = d.meanEnergy() - t * d.entropy();
            assertEquals(f, uts, IDENTITY_REL_TOL * Math.max(Math.abs(f), Math.abs(d.meanEnergy())),
                    "T=" + t + ", n=" + n);
        }
    }

    @Test
    void highTemperatureIsUniformWithEntropyLogN() {
        double[] e = {0.0, 1.0, 2.0, -3.0, 0.5};
        BoltzmannDistribution d = new BoltzmannDistribution(e, 1e6);
        assertEquals(Math.log(e.length), d.entropy(), 1e-9);
        for (int i = 0; i < e.length; i++) {
            assertEquals(1.0 / e.length, d.probability(i), 1e-5);
        }
    }

    @Test
    void lowTemperatureConcentratesOnGroundStatesWithEntropyLogMultiplicity() {
        double[] e = {1.0, -2.0, 0.5, -2.0, 3.0, -2.0};
        BoltzmannDistribution d = new BoltzmannDistribution(e, 0.01);
        assertEquals(Math.log(3.0), d.entropy(), 1e-9);
        assertEquals(-2.0, d.meanEnergy(), 1e-9);
        assertEquals(1.0 / 3.0, d.probability(1), 1e-12);
        assertEquals(0.0, d.probability(0), 1e-100);
        // S decreases towards log 3 as T falls.
        assertTrue(new BoltzmannDistribution(e, 1.0).entropy() > new BoltzmannDistribution(e, 0.3).entropy());
    }

    @Test
    void extremeEnergiesAtLowTemperatureGiveNoNaN() {
        BoltzmannDistribution d = new BoltzmannDistribution(new double[] {0.0, 1e4, -1e4}, 0.01);
        assertArrayEquals(new double[] {0.0, 0.0, 1.0}, d.probabilities(), 0.0);
        assertEquals(1e6, d.logPartitionFunction(), 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, d.partitionFunction(), "Z overflows, as documented");
        assertEquals(-1e4, d.meanEnergy(), 0.0);
        assertEquals(0.0, d.entropy(), 0.0);
        assertEquals(-1e4, d.freeEnergy(), 1e-9);
        assertEquals(0.0, d.heatCapacity(), 0.0);
        for (double v : d.logProbabilities()) {
            assertFalse(Double.isNaN(v));
        }
        assertFalse(d.toString().contains("NaN"), d.toString());
    }

    @Test
    void heatCapacityEqualsDerivativeOfMeanEnergy() {
        double[] e = {0.0, 0.4, 1.1, 1.5, 3.0, -0.7};
        for (double t : new double[] {0.2, 0.7, 2.0, 10.0}) {
            double h = 1e-4 * t;
            double dudt = (new BoltzmannDistribution(e, t + h).meanEnergy()
                    - new BoltzmannDistribution(e, t - h).meanEnergy()) / (2.0 * h);
            double c = new BoltzmannDistribution(e, t).heatCapacity();
            assertEquals(dudt, c, DERIVATIVE_REL_TOL * Math.max(c, 1e-3), "T=" + t);
        }
    }

    @Test
    void twoLevelSystemMatchesClosedForms() {
        double eps = 1.3;
        for (double t : new double[] {0.1, 0.5, 1.0, 4.0}) {
            BoltzmannDistribution d = new BoltzmannDistribution(new double[] {0.0, eps}, t);
            double x = eps / t;
            double u = eps / (1.0 + Math.exp(x));
            double logZ = Math.log1p(Math.exp(-x));
            assertEquals(logZ, d.logPartitionFunction(), TOL);
            assertEquals(u, d.meanEnergy(), TOL);
            assertEquals(logZ + u / t, d.entropy(), TOL);
            assertEquals(-t * logZ, d.freeEnergy(), TOL);
            double c = x * x * Math.exp(x) / Math.pow(1.0 + Math.exp(x), 2);
            assertEquals(c, d.heatCapacity(), TOL);
            assertEquals(1.0 / (1.0 + Math.exp(x)), d.probability(1), TOL);
        }
    }

    @Test
    void sampleFrequenciesMatchProbabilities() {
        BoltzmannDistribution d = new BoltzmannDistribution(new double[] {0.0, 0.5, 1.0, 2.0, 0.2}, 0.8);
        int n = 200_000;
        int[] draws = d.sample(n, new SplittableRandom(12345));
        long[] counts = new long[d.size()];
        for (int k : draws) {
            counts[k]++;
        }
        double chi2 = 0.0;
        for (int i = 0; i < counts.length; i++) {
            double expected = n * d.probability(i);
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        assertTrue(chi2 < CHI2_4DOF_999, "chi2=" + chi2);
    }

    @Test
    void sampleNeverDrawsZeroProbabilityStatesAndIsSeeded() {
        BoltzmannDistribution d = new BoltzmannDistribution(new double[] {1e4, 0.0, 1e4, 0.01, 1e4}, 0.01);
        int[] counts = new int[5];
        for (int k : d.sample(10_000, new SplittableRandom(1))) {
            counts[k]++;
        }
        assertEquals(0, counts[0] + counts[2] + counts[4], "states of probability 0 were drawn");
        assertTrue(counts[1] > 0 && counts[3] > 0);
        assertArrayEquals(d.sample(100, new SplittableRandom(5)), d.sample(100, new SplittableRandom(5)));
        assertNotEquals(java.util.Arrays.toString(d.sample(100, new SplittableRandom(5))),
                java.util.Arrays.toString(d.sample(100, new SplittableRandom(6))));
        assertEquals(0, d.sample(0, new SplittableRandom(1)).length);
    }

    @Test
    void inputAndOutputsAreCopies() {
        double[] e = {0.0, 1.0};
        BoltzmannDistribution d = new BoltzmannDistribution(e, 1.0);
        double p0 = d.probability(0);
        e[0] = 5.0;
        d.energies()[1] = 7.0;
        d.probabilities()[0] = 0.0;
        assertEquals(0.0, d.energies()[0], 0.0);
        assertEquals(1.0, d.energies()[1], 0.0);
        assertEquals(p0, d.probability(0), 0.0);
        assertEquals(2, d.size());
        assertEquals(1.0, d.temperature(), 0.0);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new BoltzmannDistribution(new double[] {0.0}, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new BoltzmannDistribution(new double[] {0.0}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new BoltzmannDistribution(new double[0], 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> new BoltzmannDistribution(new double[] {0.0, Double.POSITIVE_INFINITY}, 1.0));
        BoltzmannDistribution d = new BoltzmannDistribution(new double[] {0.0, 1.0}, 1.0);
        assertThrows(IllegalArgumentException.class, () -> d.probability(2));
        assertThrows(IllegalArgumentException.class, () -> d.probability(-1));
        assertThrows(IllegalArgumentException.class, () -> d.sample(-1, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> d.sample(1, null));
        assertThrows(IllegalArgumentException.class, () -> BoltzmannDistribution.of(null, 1.0));
    }
}
