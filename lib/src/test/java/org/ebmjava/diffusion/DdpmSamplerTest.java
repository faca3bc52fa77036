package org.ebmjava.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.ebmjava.stats.SampleDistances;
import org.junit.jupiter.api.Test;

class DdpmSamplerTest {

    private static final double[] MEAN = {1.0, -0.5};
    private static final double[] STD = {0.5, 0.3};

    /**
     * The exact output moments of the ancestral sampler driven by the Gaussian oracle, by its own linear
     * recursion: with eps = k_t (x - sqrt(ab_t) m), k_t = sqrt(1 - ab_t)/(ab_t s^2 + 1 - ab_t), each step is
     * x <- A_t x + C_t + sigma_t z with A_t = (1 - b_t k_t / sqrt(1 - ab_t)) / sqrt(a_t) and
     * C_t = b_t k_t sqrt(ab_t) m / (sqrt(1 - ab_t) sqrt(a_t)); so M <- A M + C, V <- A^2 V + sigma_t^2 (0 at t = 1).
     */
    private static double[] recursion(VarianceSchedule s, ReverseVariance rv, double m, double sd) {
        double mean = 0;
        double var = 1;
        for (int t = s.steps(); t >= 1; t--) {
            double ab = s.alphaBar(t);
            double b = s.beta(t);
            double k = Math.sqrt(1 - ab) / (ab * sd * sd + 1 - ab);
            double a = (1 - b * k / Math.sqrt(1 - ab)) / Math.sqrt(1 - b);
            double c = b * k * Math.sqrt(ab) * m / (Math.sqrt(1 - ab) * Math.sqrt(1 - b));
            double sigma2 = t == 1 ? 0 : (rv == ReverseVariance.BETA ? b : (1 - s.alphaBar(t - 1)) / (1 - ab) * b);
            mean = a * mean + c;
            var = a * a * var + sigma2;
        }
        return new double[] {mean, var};
    }

    private static double[] moments(float[] x, int d, int j) {
        int n = x.length / d;
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += x[i * d + j] / n;
        }
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += (x[i * d + j] - m) * (x[i * d + j] - m) / (n - 1);
        }
        return new double[] {m, v};
    }

    @Test
    void oracleSamplerReproducesTheDataMoments() {
        // At T = 1000 with sigma^2 = beta the chain's exact output is within 1 % of the data's variance
        // (discretisation: +0.3 % for s = 0.5, +0.6 % for s = 0.3), and the sampled moments must lie within 4
        // standard errors of the chain's exact output.
        VarianceSchedule s = VarianceSchedule.linear(1000);
        GaussianDiffusion g = new GaussianDiffusion(s, 2);
        ExactNoisePredictor oracle = ExactNoisePredictor.gaussian(s, MEAN, STD);
        int n = 10_000;
        float[] x = new DdpmSampler(g, ReverseVariance.BETA).sample(oracle, n, new SplittableRandom(77));
        for (int j = 0; j < 2; j++) {
            double[] exact = recursion(s, ReverseVariance.BETA, MEAN[j], STD[j]);
            assertEquals(MEAN[j], exact[0], 1e-4);
            assertEquals(STD[j] * STD[j], exact[1], 0.01 * STD[j] * STD[j]);
            double[] mv = moments(x, 2, j);
            assertEquals(exact[0], mv[0], 4 * Math.sqrt(exact[1] / n));
            assertEquals(exact[1], mv[1], 4 * exact[1] * Math.sqrt(2.0 / n));
        }
    }

    @Test
    void shortChainWithPosteriorVarianceMatchesItsExactRecursion() {
        // With T = 100 and sigma^2 = beta-tilde the chain under-disperses (variance about 12 % low, a real
        // discretisation effect); the sampler must still agree with the exact recursion of its own chain.
        VarianceSchedule s = VarianceSchedule.linear(100);
        GaussianDiffusion g = new GaussianDiffusion(s, 2);
        ExactNoisePredictor oracle = ExactNoisePredictor.gaussian(s, MEAN, STD);
        int n = 20_000;
        float[] x = new DdpmSampler(g, ReverseVariance.POSTERIOR).sample(oracle, n, new SplittableRandom(5));
        double[] exact = recursion(s, ReverseVariance.POSTERIOR, MEAN[0], STD[0]);
        assertTrue(exact[1] < 0.95 * STD[0] * STD[0]);
        double[] mv = moments(x, 2, 0);
        assertEquals(exact[0], mv[0], 4 * Math.sqrt(exact[1] / n));
        assertEquals(exact[1], mv[1], 4 * exact[1] * Math.sqrt(2.0 / n));
    }

    @Test
    void mixtureOracleSamplesAreAsCloseToDataAsDataAreToData() {
        VarianceSchedule s = VarianceSchedule.cosine(200);
        ExactNoisePredictor oracle = ExactNoisePredictor.mixture(s, new double[] {0.7, 0.3},
                new double[][] {{-1.5, 0}, {1.5, 0.5}}, new double[][] {{0.3, 0.3}, {0.3, 0.3}});
        GaussianDiffusion g = new GaussianDiffusion(s, 2);
        int n = 1500;
        double[][] samples = GaussianDiffusion.toPoints(
                new DdpmSampler(g, ReverseVariance.BETA).sample(oracle, n, new SplittableRandom(1)), 2);
        double[][] data = oracle.sampleData(n, new SplittableRandom(2));
        double[][] data2 = oracle.sampleData(n, new SplittableRandom(3));
        double model = SampleDistances.energyDistance(samples, data);
        double floor = SampleDistances.energyDistance(data2, data);
        assertTrue(model < 3 * floor + 0.005, "model " + model + " vs data-data " + floor);
        // The mode weights survive: the share of samples on the left component is 0.7 within 4 binomial sd.
        int left = 0;
        for (double[] p : samples) {
            left += p[0] < 0 ? 1 : 0;
        }
        assertEquals(0.7, left / (double) n, 4 * Math.sqrt(0.21 / n));
    }

    @Test
    void samplesDependOnTheSeedOnlyNotOnTheChunkSize() {
        VarianceSchedule s = VarianceSchedule.linear(50);
        GaussianDiffusion g = new GaussianDiffusion(s, 2);
        ExactNoisePredictor oracle = ExactNoisePredictor.gaussian(s, MEAN, STD);
        float[] a = new DdpmSampler(g, ReverseVariance.BETA, 7).sample(oracle, 40, new SplittableRandom(9));
        float[] b = new DdpmSampler(g, ReverseVariance.BETA, 256).sample(oracle, 40, new SplittableRandom(9));
        assertArrayEquals(a, b);
    }

    @Test
    void snapshotsAndProgressFollowTheChain() {
        VarianceSchedule s = VarianceSchedule.linear(50);
        GaussianDiffusion g = new GaussianDiffusion(s, 2);
        ExactNoisePredictor oracle = ExactNoisePredictor.gaussian(s, MEAN, STD);
        AtomicInteger calls = new AtomicInteger();
        DdpmSampler.Trajectory tr = new DdpmSampler(g, ReverseVariance.BETA).sample(oracle, 10,
                new SplittableRandom(4), new int[] {0, 25, 50}, t -> calls.incrementAndGet());
        assertArrayEquals(new int[] {50, 25, 0}, tr.steps());
        assertArrayEquals(tr.samples(), tr.snapshots().get(2));
        assertEquals(50, calls.get());
        SplittableRandom fresh = new SplittableRandom(4);
        assertEquals((float) fresh.nextGaussian(), tr.snapshots().get(0)[0], 0f);
    }

    @Test
    void rejectsMismatchedModels() {
        VarianceSchedule s = VarianceSchedule.linear(50);
        DdpmSampler sampler = new DdpmSampler(new GaussianDiffusion(s, 3), ReverseVariance.BETA);
        ExactNoisePredictor twoD = ExactNoisePredictor.gaussian(s, MEAN, STD);
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(twoD, 5, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new DdpmSampler(new GaussianDiffusion(s, 2), ReverseVariance.BETA).sample(twoD, 5,
                        new SplittableRandom(1), new int[] {51}, null));
    }
}
