package org.ebmjava.exercises.ex07;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ebmjava.exercises.check.Submissions;

/** Checks for exercise 07.2 ({@link ReplayDraw}). */
@DisplayName("07.2 Replay-buffer draw with re-initialisation")
public class ReplayDrawChecks {
    private final ReplayDraw impl = Submissions.get(ReplayDraw.class);

    private static final double[][] STORED = {{1, 1}, {2, 2}, {3, 3}};
    private static final double[][] NOISE = {{-0.1, 0.1}, {-0.2, 0.2}, {-0.3, 0.3}, {-0.4, 0.4}};

    @Test
    @DisplayName("u < f gives the noise row, otherwise the picked stored row")
    void mixes() {
        double[][] out = impl.draw(STORED, 0.05, new double[] {0.5, 0.01, 0.9, 0.049}, new int[] {2, 0, 1, 1}, NOISE);
        assertEquals(4, out.length, "one row per uniform");
        assertArrayEquals(new double[] {3, 3}, out[0], 0.0, "u = 0.5 >= f: stored[2]");
        assertArrayEquals(NOISE[1], out[1], 0.0, "u = 0.01 < f: fresh noise");
        assertArrayEquals(new double[] {2, 2}, out[2], 0.0, "u = 0.9 >= f: stored[1]");
        assertArrayEquals(NOISE[3], out[3], 0.0, "u = 0.049 < f: fresh noise");
    }

    @Test
    @DisplayName("an empty buffer gives all fresh noise (the first iteration is short-run from noise)")
    void emptyBuffer() {
        double[][] out = impl.draw(new double[0][], 0.05, new double[] {0.9, 0.5, 0.99, 0.7}, new int[] {0, 0, 0, 0},
                NOISE);
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(NOISE[r], out[r], 0.0, "row " + r);
        }
    }

    @Test
    @DisplayName("f = 0 never re-initialises; f = 1 always does")
    void extremes() {
        double[] u = {0.0, 0.3, 0.6, 0.999};
        int[] picks = {0, 1, 2, 0};
        double[][] none = impl.draw(STORED, 0.0, u, picks, NOISE);
        double[][] all = impl.draw(STORED, 1.0, u, picks, NOISE);
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(STORED[picks[r]], none[r], 0.0, "f = 0, row " + r);
            assertArrayEquals(NOISE[r], all[r], 0.0, "f = 1, row " + r);
        }
    }

    @Test
    @DisplayName("rows are copies: moving the batch leaves the buffer and the noise unchanged")
    void copies() {
        double[][] stored = {{1, 1}, {2, 2}};
        double[][] noise = {{-1, -1}, {-2, -2}};
        double[][] out = impl.draw(stored, 0.5, new double[] {0.9, 0.1}, new int[] {1, 0}, noise);
        out[0][0] = 99;
        out[1][0] = 99;
        assertArrayEquals(new double[] {2, 2}, stored[1], 0.0, "the buffer must not share rows with the batch");
        assertArrayEquals(new double[] {-2, -2}, noise[1], 0.0, "the noise must not share rows with the batch");
    }

    @Test
    @DisplayName("about a fraction f of 10,000 rows is fresh")
    void fraction() {
        int n = 10_000;
        double[] u = new double[n];
        int[] picks = new int[n];
        double[][] noise = new double[n][];
        java.util.Random rng = new java.util.Random(702);
        for (int r = 0; r < n; r++) {
            u[r] = rng.nextDouble();
            picks[r] = rng.nextInt(3);
            noise[r] = new double[] {-1, -1};
        }
        double[][] out = impl.draw(STORED, 0.05, u, picks, noise);
        int fresh = 0;
        for (double[] row : out) {
            fresh += row[0] < 0 ? 1 : 0;
        }
        // Binomial(10000, 0.05): mean 500, standard deviation 21.8; 5 standard deviations either side.
        assertEquals(500, fresh, 110, "fresh rows out of 10,000 at f = 0.05");
    }
}
