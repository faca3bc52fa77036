package org.ebmjava.exercises.ex05;

/**
 * Exercise 05.2: the CD-1 estimate of the log-likelihood gradient of a Bernoulli RBM on a mini-batch.
 *
 * <p>For each row v<sub>0</sub> of the batch, with given uniform random numbers:
 * <pre>
 *   p<sub>0</sub> = &sigma;(c + v<sub>0</sub> W)                          hidden probabilities given the data
 *   h<sub>0,j</sub> = 1 if u<sub>j</sub> &lt; p<sub>0,j</sub> else 0                    a hidden sample
 *   v<sub>1,i</sub> = 1 if u'<sub>i</sub> &lt; &sigma;(b + W h<sub>0</sub>)<sub>i</sub> else 0         the one-step reconstruction
 *   p<sub>1</sub> = &sigma;(c + v<sub>1</sub> W)                          hidden probabilities given it
 * </pre>
 * and the gradient averages over the B rows:
 * <pre>
 *   dW = &lang;v<sub>0</sub> p<sub>0</sub><sup>T</sup> - v<sub>1</sub> p<sub>1</sub><sup>T</sup>&rang;,  db = &lang;v<sub>0</sub> - v<sub>1</sub>&rang;,  dc = &lang;p<sub>0</sub> - p<sub>1</sub>&rang;
 * </pre>
 * (probabilities instead of samples in the statistics reduce the variance, as in Hinton's practical guide). This
 * is an ascent direction: add learning rate times it to the parameters.
 */
@FunctionalInterface
public interface Cd1Gradient {
    /**
     * The CD-1 gradient estimate.
     *
     * @param weights The nv x nh weights W. Not modified.
     * @param visibleBias The nv visible biases b. Not modified.
     * @param hiddenBias The nh hidden biases c. Not modified.
     * @param batch B x nv data rows v<sub>0</sub> (0/1 values). Not modified.
     * @param uniformsHidden B x nh uniform numbers for sampling h<sub>0</sub>. Not modified.
     * @param uniformsVisible B x nv uniform numbers for sampling v<sub>1</sub>. Not modified.
     * @return The gradient estimate.
     */
    RbmGradient gradient(double[][] weights, double[] visibleBias, double[] hiddenBias, double[][] batch,
            double[][] uniformsHidden, double[][] uniformsVisible);
}
