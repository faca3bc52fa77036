package org.ebmjava.sampling;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ebmjava.landscape.GaussianMixtureEnergy;
import org.junit.jupiter.api.Test;

/** The closed-form targets: gradients and scores against central differences of the log-density, exact samples. */
class GaussianTargetsTest {

    /** Central-difference step in double precision. */
    private static final double H = 1e-5;
    /** Float output against a double reference: float rounding (6e-8 relative) plus the O(H^2) difference error. */
    private static final double REL_TOL = 2e-6;

    /** A 3-dimensional, 3-component mixture with unequal weights and widths. */
    private static GaussianMixture mixture3d() {
        return new GaussianMixture(new double[] {0.5, 0.3, 0.2},
                new double[][] {{0.0, 1.0, -1.0}, {2.0, -1.0, 0.5}, {-1.5, 0.0, 2.0}}, new double[] {0.7, 1.2, 0.4});
    }

    private static float[] points(int n, int d, long seed) {
        return InitialNoise.gaussian(d, 0.0, 2.0).draw(n, new SplittableRandom(seed));
    }

    private interface LogDensity {
        double at(double[] x);
    }

    /** Asserts out[i] = d/dx of the log-density (sign +1) or of the energy (sign -1), by central differences. */
    private static void assertDerivative(float[] x, int d, float[] out, LogDensity f, double sign) {
        int n = x.length / d;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double[] p = new double[d];
                for (int k = 0; k < d; k++) {
                    p[k] = x[i * d + k];
                }
                p[j] += H;
                double up = f.at(p);
                p[j] -= 2 * H;
                double down = f.at(p);
                double expected = sign * (up - down) / (2 * H);
                assertEquals(expected, out[i * d + j], REL_TOL * (1.0 + Math.abs(expected)),
                        "point " + i + ", coordinate " + j);
            }
        }
    }

    /** Asserts E = -log p at every point and grad E = -d log p / dx by central differences. */
    private static void assertEnergyIsMinusLogDensity(BatchEnergy energy, float[] x, LogDensity logDensity) {
        int d = energy.dimension();
        int n = x.length / d;
        float[] e = new float[n];
        float[] grad = new float[n * d];
        energy.evaluate(x, n, e, grad);
        assertDerivative(x, d, grad, logDensity, -1.0);
        for (int i = 0; i < n; i++) {
            double logP = logDensity.at(Arrays.copyOfRange(toDouble(x), i * d, (i + 1) * d));
            assertEquals(-logP, e[i], REL_TOL * (1.0 + Math.abs(logP)));
        }
    }

    private static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k];
        }
        return out;
    }

    @Test
    void mixtureGradientIsMinusTheDerivativeOfItsLogDensity() {
        GaussianMixture mix = mixture3d();
        assertEnergyIsMinusLogDensity(mix, points(40, 3, 1), mix::logDensity);
    }

    @Test
    void noisyScoreIsTheScoreOfTheConvolvedMixture() {
        GaussianMixture mix = mixture3d();
        float[] x = points(30, 3, 2);
        for (double sigma : new double[] {0.01, 0.5, 3.0}) {
            float[] s = new float[90];
            mix.noisyScore().score(x, 30, sigma, s);
            GaussianMixture convolved = mix.convolved(sigma);
            assertDerivative(x, 3, s, convolved::logDensity, 1.0);
            for (int c = 0; c < 3; c++) {
                assertEquals(Math.sqrt(mix.stds()[c] * mix.stds()[c] + sigma * sigma), convolved.stds()[c], 1e-15);
            }
        }
    }

    @Test
    void noisyScoreOfAGaussianMatchesTheConvolvedGaussianAndTheClosedForm() {
        // One component: the noisy score is -(x - mu) / (s^2 + sigma^2) exactly.
        GaussianMixture one = new GaussianMixture(new double[] {1.0}, new double[][] {{1.0, -2.0}},
                new double[] {0.5});
        float[] x = {0.0f, 0.0f, 3.0f, 1.0f};
        float[] s = new float[4];
        one.noisyScore().score(x, 2, 2.0, s);
        double var = 0.25 + 4.0;
        assertArrayEquals(new float[] {(float) (1.0 / var), (float) (-2.0 / var), (float) (-2.0 / var),
            (float) (-3.0 / var)}, s, 1e-7f);
        GaussianEnergy g = GaussianEnergy.diagonal(new double[] {1.0, -2.0}, new double[] {0.5, 0.5}).convolved(2.0);
        float[] grad = new float[4];
        g.evaluate(x, 2, null, grad);
        for (int k = 0; k < 4; k++) {
            assertEquals(-grad[k], s[k], 1e-7);
        }
    }

    @Test
    void gaussianGradientAndEnergyMatchItsLogDensity() {
        GaussianEnergy g = new GaussianEnergy(new double[] {1.0, -1.0, 0.5},
                new double[][] {{2.0, 0.3, -0.4}, {0.3, 1.0, 0.2}, {-0.4, 0.2, 0.5}});
        assertEnergyIsMinusLogDensity(g, points(20, 3, 3), g::logDensity);
        // At the mean: E = (1/2) log det(2 pi Sigma), det Sigma = 0.667 by cofactors.
        assertEquals(0.5 * Math.log(Math.pow(2 * Math.PI, 3) * 0.667), -g.logDensity(1.0, -1.0, 0.5), 1e-12);
    }

    @Test
    void exactSamplesHaveTheMomentsAndWeights() {
        int n = 100_000;
        GaussianEnergy g = new GaussianEnergy(new double[] {1.0, -1.0}, new double[][] {{2.0, -0.6}, {-0.6, 0.5}});
        float[] x = g.sample(n, new SplittableRandom(4));
        double[] m = BatchOps.columnMeans(x, 2);
        double[][] c = BatchOps.covariance(x, 2);
        double[][] cov = g.covariance();
        for (int j = 0; j < 2; j++) {
            assertEquals(g.mean()[j], m[j], 4 * Math.sqrt(cov[j][j] / n));
            for (int k = 0; k < 2; k++) {
                assertEquals(cov[j][k], c[j][k], 4 * Math.sqrt((cov[j][k] * cov[j][k] + cov[j][j] * cov[k][k]) / n));
            }
        }
        GaussianMixture mix = GaussianMixture.songErmon();
        double[] f = mix.componentFractions(mix.sample(n, new SplittableRandom(5)));
        assertEquals(0.8, f[1], 4 * Math.sqrt(0.16 / n));
        assertEquals(1.0, f[0] + f[1], 1e-9);
    }

    @Test
    void landscapeMixtureIsTheSameDensity() {
        GaussianMixtureEnergy landscape = new GaussianMixtureEnergy();
        GaussianMixture mix = GaussianMixture.of(landscape);
        float[] x = points(25, 2, 6);
        float[] e = new float[25];
        float[] g = new float[50];
        mix.evaluate(x, 25, e, g);
        BatchEnergy adapted = BatchEnergy.of(landscape);
        float[] e2 = new float[25];
        float[] g2 = new float[50];
        adapted.evaluate(x, 25, e2, g2);
        assertArrayEquals(e2, e, 1e-5f);
        assertArrayEquals(g2, g, 1e-5f);
    }

    @Test
    void badArgumentsAreNamed() {
        double[][] means = {{0.0, 0.0}, {1.0, 1.0}};
        assertMessage(() -> new GaussianMixture(new double[] {0.5, 0.6}, means, new double[] {1, 1}), "weights",
                "1.1");
        assertMessage(() -> new GaussianMixture(new double[] {0.5, 0.5}, means, new double[] {1, 0}), "stds[1]",
                "0.0");
        assertMessage(() -> new GaussianMixture(new double[] {1.0, -0.0001}, means, new double[] {1, 1}),
                "weights[1]", "-1.0E-4");
        assertMessage(() -> new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{0.0}, {1.0, 1.0}},
                new double[] {1, 1}), "means[1]", "2");
        assertMessage(() -> GaussianMixture.songErmon().convolved(-1.0), "sigma", "-1.0");
        assertMessage(() -> GaussianMixture.songErmon().evaluate(new float[3], 2, null, null), "x", "3");
        assertMessage(() -> GaussianMixture.songErmon().evaluate(new float[4], 2, new float[1], null), "energies",
                "1");
        assertMessage(() -> new GaussianEnergy(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}), "covariance",
                "positive definite");
        assertMessage(() -> new GaussianEnergy(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.4, 1}}),
                "covariance[0][1]", "0.5");
        assertMessage(() -> GaussianEnergy.diagonal(new double[] {0, 0}, new double[] {1}), "stds", "1");
        assertMessage(() -> GaussianEnergy.diagonal(new double[] {Double.NaN}, new double[] {1}), "mean[0]", "NaN");
        assertMessage(() -> GaussianEnergy.standard(2).sample(0, new SplittableRandom(1)), "n", "0");
    }
}
