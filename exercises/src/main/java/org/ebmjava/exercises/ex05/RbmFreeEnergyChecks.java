package org.ebmjava.exercises.ex05;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 05.1 ({@link RbmFreeEnergy}). */
@DisplayName("05.1 RBM free energy")
public class RbmFreeEnergyChecks {
    private static final double TOL = 1e-9;
    private final RbmFreeEnergy impl = Submissions.get(RbmFreeEnergy.class);

    @Test
    @DisplayName("one visible, one hidden unit: F = -b v - log(1 + exp(c + v w))")
    void tiny() {
        double f = impl.freeEnergy(new double[][] {{1.5}}, new double[] {0.25}, new double[] {-0.5}, new double[] {1});
        assertEquals(-0.25 - Math.log(1 + Math.exp(1.0)), f, TOL, "v = 1");
    }

    @Test
    @DisplayName("equals -log sum_h exp(-E(v, h)) by enumerating h")
    void matchesEnumeration() {
        Random rng = new Random(71);
        int nv = 5;
        int nh = 4;
        double[][] w = CheckData.gaussian(nv, nh, rng);
        double[] b = CheckData.gaussian(nv, rng);
        double[] c = CheckData.gaussian(nh, rng);
        for (int code = 0; code < (1 << nv); code++) {
            double[] v = new double[nv];
            for (int i = 0; i < nv; i++) {
                v[i] = (code >> i) & 1;
            }
            double sum = 0;
            for (int hc = 0; hc < (1 << nh); hc++) {
                double e = 0;
                for (int i = 0; i < nv; i++) {
                    e -= b[i] * v[i];
                }
                for (int j = 0; j < nh; j++) {
                    int h = (hc >> j) & 1;
                    e -= c[j] * h;
                    for (int i = 0; i < nv; i++) {
                        e -= v[i] * w[i][j] * h;
                    }
                }
                sum += Math.exp(-e);
            }
            assertEquals(-Math.log(sum), impl.freeEnergy(w, b, c, v), 1e-9, "visible code " + code);
        }
    }

    @Test
    @DisplayName("lower free energy means more probable: the sign convention")
    void sign() {
        double[][] w = {{3.0}};
        double fOn = impl.freeEnergy(w, new double[] {1.0}, new double[] {0.0}, new double[] {1});
        double fOff = impl.freeEnergy(w, new double[] {1.0}, new double[] {0.0}, new double[] {0});
        assertTrue(fOn < fOff, "positive bias and weight favour v = 1, so F(1) < F(0); got " + fOn + " vs " + fOff);
    }

    @Test
    @DisplayName("no overflow: softplus of a large input")
    void largeInputs() {
        double f = impl.freeEnergy(new double[][] {{1000.0}}, new double[] {0.0}, new double[] {0.0}, new double[] {1});
        assertTrue(Double.isFinite(f), "F must be finite, got " + f);
        assertEquals(-1000.0, f, 1e-9, "softplus(1000) = 1000");
        double g = impl.freeEnergy(new double[][] {{-1000.0}}, new double[] {0.0}, new double[] {0.0}, new double[] {1});
        assertEquals(0.0, g, 1e-9, "softplus(-1000) = 0");
    }
}
