package org.ebmjava.exercises.ex02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 02.2 ({@link AsyncSweep}). */
@DisplayName("02.2 Asynchronous sweep")
public class AsyncSweepChecks {
    private final AsyncSweep impl = Submissions.get(AsyncSweep.class);

    @Test
    @DisplayName("uses updated spins within the sweep (asynchronous, not synchronous)")
    void asynchronousOrderMatters() {
        // Two neurons that want to disagree: W12 = -1. From (+1, +1), updating neuron 0 first gives (-1, +1),
        // then neuron 1 sees h = +1 and stays +1. A synchronous update would give (-1, -1).
        double[][] w = {{0, -1}, {-1, 0}};
        int[] s = {1, 1};
        int flips = impl.sweep(w, new double[2], s, new int[] {0, 1});
        assertArrayEquals(new int[] {-1, 1}, s, "order (0, 1) from (+1, +1)");
        assertEquals(1, flips, "exactly one spin changed");
    }

    @Test
    @DisplayName("keeps the spin when the local field is exactly 0")
    void zeroFieldKeepsSpin() {
        double[][] w = {{0, 1, -1}, {1, 0, 0}, {-1, 0, 0}};
        int[] s = {-1, 1, 1};                  // h_0 = 1 - 1 = 0
        impl.sweep(w, new double[3], s, new int[] {0});
        assertEquals(-1, s[0], "h = 0 must leave s_0 = -1 unchanged");
    }

    @Test
    @DisplayName("energy never increases over sweeps, on random networks")
    void energyNonIncreasing() {
        Random rng = new Random(21);
        for (int trial = 0; trial < 20; trial++) {
            int n = 10 + rng.nextInt(20);
            double[][] w = CheckData.symmetricZeroDiagonal(n, rng);
            double[] b = new double[n];
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                b[i] = 0.3 * rng.nextGaussian();
                s[i] = rng.nextBoolean() ? 1 : -1;
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = n - 1 - i;
            }
            double before = CheckData.quadraticEnergy(w, b, s);
            for (int sweep = 0; sweep < 5; sweep++) {
                impl.sweep(w, b, s, order);
                double after = CheckData.quadraticEnergy(w, b, s);
                assertTrue(after <= before + 1e-9, "energy rose from " + before + " to " + after);
                before = after;
            }
        }
    }

    @Test
    @DisplayName("reaches a fixed point where every spin agrees with its field")
    void reachesFixedPoint() {
        Random rng = new Random(5);
        int n = 25;
        double[][] w = CheckData.symmetricZeroDiagonal(n, rng);
        double[] b = new double[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextBoolean() ? 1 : -1;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int sweeps = 0;
        while (impl.sweep(w, b, s, order) > 0) {
            assertTrue(++sweeps < 1000, "no fixed point after 1000 sweeps");
        }
        for (int i = 0; i < n; i++) {
            double h = 0;
            for (int j = 0; j < n; j++) {
                h += w[i][j] * s[j];
            }
            assertTrue(h * s[i] >= 0, "at a fixed point s_i h_i >= 0, neuron " + i + " has h = " + h);
        }
    }

    @Test
    @DisplayName("counts the flips it made")
    void countsFlips() {
        double[][] w = {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
        int[] s = {1, -1, -1};                 // neuron 0 sees h = -2 and flips; then the others see -2: stay
        int flips = impl.sweep(w, new double[3], s, new int[] {0, 1, 2});
        assertArrayEquals(new int[] {-1, -1, -1}, s, "from (+1, -1, -1)");
        assertEquals(1, flips, "one flip");
    }
}
