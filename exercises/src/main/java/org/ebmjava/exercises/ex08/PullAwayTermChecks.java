package org.ebmjava.exercises.ex08;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 08.3 ({@link PullAwayTerm}). */
@DisplayName("08.3 The pull-away term")
public class PullAwayTermChecks {
    private static final double TOL = 1e-12;
    private final PullAwayTerm impl = Submissions.get(PullAwayTerm.class);

    @Test
    @DisplayName("mutually orthogonal codes give 0")
    void orthogonal() {
        assertEquals(0.0, impl.pullAway(new double[][] {{2, 0, 0}, {0, -1, 0}, {0, 0, 0.5}}), TOL);
    }

    @Test
    @DisplayName("codes that all point along one line give 1 (collapse), whatever their lengths and signs")
    void collapsed() {
        assertEquals(1.0, impl.pullAway(new double[][] {{1, 2}, {3, 6}, {-0.5, -1}, {10, 20}}), 1e-12);
    }

    @Test
    @DisplayName("hand-computed: {(1,0), (1,1)} gives 0.5; {(1,0), (0,1), (1,1)} gives 1/3 (pairs j != i only)")
    void handComputed() {
        assertEquals(0.5, impl.pullAway(new double[][] {{1, 0}, {1, 1}}), TOL,
                "cos^2 = 1/2 for both ordered pairs, divided by N(N-1) = 2");
        assertEquals(1.0 / 3, impl.pullAway(new double[][] {{1, 0}, {0, 1}, {1, 1}}), TOL,
                "ordered pairs sum to 2, divided by N(N-1) = 6");
    }

    @Test
    @DisplayName("scaling any code by a non-zero number leaves the term unchanged; inputs unchanged")
    void scaleInvariant() {
        Random rng = new Random(804);
        double[][] s = CheckData.gaussian(6, 4, rng);
        double[][] s0 = new double[6][];
        for (int i = 0; i < 6; i++) {
            s0[i] = s[i].clone();
        }
        double a = impl.pullAway(s);
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(s0[i], s[i], 0.0, "codes must not be modified");
        }
        double[][] t = new double[6][4];
        for (int i = 0; i < 6; i++) {
            double c = (i % 2 == 0 ? 1 : -1) * (0.1 + i);
            for (int k = 0; k < 4; k++) {
                t[i][k] = c * s[i][k];
            }
        }
        assertEquals(a, impl.pullAway(t), 1e-10);
    }

    @Test
    @DisplayName("equals the mean squared cosine over ordered pairs on random codes")
    void randomCodes() {
        Random rng = new Random(805);
        for (int trial = 0; trial < 5; trial++) {
            int n = 2 + rng.nextInt(6);
            int h = 1 + rng.nextInt(5);
            double[][] s = CheckData.gaussian(n, h, rng);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        double dot = 0;
                        double ni = 0;
                        double nj = 0;
                        for (int k = 0; k < h; k++) {
                            dot += s[i][k] * s[j][k];
                            ni += s[i][k] * s[i][k];
                            nj += s[j][k] * s[j][k];
                        }
                        sum += dot * dot / (ni * nj);
                    }
                }
            }
            assertEquals(sum / (n * (n - 1.0)), impl.pullAway(s), 1e-10, "trial " + trial);
        }
    }
}
