package org.ebmjava.hopfield;

import static org.ebmjava.hopfield.HopfieldNetworkTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ebmjava.data.Mnist;
import org.ebmjava.data.MnistData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternsTest {

    /** Five standard errors of a mean of +-1 entries: a false alarm about once in 1.7 million. */
    private static final double Z = 5.0;

    @Test
    void randomPatternsAreSeededBalancedSpins() {
        List<int[]> a = Patterns.random(20, 500, new SplittableRandom(1));
        List<int[]> b = Patterns.random(20, 500, new SplittableRandom(1));
        assertEquals(20, a.size());
        long sum = 0;
        for (int mu = 0; mu < 20; mu++) {
            assertArrayEquals(a.get(mu), b.get(mu));
            assertEquals(500, a.get(mu).length);
            for (int v : a.get(mu)) {
                assertTrue(v == 1 || v == -1);
                sum += v;
            }
        }
        assertEquals(0.0, sum / 10_000.0, Z / Math.sqrt(10_000));
        double m = Patterns.overlap(a.get(0), a.get(1));
        assertEquals(0.0, m, Z / Math.sqrt(500), "independent patterns are nearly orthogonal");
        assertFalse(Arrays.equals(a.get(0), Patterns.random(1, 500, new SplittableRandom(2)).get(0)));
        assertTrue(Patterns.random(0, 5, new SplittableRandom(1)).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        // n, flipFraction, expected flips round(f * n), half up
        "100, 0.0, 0",
        "100, 0.1, 10",
        "30, 0.05, 2",
        "7, 0.5, 4",
        "50, 1.0, 50",
        "1, 0.4, 0",
    })
    void corruptFlipsExactlyTheRoundedNumberOfDistinctBits(int n, double f, int expected) {
        SplittableRandom rng = new SplittableRandom(n);
        for (int rep = 0; rep < 10; rep++) {
            int[] p = Patterns.random(1, n, rng).get(0);
            int[] copy = p.clone();
            int[] c = Patterns.corrupt(p, f, rng);
            assertArrayEquals(copy, p, "not modified");
            assertEquals(expected, Patterns.hamming(p, c));
            assertEquals(1.0 - 2.0 * expected / n, Patterns.overlap(p, c), 1e-15);
        }
    }

    @Test
    void corruptChoosesPositionsUniformly() {
        // 4000 corruptions flipping 1 of 8 bits: each position about 500 times, sd sqrt(4000/8*7/8).
        int[] counts = new int[8];
        int[] p = new int[8];
        Arrays.fill(p, 1);
        SplittableRandom rng = new SplittableRandom(6);
        for (int rep = 0; rep < 4000; rep++) {
            int[] c = Patterns.corrupt(p, 0.125, rng);
            for (int i = 0; i < 8; i++) {
                counts[i] += c[i] == -1 ? 1 : 0;
            }
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(500.0, counts[i], Z * Math.sqrt(4000 / 8.0 * 7 / 8), "position " + i);
        }
    }

    @Test
    void overlapAndHammingAgreeWithTheirDefinitions() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int rep = 0; rep < 20; rep++) {
            int[] a = Patterns.random(1, 37, rng).get(0);
            int[] b = Patterns.random(1, 37, rng).get(0);
            int d = 0;
            long dot = 0;
            for (int i = 0; i < 37; i++) {
                d += a[i] != b[i] ? 1 : 0;
                dot += a[i] * b[i];
            }
            assertEquals(d, Patterns.hamming(a, b));
            assertEquals(dot / 37.0, Patterns.overlap(a, b), 1e-15);
            assertEquals(1.0 - 2.0 * d / 37, Patterns.overlap(a, b), 1e-15);
            assertEquals(1.0, Patterns.overlap(a, a), 0.0);
            assertEquals(-1.0, Patterns.overlap(a, Patterns.negate(a)), 0.0);
            assertEquals(37, Patterns.hamming(a, Patterns.negate(a)));
            assertArrayEquals(a, Patterns.negate(Patterns.negate(a)));
        }
    }

    @Test
    void mixtureIsTheMajorityVote() {
        // Columns enumerate all eight sign triples.
        int[] a = {1, 1, 1, 1, -1, -1, -1, -1};
        int[] b = {1, 1, -1, -1, 1, 1, -1, -1};
        int[] c = {1, -1, 1, -1, 1, -1, 1, -1};
        assertArrayEquals(new int[] {1, 1, 1, -1, 1, -1, -1, -1}, Patterns.mixture(a, b, c));
        assertArrayEquals(a, Patterns.mixture(a, a, b));
        List<int[]> xi = Patterns.random(3, 20_000, new SplittableRandom(4));
        int[] mix = Patterns.mixture(xi.get(0), xi.get(1), xi.get(2));
        for (int[] p : xi) {
            assertEquals(0.5, Patterns.overlap(mix, p), Z * Math.sqrt(0.75 / 20_000), "E[m] = 1/2");
        }
    }

    @Test
    void binarizeThresholdsStrictly() {
        float[] img = {0f, 0.5f, 0.50001f, 1f, -2f};
        assertArrayEquals(new int[] {-1, -1, 1, 1, -1}, Patterns.binarize(img, 0.5f));
        assertArrayEquals(new float[] {0f, 0.5f, 0.50001f, 1f, -2f}, img, 0f);
    }

    @Test
    void binarizeAgreesWithTheBinarizedMnistDigits() {
        MnistData digits = Mnist.bundled().train().head(5);
        MnistData bits = digits.binarized(0.5f);
        for (int k = 0; k < 5; k++) {
            int[] s = Patterns.binarize(digits.image(k), 0.5f);
            float[] b = bits.image(k);
            assertEquals(MnistData.PIXELS, s.length);
            for (int i = 0; i < s.length; i++) {
                assertEquals(b[i] > 0.5f ? 1 : -1, s[i], "image " + k + " pixel " + i);
            }
        }
    }

    @Test
    void glyphsAreDistinctSquaresOfSpins() {
        List<int[]> g = Patterns.glyphs();
        int side = Patterns.glyphSize();
        assertEquals(List.of("A", "E", "H", "L", "T", "X"), Patterns.glyphNames());
        assertEquals(Patterns.glyphNames().size(), g.size());
        for (int k = 0; k < g.size(); k++) {
            int[] p = g.get(k);
            assertEquals(side * side, p.length);
            for (int v : p) {
                assertTrue(v == 1 || v == -1);
            }
            for (int l = 0; l < k; l++) {
                int d = Patterns.hamming(p, g.get(l));
                assertTrue(d >= 10 && d <= side * side - 10,
                        Patterns.glyphNames().get(k) + " vs " + Patterns.glyphNames().get(l) + ": " + d);
            }
            String art = Patterns.toAscii(p, side);
            assertArrayEquals(p, Patterns.fromAscii(art.split("\n")));
        }
        g.get(0)[0] = 99;
        assertEquals(-1, Patterns.glyphs().get(0)[0], "fresh arrays each call");
        // The T: a full top bar, then a two-pixel stem in the middle.
        String t = Patterns.toAscii(Patterns.glyphs().get(4), side);
        assertTrue(t.startsWith("##########\n##########\n....##....\n"), t);
    }

    @Test
    void asciiArtRoundTrips() {
        int[] p = Patterns.fromAscii("#.", ".#", "##");
        assertArrayEquals(new int[] {1, -1, -1, 1, 1, 1}, p);
        assertEquals("#.\n.#\n##", Patterns.toAscii(p, 2));
        assertEquals("#..###", Patterns.toAscii(p, 6));
    }

    @Test
    void rejectsInvalidArguments() {
        SplittableRandom rng = new SplittableRandom(1);
        int[] p = {1, -1, 1};
        assertMessage(() -> Patterns.random(-1, 5, rng), "count must be >= 0", "found -1");
        assertMessage(() -> Patterns.random(1, 0, rng), "n must be >= 1", "found 0");
        assertMessage(() -> Patterns.random(1, 5, null), "rng", "null");
        assertMessage(() -> Patterns.corrupt(p, 1.5, rng), "flipFraction must be in [0, 1]", "1.5");
        assertMessage(() -> Patterns.corrupt(p, Double.NaN, rng), "flipFraction", "NaN");
        assertMessage(() -> Patterns.corrupt(new int[] {1, 0}, 0.5, rng), "pattern[1]", "found 0");
        assertMessage(() -> Patterns.overlap(p, new int[] {1, 1}), "b must have length 3", "length 2");
        assertMessage(() -> Patterns.overlap(new int[0], new int[0]), "a", "length 0");
        assertMessage(() -> Patterns.hamming(p, new int[] {1, 1, -2}), "b[2]", "found -2");
        assertMessage(() -> Patterns.mixture(p, p, new int[] {1}), "c must have length 3", "length 1");
        assertMessage(() -> Patterns.negate(null), "pattern", "null");
        assertMessage(() -> Patterns.binarize(new float[] {0f, Float.NaN}, 0.5f), "image[1]", "NaN");
        assertMessage(() -> Patterns.binarize(new float[0], 0.5f), "image", "length 0");
        assertMessage(() -> Patterns.binarize(new float[] {1f}, Float.NaN), "threshold", "NaN");
        assertMessage(() -> Patterns.fromAscii("#.", "#"), "rows[1] must have length 2", "length 1");
        assertMessage(() -> Patterns.fromAscii("#x"), "'#' and '.'", "'x'");
        assertMessage(() -> Patterns.toAscii(p, 2), "width", "2");
    }
}
