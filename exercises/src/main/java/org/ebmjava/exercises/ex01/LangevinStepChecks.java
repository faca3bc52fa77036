package org.ebmjava.exercises.ex01;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 01.3 ({@link LangevinStep}). */
@DisplayName("01.3 Langevin step")
public class LangevinStepChecks {
    private static final double TOL = 1e-12;
    /** Relative tolerance on the stationary variance; a missing factor 2 in the noise is 50 % off. */
    private static final double VARIANCE_REL_TOL = 0.08;
    private final LangevinStep impl = Submissions.get(LangevinStep.class);

    @Test
    @DisplayName("T = 0 is plain gradient descent: x - lr * grad")
    void zeroTemperatureIsGradientDescent() {
        double[] x = {1.0, -2.0};
        double[] g = {0.5, 4.0};
        double[] out = impl.step(x, g, 0.1, 0.0, new double[] {0.3, -1.2});
        assertArrayEquals(new double[] {0.95, -2.4}, out, TOL, "x' = x - 0.1 * grad when T = 0");
    }

    @Test
    @DisplayName("the noise is scaled by sqrt(2 lr T)")
    void noiseScale() {
        double[] out = impl.step(new double[] {0.0, 0.0}, new double[] {0.0, 0.0}, 0.05, 2.0,
                new double[] {1.0, -0.5});
        double s = Math.sqrt(2 * 0.05 * 2.0);
        assertArrayEquals(new double[] {s, -0.5 * s}, out, TOL, "with zero gradient x' = sqrt(2 lr T) * noise");
    }

    @Test
    @DisplayName("inputs are not modified and a new array is returned")
    void inputsNotModified() {
        double[] x = {1.0, 2.0};
        double[] g = {3.0, 4.0};
        double[] xi = {0.1, 0.2};
        double[] out = impl.step(x, g, 0.01, 1.0, xi);
        assertArrayEquals(new double[] {1.0, 2.0}, x, 0.0, "x must be left as it was");
        assertArrayEquals(new double[] {3.0, 4.0}, g, 0.0, "the gradient must be left as it was");
        assertArrayEquals(new double[] {0.1, 0.2}, xi, 0.0, "the noise must be left as it was");
        assertEquals(2, out.length, "result has the dimension of x");
    }

    @Test
    @DisplayName("samples E = x^2/2 at temperature T: stationary variance T/(1 - lr/2)")
    void stationaryVariance() {
        double lr = 0.1;
        double t = 0.5;
        Random rng = new Random(303);
        double[] x = {0.0};
        int burnIn = 1_000;
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < burnIn + n; k++) {
            x = impl.step(x, new double[] {x[0]}, lr, t, new double[] {rng.nextGaussian()});
            if (k >= burnIn) {
                sum += x[0];
                sumSq += x[0] * x[0];
            }
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        // x' = (1 - lr) x + sqrt(2 lr T) xi has stationary variance 2 lr T / (1 - (1 - lr)^2) = T / (1 - lr / 2).
        double exact = t / (1 - lr / 2);
        assertEquals(exact, var, VARIANCE_REL_TOL * exact,
                "long-run variance of the chain on E = x^2/2 with lr = 0.1, T = 0.5");
    }
}
