package org.ebmjava.sampling;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MALA: exact where ULA is biased, and its acceptance rate against a quadrature of the acceptance probability. */
class MalaSamplerTest {

    private static final long SEED = 31415L;
    private static final int CHAINS = 10_000;
    /** Four standard errors of a sample variance from CHAINS independent draws, relative. */
    private static final double VARIANCE_REL_TOL = 4.0 * Math.sqrt(2.0 / CHAINS);
    /**
     * Tolerance of a measured acceptance rate (400,000 decisions; binomial sd at most 0.0008, inflated by the
     * correlation of successive decisions of a chain): a wrong proposal-density correction moves it by far more.
     */
    private static final double ACCEPTANCE_TOL = 0.005;

    @Test
    void malaIsExactForAStepWhereUlaIsBiased() {
        GaussianEnergy g = GaussianEnergy.standard(2);
        double eps = 1.0;
        float[] mala = new float[2 * CHAINS];
        float[] ula = new float[2 * CHAINS];
        MalaSampler sampler = new MalaSampler(g, eps);
        sampler.run(mala, 200, new SplittableRandom(SEED));
        LangevinSampler.ula(g, eps).run(ula, 200, new SplittableRandom(SEED));
        double ulaPredicted = 1.0 / (1.0 - eps / 4.0); // 4/3
        for (int j = 0; j < 2; j++) {
            assertEquals(1.0, BatchOps.covariance(mala, 2)[j][j], VARIANCE_REL_TOL, "MALA variance");
            assertEquals(ulaPredicted, BatchOps.covariance(ula, 2)[j][j], VARIANCE_REL_TOL * ulaPredicted,
                    "ULA variance");
            assertEquals(0.0, BatchOps.columnMeans(mala, 2)[j], 4.0 / Math.sqrt(CHAINS));
        }
        assertTrue(sampler.acceptanceRate() > 0.5 && sampler.acceptanceRate() < 1.0,
                "acceptance " + sampler.acceptanceRate());
    }

    @Test
    void malaRecoversAFullCovarianceGaussian() {
        double[] mean = {1.0, -1.0};
        double[][] cov = {{1.0, 0.8}, {0.8, 1.0}};
        GaussianEnergy g = new GaussianEnergy(mean, cov);
        float[] x = new float[2 * CHAINS];
        new MalaSampler(g, 0.3).run(x, 400, new SplittableRandom(SEED));
        double[] m = BatchOps.columnMeans(x, 2);
        double[][] c = BatchOps.covariance(x, 2);
        for (int j = 0; j < 2; j++) {
            assertEquals(mean[j], m[j], 4.0 / Math.sqrt(CHAINS), "mean " + j);
            for (int k = 0; k < 2; k++) {
                // sd of a sample covariance: sqrt((C_jk^2 + C_jj C_kk) / n).
                double sd = Math.sqrt((cov[j][k] * cov[j][k] + cov[j][j] * cov[k][k]) / CHAINS);
                assertEquals(cov[j][k], c[j][k], 4.0 * sd, "covariance " + j + "," + k);
            }
        }
    }

    /**
     * The stationary acceptance rate of MALA on N(0, 1): E[min(1, &alpha;(x, y))] over x ~ N(0, 1) and the proposal
     * y = (1 - &epsilon;/2) x + sqrt(&epsilon;) z, by the midpoint rule on [-9, 9]<sup>2</sup> in (x, z).
     */
    static double quadratureAcceptance(double eps) {
        int n = 1200;
        double lo = -9.0;
        double h = 18.0 / n;
        double c = 1.0 - eps / 2.0;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double x = lo + (i + 0.5) * h;
            double px = Math.exp(-0.5 * x * x);
            for (int k = 0; k < n; k++) {
                double z = lo + (k + 0.5) * h;
                double y = c * x + Math.sqrt(eps) * z;
                double back = x - c * y;
                double forward = y - c * x;
                double logAlpha = -0.5 * (y * y - x * x) - (back * back - forward * forward) / (2.0 * eps);
                sum += px * Math.exp(-0.5 * z * z) * Math.min(1.0, Math.exp(logAlpha));
            }
        }
        return sum * h * h / (2.0 * Math.PI);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.1, 1.0, 2.5})
    void acceptanceRateMatchesQuadrature(double eps) {
        GaussianEnergy g = GaussianEnergy.standard(1);
        int chains = 4000;
        float[] x = g.sample(chains, new SplittableRandom(SEED)); // start in the stationary law
        MalaSampler sampler = new MalaSampler(g, eps);
        sampler.run(x, 100, new SplittableRandom(SEED + 1));
        double expected = quadratureAcceptance(eps);
        assertEquals(expected, sampler.acceptanceRate(), ACCEPTANCE_TOL, "epsilon " + eps);
        double[] perChain = sampler.chainAcceptanceRates();
        assertEquals(chains, perChain.length);
        double mean = 0.0;
        for (double r : perChain) {
            mean += r / chains;
        }
        assertEquals(sampler.acceptanceRate(), mean, 1e-12);
    }

    @Test
    void acceptanceTendsToOneAsTheStepShrinks() {
        GaussianEnergy g = GaussianEnergy.diagonal(new double[] {0.0, 2.0}, new double[] {1.0, 0.5});
        double previous = 1.0;
        double[] steps = {1e-4, 1e-3, 1e-2, 0.1, 0.5};
        for (int i = 0; i < steps.length; i++) {
            float[] x = g.sample(2000, new SplittableRandom(SEED + i));
            MalaSampler sampler = new MalaSampler(g, steps[i]);
            sampler.run(x, 50, new SplittableRandom(SEED + 100 + i));
            double rate = sampler.acceptanceRate();
            if (i == 0) {
                assertTrue(rate > 0.999, "acceptance at epsilon 1e-4: " + rate);
            } else {
                assertTrue(rate < previous, "acceptance at " + steps[i] + " = " + rate + ", previous " + previous);
            }
            previous = rate;
        }
        assertTrue(previous < 0.97, "acceptance at 0.5: " + previous);
    }

    @Test
    void rateIsNanBeforeAnyStepAndSameSeedGivesSameChains() {
        MalaSampler s = new MalaSampler(GaussianMixture.songErmon(), 0.5);
        assertTrue(Double.isNaN(s.acceptanceRate()));
        float[] start = InitialNoise.uniform(2, -8, 8).draw(30, new SplittableRandom(1));
        float[] a = s.run(start.clone(), 40, new SplittableRandom(2));
        double rate = s.acceptanceRate();
        float[] b = s.run(start.clone(), 40, new SplittableRandom(2));
        assertArrayEquals(a, b, 0f);
        assertEquals(rate, s.acceptanceRate(), 0.0);
        assertTrue(s.toString().contains("epsilon=0.5"), s.toString());
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage(() -> new MalaSampler(GaussianEnergy.standard(1), 0.0), "epsilon", "0.0");
        assertMessage(() -> new MalaSampler(GaussianEnergy.standard(1), Double.POSITIVE_INFINITY), "epsilon",
                "Infinity");
        assertMessage(() -> new MalaSampler(null, 0.1), "energy", "null");
        assertMessage(() -> new MalaSampler(GaussianEnergy.standard(2), 0.1).run(new float[] {1f, 2f, 3f}, 1,
                new SplittableRandom(1)), "x", "3");
    }
}
