package org.ebmjava.apps;

/**
 * Peak signal-to-noise ratio, the standard measure of how close a restored image is to the original:
 * <pre>
 *   MSE(u, v)  = (1/d) &Sigma;_k (u_k - v_k)^2
 *   PSNR(u, v) = 10 log10(peak^2 / MSE)   decibels   (+&infin; when u = v)
 * </pre>
 * with peak = 1 for pixels in [0, 1]. Higher is better; +6 dB halves the root-mean-square error. The mean over
 * images ({@link #mean}) averages the per-image values (images equal to their reference are skipped in that mean
 * and counted by {@link #perImage} as +&infin;).
 */
public final class Psnr {

    private Psnr() {}

    /**
     * Returns the PSNR of each image against its reference, peak 1.
     *
     * @param reference n images of d pixels (the originals). Not modified.
     * @param restored n images of d pixels, same layout. Not modified.
     * @param pixels d &ge; 1.
     * @return n values in dB.
     * @throws IllegalArgumentException If the lengths differ or are not a multiple of d (named).
     */
    public static double[] perImage(float[] reference, float[] restored, int pixels) {
        if (pixels < 1) {
            throw new IllegalArgumentException("pixels: expected d >= 1, found " + pixels);
        }
        if (reference == null || reference.length == 0 || reference.length % pixels != 0) {
            throw new IllegalArgumentException("reference: expected a positive multiple of pixels = " + pixels
                    + " values, found " + (reference == null ? "null" : reference.length));
        }
        if (restored == null || restored.length != reference.length) {
            throw new IllegalArgumentException("restored: expected " + reference.length
                    + " values (as reference), found " + (restored == null ? "null" : restored.length));
        }
        int n = reference.length / pixels;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double se = 0.0;
            for (int k = i * pixels; k < (i + 1) * pixels; k++) {
                double e = (double) reference[k] - restored[k];
                se += e * e;
            }
            double mse = se / pixels;
            out[i] = mse == 0.0 ? Double.POSITIVE_INFINITY : 10.0 * Math.log10(1.0 / mse);
        }
        return out;
    }

    /**
     * Returns the mean PSNR over the images that differ from their reference.
     *
     * @param reference The originals. Not modified.
     * @param restored The restored images. Not modified.
     * @param pixels d &ge; 1.
     * @return The mean in dB, or +&infin; if every image equals its reference.
     * @throws IllegalArgumentException As {@link #perImage}.
     */
    public static double mean(float[] reference, float[] restored, int pixels) {
        double sum = 0.0;
        int count = 0;
        for (double v : perImage(reference, restored, pixels)) {
            if (v != Double.POSITIVE_INFINITY) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
    }
}
