package org.ebmjava.hopfield;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Static helpers that make, corrupt, compare and draw -1/+1 patterns for Hopfield networks.
 *
 * <p>A pattern is an {@code int[]} of length N with entries -1 (off, drawn '.') and +1 (on, drawn
 * '#'). Images are stored row by row. Every random choice comes from the generator passed in.
 */
public final class Patterns {

    private static final int GLYPH_SIZE = 10;
    private static final List<String> GLYPH_NAMES = List.of("A", "E", "H", "L", "T", "X");
    private static final String[][] GLYPH_ART = {
        {
            "...####...",
            "..######..",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".########.",
            ".########.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
        },
        {
            ".########.",
            ".########.",
            ".##.......",
            ".##.......",
            ".######...",
            ".######...",
            ".##.......",
            ".##.......",
            ".########.",
            ".########.",
        },
        {
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".########.",
            ".########.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
        },
        {
            ".##.......",
            ".##.......",
            ".##.......",
            ".##.......",
            ".##.......",
            ".##.......",
            ".##.......",
            ".##.......",
            ".########.",
            ".########.",
        },
        {
            "##########",
            "##########",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
        },
        {
            "##......##",
            "###....###",
            ".###..###.",
            "..######..",
            "...####...",
            "...####...",
            "..######..",
            ".###..###.",
            "###....###",
            "##......##",
        },
    };

    private Patterns() {}

    /**
     * Draws independent uniformly random patterns: every entry is -1 or +1 with probability 1/2.
     *
     * <p>Entries are drawn pattern by pattern, neuron by neuron, one {@code rng.nextBoolean()} each.
     *
     * @param count The number of patterns P, &ge; 0.
     * @param n The pattern length N, &ge; 1.
     * @param rng The source of randomness. Must not be null.
     * @return A new mutable list of P fresh arrays of length N.
     * @throws IllegalArgumentException If count &lt; 0, n &lt; 1 or rng is null.
     */
    public static List<int[]> random(int count, int n, RandomGenerator rng) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, found " + count);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, found " + n);
        }
        Spins.requireNonNull(rng, "rng");
        List<int[]> out = new ArrayList<>(count);
        for (int mu = 0; mu < count; mu++) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = rng.nextBoolean() ? 1 : -1;
            }
            out.add(p);
        }
        return out;
    }

    /**
     * Returns a copy of a pattern with exactly k = round(flipFraction * N) distinct entries negated.
     *
     * <p>The k positions are a uniformly random subset, chosen by a partial Fisher-Yates shuffle
     * (k calls to {@code rng.nextInt}). Rounding is half up, as {@link Math#round(double)}.
     *
     * @param pattern The pattern, entries -1 or +1, length N &ge; 1. Not modified.
     * @param flipFraction The fraction of entries to flip, in [0, 1].
     * @param rng The source of randomness. Must not be null.
     * @return A new array at Hamming distance exactly k from the pattern.
     * @throws IllegalArgumentException If the pattern is invalid, flipFraction is outside [0, 1] or
     *     NaN, or rng is null.
     */
    public static int[] corrupt(int[] pattern, double flipFraction, RandomGenerator rng) {
        Spins.requireSpins(pattern, "pattern");
        if (!(flipFraction >= 0.0 && flipFraction <= 1.0)) {
            throw new IllegalArgumentException("flipFraction must be in [0, 1], found " + flipFraction);
        }
        Spins.requireNonNull(rng, "rng");
        int n = pattern.length;
        int k = (int) Math.round(flipFraction * n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] out = pattern.clone();
        for (int t = 0; t < k; t++) {
            int j = t + rng.nextInt(n - t);
            int tmp = idx[t];
            idx[t] = idx[j];
            idx[j] = tmp;
            out[idx[t]] = -out[idx[t]];
        }
        return out;
    }

    /**
     * Returns the overlap of two patterns.
     *
     * <p>m = (1/N) &sum;<sub>i</sub> a<sub>i</sub> b<sub>i</sub> = 1 - 2 hamming(a, b) / N, in [-1, 1]:
     * 1 for equal patterns, -1 for a pattern and its negation, about 0 for unrelated random ones.
     *
     * @param a The first pattern, entries -1 or +1, length N &ge; 1. Not modified.
     * @param b The second pattern, same length. Not modified.
     * @return m.
     * @throws IllegalArgumentException If a pattern is null, empty, not -1/+1 or the lengths differ.
     */
    public static double overlap(int[] a, int[] b) {
        int n = Spins.requireSamePair(a, b, "a", "b");
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc += a[i] * b[i];
        }
        return (double) acc / n;
    }

    /**
     * Returns the Hamming distance: the number of positions where two patterns differ.
     *
     * @param a The first pattern, entries -1 or +1, length N &ge; 1. Not modified.
     * @param b The second pattern, same length. Not modified.
     * @return The count of i with a<sub>i</sub> &ne; b<sub>i</sub>, in [0, N].
     * @throws IllegalArgumentException If a pattern is null, empty, not -1/+1 or the lengths differ.
     */
    public static int hamming(int[] a, int[] b) {
        int n = Spins.requireSamePair(a, b, "a", "b");
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                d++;
            }
        }
        return d;
    }

    /**
     * Turns a grey-level image into a pattern: +1 where the pixel is above the threshold, else -1.
     *
     * @param image The pixels (e.g. MNIST intensities in [0, 1]), row by row, length &ge; 1, no NaN.
     *     Not modified.
     * @param threshold The threshold; a pixel equal to it maps to -1. Not NaN.
     * @return A new pattern of the image's length.
     * @throws IllegalArgumentException If the image is null, empty or holds NaN, or threshold is NaN.
     */
    public static int[] binarize(float[] image, float threshold) {
        if (image == null || image.length == 0) {
            throw new IllegalArgumentException("image must be a non-empty array, found "
                    + (image == null ? "null" : "length 0"));
        }
        if (Float.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN, found NaN");
        }
        int[] out = new int[image.length];
        for (int i = 0; i < image.length; i++) {
            if (Float.isNaN(image[i])) {
                throw new IllegalArgumentException("image[" + i + "] must not be NaN, found NaN");
            }
            out[i] = image[i] > threshold ? 1 : -1;
        }
        return out;
    }

    /**
     * Returns the symmetric mixture of three patterns, a classic spurious attractor of Hebbian storage.
     *
     * <p>mix<sub>i</sub> = sign(a<sub>i</sub> + b<sub>i</sub> + c<sub>i</sub>); the sum is odd, so never 0.
     * For independent random patterns its overlap with each component is 1/2 on average.
     *
     * @param a The first pattern, entries -1 or +1, length N &ge; 1. Not modified.
     * @param b The second pattern, same length. Not modified.
     * @param c The third pattern, same length. Not modified.
     * @return A new array holding the majority vote of a, b and c.
     * @throws IllegalArgumentException If a pattern is invalid or the lengths differ.
     */
    public static int[] mixture(int[] a, int[] b, int[] c) {
        int n = Spins.requireSamePair(a, b, "a", "b");
        Spins.requireSpins(c, n, "c");
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i] + b[i] + c[i] > 0 ? 1 : -1;
        }
        return out;
    }

    /**
     * Returns the negation of a pattern, which has the same Hebbian energy (E(-s) = E(s) with zero
     * biases).
     *
     * @param pattern The pattern, entries -1 or +1, length N &ge; 1. Not modified.
     * @return A new array with every entry negated.
     * @throws IllegalArgumentException If the pattern is invalid.
     */
    public static int[] negate(int[] pattern) {
        Spins.requireSpins(pattern, "pattern");
        int[] out = new int[pattern.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = -pattern[i];
        }
        return out;
    }

    /**
     * Returns six letter glyphs, A, E, H, L, T and X, drawn with two-pixel strokes on a
     * {@link #glyphSize()} x {@link #glyphSize()} grid.
     *
     * <p>They are correlated (they share the blank background and several strokes), unlike random
     * patterns, which makes them a harder test for Hebbian storage.
     *
     * @return A new list of fresh arrays of length glyphSize()<sup>2</sup>, row by row, in the order of
     *     {@link #glyphNames()}.
     */
    public static List<int[]> glyphs() {
        List<int[]> out = new ArrayList<>(GLYPH_ART.length);
        for (String[] art : GLYPH_ART) {
            out.add(fromAscii(art));
        }
        return out;
    }

    /**
     * Returns the side length of the square glyph grid.
     *
     * @return 10.
     */
    public static int glyphSize() {
        return GLYPH_SIZE;
    }

    /**
     * Returns the names of the glyphs, in the order of {@link #glyphs()}.
     *
     * @return An unmodifiable list: "A", "E", "H", "L", "T", "X".
     */
    public static List<String> glyphNames() {
        return GLYPH_NAMES;
    }

    /**
     * Builds a pattern from ASCII art: '#' is +1 and '.' is -1, rows concatenated top to bottom.
     *
     * @param rows The rows, at least one, all of the same non-zero length, only '#' and '.'.
     *     Not modified.
     * @return A new pattern of length rows x columns.
     * @throws IllegalArgumentException If there are no rows, a row is null or of another length, or
     *     a character is neither '#' nor '.'.
     */
    public static int[] fromAscii(String... rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("rows must hold at least one row, found none");
        }
        if (rows[0] == null || rows[0].isEmpty()) {
            throw new IllegalArgumentException("rows[0] must be a non-empty string, found "
                    + (rows[0] == null ? "null" : "\"\""));
        }
        int width = rows[0].length();
        int[] out = new int[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            String row = rows[r];
            if (row == null || row.length() != width) {
                throw new IllegalArgumentException("rows[" + r + "] must have length " + width
                        + ", found " + (row == null ? "null" : "length " + row.length()));
            }
            for (int c = 0; c < width; c++) {
                char ch = row.charAt(c);
                if (ch != '#' && ch != '.') {
                    throw new IllegalArgumentException("rows[" + r + "] must hold only '#' and '.', found '"
                            + ch + "' at column " + c);
                }
                out[r * width + c] = ch == '#' ? 1 : -1;
            }
        }
        return out;
    }

    /**
     * Draws a pattern as ASCII art, the inverse of {@link #fromAscii(String...)}.
     *
     * @param pattern The pattern, entries -1 or +1, length a multiple of width. Not modified.
     * @param width The number of columns, &ge; 1.
     * @return The rows ('#' for +1, '.' for -1) joined by '\n', without a trailing newline.
     * @throws IllegalArgumentException If the pattern is invalid or its length is not a multiple of
     *     width.
     */
    public static String toAscii(int[] pattern, int width) {
        Spins.requireSpins(pattern, "pattern");
        if (width < 1 || pattern.length % width != 0) {
            throw new IllegalArgumentException("width must be >= 1 and divide the pattern length "
                    + pattern.length + ", found " + width);
        }
        StringBuilder sb = new StringBuilder(pattern.length + pattern.length / width);
        for (int i = 0; i < pattern.length; i++) {
            if (i > 0 && i % width == 0) {
                sb.append('\n');
            }
            sb.append(pattern[i] == 1 ? '#' : '.');
        }
        return sb.toString();
    }
}
