package org.ebmjava.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactNoisePredictorTest {

    private static final VarianceSchedule SCHEDULE = VarianceSchedule.linear(200);
    private static final ExactNoisePredictor MIXTURE = ExactNoisePredictor.mixture(SCHEDULE,
            new double[] {0.3, 0.5, 0.2}, new double[][] {{-2, 0}, {1.5, 1}, {0, -2}},
            new double[][] {{0.3, 0.5}, {0.4, 0.2}, {0.8, 0.3}});

    @Test
    void gaussianOracleIsTheLinearRegressionOfNoiseOnXt() {
        double m = 0.8;
        double s = 0.4;
        ExactNoisePredictor g = ExactNoisePredictor.gaussian(SCHEDULE, new double[] {m}, new double[] {s});
        float[] out = new float[1];
        for (int t : new int[] {1, 50, 200}) {
            double ab = SCHEDULE.alphaBar(t);
            double x = -0.3;
            g.predict(new float[] {(float) x}, 1, new int[] {t}, out);
            double expected = Math.sqrt(1 - ab) * (x - Math.sqrt(ab) * m) / (ab * s * s + 1 - ab);
            assertEquals(expected, out[0], 1e-6);
        }
    }

    @Test
    void scoreIsTheGradientOfTheMarginalLogDensity() {
        // Tweedie: the oracle's score must be the derivative of log q(x_t), checked by central differences.
        double[] x = {0.2, -0.4};
        for (int t : new int[] {0, 1, 20, 120, 200}) {
            double[] s = MIXTURE.score(x, t);
            for (int j = 0; j < 2; j++) {
                double h = 1e-5;
                double[] up = x.clone();
                double[] dn = x.clone();
                up[j] += h;
                dn[j] -= h;
                double fd = (MIXTURE.marginalLogDensity(up, t) - MIXTURE.marginalLogDensity(dn, t)) / (2 * h);
                assertEquals(fd, s[j], 1e-6 * Math.max(1, Math.abs(fd)));
            }
        }
    }

    @Test
    void predictionIsTheConditionalMeanOfTheNoise() {
        // If eps* = E[eps | x_t], the residual eps - eps*(x_t) has mean 0 and is uncorrelated with x_t, and no
        // other predictor (here eps* scaled by 0.9 or 1.1) has a lower mean squared error.
        int n = 40_000;
        int t = 60;
        SplittableRandom rng = new SplittableRandom(12);
        float[] x0 = GaussianDiffusion.flatten(MIXTURE.sampleData(n, rng));
        GaussianDiffusion g = new GaussianDiffusion(SCHEDULE, 2);
        float[] xt = new float[2 * n];
        float[] eps = new float[2 * n];
        g.sampleMarginal(x0, n, t, rng, xt, eps);
        float[] pred = new float[2 * n];
        MIXTURE.predict(xt, n, GaussianDiffusion.constantSteps(n, t), pred);
        double[] mse = new double[3];
        double[] scales = {1.0, 0.9, 1.1};
        double meanRes = 0;
        double cov = 0;
        double varRes = 0;
        for (int k = 0; k < 2 * n; k++) {
            double r = eps[k] - pred[k];
            meanRes += r / (2.0 * n);
            cov += r * xt[k] / (2.0 * n);
            varRes += r * r / (2.0 * n);
            for (int c = 0; c < 3; c++) {
                double e = eps[k] - scales[c] * pred[k];
                mse[c] += e * e;
            }
        }
        double se = Math.sqrt(varRes / (2.0 * n));
        assertEquals(0.0, meanRes, 4 * se);
        assertEquals(0.0, cov, 4 * se * 2.0); // |x_t| is of order 1-2
        assertTrue(mse[0] < mse[1] && mse[0] < mse[2]);
    }

    @Test
    void dataDensityIntegratesToOneAndMomentsMatchSamples() {
        int cells = 400;
        double lo = -6;
        double dx = 12.0 / cells;
        double mass = 0;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                mass += Math.exp(MIXTURE.marginalLogDensity(new double[] {lo + (i + 0.5) * dx, lo + (j + 0.5) * dx}, 0));
            }
        }
        assertEquals(1.0, mass * dx * dx, 1e-6);
        double[][] x = MIXTURE.sampleData(100_000, new SplittableRandom(5));
        double[] m = MIXTURE.dataMean();
        double[] v = MIXTURE.dataVariance();
        for (int j = 0; j < 2; j++) {
            double sm = 0;
            for (double[] p : x) {
                sm += p[j] / x.length;
            }
            assertEquals(m[j], sm, 4 * Math.sqrt(v[j] / x.length));
        }
        // 0.3*(-2) + 0.5*1.5 + 0.2*0 = 0.15.
        assertEquals(0.15, m[0], 1e-15);
    }

    @Test
    void varianceExplodingScoreOfNotebook06sMixtureAgrees() {
        // Two independent implementations: the VP oracle built from sampling.GaussianMixture, and that class's
        // own noisy (VE) score at sigma_t^2 = (1 - ab)/ab, evaluated at x/sqrt(ab) and divided by sqrt(ab).
        org.ebmjava.sampling.GaussianMixture data = new org.ebmjava.sampling.GaussianMixture(
                new double[] {0.25, 0.75}, new double[][] {{-1, 0.5}, {2, -1}}, new double[] {0.3, 0.6});
        ExactNoisePredictor oracle = ExactNoisePredictor.of(SCHEDULE, data);
        double[] x = {0.4, -0.2};
        for (int t : new int[] {1, 30, 150}) {
            double ab = SCHEDULE.alphaBar(t);
            float[] y = {(float) (x[0] / Math.sqrt(ab)), (float) (x[1] / Math.sqrt(ab))};
            float[] ve = new float[2];
            data.noisyScore().score(y, 1, Math.sqrt((1 - ab) / ab), ve);
            double[] vp = oracle.score(x, t);
            for (int j = 0; j < 2; j++) {
                assertEquals(ve[j] / Math.sqrt(ab), vp[j], 1e-5 * Math.max(1, Math.abs(vp[j])));
            }
        }
        assertEquals(data.logDensity(x), oracle.marginalLogDensity(x, 0), 1e-12);
    }

    @Test
    void rejectsInvalidMixtures() {
        assertThrows(IllegalArgumentException.class, () -> ExactNoisePredictor.mixture(SCHEDULE, new double[] {0.5, 0.4},
                new double[][] {{0}, {1}}, new double[][] {{1}, {1}}));
        assertThrows(IllegalArgumentException.class,
                () -> ExactNoisePredictor.gaussian(SCHEDULE, new double[] {0}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> MIXTURE.predict(new float[2], 1, new int[] {0}, new float[2]));
    }
}
