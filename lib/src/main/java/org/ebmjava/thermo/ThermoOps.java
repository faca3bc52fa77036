package org.ebmjava.thermo;

/**
 * Static helpers for Boltzmann statistics on primitive arrays: log-sum-exp, Boltzmann probabilities
 * and the Shannon entropy.
 *
 * <p>Units: k<sub>B</sub> = 1, so energies and temperatures are dimensionless numbers on the same
 * scale and probabilities are p<sub>i</sub> = exp(-E<sub>i</sub>/T) / Z. Logarithms are natural
 * (entropies in nats).
 *
 * <p>Numerical convention: every exponential is shifted by the largest exponent first (the
 * "max-shift" log-sum-exp trick), so results stay finite for energies of order 1e4 at T = 0.01 where
 * a naive exp(-E/T) would overflow to Infinity or underflow to 0 for every state.
 */
public final class ThermoOps {

    private ThermoOps() {}

    /**
     * Computes log(&sum;<sub>i</sub> exp(a<sub>i</sub>)) without overflow.
     *
     * <p>Performs log &sum;<sub>i</sub> exp(a<sub>i</sub>) = m + log &sum;<sub>i</sub>
     * exp(a<sub>i</sub> - m) with m = max<sub>i</sub> a<sub>i</sub>. Entries equal to -Infinity
     * contribute exp(-Infinity) = 0; if every entry is -Infinity the result is -Infinity; if any
     * entry is +Infinity the result is +Infinity.
     *
     * @param a The exponents. Not modified.
     * @return log &sum; exp(a<sub>i</sub>).
     * @throws IllegalArgumentException If {@code a} is null, empty or contains NaN.
     */
    public static double logSumExp(double[] a) {
        if (a == null) {
            throw new IllegalArgumentException("a must not be null");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("a must not be empty, found length 0");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i])) {
                throw new IllegalArgumentException("a[" + i + "] must not be NaN");
            }
            max = Math.max(max, a[i]);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double sum = 0.0;
        for (double v : a) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /**
     * Computes the Boltzmann probabilities p<sub>i</sub> = exp(-E<sub>i</sub>/T) / Z of a finite
     * set of states.
     *
     * <p>Performs p<sub>i</sub> = exp(-(E<sub>i</sub> - E<sub>min</sub>)/T - log &sum;<sub>j</sub>
     * exp(-(E<sub>j</sub> - E<sub>min</sub>)/T)), i.e. the log-sum-exp shifted by the lowest
     * energy. The lowest-energy state always gets a probability of at least 1/n, so the result
     * never contains NaN, even at T = 0.01 with energies of order &plusmn;1e4.
     *
     * @param energies The energies E<sub>i</sub> (dimensionless, k<sub>B</sub> = 1); lower energy
     *     means more probable. Must be finite and non-empty. Not modified.
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return A new array of probabilities that sums to 1 (up to rounding).
     * @throws IllegalArgumentException If the temperature is not finite and positive, or an energy
     *     is not finite (the message names the index and the value).
     */
    public static double[] boltzmannProbabilities(double[] energies, double temperature) {
        double[] logP = logBoltzmannProbabilities(energies, temperature);
        for (int i = 0; i < logP.length; i++) {
            logP[i] = Math.exp(logP[i]);
        }
        return logP;
    }

    /**
     * Computes the log Boltzmann probabilities log p<sub>i</sub> = -E<sub>i</sub>/T - log Z.
     *
     * <p>Same conventions and checks as {@link #boltzmannProbabilities(double[], double)}; use this
     * variant when probabilities may underflow to 0 but their logarithms are still needed.
     *
     * @param energies The energies E<sub>i</sub>. Must be finite and non-empty. Not modified.
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return A new array of log-probabilities (all &le; 0; -Infinity only if an energy gap
     *     overflows).
     * @throws IllegalArgumentException If the temperature is not finite and positive, or an energy
     *     is not finite.
     */
    public static double[] logBoltzmannProbabilities(double[] energies, double temperature) {
        checkTemperature(temperature);
        double eMin = minEnergy(energies);
        double[] logits = new double[energies.length];
        for (int i = 0; i < energies.length; i++) {
            logits[i] = -(energies[i] - eMin) / temperature;
        }
        double lse = logSumExp(logits);
        for (int i = 0; i < logits.length; i++) {
            logits[i] -= lse;
        }
        return logits;
    }

    /**
     * Computes the Shannon entropy S = -&sum;<sub>i</sub> p<sub>i</sub> log p<sub>i</sub> in nats,
     * with the convention 0 log 0 = 0.
     *
     * <p>The entries are not required to sum to 1: the formula is applied as written.
     *
     * @param p The probabilities. Must be finite and &ge; 0. Not modified.
     * @return The entropy in nats (&ge; 0 when p sums to 1).
     * @throws IllegalArgumentException If {@code p} is null, empty or has a negative or non-finite
     *     entry.
     */
    public static double entropy(double[] p) {
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException("p must be a non-empty array, found "
                    + (p == null ? "null" : "length 0"));
        }
        double s = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0.0) || Double.isInfinite(p[i])) {
                throw new IllegalArgumentException("p[" + i + "] must be finite and >= 0, found " + p[i]);
            }
            if (p[i] > 0.0) {
                s -= p[i] * Math.log(p[i]);
            }
        }
        return s;
    }

    /** Checks that T is finite and positive. */
    static void checkTemperature(double temperature) {
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "temperature must be finite and > 0, found " + temperature);
        }
    }

    /** Checks that the energies are a non-empty array of finite numbers and returns the minimum. */
    static double minEnergy(double[] energies) {
        if (energies == null) {
            throw new IllegalArgumentException("energies must not be null");
        }
        if (energies.length == 0) {
            throw new IllegalArgumentException("energies must not be empty, found length 0");
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < energies.length; i++) {
            if (!Double.isFinite(energies[i])) {
                throw new IllegalArgumentException(
                        "energies[" + i + "] must be finite, found " + energies[i]);
            }
            min = Math.min(min, energies[i]);
        }
        return min;
    }
}
