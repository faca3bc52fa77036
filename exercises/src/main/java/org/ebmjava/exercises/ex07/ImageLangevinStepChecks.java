package org.ebmjava.exercises.ex07;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 07.1 ({@link ImageLangevinStep}). */
@DisplayName("07.1 Langevin step with clipping and clamping")
public class ImageLangevinStepChecks {
    private static final double TOL = 1e-12;
    private final ImageLangevinStep impl = Submissions.get(ImageLangevinStep.class);

    @Test
    @DisplayName("small gradient, no noise, wide box: plain gradient descent x - a g")
    void gradientDescent() {
        double[][] out = impl.step(new double[][] {{0.5, -0.25}}, new double[][] {{0.01, -0.02}}, 2.0, 0.0, 1.0,
                new double[][] {{0.7, -1.3}}, -10, 10);
        assertArrayEquals(new double[] {0.5 - 0.02, -0.25 + 0.04}, out[0], TOL, "x - a g moves downhill");
    }

    @Test
    @DisplayName("noise enters as + s xi")
    void noise() {
        double[][] out = impl.step(new double[][] {{0.0, 0.0}}, new double[][] {{0.0, 0.0}}, 1.0, 0.1, 1.0,
                new double[][] {{2.0, -3.0}}, -10, 10);
        assertArrayEquals(new double[] {0.2, -0.3}, out[0], TOL, "with g = 0 the step is s xi");
    }

    @Test
    @DisplayName("clips the gradient element to [-c, c] before multiplying by a (UvA-DL: a = 10, c = 0.03)")
    void clipsGradientNotStep() {
        double[][] out = impl.step(new double[][] {{0.0, 0.0, 0.0}}, new double[][] {{5.0, -5.0, 0.01}}, 10.0, 0.0,
                0.03, new double[][] {{0, 0, 0}}, -1, 1);
        assertArrayEquals(new double[] {-0.3, 0.3, -0.1}, out[0], TOL,
                "x - a clip(g): g = 5 clipped to 0.03 gives a step of 0.3; g = 0.01 is not clipped");
    }

    @Test
    @DisplayName("clamps to [lo, hi] after adding the noise")
    void clampsAfterNoise() {
        double[][] out = impl.step(new double[][] {{0.95, -0.95, 0.95}}, new double[][] {{0, 0, 0}}, 1.0, 0.1, 1.0,
                new double[][] {{1.0, -1.0, -1.0}}, -1, 1);
        assertArrayEquals(new double[] {1.0, -1.0, 0.85}, out[0], TOL,
                "0.95 + 0.1 is clamped to 1, -0.95 - 0.1 to -1, 0.95 - 0.1 stays");
    }

    @Test
    @DisplayName("matches the formula on random batches; leaves the inputs unchanged")
    void randomBatches() {
        Random rng = new Random(701);
        for (int trial = 0; trial < 5; trial++) {
            int n = 1 + rng.nextInt(5);
            int d = 1 + rng.nextInt(7);
            double[][] x = CheckData.uniform(n, d, rng);
            double[][] g = CheckData.gaussian(n, d, rng);
            double[][] xi = CheckData.gaussian(n, d, rng);
            double a = 0.05 + rng.nextDouble();
            double s = rng.nextDouble() * 0.2;
            double c = 0.1 + rng.nextDouble();
            double[][] x0 = CheckData.copy(x);
            double[][] g0 = CheckData.copy(g);
            double[][] xi0 = CheckData.copy(xi);
            double[][] out = impl.step(x, g, a, s, c, xi, 0.0, 1.0);
            assertEquals(n, out.length, "one row per point");
            assertNotSame(x, out, "return a new array");
            for (int i = 0; i < n; i++) {
                double[] expected = new double[d];
                for (int k = 0; k < d; k++) {
                    double v = x0[i][k] - a * Math.max(-c, Math.min(c, g0[i][k])) + s * xi0[i][k];
                    expected[k] = Math.max(0.0, Math.min(1.0, v));
                }
                assertArrayEquals(expected, out[i], TOL, "row " + i + ", trial " + trial);
                assertArrayEquals(x0[i], x[i], 0.0, "x must not be modified");
                assertArrayEquals(g0[i], g[i], 0.0, "the gradient must not be modified");
                assertArrayEquals(xi0[i], xi[i], 0.0, "the noise must not be modified");
            }
        }
    }
}
