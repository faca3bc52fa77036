package org.ebmjava.exercises.ex06;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 06.1 ({@link DenoisingLoss}). */
@DisplayName("06.1 Denoising score-matching loss")
public class DenoisingLossChecks {
    private static final double TOL = 1e-12;
    /** Monte Carlo tolerance on the minimum of the expected loss with 20,000 samples (its std is about 0.3 %). */
    private static final double MC_REL_TOL = 0.03;
    private final DenoisingLoss impl = Submissions.get(DenoisingLoss.class);

    private static double[][] identity(int d, double scale) {
        double[][] a = new double[d][d];
        for (int j = 0; j < d; j++) {
            a[j][j] = scale;
        }
        return a;
    }

    @Test
    @DisplayName("one 1D point by hand: the model is evaluated at the noisy point x + sigma z")
    void oneNumberByHand() {
        // x = 1, z = 0.5, sigma = 2: noisy 2; s = 3 * 2 + 1 = 7; target -z/sigma = -0.25; L = 0.5 * 7.25^2
        double l = impl.loss(new double[][] {{1.0}}, new double[][] {{0.5}}, 2.0, new double[][] {{3.0}},
                new double[] {1.0});
        assertEquals(0.5 * 7.25 * 7.25, l, TOL, "x = 1, z = 0.5, sigma = 2, s(x) = 3x + 1");
    }

    @Test
    @DisplayName("a 2D batch of two: the mean over the batch, the full matrix A")
    void twoPointsByHand() {
        double[][] x = {{1.0, 0.0}, {0.0, -1.0}};
        double[][] z = {{1.0, 1.0}, {-1.0, 0.0}};
        double sigma = 0.5;
        double[][] a = {{1.0, 2.0}, {0.0, -1.0}};
        double[] b = {0.0, 1.0};
        double expected = 0.0;
        for (int i = 0; i < 2; i++) {
            double[] xt = {x[i][0] + sigma * z[i][0], x[i][1] + sigma * z[i][1]};
            double r0 = a[0][0] * xt[0] + a[0][1] * xt[1] + b[0] + z[i][0] / sigma;
            double r1 = a[1][0] * xt[0] + a[1][1] * xt[1] + b[1] + z[i][1] / sigma;
            expected += 0.5 * (r0 * r0 + r1 * r1) / 2;
        }
        assertEquals(expected, impl.loss(x, z, sigma, a, b), TOL);
    }

    @Test
    @DisplayName("zero when the model predicts exactly -z/sigma (the sign of the target)")
    void zeroAtTheTarget() {
        // s(x) = -x/sigma^2 with clean x = 0 gives s(sigma z) = -z/sigma: a perfect denoiser of this batch
        double sigma = 0.3;
        double[][] z = {{0.4, -1.1}, {2.0, 0.2}, {-0.7, 0.9}};
        double l = impl.loss(new double[3][2], z, sigma, identity(2, -1 / (sigma * sigma)), new double[2]);
        assertEquals(0.0, l, 1e-12, "L = 0 when s(x~) = -z / sigma for every sample");
    }

    @Test
    @DisplayName("for data N(0, v I) the loss is lowest at the noisy score A = -I/(v + sigma^2)")
    void minimisedByTheNoisyScore() {
        Random rng = new Random(606);
        int n = 20_000;
        int d = 2;
        double v = 2.0;
        double sigma = 0.6;
        double[][] x = new double[n][d];
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = Math.sqrt(v) * rng.nextGaussian();
                z[i][j] = rng.nextGaussian();
            }
        }
        double c = 1 / (v + sigma * sigma);
        double best = impl.loss(x, z, sigma, identity(d, -c), new double[d]);
        assertTrue(best < impl.loss(x, z, sigma, identity(d, -0.8 * c), new double[d]), "better than 0.8 x optimum");
        assertTrue(best < impl.loss(x, z, sigma, identity(d, -1.2 * c), new double[d]), "better than 1.2 x optimum");
        assertTrue(best < impl.loss(x, z, sigma, identity(d, -c), new double[] {0.1, 0.0}), "better than shifted");
        // the irreducible minimum: (d / 2) v / (sigma^2 (v + sigma^2))
        double expected = 0.5 * d * v / (sigma * sigma * (v + sigma * sigma));
        assertEquals(expected, best, MC_REL_TOL * expected, "expected minimum (d/2) v / (sigma^2 (v + sigma^2))");
    }

    @Test
    @DisplayName("inputs are not modified")
    void inputsNotModified() {
        double[][] x = {{1.0, 2.0}};
        double[][] z = {{0.5, -0.5}};
        double[][] a = {{1.0, 0.0}, {0.0, 1.0}};
        double[] b = {0.1, 0.2};
        impl.loss(x, z, 0.5, a, b);
        assertArrayEquals(new double[] {1.0, 2.0}, x[0], 0.0, "clean points");
        assertArrayEquals(new double[] {0.5, -0.5}, z[0], 0.0, "noise");
        assertArrayEquals(new double[] {1.0, 0.0}, a[0], 0.0, "A");
        assertArrayEquals(new double[] {0.1, 0.2}, b, 0.0, "b");
    }
}
