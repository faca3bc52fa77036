package org.ebmjava.exercises.ex09;

/**
 * Exercise 09.2: one step of the L<sub>&infin;</sub> projected-gradient-descent attack (Madry et al., 2018) on a
 * batch of images.
 *
 * <p>For every row i and pixel k, with x<sup>0</sup> the original (clean) image, x the current adversarial image and
 * g = &nabla;<sub>x</sub>L the gradient of the classifier's loss at x:
 * <pre>
 *   v  = x_ik + &alpha; sign(g_ik)                                  ascend the loss (sign(0) = 0)
 *   v' = min(max(v, x0_ik - &epsilon;), x0_ik + &epsilon;)                   project onto the &epsilon;-ball around the ORIGINAL
 *   x'_ik = min(max(v', 0), 1)                                      clip to the valid pixel range
 * </pre>
 * so that |x' - x<sup>0</sup>|<sub>&infin;</sub> &le; &epsilon; and 0 &le; x' &le; 1 after every step.
 */
@FunctionalInterface
public interface PgdStep {
    /**
     * One PGD step of every row.
     *
     * @param x The current adversarial images, n x d, in [0, 1]. Not modified.
     * @param original The clean images x<sup>0</sup>, n x d, in [0, 1]. Not modified.
     * @param gradient The loss gradients at x, n x d. Not modified.
     * @param stepSize The step &alpha; &ge; 0.
     * @param epsilon The radius &epsilon; &ge; 0.
     * @return A new n x d array holding x'.
     */
    double[][] step(double[][] x, double[][] original, double[][] gradient, double stepSize, double epsilon);
}
