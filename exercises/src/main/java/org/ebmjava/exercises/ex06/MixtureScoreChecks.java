package org.ebmjava.exercises.ex06;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ebmjava.exercises.check.Submissions;

/** Checks for exercise 06.2 ({@link MixtureScore}). */
@DisplayName("06.2 Score of a Gaussian mixture")
public class MixtureScoreChecks {
    private static final double TOL = 1e-10;
    /** Central differences of log p with h = 1e-5 in double precision. */
    private static final double FD_TOL = 1e-6;
    private final MixtureScore impl = Submissions.get(MixtureScore.class);

    /** log p(x) by log-sum-exp: the checker's own reference. */
    private static double logDensity(double[] w, double[][] mu, double[] s, double[] x) {
        int d = x.length;
        double[] t = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w.length; k++) {
            double r2 = 0;
            for (int j = 0; j < d; j++) {
                r2 += (x[j] - mu[k][j]) * (x[j] - mu[k][j]);
            }
            t[k] = Math.log(w[k]) - 0.5 * d * Math.log(2 * Math.PI * s[k] * s[k]) - 0.5 * r2 / (s[k] * s[k]);
            max = Math.max(max, t[k]);
        }
        double sum = 0;
        for (double v : t) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    @Test
    @DisplayName("one component: the Gaussian score -(x - mu)/s^2")
    void oneComponent() {
        double[] s = impl.score(new double[] {1.0}, new double[][] {{1.0, -2.0}}, new double[] {0.5},
                new double[] {2.0, 0.0});
        assertArrayEquals(new double[] {-4.0, -8.0}, s, TOL, "-(x - mu) / s^2 with s = 0.5");
    }

    @Test
    @DisplayName("equals the gradient of log p by central differences (unequal weights and widths)")
    void matchesFiniteDifferences() {
        double[] w = {0.2, 0.5, 0.3};
        double[][] mu = {{-1.0, 0.0}, {1.0, 1.0}, {0.5, -1.5}};
        double[] sd = {0.6, 1.0, 1.7};
        double h = 1e-5;
        double[][] points = {{0.0, 0.0}, {-1.2, 0.4}, {0.9, -0.8}, {2.5, 2.0}, {0.1, 0.6}};
        for (double[] x : points) {
            double[] got = impl.score(w, mu, sd, x);
            for (int j = 0; j < 2; j++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[j] += h;
                down[j] -= h;
                double fd = (logDensity(w, mu, sd, up) - logDensity(w, mu, sd, down)) / (2 * h);
                assertEquals(fd, got[j], FD_TOL, "d log p / dx_" + j + " at (" + x[0] + ", " + x[1] + ")");
            }
        }
    }

    @Test
    @DisplayName("between two equal-width modes the score points to the heavier one")
    void pointsToTheHeavierMode() {
        double[] s = impl.score(new double[] {0.2, 0.8}, new double[][] {{-1.0}, {1.0}}, new double[] {1.0, 1.0},
                new double[] {0.0});
        // r = (0.2, 0.8) at the midpoint: score = -(0.2 * 1 + 0.8 * (-1)) = 0.6
        assertEquals(0.6, s[0], TOL, "at the midpoint the score is r_1 - r_0 = 0.6 (towards +1)");
    }

    @Test
    @DisplayName("finite far from every component (log-sum-exp)")
    void stableFarAway() {
        double[] w = {0.5, 0.5};
        double[][] mu = {{0.0, 0.0}, {3.0, 0.0}};
        double[] sd = {1.0, 1.0};
        double[] s = impl.score(w, mu, sd, new double[] {60.0, 0.0});
        assertTrue(Double.isFinite(s[0]) && Double.isFinite(s[1]), "score at (60, 0) must be finite");
        // the nearer component (3, 0) carries all the responsibility: score = -(60 - 3)
        assertEquals(-57.0, s[0], 1e-9, "far away the nearest component dominates");
        assertEquals(0.0, s[1], 1e-9);
    }

    @Test
    @DisplayName("inputs are not modified")
    void inputsNotModified() {
        double[] w = {0.4, 0.6};
        double[][] mu = {{0.0}, {2.0}};
        double[] sd = {1.0, 0.5};
        double[] x = {1.0};
        impl.score(w, mu, sd, x);
        assertArrayEquals(new double[] {0.4, 0.6}, w, 0.0);
        assertArrayEquals(new double[] {2.0}, mu[1], 0.0);
        assertArrayEquals(new double[] {1.0, 0.5}, sd, 0.0);
        assertArrayEquals(new double[] {1.0}, x, 0.0);
    }
}
