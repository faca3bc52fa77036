package org.ebmjava.exercises.ex07;

/**
 * Exercise 07.1: one Langevin step on a batch, as used to train neural energy-based models (Du and Mordatch, 2019).
 *
 * <p>Performs, for every row i and coordinate k:
 * <pre>
 *   g' = min(max(g<sub>ik</sub>, -c), c)                  clip the gradient element to [-c, c]
 *   v  = x<sub>ik</sub> - a g' + s &xi;<sub>ik</sub>                      gradient step downhill plus noise
 *   x'<sub>ik</sub> = min(max(v, lo), hi)                     clamp to the image box
 * </pre>
 * where g = &nabla;<sub>x</sub>E(x) is the energy gradient, a the step size, s the noise scale and &xi; a standard
 * normal draw. Clipping acts on the gradient, before it is multiplied by a; clamping acts on the result, after the
 * noise is added.
 */
@FunctionalInterface
public interface ImageLangevinStep {
    /**
     * One clipped, clamped Langevin step of every row.
     *
     * @param x The current points, n x d. Not modified.
     * @param gradient The energy gradients &nabla;<sub>x</sub>E at x, n x d. Not modified.
     * @param stepSize The gradient step a &gt; 0.
     * @param noiseScale The noise standard deviation s &ge; 0.
     * @param clip The gradient clip c &gt; 0.
     * @param noise Standard normal draws &xi;, n x d. Not modified.
     * @param lo The lower edge of the box.
     * @param hi The upper edge of the box, &gt; lo.
     * @return A new n x d array holding x'.
     */
    double[][] step(double[][] x, double[][] gradient, double stepSize, double noiseScale, double clip,
            double[][] noise, double lo, double hi);
}
