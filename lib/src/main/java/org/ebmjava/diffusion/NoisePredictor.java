package org.ebmjava.diffusion;

/**
 * A noise predictor &epsilon;<sub>&theta;</sub>(x<sub>t</sub>, t) &asymp; E[&epsilon; | x<sub>t</sub>]: what a DDPM
 * network computes, and what {@link DdpmSampler} and {@link DiffusionBound} take.
 *
 * <p>Given x<sub>t</sub> = sqrt(&alpha;&#772;<sub>t</sub>) x<sub>0</sub> + sqrt(1 - &alpha;&#772;<sub>t</sub>)
 * &epsilon;, the predictor returns its estimate of the noise &epsilon; that was added. Implemented by the
 * neural engine's networks (with a time embedding) and, for known data distributions, by
 * {@link ExactNoisePredictor}. Layout as in {@link org.ebmjava.sampling.BatchEnergy}: a batch of n points is
 * one row-major array of n&middot;d floats. Steps are 1-based (1 &le; t &le; T), one per row, so a training
 * batch can mix steps. Implementations may keep work buffers and need not be thread-safe.
 */
public interface NoisePredictor {

    /**
     * The dimension d of one point.
     *
     * @return d, at least 1.
     */
    int dimension();

    /**
     * Predicts the noise for the first n rows of x.
     *
     * @param x The noisy points x<sub>t</sub>, row-major, at least n&middot;d floats. Not modified.
     * @param n The number of points, at least 0.
     * @param t The step of each row, 1 &le; t[i] &le; T, at least n entries. Not modified.
     * @param out Receives &epsilon;<sub>&theta;</sub>(x<sub>i</sub>, t<sub>i</sub>) row-major in entries
     *     0..n&middot;d-1. Modified.
     * @throws IllegalArgumentException If an array is too short for n points or a step is out of range.
     */
    void predict(float[] x, int n, int[] t, float[] out);
}
