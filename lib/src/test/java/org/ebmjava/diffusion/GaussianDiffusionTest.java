package org.ebmjava.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianDiffusionTest {

    private static final VarianceSchedule LINEAR = VarianceSchedule.linear(1000);
    private static final GaussianDiffusion PROCESS = new GaussianDiffusion(LINEAR, 2);
    /** Float32 arithmetic on values of order 1. */
    private static final double F32 = 1e-5;

    private static double[] meanAndVariance(float[] x, int d, int j) {
        int n = x.length / d;
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += x[i * d + j];
        }
        m /= n;
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += (x[i * d + j] - m) * (x[i * d + j] - m);
        }
        return new double[] {m, v / (n - 1)};
    }

    @Test
    void marginalSamplesHaveTheClosedFormMoments() {
        int n = 100_000;
        float[] x0 = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x0[2 * i] = 1.5f;
            x0[2 * i + 1] = -2f;
        }
        float[] xt = new float[2 * n];
        float[] eps = new float[2 * n];
        for (int t : new int[] {10, 300, 900}) {
            PROCESS.sampleMarginal(x0, n, t, new SplittableRandom(t), xt, eps);
            double ab = LINEAR.alphaBar(t);
            double[] targets = {1.5, -2.0};
            for (int j = 0; j < 2; j++) {
                double[] mv = meanAndVariance(xt, 2, j);
                // 4-sigma bands: se(mean) = sqrt(v/n), se(var) = v sqrt(2/n).
                assertEquals(Math.sqrt(ab) * targets[j], mv[0], 4 * Math.sqrt((1 - ab) / n));
                assertEquals(1 - ab, mv[1], 4 * (1 - ab) * Math.sqrt(2.0 / n));
            }
            for (int k = 0; k < 10; k++) {
                assertEquals(xt[k], Math.sqrt(ab) * x0[k] + Math.sqrt(1 - ab) * eps[k], F32);
            }
        }
    }

    @Test
    void chainOfSingleStepsReproducesTheMarginal() {
        // q(x_t | x_0) is the composition of t one-step kernels q(x_s | x_{s-1}).
        int n = 50_000;
        int steps = 200;
        float[] x = new float[2 * n];
        java.util.Arrays.fill(x, 1.0f);
        SplittableRandom rng = new SplittableRandom(8);
        for (int t = 1; t <= steps; t++) {
            PROCESS.step(x, n, t, rng, x);
        }
        double ab = LINEAR.alphaBar(steps);
        double[] mv = meanAndVariance(x, 2, 0);
        assertEquals(Math.sqrt(ab), mv[0], 4 * Math.sqrt((1 - ab) / n));
        assertEquals(1 - ab, mv[1], 4 * (1 - ab) * Math.sqrt(2.0 / n));
    }

    @Test
    void posteriorMatchesBayesRuleComputedIndependently() {
        // q(x_{t-1} | x_t, x_0) is proportional to q(x_{t-1} | x_0) q(x_t | x_{t-1}) as a function of x_{t-1}:
        // N(x_{t-1}; sqrt(ab') x_0, 1 - ab') N(x_t; sqrt(a) x_{t-1}, b). Product of Gaussians in x_{t-1}:
        // precision 1/(1 - ab') + a/b, mean = var * (sqrt(ab') x_0/(1 - ab') + sqrt(a) x_t / b).
        for (VarianceSchedule s : new VarianceSchedule[] {LINEAR, VarianceSchedule.cosine(100)}) {
            GaussianDiffusion g = new GaussianDiffusion(s, 1);
            for (int t : new int[] {2, 7, s.steps() / 2, s.steps()}) {
                double abPrev = s.alphaBar(t - 1);
                double a = s.alpha(t);
                double b = s.beta(t);
                double precision = 1 / (1 - abPrev) + a / b;
                double var = 1 / precision;
                assertEquals(var, g.posteriorVariance(t), 1e-12 * var);
                double x0 = 0.7;
                double xt = -1.3;
                double mean = var * (Math.sqrt(abPrev) * x0 / (1 - abPrev) + Math.sqrt(a) * xt / b);
                float[] out = new float[1];
                g.posteriorMean(new float[] {(float) x0}, new float[] {(float) xt}, 1, t, out);
                assertEquals(mean, out[0], F32);
            }
        }
    }

    @Test
    void reverseMeanWithTheTrueNoiseIsThePosteriorMean() {
        SplittableRandom rng = new SplittableRandom(3);
        float[] x0 = {0.4f, -1.1f, 2.0f, 0.3f};
        float[] xt = new float[4];
        float[] eps = new float[4];
        float[] mu = new float[4];
        float[] tilde = new float[4];
        float[] back = new float[4];
        for (int t : new int[] {2, 50, 999}) {
            PROCESS.sampleMarginal(x0, 2, t, rng, xt, eps);
            PROCESS.reverseMean(xt, eps, 2, t, mu);
            PROCESS.posteriorMean(x0, xt, 2, t, tilde);
            assertArrayEquals(tilde, mu, 2e-4f);
            PROCESS.predictX0(xt, eps, 2, t, back);
            // x0 = (x_t - sqrt(1 - ab) eps)/sqrt(ab): float rounding grows as 1/sqrt(ab) at large t.
            assertArrayEquals(x0, back, (float) (F32 / Math.sqrt(LINEAR.alphaBar(t))));
        }
    }

    @Test
    void scoreFromTheTrueNoiseIsTheConditionalScore() {
        // grad_{x_t} log q(x_t | x_0) = -(x_t - sqrt(ab) x_0)/(1 - ab) = -eps / sqrt(1 - ab): denoising score matching.
        float[] x0 = {0.5f, -0.5f};
        float[] xt = new float[2];
        float[] eps = new float[2];
        float[] s = new float[2];
        int t = 400;
        PROCESS.sampleMarginal(x0, 1, t, new SplittableRandom(1), xt, eps);
        PROCESS.scoreFromNoise(eps, 1, t, s);
        double ab = LINEAR.alphaBar(t);
        for (int j = 0; j < 2; j++) {
            assertEquals(-(xt[j] - Math.sqrt(ab) * x0[j]) / (1 - ab), s[j], F32);
        }
    }

    @Test
    void forwardProcessApproachesEquilibrium() {
        for (double s2 : new double[] {0.25, 4.0}) {
            for (int t = 1; t <= LINEAR.steps(); t++) {
                // Relative entropy to N(0, 1) falls; the added noise's entropy rises.
                assertTrue(PROCESS.gaussianKlToEquilibrium(t, 1.0, s2) < PROCESS.gaussianKlToEquilibrium(t - 1, 1.0, s2));
                if (t > 1) {
                    assertTrue(PROCESS.conditionalEntropy(t) > PROCESS.conditionalEntropy(t - 1));
                }
                // The marginal entropy rises for s^2 < 1 and falls for s^2 > 1.
                double dh = PROCESS.gaussianMarginalEntropy(t, s2) - PROCESS.gaussianMarginalEntropy(t - 1, s2);
                assertTrue(s2 < 1 ? dh > 0 : dh < 0);
            }
            assertEquals(0.5 * Math.log(2 * Math.PI * Math.E), PROCESS.gaussianMarginalEntropy(1000, s2), 1e-4);
        }
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * 0.25), PROCESS.gaussianMarginalEntropy(0, 0.25), 1e-15);
    }

    @Test
    void scoreViewOfAPredictorIsTheOracleScore() {
        ExactNoisePredictor oracle = ExactNoisePredictor.gaussian(LINEAR, new double[] {1, -1}, new double[] {0.5, 2});
        var score = PROCESS.score(oracle, 250);
        float[] x = {0.3f, 0.8f};
        float[] out = new float[2];
        score.score(x, 1, Double.NaN, out);
        double[] exact = oracle.score(new double[] {0.3, 0.8}, 250);
        assertEquals(exact[0], out[0], F32);
        assertEquals(exact[1], out[1], F32);
    }

    @Test
    void pointsRoundTrip() {
        double[][] p = {{1, 2}, {3, 4}, {5, 6}};
        assertArrayEquals(p, GaussianDiffusion.toPoints(GaussianDiffusion.flatten(p), 2));
        assertThrows(IllegalArgumentException.class, () -> GaussianDiffusion.toPoints(new float[3], 2));
    }

    @Test
    void rejectsShortArraysAndBadSteps() {
        float[] a = new float[4];
        assertThrows(IllegalArgumentException.class,
                () -> PROCESS.sampleMarginal(a, 3, 1, new SplittableRandom(1), a, a));
        assertThrows(IllegalArgumentException.class,
                () -> PROCESS.sampleMarginal(a, 2, 0, new SplittableRandom(1), a, a));
        assertThrows(IllegalArgumentException.class, () -> PROCESS.reverseMean(a, a, 2, 1001, a));
        assertThrows(IllegalArgumentException.class, () -> new GaussianDiffusion(LINEAR, 0));
    }
}
