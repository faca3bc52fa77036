package org.ebmjava.exercises.ex06;

/**
 * Exercise 06.1: the denoising score-matching loss of a batch, for a linear score model.
 *
 * <p>Performs the following operation, with the model s(x) = A x + b and noise level &sigma;:
 * <pre>
 *   x~_i = x_i + &sigma; z_i,
 *   L = (1/n) &sum;_i (1/2) |s(x~_i) + z_i/&sigma;|^2
 * </pre>
 * -z/&sigma; is the score of the noise kernel N(x&#771;; x, &sigma;<sup>2</sup> I) at x&#771;: the regression target
 * (Vincent, 2011). Its minimiser over all score functions is the score of the noisy data density.
 */
@FunctionalInterface
public interface DenoisingLoss {
    /**
     * The denoising loss of one batch.
     *
     * @param clean The n clean points x<sub>i</sub>, each d values. Not modified.
     * @param noise The n standard normal draws z<sub>i</sub>, each d values. Not modified.
     * @param sigma The noise level &sigma; &gt; 0.
     * @param a The d &times; d matrix A of the linear score model. Not modified.
     * @param b The d offsets b of the linear score model. Not modified.
     * @return L, the mean over the batch.
     */
    double loss(double[][] clean, double[][] noise, double sigma, double[][] a, double[] b);
}
