package org.ebmjava.exercises.ex04;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 04.2 ({@link GibbsStep}). */
@DisplayName("04.2 Gibbs step")
public class GibbsStepChecks {
    private final GibbsStep impl = Submissions.get(GibbsStep.class);

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @Test
    @DisplayName("uniforms 0 switch every unit on, uniforms near 1 switch every unit off")
    void extremes() {
        double[][] w = {{0.1, -0.2}, {0.3, 0.4}, {-0.5, 0.6}};
        double[] b = {0.0, 0.1, -0.1};
        double[] c = {0.2, -0.3};
        double[] on = impl.step(w, b, c, new double[] {1, 0, 1}, new double[2], new double[3]);
        assertArrayEquals(new double[] {1, 1, 1}, on, 0.0, "u = 0 accepts every probability > 0");
        double[] almostOne = {0.999999, 0.999999, 0.999999};
        double[] off = impl.step(w, b, c, new double[] {1, 0, 1}, new double[] {0.999999, 0.999999}, almostOne);
        assertArrayEquals(new double[] {0, 0, 0}, off, 0.0, "u close to 1 rejects moderate probabilities");
    }

    @Test
    @DisplayName("samples h from the old v, then v' from that h (exact thresholds)")
    void thresholds() {
        double[][] w = {{2.0}, {-1.0}};          // 2 visible, 1 hidden
        double[] b = {-1.0, 0.5};
        double[] c = {0.0};
        double ph = sigmoid(0.0 + 2.0);          // v = (1, 0)
        double[] hOn = impl.step(w, b, c, new double[] {1, 0}, new double[] {ph - 1e-9},
                new double[] {sigmoid(-1.0 + 2.0) - 1e-9, sigmoid(0.5 - 1.0) - 1e-9});
        assertArrayEquals(new double[] {1, 1}, hOn, 0.0, "h = 1, then both visible units just on");
        double[] hOff = impl.step(w, b, c, new double[] {1, 0}, new double[] {ph + 1e-9},
                new double[] {sigmoid(-1.0) - 1e-9, sigmoid(0.5) + 1e-9});
        assertArrayEquals(new double[] {1, 0}, hOff, 0.0, "h = 0, then v'_1 just on and v'_2 just off");
    }

    @Test
    @DisplayName("repeated steps sample the RBM's visible marginal")
    void stationaryMarginal() {
        double[][] w = {{1.5, -1.0}, {-2.0, 0.5}};
        double[] b = {0.2, -0.4};
        double[] c = {-0.3, 0.6};
        // exact p(v) by summing over h
        double[] pv = new double[4];
        double z = 0;
        for (int code = 0; code < 4; code++) {
            double[] v = {code & 1, (code >> 1) & 1};
            double weight = Math.exp(b[0] * v[0] + b[1] * v[1]);
            for (int j = 0; j < 2; j++) {
                weight *= 1 + Math.exp(c[j] + v[0] * w[0][j] + v[1] * w[1][j]);
            }
            pv[code] = weight;
            z += weight;
        }
        Random rng = new Random(61);
        double[] v = {0, 0};
        int[] counts = new int[4];
        int n = 100_000;
        for (int t = 0; t < n; t++) {
            v = impl.step(w, b, c, v, new double[] {rng.nextDouble(), rng.nextDouble()},
                    new double[] {rng.nextDouble(), rng.nextDouble()});
            counts[(int) v[0] + 2 * (int) v[1]]++;
        }
        for (int code = 0; code < 4; code++) {
            double p = pv[code] / z;
            assertEquals(p, counts[code] / (double) n, 6 * Math.sqrt(p * (1 - p) / n) + 2e-3,
                    "frequency of v = (" + (code & 1) + ", " + ((code >> 1) & 1) + ")");
        }
    }

    @Test
    @DisplayName("returns a new 0/1 array and leaves the inputs unchanged")
    void pure() {
        double[] v = {1, 0};
        double[] u1 = {0.5};
        double[] u2 = {0.5, 0.5};
        double[] out = impl.step(new double[][] {{1}, {1}}, new double[2], new double[1], v, u1, u2);
        assertEquals(2, out.length, "v' has nv entries");
        for (double x : out) {
            assertEquals(0.0, x * (1 - x), 0.0, "v' holds 0/1 values, found " + x);
        }
        assertArrayEquals(new double[] {1, 0}, v, 0.0, "v must be left as it was");
    }
}
