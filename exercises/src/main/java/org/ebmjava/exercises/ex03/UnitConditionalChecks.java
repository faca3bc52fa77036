package org.ebmjava.exercises.ex03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 03.1 ({@link UnitConditional}). */
@DisplayName("03.1 Conditional of one unit")
public class UnitConditionalChecks {
    private static final double TOL = 1e-9;
    private final UnitConditional impl = Submissions.get(UnitConditional.class);

    @Test
    @DisplayName("one unit with bias only: sigmoid(b / T)")
    void biasOnly() {
        double p = impl.probabilityOn(new double[][] {{0}}, new double[] {1.5}, new int[] {0}, 0, 2.0);
        assertEquals(1 / (1 + Math.exp(-0.75)), p, TOL, "b = 1.5, T = 2");
    }

    @Test
    @DisplayName("equals p(s_i=1, rest) / (p(s_i=0, rest) + p(s_i=1, rest)) from the Boltzmann distribution")
    void matchesJointDistribution() {
        Random rng = new Random(31);
        int n = 6;
        double[] b = CheckData.gaussian(n, rng);
        double[][] w = CheckData.symmetricZeroDiagonal(n, rng);
        for (double t : new double[] {0.7, 1.0, 3.0}) {
            for (int code = 0; code < (1 << n); code++) {
                int[] s = new int[n];
                for (int k = 0; k < n; k++) {
                    s[k] = (code >> k) & 1;
                }
                for (int i = 0; i < n; i++) {
                    int[] on = s.clone();
                    on[i] = 1;
                    int[] off = s.clone();
                    off[i] = 0;
                    double pOn = Math.exp(-CheckData.quadraticEnergy(w, b, on) / t);
                    double pOff = Math.exp(-CheckData.quadraticEnergy(w, b, off) / t);
                    assertEquals(pOn / (pOn + pOff), impl.probabilityOn(w, b, s, i, t), TOL,
                            "unit " + i + ", state " + java.util.Arrays.toString(s) + ", T = " + t);
                }
            }
        }
    }

    @Test
    @DisplayName("ignores the current value of the unit itself")
    void ignoresOwnValue() {
        double[][] w = {{0, 2}, {2, 0}};
        double[] b = {-1, 0};
        double a = impl.probabilityOn(w, b, new int[] {0, 1}, 0, 1.0);
        double c = impl.probabilityOn(w, b, new int[] {1, 1}, 0, 1.0);
        assertEquals(a, c, TOL, "p(s_0 = 1 | s_1) must not depend on s_0");
    }

    @Test
    @DisplayName("stays in [0, 1] for huge fields (no NaN)")
    void saturates() {
        double[][] w = {{0, 1e4}, {1e4, 0}};
        double up = impl.probabilityOn(w, new double[2], new int[] {0, 1}, 0, 0.01);
        double down = impl.probabilityOn(new double[][] {{0, -1e4}, {-1e4, 0}}, new double[2], new int[] {0, 1}, 0, 0.01);
        assertEquals(1.0, up, TOL, "field +1e4 at T = 0.01");
        assertEquals(0.0, down, TOL, "field -1e4 at T = 0.01");
    }

    @Test
    @DisplayName("does not modify its inputs")
    void inputsNotModified() {
        int[] s = {1, 0, 1};
        impl.probabilityOn(new double[][] {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}, new double[3], s, 1, 1.0);
        assertArrayEquals(new int[] {1, 0, 1}, s, "the state must be left as it was");
    }
}
