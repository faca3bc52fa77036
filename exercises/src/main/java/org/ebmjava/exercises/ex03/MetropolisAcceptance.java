package org.ebmjava.exercises.ex03;

/**
 * Exercise 03.2: the Metropolis acceptance decision.
 *
 * <p>A proposed move that changes the energy by &Delta;E is accepted with probability
 * min(1, exp(-&Delta;E / T)). Given a uniform random number u in [0, 1), accept exactly when
 * u &lt; min(1, exp(-&Delta;E / T)). At T = 0 accept exactly the moves with &Delta;E &le; 0.
 */
@FunctionalInterface
public interface MetropolisAcceptance {
    /**
     * Whether to accept a proposed move.
     *
     * @param deltaE The energy change E(new) - E(old).
     * @param temperature The temperature T &ge; 0.
     * @param u A uniform random number in [0, 1).
     * @return True to accept the move.
     */
    boolean accept(double deltaE, double temperature, double u);
}
