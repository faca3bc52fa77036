package org.ebmjava.exercises.ex01;

/**
 * Exercise 01.3: one step of thermal gradient descent (the unadjusted Langevin algorithm).
 *
 * <p>Performs the following operation:
 * <pre>
 *   x' = x - &eta; &nabla;E(x) + sqrt(2 &eta; T) &xi;,   &xi; ~ N(0, I)
 * </pre>
 * With T = 0 this is plain gradient descent; with T &gt; 0 its iterates sample (approximately, for small &eta;) the
 * Boltzmann distribution p(x) &prop; exp(-E(x)/T).
 */
@FunctionalInterface
public interface LangevinStep {
    /**
     * One Langevin step.
     *
     * @param x The current point. Not modified.
     * @param gradient The gradient &nabla;E(x), same length as x. Not modified.
     * @param learningRate The step size &eta; &gt; 0.
     * @param temperature The temperature T &ge; 0.
     * @param noise A standard normal draw &xi;, same length as x. Not modified.
     * @return A new array holding x'.
     */
    double[] step(double[] x, double[] gradient, double learningRate, double temperature, double[] noise);
}
