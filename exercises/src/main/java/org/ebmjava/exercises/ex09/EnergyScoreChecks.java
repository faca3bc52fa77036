package org.ebmjava.exercises.ex09;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 09.3 ({@link EnergyScore}). */
@DisplayName("09.3 energy score from logits")
public class EnergyScoreChecks {
    private static final double TOL = 1e-10;
    private final EnergyScore impl = Submissions.get(EnergyScore.class);

    @Test
    @DisplayName("K equal logits c give E = -(c + T log K)")
    void equalLogits() {
        double[] e = impl.energies(new double[][] {{2.0, 2.0, 2.0, 2.0}}, 1.0);
        assertEquals(-(2.0 + Math.log(4)), e[0], TOL, "-log(4 e^2) = -(2 + log 4)");
        double[] e2 = impl.energies(new double[][] {{2.0, 2.0, 2.0, 2.0}}, 0.5);
        assertEquals(-(2.0 + 0.5 * Math.log(4)), e2[0], TOL, "-T log(4 e^(2/T)) = -(2 + T log 4)");
    }

    @Test
    @DisplayName("sign: larger logits give LOWER energy")
    void sign() {
        double[] e = impl.energies(new double[][] {{0.0, 1.0}, {5.0, 6.0}}, 1.0);
        assertEquals(-Math.log(1 + Math.E), e[0], TOL, "-log(e^0 + e^1)");
        assertEquals(e[0] - 5.0, e[1], TOL, "shifting every logit by 5 lowers E by 5");
    }

    @Test
    @DisplayName("large logits do not overflow (shift by the maximum)")
    void stable() {
        double[] e = impl.energies(new double[][] {{1000.0, 999.0}, {-1000.0, -1001.0}}, 1.0);
        assertTrue(Double.isFinite(e[0]) && Double.isFinite(e[1]), "exp(1000) overflows: subtract the maximum first");
        assertEquals(-(1000.0 + Math.log(1 + Math.exp(-1))), e[0], 1e-9);
        assertEquals(-(-1000.0 + Math.log(1 + Math.exp(-1))), e[1], 1e-9);
        double[] cold = impl.energies(new double[][] {{3.0, 1.0, -2.0}}, 1e-3);
        assertEquals(-3.0, cold[0], 1e-6, "T -> 0 gives -max f (and must not overflow at f/T = 3000)");
    }

    @Test
    @DisplayName("matches the definition on random logits and temperatures; leaves the logits unchanged")
    void random() {
        Random rng = new Random(903);
        for (int trial = 0; trial < 10; trial++) {
            int n = 1 + rng.nextInt(5);
            int k = 1 + rng.nextInt(10);
            double t = 0.2 + 3 * rng.nextDouble();
            double[][] f = new double[n][k];
            for (double[] row : f) {
                for (int y = 0; y < k; y++) {
                    row[y] = 4 * rng.nextGaussian();
                }
            }
            double[][] f0 = new double[n][];
            for (int i = 0; i < n; i++) {
                f0[i] = f[i].clone();
            }
            double[] e = impl.energies(f, t);
            assertEquals(n, e.length, "one energy per row");
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (double v : f0[i]) {
                    s += Math.exp(v / t);
                }
                assertEquals(-t * Math.log(s), e[i], 1e-9, "row " + i + ", trial " + trial);
                assertArrayEquals(f0[i], f[i], 0.0, "logits must not be modified");
            }
        }
    }
}
