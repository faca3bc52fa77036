package org.ebmjava.sampling;

import java.util.random.RandomGenerator;

/**
 * The Metropolis acceptance rule for a proposed move that changes the energy by &Delta;E at
 * temperature T: accept with probability min(1, exp(-&Delta;E/T)).
 *
 * <p>Units: k<sub>B</sub> = 1, &Delta;E = E(new) - E(old) and T dimensionless; &Delta;E &lt; 0
 * (downhill) is always accepted. At T = 0 the rule is greedy: accept iff &Delta;E &le; 0. With a
 * symmetric proposal this makes p &prop; exp(-E/T) the stationary distribution of the chain
 * (detailed balance). Works the same for discrete moves (a spin flip) and continuous ones (a
 * Gaussian step).
 *
 * <pre>
 * Reference: N. Metropolis, A. W. Rosenbluth, M. N. Rosenbluth, A. H. Teller and E. Teller,
 * "Equation of State Calculations by Fast Computing Machines", Journal of Chemical Physics 21(6),
 * 1087-1092, 1953.
 * </pre>
 */
public final class Metropolis {

    private Metropolis() {}

    /**
     * Computes the acceptance probability min(1, exp(-&Delta;E/T)).
     *
     * <p>&Delta;E = +Infinity gives 0 at T &gt; 0, &Delta;E = -Infinity gives 1; at T = 0 the result
     * is 1 if &Delta;E &le; 0, else 0.
     *
     * @param deltaE The energy change E(new) - E(old). Must not be NaN.
     * @param temperature The temperature T. Must be finite and &ge; 0.
     * @return The probability in [0, 1].
     * @throws IllegalArgumentException If deltaE is NaN or T is negative, NaN or infinite.
     */
    public static double acceptanceProbability(double deltaE, double temperature) {
        check(deltaE, temperature);
        if (deltaE <= 0.0) {
            return 1.0;
        }
        if (temperature == 0.0) {
            return 0.0;
        }
        return Math.exp(-deltaE / temperature);
    }

    /**
     * Decides whether to accept a move: always if &Delta;E &le; 0 (no random number drawn), never if
     * T = 0 and &Delta;E &gt; 0, otherwise iff u &lt; exp(-&Delta;E/T) for one u =
     * {@code rng.nextDouble()} uniform in [0, 1).
     *
     * @param deltaE The energy change E(new) - E(old). Must not be NaN.
     * @param temperature The temperature T. Must be finite and &ge; 0.
     * @param rng The random source. Modified (advanced by at most one draw).
     * @return True if the move is accepted.
     * @throws IllegalArgumentException If deltaE is NaN, T is invalid or rng is null.
     */
    public static boolean accept(double deltaE, double temperature, RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        double p = acceptanceProbability(deltaE, temperature);
        if (p >= 1.0) {
            return true;
        }
        if (p <= 0.0) {
            return false;
        }
        return rng.nextDouble() < p;
    }

    private static void check(double deltaE, double temperature) {
        if (Double.isNaN(deltaE)) {
            throw new IllegalArgumentException("deltaE must not be NaN");
        }
        if (!(temperature >= 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "temperature must be finite and >= 0, found " + temperature);
        }
    }
}
