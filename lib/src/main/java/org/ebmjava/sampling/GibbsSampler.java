package org.ebmjava.sampling;

import java.util.random.RandomGenerator;
import org.ebmjava.boltzmann.BoltzmannMachine;
import org.ebmjava.boltzmann.BoltzmannOps;
import org.ebmjava.thermo.Divergences;

/**
 * Gibbs sampling from a Boltzmann machine: resample one binary unit at a time from its conditional
 * given all the others.
 *
 * <p>One update of unit i draws s<sub>i</sub> ~ Bernoulli(p<sub>i</sub>) with
 * p<sub>i</sub> = p(s<sub>i</sub> = 1 | s<sub>-i</sub>) = sigmoid(&sum;<sub>j</sub>
 * W<sub>ij</sub> s<sub>j</sub> + b<sub>i</sub>), using one {@code rng.nextDouble()} u and setting
 * s<sub>i</sub> = 1 iff u &lt; p<sub>i</sub>. Every update leaves p(s) = exp(-E(s))/Z invariant,
 * so a systematic sweep (i = 0, ..., n-1) or a random-scan step does too; the chain is irreducible
 * because every p<sub>i</sub> is strictly between 0 and 1 for finite parameters, so the visit
 * frequencies converge to p(s).
 *
 * <p>The sampler copies the machine's parameters once; it is not thread-safe (it shares the rng).
 * Methods that take a state modify it in place, as documented on each.
 *
 * <pre>
 * Reference: S. Geman and D. Geman, "Stochastic Relaxation, Gibbs Distributions, and the Bayesian
 * Restoration of Images", IEEE Transactions on Pattern Analysis and Machine Intelligence 6(6),
 * 721-741, 1984.
 * </pre>
 */
public final class GibbsSampler {

    private final BoltzmannMachine bm;
    private final double[][] w;
    private final double[] b;
    private final RandomGenerator rng;

    /**
     * Creates a sampler for the given machine.
     *
     * @param bm The machine to sample from.
     * @param rng The random source; advanced by every update.
     * @throws IllegalArgumentException If bm or rng is null.
     */
    public GibbsSampler(BoltzmannMachine bm, RandomGenerator rng) {
        if (bm == null || rng == null) {
            throw new IllegalArgumentException("bm and rng must not be null");
        }
        this.bm = bm;
        this.w = bm.weights();
        this.b = bm.biases();
        this.rng = rng;
    }

    /**
     * Returns the machine sampled from.
     *
     * @return The machine.
     */
    public BoltzmannMachine machine() {
        return bm;
    }

    /**
     * Performs one systematic-scan sweep: updates units i = 0, 1, ..., n-1 in order, each
     * s<sub>i</sub> ~ Bernoulli(p(s<sub>i</sub> = 1 | rest)) given the current values of the others.
     *
     * @param s The state, length n, binary. Modified (the new state).
     * @throws IllegalArgumentException If s is invalid.
     */
    public void sweep(int[] s) {
        BoltzmannOps.checkState(s, b.length, "s");
        for (int i = 0; i < b.length; i++) {
            update(s, i);
        }
    }

    /**
     * Performs a partial sweep over the units from (inclusive) to to (exclusive), in order, with all
     * other units clamped; e.g. the hidden units of a machine whose visible units hold a data
     * vector.
     *
     * @param s The state, length n, binary. Modified (units in [from, to) only).
     * @param from The first unit updated, 0 &le; from &le; to.
     * @param to One past the last unit updated, to &le; n.
     * @throws IllegalArgumentException If s is invalid or the range is not within [0, n].
     */
    public void sweepRange(int[] s, int from, int to) {
        BoltzmannOps.checkState(s, b.length, "s");
        if (from < 0 || to > b.length || from > to) {
            throw new IllegalArgumentException("need 0 <= from <= to <= " + b.length + ", found from = "
                    + from + ", to = " + to);
        }
        for (int i = from; i < to; i++) {
            update(s, i);
        }
    }

    /**
     * Performs one random-scan step: picks a unit i uniformly ({@code rng.nextInt(n)}) and updates
     * it; n steps are comparable to one sweep.
     *
     * @param s The state, length n, binary. Modified (at most one unit changes).
     * @throws IllegalArgumentException If s is invalid.
     */
    public void randomScanStep(int[] s) {
        BoltzmannOps.checkState(s, b.length, "s");
        update(s, rng.nextInt(b.length));
    }

    /**
     * Runs a chain and records its states: burnIn sweeps, then samples times (thin sweeps, record a
     * copy of the state).
     *
     * @param init The starting state, length n, binary. Not modified (copied).
     * @param burnIn The sweeps discarded at the start, &ge; 0.
     * @param samples The number of recorded states, &ge; 0.
     * @param thin The sweeps between recorded states, &ge; 1.
     * @return A new array [samples][n] of states; row k is the state after burnIn + (k + 1) thin
     *     sweeps.
     * @throws IllegalArgumentException If init is invalid or a count is out of range.
     */
    public int[][] run(int[] init, int burnIn, int samples, int thin) {
        int[] s = start(init);
        checkCount(burnIn, "burnIn", 0);
        checkCount(samples, "samples", 0);
        checkCount(thin, "thin", 1);
        sweeps(s, burnIn);
        int[][] out = new int[samples][];
        for (int k = 0; k < samples; k++) {
            sweeps(s, thin);
            out[k] = s.clone();
        }
        return out;
    }

    /**
     * Estimates the distribution from the visit frequencies of one chain: after burnIn discarded
     * sweeps, the state after each of the next {@code sweeps} sweeps is counted.
     *
     * @param init The starting state, length n &le; {@link BoltzmannMachine#MAX_EXACT_UNITS},
     *     binary. Not modified (copied).
     * @param burnIn The discarded sweeps, &ge; 0.
     * @param sweeps The counted sweeps, &ge; 1.
     * @return A new array of length 2<sup>n</sup>: the fraction of counted sweeps that ended in the
     *     state with binary-counting index i (see {@link BoltzmannOps#index}); sums to 1.
     * @throws IllegalArgumentException If init is invalid, n is too large or a count is out of range.
     */
    public double[] empiricalDistribution(int[] init, int burnIn, int sweeps) {
        int[] s = start(init);
        checkEnumerable();
        checkCount(burnIn, "burnIn", 0);
        checkCount(sweeps, "sweeps", 1);
        sweeps(s, burnIn);
        long[] counts = new long[1 << b.length];
        for (int t = 0; t < sweeps; t++) {
            sweeps(s, 1);
            counts[BoltzmannOps.index(s)]++;
        }
        return normalise(counts, sweeps);
    }

    /**
     * Follows the convergence of one chain to the exact distribution: runs sweeps from init (no
     * burn-in), counts the state after every sweep, and at each checkpoint c<sub>k</sub> returns
     * KL(emp<sub>k</sub> || exact) = &sum;<sub>i: emp_i &gt; 0</sub> emp<sub>i</sub>
     * log(emp<sub>i</sub> / exact<sub>i</sub>) of the frequencies over the first c<sub>k</sub>
     * sweeps (nats; finite whenever exact &gt; 0 everywhere, +Infinity if the chain visits a state
     * with exact probability 0). Computed with {@link Divergences#kl}.
     *
     * @param init The starting state, length n &le; {@link BoltzmannMachine#MAX_EXACT_UNITS},
     *     binary. Not modified (copied).
     * @param checkpoints The sweep counts at which to report, strictly increasing, all &ge; 1. Not
     *     modified.
     * @param exact The target distribution over the 2<sup>n</sup> states in binary-counting order
     *     (e.g. {@link BoltzmannMachine#exactDistribution()}). Not modified.
     * @return A new array, entry k the KL after checkpoints[k] sweeps.
     * @throws IllegalArgumentException If init or exact is invalid (wrong length, negative entries,
     *     not summing to 1) or the checkpoints are not strictly increasing positive numbers.
     */
    public double[] klTrace(int[] init, int[] checkpoints, double[] exact) {
        int[] s = start(init);
        checkEnumerable();
        if (checkpoints == null || checkpoints.length == 0) {
            throw new IllegalArgumentException("checkpoints must be a non-empty array, found "
                    + (checkpoints == null ? "null" : "length 0"));
        }
        for (int k = 0; k < checkpoints.length; k++) {
            int lower = k == 0 ? 1 : checkpoints[k - 1] + 1;
            if (checkpoints[k] < lower) {
                throw new IllegalArgumentException("checkpoints must be strictly increasing and >= 1,"
                        + " found checkpoints[" + k + "] = " + checkpoints[k]);
            }
        }
        int states = 1 << b.length;
        if (exact == null || exact.length != states) {
            throw new IllegalArgumentException("exact must have length 2^n = " + states + ", found "
                    + (exact == null ? "null" : String.valueOf(exact.length)));
        }
        long[] counts = new long[states];
        double[] trace = new double[checkpoints.length];
        int done = 0;
        for (int k = 0; k < checkpoints.length; k++) {
            for (; done < checkpoints[k]; done++) {
                sweeps(s, 1);
                counts[BoltzmannOps.index(s)]++;
            }
            trace[k] = Divergences.kl(normalise(counts, done), exact);
        }
        return trace;
    }

    private void update(int[] s, int i) {
        double x = b[i];
        double[] row = w[i];
        for (int j = 0; j < row.length; j++) {
            if (s[j] != 0) {
                x += row[j];
            }
        }
        s[i] = rng.nextDouble() < BoltzmannOps.sigmoid(x) ? 1 : 0;
    }

    private void sweeps(int[] s, int count) {
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < b.length; i++) {
                update(s, i);
            }
        }
    }

    private int[] start(int[] init) {
        BoltzmannOps.checkState(init, b.length, "init");
        return init.clone();
    }

    private void checkEnumerable() {
        if (b.length > BoltzmannMachine.MAX_EXACT_UNITS) {
            throw new IllegalArgumentException("state counting needs n <= "
                    + BoltzmannMachine.MAX_EXACT_UNITS + ", found n = " + b.length);
        }
    }

    private static double[] normalise(long[] counts, long total) {
        double[] p = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = (double) counts[i] / total;
        }
        return p;
    }

    private static void checkCount(int value, String name, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", found " + value);
        }
    }
}
