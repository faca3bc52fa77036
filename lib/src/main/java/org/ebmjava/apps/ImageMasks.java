package org.ebmjava.apps;

import java.util.random.RandomGenerator;

/**
 * Masks of observed pixels for inpainting and denoising with {@link ConditionalLangevin} (true = observed, i.e.
 * clamped), and how to blank out what is not observed.
 *
 * <p>A mask is either one image of rows&middot;cols flags shared by all images, or n such rows (one per image).
 * {@link #occlude} sets the unobserved pixels to a fill value, the usual start of an inpainting chain; the
 * observed pixels are untouched. Bad arguments are rejected by name.
 */
public final class ImageMasks {

    private ImageMasks() {}

    /**
     * The top half observed (rows 0 .. R/2 - 1), the bottom half to inpaint.
     *
     * @param rows R &ge; 2.
     * @param cols C &ge; 1.
     * @return A new mask of R&middot;C flags.
     * @throws IllegalArgumentException If rows &lt; 2 or cols &lt; 1.
     */
    public static boolean[] topHalfObserved(int rows, int cols) {
        check(rows, cols);
        boolean[] m = new boolean[rows * cols];
        for (int q = 0; q < (rows / 2) * cols; q++) {
            m[q] = true;
        }
        return m;
    }

    /**
     * The left half observed (columns 0 .. C/2 - 1), the right half to inpaint.
     *
     * @param rows R &ge; 1.
     * @param cols C &ge; 2.
     * @return A new mask of R&middot;C flags.
     * @throws IllegalArgumentException If rows &lt; 1 or cols &lt; 2.
     */
    public static boolean[] leftHalfObserved(int rows, int cols) {
        check(cols, rows);
        boolean[] m = new boolean[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols / 2; c++) {
                m[r * cols + c] = true;
            }
        }
        return m;
    }

    /**
     * Each pixel of each image observed independently with probability p.
     *
     * @param n The number of images, &ge; 1.
     * @param pixels Pixels per image, &ge; 1.
     * @param p The probability of observing a pixel, in [0, 1].
     * @param rng The random source. Modified.
     * @return A new mask of n&middot;pixels flags.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static boolean[] randomObserved(int n, int pixels, double p, RandomGenerator rng) {
        if (n < 1 || pixels < 1) {
            throw new IllegalArgumentException("n, pixels: expected both >= 1, found " + n + ", " + pixels);
        }
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p: expected a probability in [0, 1], found " + p);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng: expected a random source, found null");
        }
        boolean[] m = new boolean[Math.multiplyExact(n, pixels)];
        for (int q = 0; q < m.length; q++) {
            m[q] = rng.nextDouble() < p;
        }
        return m;
    }

    /**
     * Returns a copy of the images with every unobserved pixel set to a fill value.
     *
     * @param x n images of d pixels. Not modified.
     * @param observed d flags (shared) or n&middot;d flags; true = keep. Not modified.
     * @param fill The value of unobserved pixels (e.g. 0 or 0.5).
     * @return A new array.
     * @throws IllegalArgumentException If x is empty or the mask does not fit it (named).
     */
    public static float[] occlude(float[] x, boolean[] observed, float fill) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("x: expected images, found " + (x == null ? "null" : "an empty array"));
        }
        if (observed == null || observed.length == 0 || x.length % observed.length != 0) {
            throw new IllegalArgumentException("observed: expected d flags (a divisor of x's length " + x.length
                    + ") or one per pixel, found " + (observed == null ? "null" : observed.length));
        }
        float[] out = x.clone();
        for (int q = 0; q < x.length; q++) {
            if (!observed[q % observed.length]) {
                out[q] = fill;
            }
        }
        return out;
    }

    private static void check(int halved, int other) {
        if (halved < 2 || other < 1) {
            throw new IllegalArgumentException("rows, cols: expected the halved side >= 2 and the other >= 1, found "
                    + halved + " and " + other);
        }
    }
}
