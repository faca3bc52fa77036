package org.ebmjava.exercises.ex04;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 04.1 ({@link HiddenProbabilities}). */
@DisplayName("04.1 Hidden probabilities")
public class HiddenProbabilitiesChecks {
    private static final double TOL = 1e-12;
    private final HiddenProbabilities impl = Submissions.get(HiddenProbabilities.class);

    @Test
    @DisplayName("two visible, one hidden unit: sigmoid(c + v1 W11 + v2 W21)")
    void tiny() {
        double[] p = impl.hiddenProbabilities(new double[][] {{2.0}, {-1.0}}, new double[] {0.5}, new double[] {1, 1});
        assertEquals(1, p.length, "one hidden unit");
        assertEquals(1 / (1 + Math.exp(-1.5)), p[0], TOL, "sigmoid(0.5 + 2 - 1)");
    }

    @Test
    @DisplayName("uses W with rows = visible units (not transposed)")
    void orientation() {
        double[][] w = {{1.0, 0.0, 0.0}, {0.0, 2.0, 0.0}};      // 2 visible x 3 hidden
        double[] p = impl.hiddenProbabilities(w, new double[3], new double[] {0, 1});
        assertEquals(3, p.length, "nh = 3 probabilities");
        assertArrayEquals(new double[] {0.5, 1 / (1 + Math.exp(-2.0)), 0.5}, p, TOL, "v = (0, 1)");
    }

    @Test
    @DisplayName("matches p(h_j = 1 | v) from the joint distribution of a random RBM")
    void matchesJoint() {
        Random rng = new Random(51);
        int nv = 4;
        int nh = 3;
        double[][] w = CheckData.gaussian(nv, nh, rng);
        double[] b = CheckData.gaussian(nv, rng);
        double[] c = CheckData.gaussian(nh, rng);
        double[] v = {1, 0, 1, 1};
        double[] p = impl.hiddenProbabilities(w, c, v);
        for (int j = 0; j < nh; j++) {
            double on = 0;
            double all = 0;
            for (int code = 0; code < (1 << nh); code++) {
                double e = 0;
                for (int jj = 0; jj < nh; jj++) {
                    int h = (code >> jj) & 1;
                    e -= c[jj] * h;
                    for (int i = 0; i < nv; i++) {
                        e -= v[i] * w[i][jj] * h;
                    }
                }
                for (int i = 0; i < nv; i++) {
                    e -= b[i] * v[i];
                }
                double weight = Math.exp(-e);
                all += weight;
                if (((code >> j) & 1) == 1) {
                    on += weight;
                }
            }
            assertEquals(on / all, p[j], 1e-10, "hidden unit " + j);
        }
    }

    @Test
    @DisplayName("no NaN for large inputs, and inputs left unchanged")
    void stableAndPure() {
        double[] v = {1, 1};
        double[] p = impl.hiddenProbabilities(new double[][] {{800, -800}, {800, -800}}, new double[2], v);
        assertArrayEquals(new double[] {1.0, 0.0}, p, TOL, "saturated units");
        assertArrayEquals(new double[] {1, 1}, v, 0.0, "v must be left as it was");
    }
}
