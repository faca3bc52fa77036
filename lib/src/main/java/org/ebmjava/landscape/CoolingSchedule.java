package org.ebmjava.landscape;

/**
 * A temperature schedule T<sub>k</sub> for annealing: the temperature at step k of a run of
 * totalSteps steps.
 *
 * <p>Temperatures are dimensionless (k<sub>B</sub> = 1), finite and &ge; 0; T = 0 means greedy
 * (no thermal noise). The factories' schedules are non-increasing in k. Convention in the
 * optimisers: the move from point k to point k + 1 uses T<sub>k</sub>, k = 0, ..., totalSteps - 1,
 * and T<sub>totalSteps</sub> is the temperature at the end.
 *
 * <pre>
 * References: S. Kirkpatrick, C. D. Gelatt and M. P. Vecchi, "Optimization by Simulated Annealing",
 * Science 220(4598), 1983; B. Hajek, "Cooling Schedules for Optimal Annealing", Mathematics of
 * Operations Research 13(2), 1988 (logarithmic cooling).
 * </pre>
 */
public interface CoolingSchedule {

    /**
     * Returns the temperature at a step.
     *
     * @param step The step index k. Must be &ge; 0.
     * @param totalSteps The number of steps of the run. Must be &ge; 1.
     * @return T<sub>k</sub>, finite and &ge; 0.
     * @throws IllegalArgumentException If step &lt; 0 or totalSteps &lt; 1.
     */
    double temperature(int step, int totalSteps);

    /**
     * Returns the schedule's name with its parameters.
     *
     * @return The name, e.g. "exponential(T0=2, a=0.999)".
     */
    String name();

    /**
     * Tabulates the whole schedule, e.g. to plot it.
     *
     * @param totalSteps The number of steps of the run. Must be &ge; 1.
     * @return A new array of T<sub>0</sub>, ..., T<sub>totalSteps</sub> (length totalSteps + 1).
     * @throws IllegalArgumentException If totalSteps &lt; 1.
     */
    default double[] temperatures(int totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be >= 1, found " + totalSteps);
        }
        double[] t = new double[totalSteps + 1];
        for (int k = 0; k <= totalSteps; k++) {
            t[k] = temperature(k, totalSteps);
        }
        return t;
    }

    /**
     * Returns the constant schedule T<sub>k</sub> = t; t = 0 is greedy descent.
     *
     * @param t The temperature. Must be finite and &ge; 0.
     * @return The schedule, named "constant(T=t)".
     * @throws IllegalArgumentException If t is invalid.
     */
    static CoolingSchedule constant(double t) {
        Params.requireNonNegative(t, "t");
        return new NamedSchedule("constant(T=" + Params.num(t) + ")", (k, n) -> t);
    }

    /**
     * Returns geometric cooling T<sub>k</sub> = t0 &middot; decay<sup>k</sup>.
     *
     * @param t0 The initial temperature. Must be finite and &ge; 0.
     * @param decay The factor per step. Must be in (0, 1].
     * @return The schedule, named "exponential(T0=t0, a=decay)".
     * @throws IllegalArgumentException If a parameter is invalid.
     */
    static CoolingSchedule exponential(double t0, double decay) {
        Params.requireNonNegative(t0, "t0");
        if (!(decay > 0.0 && decay <= 1.0)) {
            throw new IllegalArgumentException("decay must be in (0, 1], found " + decay);
        }
        return new NamedSchedule("exponential(T0=" + Params.num(t0) + ", a=" + Params.num(decay) + ")",
                (k, n) -> t0 * Math.pow(decay, k));
    }

    /**
     * Returns polynomial cooling T<sub>k</sub> = t0 / (1 + k)<sup>power</sup>.
     *
     * @param t0 The initial temperature. Must be finite and &ge; 0.
     * @param power The decay exponent. Must be finite and &ge; 0 (0 is constant).
     * @return The schedule, named "polynomial(T0=t0, p=power)".
     * @throws IllegalArgumentException If a parameter is invalid.
     */
    static CoolingSchedule polynomial(double t0, double power) {
        Params.requireNonNegative(t0, "t0");
        Params.requireNonNegative(power, "power");
        return new NamedSchedule("polynomial(T0=" + Params.num(t0) + ", p=" + Params.num(power) + ")",
                (k, n) -> t0 / Math.pow(1.0 + k, power));
    }

    /**
     * Returns linear cooling T<sub>k</sub> = t0 (1 - k / totalSteps), clamped at 0 (so
     * T<sub>totalSteps</sub> = 0 and later steps stay at 0).
     *
     * @param t0 The initial temperature. Must be finite and &ge; 0.
     * @return The schedule, named "linear(T0=t0)".
     * @throws IllegalArgumentException If t0 is invalid.
     */
    static CoolingSchedule linear(double t0) {
        Params.requireNonNegative(t0, "t0");
        return new NamedSchedule("linear(T0=" + Params.num(t0) + ")",
                (k, n) -> t0 * Math.max(0.0, 1.0 - (double) k / n));
    }

    /**
     * Returns logarithmic cooling T<sub>k</sub> = c / log(k + e), so T<sub>0</sub> = c.
     *
     * <p>Hajek (1988) showed that cooling this slowly, with c at least the depth of the deepest
     * non-global well, reaches the global minimum with probability 1; it is far too slow for
     * practical use, which is the point of comparing it with the others.
     *
     * @param c The initial temperature. Must be finite and &ge; 0.
     * @return The schedule, named "logarithmic(c=c)".
     * @throws IllegalArgumentException If c is invalid.
     */
    static CoolingSchedule logarithmic(double c) {
        Params.requireNonNegative(c, "c");
        return new NamedSchedule("logarithmic(c=" + Params.num(c) + ")",
                (k, n) -> c / Math.log(k + Math.E));
    }
}
