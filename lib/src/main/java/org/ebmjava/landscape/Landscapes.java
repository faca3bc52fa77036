package org.ebmjava.landscape;

import java.util.List;

/** Static factories for the course's standard landscapes, each with its classic constants. */
public final class Landscapes {

    private Landscapes() {}

    /**
     * Returns Rosenbrock's valley with a = 1, b = 100.
     *
     * @return A new {@link Rosenbrock}.
     */
    public static Rosenbrock rosenbrock() {
        return new Rosenbrock();
    }

    /**
     * Returns Rastrigin's function with A = 10.
     *
     * @return A new {@link Rastrigin}.
     */
    public static Rastrigin rastrigin() {
        return new Rastrigin();
    }

    /**
     * Returns Ackley's function with a = 20, b = 0.2, c = 2&pi;.
     *
     * @return A new {@link Ackley}.
     */
    public static Ackley ackley() {
        return new Ackley();
    }

    /**
     * Returns the neural-loss-like surface for {@link NeuralLossSurface#DEFAULT_SEED}.
     *
     * @return A new {@link NeuralLossSurface}.
     */
    public static NeuralLossSurface neuralLoss() {
        return new NeuralLossSurface();
    }

    /**
     * Returns the tilted double well with h = 1, tilt = 0.25, k = 1.
     *
     * @return A new {@link DoubleWell}.
     */
    public static DoubleWell doubleWell() {
        return new DoubleWell();
    }

    /**
     * Returns the default three-component Gaussian mixture energy.
     *
     * @return A new {@link GaussianMixtureEnergy}.
     */
    public static GaussianMixtureEnergy gaussianMixture() {
        return new GaussianMixtureEnergy();
    }

    /**
     * Returns the four classic optimisation landscapes.
     *
     * @return An unmodifiable list: Rosenbrock, Rastrigin, Ackley, neural loss, in that order.
     */
    public static List<Energy2D> classics() {
        return List.of(rosenbrock(), rastrigin(), ackley(), neuralLoss());
    }
}
