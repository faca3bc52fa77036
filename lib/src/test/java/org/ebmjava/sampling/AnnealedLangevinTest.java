package org.ebmjava.sampling;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Annealed Langevin dynamics and its noise schedules; the mixture experiment of Song and Ermon (2019), Section 3.2.
 */
class AnnealedLangevinTest {

    private static final long SEED = 2019L;
    private static final int CHAINS = 2000;
    /**
     * Tolerance of a mode fraction: its binomial sd is sqrt(0.8 * 0.2 / 2000) = 0.009; with T = 100 steps per level
     * the chains also freeze between the modes slightly early (measured bias about -0.015: the light mode's basin
     * holds more than 20 % of a noisy mixture whose components still overlap). 0.05 covers both, and is a sixth of
     * the 0.3 gap to what plain Langevin gives.
     */
    private static final double FRACTION_TOL = 0.05;

    @Test
    void annealedLangevinRecoversTheMixtureWeightsWherePlainLangevinDoesNot() {
        GaussianMixture mix = GaussianMixture.songErmon();
        SplittableRandom rng = new SplittableRandom(SEED);
        InitialNoise start = InitialNoise.uniform(2, -8, 8);

        float[] annealed = start.draw(CHAINS, rng);
        AnnealedLangevin sampler = new AnnealedLangevin(mix.noisyScore(), NoiseSchedule.geometric(20, 1, 10), 100,
                0.1);
        sampler.run(annealed, rng);
        double[] a = mix.componentFractions(annealed);

        float[] plain = start.draw(CHAINS, rng);
        LangevinSampler.ula(mix, 0.1).run(plain, 1000, rng);
        double[] p = mix.componentFractions(plain);

        assertEquals(0.8, a[1], FRACTION_TOL, "annealed: fraction in the heavy mode (5, 5)");
        assertEquals(0.2, a[0], FRACTION_TOL, "annealed: fraction in the light mode (-5, -5)");
        // Plain Langevin keeps each chain in the basin it started in: about half of the uniform start on each side.
        assertEquals(0.5, p[1], FRACTION_TOL, "plain Langevin: fraction in the heavy mode");
        // The chains end at sigma_L = 1, so they sample the noisy mixture: modes at (5, 5) with variance 1 + 1 = 2
        // per coordinate (about 1600 points: sd of the mean 0.035, of the variance 0.07).
        double[][] heavy = modeMoments(annealed, mix, 1);
        for (int j = 0; j < 2; j++) {
            assertEquals(5.0, heavy[0][j], 0.15, "mean of the heavy mode, coordinate " + j);
            assertEquals(2.0, heavy[1][j], 0.3, "variance of the heavy mode, coordinate " + j);
        }
    }

    /** The mean and variance per coordinate of the points assigned to one component. */
    private static double[][] modeMoments(float[] x, GaussianMixture mix, int component) {
        int[] a = mix.assign(x);
        int count = 0;
        for (int c : a) {
            count += c == component ? 1 : 0;
        }
        float[] sel = new float[2 * count];
        int r = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == component) {
                sel[2 * r] = x[2 * i];
                sel[2 * r + 1] = x[2 * i + 1];
                r++;
            }
        }
        double[][] c = BatchOps.covariance(sel, 2);
        return new double[][] {BatchOps.columnMeans(sel, 2), {c[0][0], c[1][1]}};
    }

    @Test
    void stepsFollowAlgorithmOne() {
        NoiseSchedule schedule = NoiseSchedule.of(4.0, 2.0, 1.0);
        // N(0, I) as a one-component mixture: its noisy score is -x / (1 + sigma^2).
        BatchScore score = new GaussianMixture(new double[] {1.0}, new double[][] {{0.0, 0.0}}, new double[] {1.0})
                .noisyScore();
        AnnealedLangevin sampler = new AnnealedLangevin(score, schedule, 2, 0.01);
        assertEquals(6, sampler.totalSteps());
        assertEquals(0.16, sampler.stepSize(0), 1e-15);
        assertEquals(0.04, sampler.stepSize(1), 1e-15);
        assertEquals(0.01, sampler.stepSize(2), 1e-15);
        float[] x = {1.0f, -2.0f};
        float[] expected = x.clone();
        SplittableRandom copy = new SplittableRandom(5);
        float[] xi = new float[2];
        for (int t = 0; t < 6; t++) {
            double sigma = schedule.sigma(t / 2);
            double alpha = 0.01 * sigma * sigma;
            GaussianNoise.fill(xi, 2, copy);
            for (int k = 0; k < 2; k++) {
                double s = -expected[k] / (1.0 + sigma * sigma);
                expected[k] = (float) (expected[k] + alpha / 2 * s + Math.sqrt(alpha) * xi[k]);
            }
        }
        sampler.run(x, new SplittableRandom(5));
        assertArrayEquals(expected, x, 1e-6f);
    }

    @Test
    void denoiseIsTweediesPosteriorMean() {
        // x = mu + sigma z for a point mass would be mapped back exactly; for N(0, 1) data the posterior mean of the
        // clean point given x = x / (1 + sigma^2).
        NoiseSchedule schedule = NoiseSchedule.of(2.0, 0.5);
        BatchScore noisy = new GaussianMixture(new double[] {1.0}, new double[][] {{0.0}}, new double[] {1.0})
                .noisyScore();
        float[] x = {1.0f, -3.0f};
        new AnnealedLangevin(noisy, schedule, 1, 0.1).denoise(x);
        assertEquals(1.0 / 1.25, x[0], 1e-6);
        assertEquals(-3.0 / 1.25, x[1], 1e-6);
    }

    @Test
    void geometricScheduleHasAConstantRatioAndExactEnds() {
        NoiseSchedule s = NoiseSchedule.geometric(20.0, 1.0, 10);
        assertEquals(10, s.size());
        assertEquals(20.0, s.max(), 0.0);
        assertEquals(1.0, s.min(), 0.0);
        double ratio = Math.pow(20.0, 1.0 / 9.0);
        for (int i = 1; i < 10; i++) {
            assertEquals(ratio, s.sigma(i - 1) / s.sigma(i), 1e-12);
        }
        assertEquals("NoiseSchedule[geometric, L=10, 20 .. 1]", s.toString());
        NoiseSchedule lin = NoiseSchedule.linear(1.0, 0.1, 4);
        assertArrayEquals(new double[] {1.0, 0.7, 0.4, 0.1}, lin.sigmas(), 1e-12);
        assertEquals(NoiseSchedule.of(3.0, 2.0), NoiseSchedule.of(3.0, 2.0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.sigma(10));
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage(() -> NoiseSchedule.geometric(1.0, 0.0, 10), "sigmaMin", "0.0");
        assertMessage(() -> NoiseSchedule.geometric(1.0, 2.0, 10), "sigmaMax", "1.0");
        assertMessage(() -> NoiseSchedule.geometric(2.0, 1.0, 1), "levels", "1");
        assertMessage(() -> NoiseSchedule.linear(Double.NaN, 1.0, 3), "sigmaMax", "NaN");
        assertMessage(() -> NoiseSchedule.of(1.0, 1.0), "sigmas[1]", "1.0");
        assertMessage(() -> NoiseSchedule.of(1.0, -0.5), "sigmas[1]", "-0.5");
        assertMessage(() -> NoiseSchedule.of(), "sigmas", "none");
        BatchScore score = GaussianMixture.songErmon().noisyScore();
        NoiseSchedule s = NoiseSchedule.of(1.0);
        assertMessage(() -> new AnnealedLangevin(score, s, 0, 0.1), "stepsPerLevel", "0");
        assertMessage(() -> new AnnealedLangevin(score, s, 10, -0.1), "epsilon", "-0.1");
        assertMessage(() -> new AnnealedLangevin(score, null, 10, 0.1), "schedule", "null");
        assertMessage(() -> new AnnealedLangevin(null, s, 10, 0.1), "score", "null");
        assertMessage(() -> score.score(new float[2], 1, 0.0, new float[2]), "sigma", "0.0");
        assertMessage(() -> score.score(new float[2], 1, 1.0, new float[1]), "out", "1");
    }
}
