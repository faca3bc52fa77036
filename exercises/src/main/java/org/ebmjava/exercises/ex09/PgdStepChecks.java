package org.ebmjava.exercises.ex09;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.ebmjava.exercises.check.CheckData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 09.2 ({@link PgdStep}). */
@DisplayName("09.2 one L-infinity PGD step")
public class PgdStepChecks {
    private static final double TOL = 1e-12;
    private final PgdStep impl = Submissions.get(PgdStep.class);

    @Test
    @DisplayName("steps by alpha times the sign of the gradient (sign(0) = 0), uphill on the loss")
    void signStep() {
        double[][] x = {{0.5, 0.5, 0.5}};
        double[][] out = impl.step(x, CheckData.copy(x), new double[][] {{3.0, -0.001, 0.0}}, 0.02, 0.1);
        assertArrayEquals(new double[] {0.52, 0.48, 0.5}, out[0], TOL,
                "x + alpha sign(g): the size of g does not matter, and a zero gradient does not move the pixel");
    }

    @Test
    @DisplayName("projects onto the epsilon-ball around the ORIGINAL image, not the current one")
    void projectsAroundOriginal() {
        double[][] x0 = {{0.5, 0.5}};
        double[][] x = {{0.58, 0.43}};                 // already 0.08 and -0.07 away from x0
        double[][] out = impl.step(x, x0, new double[][] {{1.0, -1.0}}, 0.05, 0.1);
        assertArrayEquals(new double[] {0.6, 0.4}, out[0], TOL,
                "0.58 + 0.05 = 0.63 is projected to x0 + eps = 0.6; 0.43 - 0.05 = 0.38 to x0 - eps = 0.4");
        double[][] back = impl.step(new double[][] {{0.6}}, new double[][] {{0.5}}, new double[][] {{-1.0}}, 0.05, 0.1);
        assertEquals(0.55, back[0][0], TOL, "a step back into the ball is not projected");
    }

    @Test
    @DisplayName("clips to [0, 1] after the projection")
    void clipsToPixelRange() {
        double[][] x0 = {{0.98, 0.03}};
        double[][] out = impl.step(CheckData.copy(x0), x0, new double[][] {{1.0, -1.0}}, 0.1, 0.2);
        assertArrayEquals(new double[] {1.0, 0.0}, out[0], TOL, "0.98 + 0.1 is clipped to 1, 0.03 - 0.1 to 0");
    }

    @Test
    @DisplayName("epsilon = 0 leaves the original image")
    void zeroRadius() {
        double[][] x0 = {{0.2, 0.7, 0.9}};
        double[][] out = impl.step(CheckData.copy(x0), x0, new double[][] {{1, -1, 1}}, 0.3, 0.0);
        assertArrayEquals(x0[0], out[0], TOL, "with epsilon = 0 the only point in the ball is x0");
    }

    @Test
    @DisplayName("matches the formula over ten steps on random batches; stays in the ball and the box; inputs unchanged")
    void randomBatches() {
        Random rng = new Random(902);
        for (int trial = 0; trial < 5; trial++) {
            int n = 1 + rng.nextInt(4);
            int d = 1 + rng.nextInt(9);
            double eps = 0.05 + 0.2 * rng.nextDouble();
            double alpha = eps / 4;
            double[][] x0 = new double[n][d];
            for (double[] row : x0) {
                for (int k = 0; k < d; k++) {
                    row[k] = rng.nextDouble() < 0.3 ? 0.0 : rng.nextDouble();
                }
            }
            double[][] x = CheckData.copy(x0);
            for (int t = 0; t < 10; t++) {
                double[][] g = new double[n][d];
                for (double[] row : g) {
                    for (int k = 0; k < d; k++) {
                        row[k] = rng.nextGaussian();
                    }
                }
                double[][] xBefore = CheckData.copy(x);
                double[][] gBefore = CheckData.copy(g);
                double[][] x0Before = CheckData.copy(x0);
                double[][] out = impl.step(x, x0, g, alpha, eps);
                assertEquals(n, out.length, "one row per image");
                assertNotSame(x, out, "return a new array");
                for (int i = 0; i < n; i++) {
                    assertArrayEquals(xBefore[i], x[i], 0.0, "x must not be modified");
                    assertArrayEquals(gBefore[i], g[i], 0.0, "the gradient must not be modified");
                    assertArrayEquals(x0Before[i], x0[i], 0.0, "the original must not be modified");
                    for (int k = 0; k < d; k++) {
                        double v = xBefore[i][k] + alpha * Math.signum(gBefore[i][k]);
                        v = Math.min(Math.max(v, x0[i][k] - eps), x0[i][k] + eps);
                        v = Math.min(Math.max(v, 0.0), 1.0);
                        assertEquals(v, out[i][k], 1e-12, "row " + i + ", pixel " + k + ", step " + t);
                        assertTrue(Math.abs(out[i][k] - x0[i][k]) <= eps + 1e-12, "outside the epsilon-ball");
                        assertTrue(out[i][k] >= 0 && out[i][k] <= 1, "outside [0, 1]");
                    }
                }
                x = out;
            }
        }
    }
}
