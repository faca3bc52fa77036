package org.ebmjava.exercises.ex10;

/**
 * Exercise 10.1: jump straight to step t of a diffusion's forward (noising) chain.
 *
 * <p>The chain x<sub>t</sub> = sqrt(1 - &beta;<sub>t</sub>) x<sub>t-1</sub> + sqrt(&beta;<sub>t</sub>) &epsilon;<sub>t</sub>
 * (steps 1-based) has the closed-form marginal
 * <pre>
 *   q(x_t | x_0) = N( sqrt(abar_t) x_0, (1 - abar_t) I ),   abar_t = (1 - beta_1)(1 - beta_2) ... (1 - beta_t),
 * </pre>
 * so a sample is x<sub>t</sub> = sqrt(abar<sub>t</sub>) x<sub>0</sub> + sqrt(1 - abar<sub>t</sub>) &epsilon; with one
 * standard normal vector &epsilon;.
 */
@FunctionalInterface
public interface ForwardMarginal {
    /**
     * One sample of q(x<sub>t</sub> | x<sub>0</sub>) for the given noise.
     *
     * @param x0 The clean point x<sub>0</sub> (any dimension d). Not modified.
     * @param betas The schedule: betas[0] is &beta;<sub>1</sub>, ..., betas[T-1] is &beta;<sub>T</sub>, each in (0, 1).
     *     Not modified.
     * @param t The step, 1 &le; t &le; T.
     * @param eps The standard normal noise &epsilon;, d entries. Not modified.
     * @return A new array of d entries: sqrt(abar<sub>t</sub>) x<sub>0</sub> + sqrt(1 - abar<sub>t</sub>) &epsilon;.
     */
    double[] noisy(double[] x0, double[] betas, int t, double[] eps);
}
