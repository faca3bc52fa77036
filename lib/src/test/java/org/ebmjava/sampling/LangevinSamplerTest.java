package org.ebmjava.sampling;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ebmjava.landscape.Rosenbrock;
import org.junit.jupiter.api.Test;

/**
 * ULA and SGLD-style Langevin against the exact stationary law of the discretised chain on a Gaussian.
 *
 * <p>On a coordinate with variance v, a step x &larr; x - a x/v + s xi is the AR(1) recursion x &larr; &phi; x + s xi
 * with &phi; = 1 - a/v, whose stationary variance is s<sup>2</sup>/(1 - &phi;<sup>2</sup>). For ULA (a = &epsilon;/2,
 * s = sqrt(&epsilon;)) that is v / (1 - &epsilon;/(4v)): the known ULA bias, accounted exactly below.
 */
class LangevinSamplerTest {

    private static final long SEED = 20261202L;
    /** Independent chains: the final states are independent draws, so the usual standard errors apply. */
    private static final int CHAINS = 10_000;
    /** Four standard errors of a sample variance from CHAINS draws, relative: 4 sqrt(2/CHAINS) = 0.057. */
    private static final double VARIANCE_REL_TOL = 4.0 * Math.sqrt(2.0 / CHAINS);
    /** Four standard errors of a sample mean from CHAINS draws, in units of the standard deviation. */
    private static final double MEAN_SD_TOL = 4.0 / Math.sqrt(CHAINS);

    /** The stationary variance of x &larr; x - a x / v + s xi. */
    static double ar1Variance(double v, double a, double s) {
        double phi = 1.0 - a / v;
        return s * s / (1.0 - phi * phi);
    }

    @Test
    void ulaReachesMeanAndTheKnownBiasedVarianceOfAGaussian() {
        double[] mean = {1.0, -2.0};
        double[] stds = {0.5, 1.0};
        double eps = 0.1;
        GaussianEnergy g = GaussianEnergy.diagonal(mean, stds);
        float[] x = new float[2 * CHAINS]; // all chains start at the origin, far from the mean in units of 0.5
        LangevinSampler.ula(g, eps).run(x, 300, new SplittableRandom(SEED));
        double[] m = BatchOps.columnMeans(x, 2);
        double[][] c = BatchOps.covariance(x, 2);
        for (int j = 0; j < 2; j++) {
            double v = stds[j] * stds[j];
            double predicted = v / (1.0 - eps / (4.0 * v));
            assertEquals(predicted, ar1Variance(v, eps / 2, Math.sqrt(eps)), 1e-12);
            assertEquals(mean[j], m[j], MEAN_SD_TOL * stds[j], "mean of coordinate " + j);
            assertEquals(predicted, c[j][j], VARIANCE_REL_TOL * predicted, "variance of coordinate " + j);
        }
        // Coordinate 0 (v = 0.25) is biased by 11 %, twice the tolerance: the test sees the bias, not just noise.
        assertTrue(Math.abs(c[0][0] - 0.25) > VARIANCE_REL_TOL * 0.25, "variance " + c[0][0]);
        assertEquals(0.0, c[0][1], 4.0 / Math.sqrt(CHAINS) * Math.sqrt(c[0][0] * c[1][1]));
    }

    @Test
    void ulaBiasVanishesForASmallStep() {
        GaussianEnergy g = GaussianEnergy.standard(1);
        float[] x = g.sample(CHAINS, new SplittableRandom(SEED));
        LangevinSampler.ula(g, 0.01).run(x, 400, new SplittableRandom(SEED + 1));
        double var = BatchOps.covariance(x, 1)[0][0];
        // predicted 1 / (1 - 0.0025) = 1.0025: within the tolerance of the exact variance 1.
        assertEquals(1.0, var, VARIANCE_REL_TOL);
    }

    @Test
    void sgldSamplesAtTemperatureNoiseSquaredOverTwiceTheStep() {
        double v = 2.0;
        double a = 0.05;
        double s = 0.1; // T = s^2 / (2a) = 0.1
        GaussianEnergy g = GaussianEnergy.diagonal(new double[] {3.0}, new double[] {Math.sqrt(v)});
        LangevinSampler sampler = LangevinSampler.sgld(g, a, s);
        assertEquals(0.1, sampler.temperature(), 1e-12);
        float[] x = new float[CHAINS];
        sampler.run(x, 800, new SplittableRandom(SEED));
        double predicted = ar1Variance(v, a, s); // 0.2 / 0.9875 ~ T v = 0.2
        assertEquals(3.0, BatchOps.columnMeans(x, 1)[0], MEAN_SD_TOL * Math.sqrt(predicted));
        assertEquals(predicted, BatchOps.covariance(x, 1)[0][0], VARIANCE_REL_TOL * predicted);
    }

    @Test
    void ulaIsTheSgldCaseHalfEpsilonAndRootEpsilon() {
        GaussianMixture mix = GaussianMixture.songErmon();
        LangevinSampler ula = LangevinSampler.ula(mix, 0.3);
        LangevinSampler sgld = LangevinSampler.sgld(mix, 0.15, Math.sqrt(0.3));
        assertEquals(0.15, ula.stepSize(), 1e-15);
        assertEquals(Math.sqrt(0.3), ula.noiseScale(), 1e-15);
        assertEquals(1.0, ula.temperature(), 1e-12);
        float[] a = InitialNoise.uniform(2, -8, 8).draw(50, new SplittableRandom(1));
        float[] b = a.clone();
        ula.run(a, 20, new SplittableRandom(7));
        sgld.run(b, 20, new SplittableRandom(7));
        assertArrayEquals(a, b, 0f);
    }

    @Test
    void scoreDriftEqualsEnergyDrift() {
        GaussianMixture mix = GaussianMixture.songErmon();
        float[] a = InitialNoise.uniform(2, -8, 8).draw(40, new SplittableRandom(3));
        float[] b = a.clone();
        LangevinSampler.ula(mix, 0.1).run(a, 30, new SplittableRandom(11));
        LangevinSampler.ula(BatchScore.of(mix), 1.0, 0.1).run(b, 30, new SplittableRandom(11));
        assertArrayEquals(a, b, 0f);
    }

    @Test
    void oneStepFollowsTheFormula() {
        // x <- x - (eps/2) grad E + sqrt(eps) xi, with xi read from a copy of the generator.
        GaussianEnergy g = GaussianEnergy.diagonal(new double[] {1.0, -1.0}, new double[] {2.0, 0.5});
        float[] x = {0.3f, 0.7f, -1.2f, 2.5f};
        float[] grad = new float[4];
        g.evaluate(x, 2, null, grad);
        double eps = 0.2;
        SplittableRandom rng = new SplittableRandom(99);
        float[] xi = new float[4];
        GaussianNoise.fill(xi, 4, new SplittableRandom(99));
        float[] expected = new float[4];
        for (int k = 0; k < 4; k++) {
            expected[k] = (float) (x[k] - eps / 2 * grad[k] + Math.sqrt(eps) * xi[k]);
        }
        assertSame(x, LangevinSampler.ula(g, eps).step(x, rng));
        assertArrayEquals(expected, x, 1e-6f);
    }

    @Test
    void gradientClipBoundsEveryMoveAndClampKeepsTheBox() {
        // Far from the mean the gradient is huge; with clip c and no noise each coordinate moves at most a c.
        GaussianEnergy g = GaussianEnergy.diagonal(new double[] {0.0, 0.0}, new double[] {0.01, 0.01});
        LangevinSampler descent = LangevinSampler.sgld(g, 10.0, 0.0).clipGradient(0.03);
        float[] x = {0.9f, -0.9f};
        float[] before = x.clone();
        descent.step(x, new SplittableRandom(1));
        assertEquals(0.9 - 0.3, x[0], 1e-6);
        assertEquals(-0.9 + 0.3, x[1], 1e-6);
        // Large noise, clamped to [0, 1] after every step.
        LangevinSampler noisy = LangevinSampler.sgld(g, 1e-4, 5.0).clampTo(0.0, 1.0);
        float[] y = InitialNoise.uniform(2, 0, 1).draw(500, new SplittableRandom(2));
        noisy.run(y, 10, new SplittableRandom(3), (state, t) -> {
            for (float v : state) {
                assertTrue(v >= 0f && v <= 1f, "coordinate " + v + " after step " + t);
            }
        });
        assertFalse(Arrays.equals(before, x));
        assertTrue(noisy.toString().contains("box=[0, 1]"), noisy.toString());
        assertTrue(descent.toString().contains("clip=0.03"), descent.toString());
    }

    @Test
    void noiseFreeSgldIsGradientDescentToTheMinimum() {
        GaussianEnergy g = GaussianEnergy.diagonal(new double[] {2.0, -1.0}, new double[] {1.0, 1.0});
        float[] x = {10f, 10f, -5f, 3f};
        LangevinSampler.sgld(g, 0.5, 0.0).run(x, 60, new SplittableRandom(1));
        assertArrayEquals(new float[] {2f, -1f, 2f, -1f}, x, 1e-6f);
    }

    @Test
    void sameSeedSameChainsOtherSeedOtherChains() {
        LangevinSampler s = LangevinSampler.ula(GaussianMixture.songErmon(), 0.1);
        float[] start = InitialNoise.gaussian(2, 0, 3).draw(20, new SplittableRandom(5));
        float[] a = s.run(start.clone(), 50, new SplittableRandom(8));
        float[] b = s.run(start.clone(), 50, new SplittableRandom(8));
        float[] c = s.run(start.clone(), 50, new SplittableRandom(9));
        assertArrayEquals(a, b, 0f);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void snapshotsAndCallbacksSeeEveryStep() {
        LangevinSampler s = LangevinSampler.ula(GaussianEnergy.standard(3), 0.05);
        float[] start = InitialNoise.uniform(3, -1, 1).draw(4, new SplittableRandom(1));
        float[] plain = s.run(start.clone(), 25, new SplittableRandom(2));
        float[] x = start.clone();
        float[][] shots = s.runRecording(x, 25, new SplittableRandom(2), 0, 1, 10, 25);
        assertEquals(4, shots.length);
        assertArrayEquals(start, shots[0], 0f);
        assertArrayEquals(plain, shots[3], 0f);
        assertArrayEquals(plain, x, 0f);
        float[] one = s.run(start.clone(), 1, new SplittableRandom(2));
        assertArrayEquals(one, shots[1], 0f);
        int[] calls = {0};
        s.run(start.clone(), 7, new SplittableRandom(2), (state, t) -> assertEquals(++calls[0], t));
        assertEquals(7, calls[0]);
        assertThrows(IllegalArgumentException.class, () -> s.runRecording(start.clone(), 5, new SplittableRandom(1),
                0, 6));
        assertThrows(IllegalArgumentException.class, () -> s.runRecording(start.clone(), 5, new SplittableRandom(1),
                3, 3));
    }

    @Test
    void divergenceStopsTheRunNamingTheStep() {
        // eps = 10 on unit variance: x <- -4 x + noise grows by 4 per step and overflows float in about 64 steps.
        LangevinSampler s = LangevinSampler.ula(GaussianEnergy.standard(2), 10.0);
        float[] x = {1f, 1f};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.run(x, 1000, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("step ") && e.getMessage().contains("step size"), e.getMessage());
    }

    @Test
    void landscapeAdapterMatchesTheLandscape() {
        Rosenbrock r = new Rosenbrock();
        BatchEnergy e = BatchEnergy.of(r);
        float[] x = {0.5f, -0.25f, 1.0f, 1.0f};
        float[] energies = new float[2];
        float[] grad = new float[4];
        e.evaluate(x, 2, energies, grad);
        double[] g = r.gradient(0.5, -0.25);
        assertEquals(r.value(0.5, -0.25), energies[0], 1e-5 * Math.abs(r.value(0.5, -0.25)));
        assertEquals(g[0], grad[0], 1e-4);
        assertEquals(g[1], grad[1], 1e-4);
        assertEquals(0.0, energies[1], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> BatchEnergy.of(null));
    }

    @Test
    void badArgumentsAreNamed() {
        GaussianEnergy g = GaussianEnergy.standard(2);
        SplittableRandom rng = new SplittableRandom(1);
        assertMessage(() -> LangevinSampler.ula(g, 0.0), "epsilon", "0.0");
        assertMessage(() -> LangevinSampler.ula(g, Double.NaN), "epsilon", "NaN");
        assertMessage(() -> LangevinSampler.ula(BatchScore.of(g), -1.0, 0.1), "sigma", "-1.0");
        assertMessage(() -> LangevinSampler.sgld(g, -0.1, 0.01), "stepSize", "-0.1");
        assertMessage(() -> LangevinSampler.sgld(g, 0.1, -0.01), "noiseScale", "-0.01");
        assertMessage(() -> LangevinSampler.ula((BatchEnergy) null, 0.1), "energy", "null");
        LangevinSampler s = LangevinSampler.ula(g, 0.1);
        assertMessage(() -> s.clipGradient(0.0), "maxAbs", "0.0");
        assertMessage(() -> s.clampTo(1.0, 1.0), "lo, hi", "1.0");
        assertMessage(() -> s.run(new float[0], 1, rng), "x", "empty");
        assertMessage(() -> s.run(new float[3], 1, rng), "x", "3");
        assertMessage(() -> s.run(new float[] {0f, Float.NaN}, 1, rng), "x[1]", "NaN");
        assertMessage(() -> s.run(null, 1, rng), "x", "null");
        assertMessage(() -> s.run(new float[2], -1, rng), "steps", "-1");
        assertMessage(() -> s.run(new float[2], 1, null), "rng", "null");
    }
}
