package org.ebmjava.apps;

import java.util.random.RandomGenerator;

/**
 * Image transformations used as corruptions (denoising) and as distribution shifts (out-of-distribution tests):
 * additive Gaussian noise, flips, shrinking about the centre, and pure-noise images. Images are rows of
 * rows&middot;cols floats in [0, 1], row-major (the layout of {@code data.MnistData.pixels()}); every method returns
 * a new array and leaves its input unchanged.
 *
 * <p>Math, for an image u with pixel u(r, c):
 * <pre>
 *   noisy(u)      = clamp_[0,1](u + &sigma; z),  z ~ N(0, I)
 *   flipUpDown(u) (r, c) = u(R-1-r, c)         flipLeftRight(u) (r, c) = u(r, C-1-c)
 *   shrink_s(u)   (r, c) = u&#771;(m_r + (r - m_r)/s, m_c + (c - m_c)/s),  m = ((R-1)/2, (C-1)/2)
 * </pre>
 * where u&#771; is the bilinear interpolation of u, 0 outside the image (so s &lt; 1 shrinks the digit towards the
 * centre with a black border, s = 1 is the identity). Noise images: each pixel U[0, 1], or clamp(0.5 + &sigma; z).
 * Bad arguments are rejected by name.
 */
public final class ImageShifts {

    private ImageShifts() {}

    /**
     * Adds Gaussian noise of standard deviation &sigma; to every pixel and clamps to [0, 1].
     *
     * @param x Images in [0, 1]. Not modified.
     * @param sigma &sigma; &ge; 0.
     * @param rng The random source. Modified.
     * @return A new array.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static float[] gaussianNoise(float[] x, double sigma, RandomGenerator rng) {
        requireImages(x);
        if (!(sigma >= 0.0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma: expected a finite noise level >= 0, found " + sigma);
        }
        requireRng(rng);
        float[] out = new float[x.length];
        for (int q = 0; q < x.length; q++) {
            out[q] = clamp01(x[q] + sigma * rng.nextGaussian());
        }
        return out;
    }

    /**
     * Flips every image upside down.
     *
     * @param x n images of rows&middot;cols pixels. Not modified.
     * @param rows R &ge; 1.
     * @param cols C &ge; 1.
     * @return A new array.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static float[] flipUpDown(float[] x, int rows, int cols) {
        int n = count(x, rows, cols);
        float[] out = new float[x.length];
        for (int i = 0; i < n; i++) {
            int o = i * rows * cols;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x, o + (rows - 1 - r) * cols, out, o + r * cols, cols);
            }
        }
        return out;
    }

    /**
     * Mirrors every image left to right.
     *
     * @param x n images of rows&middot;cols pixels. Not modified.
     * @param rows R &ge; 1.
     * @param cols C &ge; 1.
     * @return A new array.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static float[] flipLeftRight(float[] x, int rows, int cols) {
        int n = count(x, rows, cols);
        float[] out = new float[x.length];
        for (int i = 0; i < n; i++) {
            int o = i * rows * cols;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[o + r * cols + c] = x[o + r * cols + cols - 1 - c];
                }
            }
        }
        return out;
    }

    /**
     * Shrinks every image about its centre by a factor s (bilinear, black outside).
     *
     * @param x n images of rows&middot;cols pixels. Not modified.
     * @param rows R &ge; 1.
     * @param cols C &ge; 1.
     * @param scale s in (0, 1] (0.5 halves the digit's size).
     * @return A new array.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static float[] shrink(float[] x, int rows, int cols, double scale) {
        int n = count(x, rows, cols);
        if (!(scale > 0.0 && scale <= 1.0)) {
            throw new IllegalArgumentException("scale: expected a factor in (0, 1], found " + scale);
        }
        double mr = (rows - 1) / 2.0;
        double mc = (cols - 1) / 2.0;
        float[] out = new float[x.length];
        for (int i = 0; i < n; i++) {
            int o = i * rows * cols;
            for (int r = 0; r < rows; r++) {
                double sr = mr + (r - mr) / scale;
                for (int c = 0; c < cols; c++) {
                    double sc = mc + (c - mc) / scale;
                    out[o + r * cols + c] = (float) bilinear(x, o, rows, cols, sr, sc);
                }
            }
        }
        return out;
    }

    /**
     * Draws n images of independent U[0, 1] pixels.
     *
     * @param n The number of images, &ge; 1.
     * @param pixels Pixels per image, &ge; 1.
     * @param rng The random source. Modified.
     * @return A new n&middot;pixels array.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static float[] uniformNoise(int n, int pixels, RandomGenerator rng) {
        float[] out = new float[size(n, pixels)];
        requireRng(rng);
        for (int q = 0; q < out.length; q++) {
            out[q] = (float) rng.nextDouble();
        }
        return out;
    }

    /**
     * Draws n images of independent pixels clamp<sub>[0,1]</sub>(0.5 + &sigma; z), z ~ N(0, 1).
     *
     * @param n The number of images, &ge; 1.
     * @param pixels Pixels per image, &ge; 1.
     * @param sigma &sigma; &ge; 0.
     * @param rng The random source. Modified.
     * @return A new n&middot;pixels array.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static float[] gaussianNoiseImages(int n, int pixels, double sigma, RandomGenerator rng) {
        float[] grey = new float[size(n, pixels)];
        java.util.Arrays.fill(grey, 0.5f);
        return gaussianNoise(grey, sigma, rng);
    }

    private static double bilinear(float[] x, int o, int rows, int cols, double r, double c) {
        int r0 = (int) Math.floor(r);
        int c0 = (int) Math.floor(c);
        double fr = r - r0;
        double fc = c - c0;
        return (1 - fr) * ((1 - fc) * pixel(x, o, rows, cols, r0, c0) + fc * pixel(x, o, rows, cols, r0, c0 + 1))
                + fr * ((1 - fc) * pixel(x, o, rows, cols, r0 + 1, c0) + fc * pixel(x, o, rows, cols, r0 + 1, c0 + 1));
    }

    private static double pixel(float[] x, int o, int rows, int cols, int r, int c) {
        return r < 0 || r >= rows || c < 0 || c >= cols ? 0.0 : x[o + r * cols + c];
    }

    private static float clamp01(double v) {
        return (float) (v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v);
    }

    private static int size(int n, int pixels) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least 1 image, found " + n);
        }
        if (pixels < 1) {
            throw new IllegalArgumentException("pixels: expected at least 1, found " + pixels);
        }
        long m = (long) n * pixels;
        if (m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n*pixels: expected at most " + (Integer.MAX_VALUE - 8) + ", found " + m);
        }
        return (int) m;
    }

    private static int count(float[] x, int rows, int cols) {
        requireImages(x);
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows, cols: expected both >= 1, found " + rows + ", " + cols);
        }
        if (x.length % (rows * cols) != 0) {
            throw new IllegalArgumentException("x: expected a multiple of rows*cols = " + rows * cols
                    + " pixels, found " + x.length);
        }
        return x.length / (rows * cols);
    }

    private static void requireImages(float[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("x: expected images, found " + (x == null ? "null" : "an empty array"));
        }
    }

    private static void requireRng(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng: expected a random source, found null");
        }
    }
}
