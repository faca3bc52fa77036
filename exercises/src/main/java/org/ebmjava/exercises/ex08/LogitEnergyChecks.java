package org.ebmjava.exercises.ex08;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 08.2 ({@link LogitEnergy}). */
@DisplayName("08.2 E(x) = -logsumexp of the logits")
public class LogitEnergyChecks {
    private static final double TOL = 1e-12;
    private final LogitEnergy impl = Submissions.get(LogitEnergy.class);

    @Test
    @DisplayName("K equal logits c give E = -(c + log K)")
    void equalLogits() {
        double[] e = impl.energies(new double[][] {{0, 0}, {2, 2, 2, 2}, {-1.5}});
        assertEquals(3, e.length, "one energy per row");
        assertArrayEquals(new double[] {-Math.log(2), -(2 + Math.log(4)), 1.5}, e, TOL);
    }

    @Test
    @DisplayName("stable for large logits: {1000, 1000} and {-1000, -1000, -1000} give finite energies")
    void largeLogits() {
        double[] e = impl.energies(new double[][] {{1000, 1000}, {-1000, -1000, -1000}, {800, 0, -800}});
        for (double v : e) {
            assertTrue(Double.isFinite(v), "energies must be finite for large logits (subtract the row maximum "
                    + "before exp), found " + java.util.Arrays.toString(e));
        }
        assertArrayEquals(new double[] {-1000 - Math.log(2), 1000 - Math.log(3), -800}, e, 1e-9);
    }

    @Test
    @DisplayName("sign: a larger logit means a lower energy (more probable input)")
    void sign() {
        double[] e = impl.energies(new double[][] {{1, 0, 0}, {3, 0, 0}});
        assertTrue(e[1] < e[0], "raising a logit must lower E, found " + e[0] + " then " + e[1]);
        assertTrue(e[0] < 0, "E(x) = -logsumexp: for logits {1, 0, 0} it is negative, found " + e[0]);
    }

    @Test
    @DisplayName("adding c to every logit of a row lowers its energy by exactly c")
    void shift() {
        Random rng = new Random(802);
        double[][] f = CheckData.gaussian(5, 7, rng);
        double[][] g = new double[5][7];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 7; k++) {
                g[i][k] = f[i][k] + 3.0 * i - 4.0;
            }
        }
        double[] ef = impl.energies(f);
        double[] eg = impl.energies(g);
        for (int i = 0; i < 5; i++) {
            assertEquals(ef[i] - (3.0 * i - 4.0), eg[i], 1e-10, "row " + i);
        }
    }

    @Test
    @DisplayName("equals -log(sum exp) on moderate random logits, within [-max - log K, -max], inputs unchanged")
    void randomLogits() {
        Random rng = new Random(803);
        for (int trial = 0; trial < 5; trial++) {
            int n = 1 + rng.nextInt(6);
            int k = 1 + rng.nextInt(10);
            double[][] f = CheckData.gaussian(n, k, rng);
            double[][] f0 = new double[n][];
            for (int i = 0; i < n; i++) {
                f0[i] = f[i].clone();
            }
            double[] e = impl.energies(f);
            assertEquals(n, e.length, "one energy per row");
            for (int i = 0; i < n; i++) {
                assertArrayEquals(f0[i], f[i], 0.0, "logits must not be modified");
                double s = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (double v : f[i]) {
                    s += Math.exp(v);
                    max = Math.max(max, v);
                }
                assertEquals(-Math.log(s), e[i], 1e-10, "trial " + trial + ", row " + i);
                assertTrue(e[i] <= -max + 1e-12 && e[i] >= -max - Math.log(k) - 1e-12, "bounds, row " + i);
            }
        }
    }
}
