package org.ebmjava.exercises.ex09;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 09.1 ({@link Auroc}). */
@DisplayName("09.1 AUROC from two score lists")
public class AurocChecks {
    private static final double TOL = 1e-12;
    private final Auroc impl = Submissions.get(Auroc.class);

    @Test
    @DisplayName("perfect separation gives 1, the reverse gives 0")
    void perfectAndReversed() {
        assertEquals(1.0, impl.auroc(new double[] {3, 4, 5}, new double[] {0, 1, 2}), TOL,
                "every in-distribution score is above every OOD score");
        assertEquals(0.0, impl.auroc(new double[] {0, 1, 2}, new double[] {3, 4, 5}), TOL,
                "every in-distribution score is below every OOD score (higher score = more in-distribution)");
    }

    @Test
    @DisplayName("hand-checked case: in {0.9, 0.8, 0.4}, out {0.7, 0.5} gives 4/6")
    void handChecked() {
        // pairs: 0.9 beats both, 0.8 beats both, 0.4 beats none: 4 of 6
        assertEquals(4.0 / 6.0, impl.auroc(new double[] {0.9, 0.8, 0.4}, new double[] {0.7, 0.5}), TOL);
    }

    @Test
    @DisplayName("ties count one half: identical lists give 0.5")
    void tiesCountHalf() {
        assertEquals(0.5, impl.auroc(new double[] {1, 1, 1}, new double[] {1, 1}), TOL, "all six pairs tied");
        // in {2, 1}, out {1, 0}: (2,1) win, (2,0) win, (1,1) tie, (1,0) win -> 3.5 / 4
        assertEquals(3.5 / 4.0, impl.auroc(new double[] {2, 1}, new double[] {1, 0}), TOL,
                "one tied pair counts 1/2");
        double[] s = {0.3, -1.2, 0.3, 2.0, 0.7};
        assertEquals(0.5, impl.auroc(s, s.clone()), TOL, "a score cannot tell a list from itself");
    }

    @Test
    @DisplayName("matches the pair count on random lists with ties; leaves the inputs unchanged")
    void randomAgainstPairCount() {
        Random rng = new Random(901);
        for (int trial = 0; trial < 20; trial++) {
            int np = 1 + rng.nextInt(40);
            int nn = 1 + rng.nextInt(40);
            double[] pos = new double[np];
            double[] neg = new double[nn];
            for (int i = 0; i < np; i++) {
                pos[i] = rng.nextInt(8) * 0.5 + 0.5;        // coarse values: many ties
            }
            for (int j = 0; j < nn; j++) {
                neg[j] = rng.nextInt(8) * 0.5;
            }
            double[] pos0 = pos.clone();
            double[] neg0 = neg.clone();
            double wins = 0;
            for (double a : pos0) {
                for (double b : neg0) {
                    wins += a > b ? 1.0 : a == b ? 0.5 : 0.0;
                }
            }
            assertEquals(wins / (np * (double) nn), impl.auroc(pos, neg), 1e-9, "trial " + trial);
            assertArrayEquals(pos0, pos, 0.0, "inDistribution must not be modified (e.g. sorted in place)");
            assertArrayEquals(neg0, neg, 0.0, "outOfDistribution must not be modified");
        }
    }

    @Test
    @DisplayName("large lists (2,000 x 2,000) in reasonable time, invariant under a monotone transform")
    void largeListsAndMonotoneInvariance() {
        Random rng = new Random(902);
        int n = 2_000;
        double[] pos = new double[n];
        double[] neg = new double[n];
        for (int i = 0; i < n; i++) {
            pos[i] = rng.nextGaussian() + 1.0;
            neg[i] = rng.nextGaussian();
        }
        double a = impl.auroc(pos, neg);
        // two unit-variance Gaussians one apart: AUROC = Phi(1/sqrt(2)) = 0.7602; 2,000 x 2,000 gives about +-0.01
        assertEquals(0.7602, a, 0.03, "AUROC of N(1,1) against N(0,1)");
        double[] ep = new double[n];
        double[] en = new double[n];
        for (int i = 0; i < n; i++) {
            ep[i] = Math.exp(3 * pos[i]);
            en[i] = Math.exp(3 * neg[i]);
        }
        assertEquals(a, impl.auroc(ep, en), 1e-9, "AUROC depends only on the order of the scores");
    }
}
