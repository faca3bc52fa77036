package org.ebmjava.thermo;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The Boltzmann (Gibbs) distribution p<sub>i</sub> = exp(-E<sub>i</sub>/T) / Z over a finite list
 * of states, with its thermodynamic summaries.
 *
 * <p>Units: k<sub>B</sub> = 1; energies E<sub>i</sub> and the temperature T are dimensionless.
 * Lower energy means higher probability. The quantities are
 * <pre>
 *   Z = &sum;_i exp(-E_i/T)            partition function
 *   U = &lt;E&gt; = &sum;_i p_i E_i          mean (internal) energy
 *   S = -&sum;_i p_i log p_i            entropy, nats
 *   F = -T log Z = U - T S             (Helmholtz) free energy
 *   C = Var(E) / T^2 = dU/dT           heat capacity
 * </pre>
 *
 * <p>All of them are computed once, at construction, through log-sum-exp shifted by the lowest
 * energy, so nothing overflows even at T = 0.01 with energies of order 1e4. Instances are immutable.
 *
 * <pre>
 * Reference: E. T. Jaynes, "Information Theory and Statistical Mechanics",
 * Physical Review 106(4), 1957.
 * </pre>
 */
public final class BoltzmannDistribution {

    private final double[] energies;
    private final double temperature;
    private final double logZ;
    private final double[] logProbabilities;
    private final double[] probabilities;
    private final double entropy;
    private final double meanEnergy;
    private final double freeEnergy;
    private final double energyVariance;

    /**
     * Creates the Boltzmann distribution of the given energies at the given temperature.
     *
     * @param energies The state energies E<sub>i</sub>. Must be finite and non-empty. Not modified
     *     (copied).
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @throws IllegalArgumentException If an energy is not finite or T is not finite and positive.
     */
    public BoltzmannDistribution(double[] energies, double temperature) {
        ThermoOps.checkTemperature(temperature);
        double eMin = ThermoOps.minEnergy(energies);
        int n = energies.length;
        this.energies = energies.clone();
        this.temperature = temperature;

        double[] logits = new double[n];
        for (int i = 0; i < n; i++) {
            logits[i] = -(this.energies[i] - eMin) / temperature;
        }
        double lse = ThermoOps.logSumExp(logits);
        this.logZ = -eMin / temperature + lse;
        this.freeEnergy = eMin - temperature * lse;

        this.logProbabilities = logits; // shifted in place below: log p_i = logit_i - lse
        this.probabilities = new double[n];
        double s = 0.0;
        double excess = 0.0;
        for (int i = 0; i < n; i++) {
            double lp = logits[i] - lse;
            double p = Math.exp(lp);
            logProbabilities[i] = lp;
            probabilities[i] = p;
            if (p > 0.0) {
                s -= p * lp;
                excess += p * (this.energies[i] - eMin);
            }
        }
        this.entropy = s;
        this.meanEnergy = eMin + excess;
        double var = 0.0;
        for (int i = 0; i < n; i++) {
            double d = this.energies[i] - meanEnergy;
            var += probabilities[i] * d * d;
        }
        this.energyVariance = var;
    }

    /**
     * Creates the Boltzmann distribution of an enumerable system at the given temperature.
     *
     * @param system The system whose state energies are used. Must not be null.
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return The distribution over the system's states, in the system's state order.
     * @throws IllegalArgumentException If the system is null or T is not finite and positive.
     */
    public static BoltzmannDistribution of(EnumerableSystem<?> system, double temperature) {
        if (system == null) {
            throw new IllegalArgumentException("system must not be null");
        }
        return system.at(temperature);
    }

    /**
     * Returns the temperature.
     *
     * @return T (dimensionless, k<sub>B</sub> = 1).
     */
    public double temperature() {
        return temperature;
    }

    /**
     * Returns the number of states.
     *
     * @return n &ge; 1.
     */
    public int size() {
        return energies.length;
    }

    /**
     * Returns the state energies.
     *
     * @return A copy of E<sub>0</sub>, ..., E<sub>n-1</sub>.
     */
    public double[] energies() {
        return energies.clone();
    }

    /**
     * Returns the log partition function, computed stably.
     *
     * @return log Z = log &sum;<sub>i</sub> exp(-E<sub>i</sub>/T).
     */
    public double logPartitionFunction() {
        return logZ;
    }

    /**
     * Returns the partition function Z = exp(log Z).
     *
     * <p>Warning: Z itself overflows to +Infinity when log Z &gt; ~709 (for example at T = 0.01 with
     * an energy of -10) and underflows to 0 when log Z &lt; ~-745. Prefer
     * {@link #logPartitionFunction()} in computations.
     *
     * @return Z = &sum;<sub>i</sub> exp(-E<sub>i</sub>/T); possibly +Infinity or 0.
     */
    public double partitionFunction() {
        return Math.exp(logZ);
    }

    /**
     * Returns all state probabilities.
     *
     * @return A copy of p<sub>i</sub> = exp(-E<sub>i</sub>/T)/Z; sums to 1 up to rounding.
     */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * Returns all log-probabilities; finite even where the probability itself underflows to 0.
     *
     * @return A copy of log p<sub>i</sub> = -E<sub>i</sub>/T - log Z.
     */
    public double[] logProbabilities() {
        return logProbabilities.clone();
    }

    /**
     * Returns the probability of one state.
     *
     * @param i The state index, 0 &le; i &lt; size().
     * @return p<sub>i</sub>.
     * @throws IllegalArgumentException If i is out of range.
     */
    public double probability(int i) {
        if (i < 0 || i >= energies.length) {
            throw new IllegalArgumentException(
                    "i must be in [0, " + energies.length + "), found " + i);
        }
        return probabilities[i];
    }

    /**
     * Returns the Gibbs/Shannon entropy S = -&sum;<sub>i</sub> p<sub>i</sub> log p<sub>i</sub>.
     *
     * <p>S lies in [0, log n]: log n at infinite temperature (uniform), log g as T &rarr; 0 where g
     * is the number of states sharing the lowest energy.
     *
     * @return S in nats (k<sub>B</sub> = 1).
     */
    public double entropy() {
        return entropy;
    }

    /**
     * Returns the mean energy U = &lt;E&gt; = &sum;<sub>i</sub> p<sub>i</sub> E<sub>i</sub>.
     *
     * <p>The course also calls this the "enthalpy": the enthalpy is H = U + pV, and these models have
     * no volume and no pressure term (pV = 0, the volume is fixed), so here H = U, the internal
     * energy.
     *
     * @return U, in energy units.
     */
    public double meanEnergy() {
        return meanEnergy;
    }

    /**
     * Returns the Helmholtz free energy F = -T log Z, which equals U - T S.
     *
     * @return F, in energy units.
     */
    public double freeEnergy() {
        return freeEnergy;
    }

    /**
     * Returns the variance of the energy under the distribution.
     *
     * @return Var(E) = &sum;<sub>i</sub> p<sub>i</sub> (E<sub>i</sub> - U)<sup>2</sup> &ge; 0.
     */
    public double energyVariance() {
        return energyVariance;
    }

    /**
     * Returns the heat capacity C = Var(E) / T<sup>2</sup>, which equals dU/dT (fluctuation-response
     * relation).
     *
     * @return C &ge; 0 (dimensionless with k<sub>B</sub> = 1).
     */
    public double heatCapacity() {
        return energyVariance / (temperature * temperature);
    }

    /**
     * Draws i.i.d. state indices from the distribution by inverse-CDF sampling.
     *
     * @param n The number of draws. Must be &ge; 0.
     * @param rng The source of randomness. Must not be null. Advanced by n draws.
     * @return A new array of n state indices in [0, size()).
     * @throws IllegalArgumentException If n &lt; 0 or rng is null.
     */
    public int[] sample(int n, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        double[] cdf = new double[probabilities.length];
        double acc = 0.0;
        for (int i = 0; i < cdf.length; i++) {
            acc += probabilities[i];
            cdf[i] = acc;
        }
        int lastPositive = cdf.length - 1;
        while (probabilities[lastPositive] == 0.0) {
            lastPositive--;
        }
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            double u = rng.nextDouble() * acc;
            // The answer is the first index whose cumulative probability exceeds u; such an index
            // never has probability 0.
            int idx = Arrays.binarySearch(cdf, u);
            if (idx >= 0) {
                while (idx < cdf.length && cdf[idx] <= u) {
                    idx++;
                }
            } else {
                idx = -idx - 1;
            }
            out[k] = Math.min(idx, lastPositive);
        }
        return out;
    }

    /**
     * Summarises the distribution.
     *
     * @return A one-line description with n, T, log Z, U, S and F.
     */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "BoltzmannDistribution[n=%d, T=%.6g, logZ=%.6g, U=%.6g, S=%.6g, F=%.6g]",
                energies.length, temperature, logZ, meanEnergy, entropy, freeEnergy);
    }
}
