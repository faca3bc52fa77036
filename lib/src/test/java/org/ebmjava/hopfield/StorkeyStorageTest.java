package org.ebmjava.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Storkey's learning rule: the formula, its closed forms, and its higher capacity. */
class StorkeyStorageTest {

    /** The O(N^2) and O(N^3) versions sum in different orders; differences are ~1e-16. */
    private static final double TOL = 1e-12;

    @Test
    void matchesTheLiteralFormula() {
        List<int[]> xi = Patterns.random(6, 24, new SplittableRandom(1));
        double[][] expected = Reference.storkey(xi);
        HopfieldNetwork net = HopfieldNetwork.storkey(xi);
        for (int i = 0; i < 24; i++) {
            for (int j = 0; j < 24; j++) {
                assertEquals(expected[i][j], net.weight(i, j), TOL, "W[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void onePatternGivesTheHebbianWeights() {
        // h_ij = 0 for the first pattern, so W = xi xi^T / N off the diagonal, exactly Hebb's rule.
        int[] xi = Patterns.random(1, 50, new SplittableRandom(2)).get(0);
        HopfieldNetwork storkey = HopfieldNetwork.storkey(List.of(xi));
        HopfieldNetwork hebb = HopfieldNetwork.hebbian(List.of(xi));
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 50; j++) {
                assertEquals(i == j ? 0.0 : xi[i] * xi[j] / 50.0, storkey.weight(i, j), TOL);
                assertEquals(hebb.weight(i, j), storkey.weight(i, j), TOL);
            }
        }
    }

    @Test
    void twoPatternsMatchTheClosedForm() {
        // With c = xi1 . xi2 and d_ij = c - xi1_i xi2_i - xi1_j xi2_j (the overlap without i and j):
        // W_ij = (xi1_i xi1_j + xi2_i xi2_j) / N - d_ij (xi2_i xi1_j + xi1_i xi2_j) / N^2.
        int n = 40;
        List<int[]> xi = Patterns.random(2, n, new SplittableRandom(3));
        int[] a = xi.get(0);
        int[] b = xi.get(1);
        int c = 0;
        for (int k = 0; k < n; k++) {
            c += a[k] * b[k];
        }
        HopfieldNetwork net = HopfieldNetwork.storkey(xi);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = 0.0;
                if (i != j) {
                    int d = c - a[i] * b[i] - a[j] * b[j];
                    expected = (a[i] * a[j] + b[i] * b[j]) / (double) n
                            - d * (b[i] * a[j] + a[i] * b[j]) / ((double) n * n);
                }
                assertEquals(expected, net.weight(i, j), TOL, "W[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void weightsAreExactlySymmetricWithZeroDiagonal() {
        HopfieldNetwork net = HopfieldNetwork.storkey(Patterns.random(30, 100, new SplittableRandom(4)));
        for (int i = 0; i < 100; i++) {
            assertEquals(0.0, net.weight(i, i), 0.0);
            for (int j = 0; j < i; j++) {
                assertEquals(net.weight(i, j), net.weight(j, i), 0.0);
            }
        }
    }

    @Test
    void storesTheCorrelatedGlyphsThatHebbFails() {
        List<int[]> glyphs = Patterns.glyphs();
        HopfieldNetwork hebb = HopfieldNetwork.hebbian(glyphs);
        HopfieldNetwork storkey = HopfieldNetwork.storkey(glyphs);
        int hebbStable = 0;
        for (int k = 0; k < glyphs.size(); k++) {
            assertTrue(storkey.isFixedPoint(glyphs.get(k)), Patterns.glyphNames().get(k));
            hebbStable += hebb.isFixedPoint(glyphs.get(k)) ? 1 : 0;
        }
        // Observed: Hebb keeps E, T and X but loses A, H and L.
        assertTrue(hebbStable < glyphs.size(), "Hebb keeps " + hebbStable + " of " + glyphs.size());
    }

    @Test
    void storesRandomPatternsAtLoadPointTwoWhereHebbFails() {
        int n = 200;
        int p = 40;
        List<int[]> xi = Patterns.random(p, n, new SplittableRandom(5));
        HopfieldNetwork hebb = HopfieldNetwork.hebbian(xi);
        HopfieldNetwork storkey = HopfieldNetwork.storkey(xi);
        int hebbStable = 0;
        for (int[] pattern : xi) {
            assertTrue(storkey.isFixedPoint(pattern));
            hebbStable += hebb.isFixedPoint(pattern) ? 1 : 0;
        }
        // Each bit of a Hebbian pattern is unstable with probability about Phi(-1/sqrt(0.2)) = 1.3%,
        // so a pattern of 200 bits is a fixed point with probability about 0.987^200 = 7%.
        // Observed: 7 of 40 for this seed.
        assertTrue(hebbStable <= p / 4, "Hebb keeps " + hebbStable + " of " + p);
    }
}
