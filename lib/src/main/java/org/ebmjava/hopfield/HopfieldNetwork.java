package org.ebmjava.hopfield;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A Hopfield network of N binary neurons s<sub>i</sub> &isin; {-1, +1} with symmetric weights, zero
 * self-coupling and optional biases.
 *
 * <p>Energy (returned as E, lower is more stable, never -E):
 * <blockquote>
 *   E(s) = -1/2 &sum;<sub>i,j</sub> W<sub>ij</sub> s<sub>i</sub> s<sub>j</sub> - &sum;<sub>i</sub> b<sub>i</sub> s<sub>i</sub>
 * </blockquote>
 * Local field: h<sub>i</sub>(s) = &sum;<sub>j</sub> W<sub>ij</sub> s<sub>j</sub> + b<sub>i</sub>. The update
 * rule is s<sub>i</sub> &larr; sign(h<sub>i</sub>) with sign(0) = keep the current value, where
 * |h<sub>i</sub>| &le; {@link #TIE_TOLERANCE} counts as 0. Because W is
 * symmetric with W<sub>ii</sub> = 0, flipping neuron i changes the energy by exactly
 * &Delta;E = 2 s<sub>i</sub><sup>old</sup> h<sub>i</sub> = -2 s<sub>i</sub><sup>new</sup> h<sub>i</sub>, which is
 * negative whenever the rule flips it: asynchronous (one neuron at a time) dynamics never raise E and
 * must stop at a fixed point. Synchronous (all at once) updates lack that guarantee and may 2-cycle.
 *
 * <pre>
 * J. J. Hopfield, "Neural networks and physical systems with emergent collective computational
 * abilities", Proceedings of the National Academy of Sciences 79(8), 2554-2558, 1982.
 * </pre>
 *
 * <p>Instances are immutable; the methods that run dynamics modify only the state array passed in,
 * and say so. Neurons are numbered 0 to N-1.
 */
public final class HopfieldNetwork {

    /**
     * Local fields with |h<sub>i</sub>| &le; 1e-12 count as 0 (a tie: the neuron keeps its value), so
     * that exact ties, frequent with Hebbian weights and an even number of patterns, are not decided
     * by rounding errors.
     */
    public static final double TIE_TOLERANCE = 1e-12;

    /** The largest |W<sub>ij</sub> - W<sub>ji</sub>| and |W<sub>ii</sub>| the constructor accepts. */
    public static final double SYMMETRY_TOLERANCE = 1e-12;

    private final int n;
    private final double[][] w;
    private final double[] b;
    private final String origin;

    /**
     * Creates a network from given weights and biases.
     *
     * <p>The weights are copied and made exactly symmetric, W<sub>ij</sub> = (W<sub>ij</sub> +
     * W<sub>ji</sub>)/2, with the diagonal set to exactly 0, after checking that they already are so
     * within {@link #SYMMETRY_TOLERANCE}.
     *
     * @param weights The N x N weight matrix: square, finite, symmetric and with a zero diagonal
     *     within {@link #SYMMETRY_TOLERANCE}, N &ge; 1. Not modified.
     * @param biases The N biases b<sub>i</sub>, finite. Not modified.
     * @throws IllegalArgumentException If an argument is null, misshapen, non-finite, asymmetric or
     *     has a non-zero diagonal.
     */
    public HopfieldNetwork(double[][] weights, double[] biases) {
        this(checkWeights(weights), checkBiases(biases, weights.length), "custom");
    }

    /**
     * Creates a network from given weights with all biases 0.
     *
     * @param weights The N x N weight matrix, as for {@link #HopfieldNetwork(double[][], double[])}.
     *     Not modified.
     * @throws IllegalArgumentException If the weights are invalid.
     */
    public HopfieldNetwork(double[][] weights) {
        this(checkWeights(weights), new double[weights.length], "custom");
    }

    /** Takes ownership of already checked arrays. */
    private HopfieldNetwork(double[][] w, double[] b, String origin) {
        this.n = w.length;
        this.w = w;
        this.b = b;
        this.origin = origin;
    }

    /**
     * Stores patterns with the Hebbian (outer-product) rule.
     *
     * <p>Performs the following operation, with zero biases:
     * <blockquote>
     *   W<sub>ij</sub> = (1/N) &sum;<sub>&mu;</sub> &xi;<sup>&mu;</sup><sub>i</sub> &xi;<sup>&mu;</sup><sub>j</sub>  for i &ne; j,   W<sub>ii</sub> = 0
     * </blockquote>
     * For random patterns, recall breaks down near the load P/N &asymp; 0.138 (Amit, Gutfreund and
     * Sompolinsky 1985).
     *
     * @param patterns The P &ge; 1 patterns &xi;<sup>&mu;</sup>, all of one length N &ge; 1, entries -1 or
     *     +1. Not modified.
     * @return The network with those weights.
     * @throws IllegalArgumentException If the list is null or empty, or a pattern is null, of another
     *     length, or holds a value other than -1 and +1.
     */
    public static HopfieldNetwork hebbian(List<int[]> patterns) {
        int n = Spins.requirePatterns(patterns, "patterns");
        double[][] w = new double[n][n];
        for (int[] xi : patterns) {
            addHebbian(w, xi);
        }
        return new HopfieldNetwork(w, new double[n], "hebbian(P=" + patterns.size() + ")");
    }

    /**
     * Stores patterns with Storkey's incremental learning rule, which has a higher capacity than the
     * Hebbian rule and copes better with correlated patterns.
     *
     * <p>Starting from W = 0, each pattern &xi; = &xi;<sup>&nu;</sup> in list order updates every
     * pair i &ne; j from the previous weights:
     * <blockquote>
     *   W<sub>ij</sub> &larr; W<sub>ij</sub> + (1/N) (&xi;<sub>i</sub> &xi;<sub>j</sub> - &xi;<sub>i</sub> h<sub>ji</sub> - h<sub>ij</sub> &xi;<sub>j</sub>),
     *   h<sub>ij</sub> = &sum;<sub>k &ne; i, j</sub> W<sub>ik</sub> &xi;<sub>k</sub>
     * </blockquote>
     * The update is symmetric in i and j. The diagonal is kept at 0 (the course's convention), biases
     * are 0. For a single pattern h = 0, so the result equals {@link #hebbian(List)}. Cost O(P N<sup>2</sup>).
     *
     * <pre>
     * A. Storkey, "Increasing the capacity of a Hopfield network without sacrificing functionality",
     * Artificial Neural Networks - ICANN'97, LNCS 1327, 451-456, 1997.
     * </pre>
     *
     * @param patterns The P &ge; 1 patterns, all of one length N &ge; 1, entries -1 or +1. Not modified.
     * @return The network with those weights.
     * @throws IllegalArgumentException If the list is null or empty, or a pattern is invalid.
     */
    public static HopfieldNetwork storkey(List<int[]> patterns) {
        int n = Spins.requirePatterns(patterns, "patterns");
        double[][] w = new double[n][n];
        double[] scratch = new double[n];
        for (int[] xi : patterns) {
            addStorkey(w, xi, scratch);
        }
        return new HopfieldNetwork(w, new double[n], "storkey(P=" + patterns.size() + ")");
    }

    /**
     * Returns the number of neurons.
     *
     * @return N.
     */
    public int size() {
        return n;
    }

    /**
     * Returns one weight.
     *
     * @param i The row neuron, 0 &le; i &lt; N.
     * @param j The column neuron, 0 &le; j &lt; N.
     * @return W<sub>ij</sub> (= W<sub>ji</sub>; 0 when i = j).
     * @throws IllegalArgumentException If an index is out of range.
     */
    public double weight(int i, int j) {
        checkIndex(i, "i");
        checkIndex(j, "j");
        return w[i][j];
    }

    /**
     * Returns a copy of the weight matrix.
     *
     * @return A fresh N x N array holding W.
     */
    public double[][] weights() {
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            c[i] = w[i].clone();
        }
        return c;
    }

    /**
     * Returns a copy of the biases.
     *
     * @return A fresh array holding b (all 0 for the storage rules).
     */
    public double[] biases() {
        return b.clone();
    }

    /**
     * Returns the energy of a state.
     *
     * <p>E(s) = -1/2 s<sup>T</sup>W s - b<sup>T</sup>s. This is E, not -E: stored patterns sit in
     * minima.
     *
     * @param s The state, length N, entries -1 or +1. Not modified.
     * @return E(s).
     * @throws IllegalArgumentException If s is null, of the wrong length or not -1/+1.
     */
    public double energy(int[] s) {
        Spins.requireSpins(s, n, "s");
        return energyUnchecked(s);
    }

    /**
     * Returns the local field acting on one neuron.
     *
     * <p>h<sub>i</sub> = &sum;<sub>j</sub> W<sub>ij</sub> s<sub>j</sub> + b<sub>i</sub> = -&part;E/&part;s<sub>i</sub>.
     *
     * @param s The state, length N, entries -1 or +1. Not modified.
     * @param i The neuron, 0 &le; i &lt; N.
     * @return h<sub>i</sub>(s).
     * @throws IllegalArgumentException If s or i is invalid.
     */
    public double localField(int[] s, int i) {
        Spins.requireSpins(s, n, "s");
        checkIndex(i, "i");
        return field(s, i);
    }

    /**
     * Returns the energy change that flipping one neuron would cause, without flipping it.
     *
     * <p>&Delta;E = E(s with s<sub>i</sub> negated) - E(s) = 2 s<sub>i</sub> h<sub>i</sub>(s).
     *
     * @param s The state, length N, entries -1 or +1. Not modified.
     * @param i The neuron, 0 &le; i &lt; N.
     * @return The energy change of the flip (negative: the flip lowers E).
     * @throws IllegalArgumentException If s or i is invalid.
     */
    public double flipEnergyChange(int[] s, int i) {
        Spins.requireSpins(s, n, "s");
        checkIndex(i, "i");
        return 2.0 * s[i] * field(s, i);
    }

    /**
     * Updates one neuron: s<sub>i</sub> &larr; sign(h<sub>i</sub>), keeping s<sub>i</sub> when h<sub>i</sub> = 0.
     *
     * @param s The state, length N, entries -1 or +1. Modified: entry i may change sign.
     * @param i The neuron, 0 &le; i &lt; N.
     * @return Whether the neuron flipped.
     * @throws IllegalArgumentException If s or i is invalid.
     */
    public boolean updateNeuron(int[] s, int i) {
        Spins.requireSpins(s, n, "s");
        checkIndex(i, "i");
        int v = Spins.sign(field(s, i), s[i]);
        boolean flipped = v != s[i];
        s[i] = v;
        return flipped;
    }

    /**
     * Tells whether a state is a fixed point of the update rule.
     *
     * @param s The state, length N, entries -1 or +1. Not modified.
     * @return True when no update would flip a neuron: for every i, s<sub>i</sub> h<sub>i</sub> &gt; 0 or
     *     |h<sub>i</sub>| &le; {@link #TIE_TOLERANCE}.
     * @throws IllegalArgumentException If s is invalid.
     */
    public boolean isFixedPoint(int[] s) {
        Spins.requireSpins(s, n, "s");
        for (int i = 0; i < n; i++) {
            if (Spins.sign(field(s, i), s[i]) != s[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs one asynchronous sweep: every neuron is updated once, in a uniformly random order, each
     * seeing the flips made before it in the sweep.
     *
     * <p>The order is a Fisher-Yates shuffle drawn from {@code rng} (N-1 calls to nextInt). E never
     * increases during the sweep.
     *
     * @param s The state, length N, entries -1 or +1. Modified in place.
     * @param rng The source of the update order. Must not be null.
     * @return The number of neurons that flipped (0 means s is a fixed point).
     * @throws IllegalArgumentException If s is invalid or rng is null.
     */
    public int asyncSweep(int[] s, RandomGenerator rng) {
        Spins.requireSpins(s, n, "s");
        Spins.requireNonNull(rng, "rng");
        return sweep(s, identityOrder(), rng);
    }

    /**
     * Runs one synchronous step: every neuron is updated at once from the old state.
     *
     * <p>s<sub>i</sub>' = sign(h<sub>i</sub>(s)) for all i, with sign(0) = s<sub>i</sub>. Unlike
     * asynchronous updates, this can raise E and can oscillate between two states.
     *
     * @param s The state, length N, entries -1 or +1. Modified in place.
     * @return The number of neurons that flipped.
     * @throws IllegalArgumentException If s is invalid.
     */
    public int syncStep(int[] s) {
        Spins.requireSpins(s, n, "s");
        return syncUnchecked(s);
    }

    /**
     * Recalls a memory by asynchronous sweeps from a cue until a sweep flips nothing.
     *
     * <p>Runs {@link #asyncSweep} on a copy of the cue until a full sweep makes no flip (converged)
     * or {@code maxSweeps} sweeps have run, recording E before the first sweep and after each one.
     *
     * @param cue The starting state, length N, entries -1 or +1. Not modified.
     * @param maxSweeps The most sweeps to run, &ge; 1.
     * @param rng The source of the update orders. Must not be null.
     * @return The final state, the energies (length sweeps + 1, non-increasing), the number of
     *     sweeps and whether a fixed point was reached; {@code cycle} is false.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public RecallResult recall(int[] cue, int maxSweeps, RandomGenerator rng) {
        Spins.requireSpins(cue, n, "cue");
        Spins.requireNonNull(rng, "rng");
        requireAtLeastOne(maxSweeps, "maxSweeps");
        int[] s = cue.clone();
        int[] order = identityOrder();
        double[] e = new double[maxSweeps + 1];
        e[0] = energyUnchecked(s);
        int sweeps = 0;
        boolean converged = false;
        while (sweeps < maxSweeps && !converged) {
            int flips = sweep(s, order, rng);
            sweeps++;
            e[sweeps] = energyUnchecked(s);
            converged = flips == 0;
        }
        return new RecallResult(s, Arrays.copyOf(e, sweeps + 1), sweeps, converged, false);
    }

    /**
     * Recalls by synchronous steps from a cue until a fixed point, a 2-cycle or {@code maxSteps}.
     *
     * <p>Stops with {@code converged = true} when a step flips nothing, and with {@code cycle = true}
     * when the new state equals the state two steps earlier (the known failure of parallel updates;
     * the returned state is then the last one, one of the two states of the cycle). For symmetric W
     * these are the only attractors of synchronous dynamics (Goles et al. 1985), so with enough steps
     * one of the two flags is set.
     *
     * @param cue The starting state, length N, entries -1 or +1. Not modified.
     * @param maxSteps The most steps to run, &ge; 1.
     * @return The final state, the energies (length steps + 1; may rise), the number of steps and the
     *     two flags.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public RecallResult recallSync(int[] cue, int maxSteps) {
        Spins.requireSpins(cue, n, "cue");
        requireAtLeastOne(maxSteps, "maxSteps");
        int[] before = null;
        int[] s = cue.clone();
        double[] e = new double[maxSteps + 1];
        e[0] = energyUnchecked(s);
        int steps = 0;
        boolean converged = false;
        boolean cycle = false;
        while (steps < maxSteps && !converged && !cycle) {
            int[] previous = s.clone();
            int flips = syncUnchecked(s);
            steps++;
            e[steps] = energyUnchecked(s);
            converged = flips == 0;
            cycle = !converged && before != null && Arrays.equals(s, before);
            before = previous;
        }
        return new RecallResult(s, Arrays.copyOf(e, steps + 1), steps, converged, cycle);
    }

    /**
     * Describes the network without printing the weights.
     *
     * @return A one-line description with N and how the weights were made.
     */
    @Override
    public String toString() {
        return "HopfieldNetwork[n=" + n + ", weights=" + origin + "]";
    }

    // ----- package-private fast paths for CapacityExperiment (no argument checks) -----

    /**
     * Runs asynchronous sweeps on s in place until a sweep flips nothing or maxSweeps ran; returns
     * the sweeps run. Same update order and rule as {@link #recall}, but keeps the local fields up to
     * date incrementally (h<sub>j</sub> += 2 s<sub>i</sub> W<sub>ji</sub> when s<sub>i</sub> flips to
     * s<sub>i</sub>), so a recall costs O(N<sup>2</sup> + sweeps N + flips N) instead of
     * O(sweeps N<sup>2</sup>). Fields may differ from recomputed ones by rounding, which matters only
     * at exact ties h<sub>i</sub> = 0.
     */
    int recallInPlace(int[] s, int maxSweeps, RandomGenerator rng) {
        int[] order = identityOrder();
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = field(s, i);
        }
        for (int sweeps = 1; sweeps <= maxSweeps; sweeps++) {
            shuffle(order, rng);
            int flips = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                int v = Spins.sign(h[i], s[i]);
                if (v != s[i]) {
                    s[i] = v;
                    flips++;
                    double[] row = w[i];
                    double step = 2.0 * v;
                    for (int j = 0; j < n; j++) {
                        h[j] += step * row[j];
                    }
                }
            }
            if (flips == 0) {
                return sweeps;
            }
        }
        return maxSweeps;
    }

    private static void shuffle(int[] order, RandomGenerator rng) {
        for (int k = order.length - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
    }

    private int sweep(int[] s, int[] order, RandomGenerator rng) {
        shuffle(order, rng);
        int flips = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int v = Spins.sign(field(s, i), s[i]);
            if (v != s[i]) {
                s[i] = v;
                flips++;
            }
        }
        return flips;
    }

    private int syncUnchecked(int[] s) {
        int[] next = new int[n];
        int flips = 0;
        for (int i = 0; i < n; i++) {
            next[i] = Spins.sign(field(s, i), s[i]);
            if (next[i] != s[i]) {
                flips++;
            }
        }
        System.arraycopy(next, 0, s, 0, n);
        return flips;
    }

    private double field(int[] s, int i) {
        return dot(w[i], s) + b[i];
    }

    private double energyUnchecked(int[] s) {
        double e = 0.0;
        for (int i = 0; i < n; i++) {
            e -= s[i] * (0.5 * dot(w[i], s) + b[i]);
        }
        return e;
    }

    private int[] identityOrder() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static double dot(double[] row, int[] s) {
        double acc = 0.0;
        for (int j = 0; j < row.length; j++) {
            acc += row[j] * s[j];
        }
        return acc;
    }

    /** Adds (1/N) xi xi^T off the diagonal to w in place (exactly symmetric: the products are exact). */
    static void addHebbian(double[][] w, int[] xi) {
        int n = w.length;
        double inv = 1.0 / n;
        for (int i = 0; i < n; i++) {
            double[] row = w[i];
            double a = xi[i] * inv;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    row[j] += a * xi[j];
                }
            }
        }
    }

    /** Applies Storkey's update for one pattern to w in place; f is scratch space of length N. */
    static void addStorkey(double[][] w, int[] xi, double[] f) {
        int n = w.length;
        double inv = 1.0 / n;
        // f_i = sum_k W_ik xi_k with the old weights (W_ii = 0), so h_ij = f_i - W_ij xi_j.
        for (int i = 0; i < n; i++) {
            f[i] = dot(w[i], xi);
        }
        for (int i = 0; i < n; i++) {
            double[] row = w[i];
            for (int j = i + 1; j < n; j++) {
                double old = row[j];
                double hij = f[i] - old * xi[j];
                double hji = f[j] - old * xi[i];
                row[j] = old + inv * (xi[i] * xi[j] - xi[i] * hji - hij * xi[j]);
                w[j][i] = row[j];
            }
        }
    }

    /**
     * Wraps weights without copying or checking them, with zero biases. The network then shares
     * {@code w} with the caller, who must not change it while the network is in use.
     */
    static HopfieldNetwork sharing(double[][] w, String origin) {
        return new HopfieldNetwork(w, new double[w.length], origin);
    }

    private void checkIndex(int i, String name) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException(
                    name + " must be in [0, " + (n - 1) + "], found " + i);
        }
    }

    private static void requireAtLeastOne(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, found " + v);
        }
    }

    /** Checks the weights and returns the symmetrised copy with an exactly zero diagonal. */
    private static double[][] checkWeights(double[][] weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("weights must be at least 1 x 1, found 0 rows");
        }
        for (int i = 0; i < n; i++) {
            if (weights[i] == null || weights[i].length != n) {
                throw new IllegalArgumentException("weights must be square " + n + " x " + n
                        + ", found row " + i + " of length "
                        + (weights[i] == null ? "null" : weights[i].length));
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(weights[i][j])) {
                    throw new IllegalArgumentException("weights[" + i + "][" + j
                            + "] must be finite, found " + weights[i][j]);
                }
            }
        }
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (Math.abs(weights[i][i]) > SYMMETRY_TOLERANCE) {
                throw new IllegalArgumentException("weights must have a zero diagonal (within "
                        + SYMMETRY_TOLERANCE + "), found weights[" + i + "][" + i + "] = "
                        + weights[i][i]);
            }
            for (int j = i + 1; j < n; j++) {
                double a = weights[i][j];
                double c = weights[j][i];
                if (Math.abs(a - c) > SYMMETRY_TOLERANCE) {
                    throw new IllegalArgumentException("weights must be symmetric (within "
                            + SYMMETRY_TOLERANCE + "), found weights[" + i + "][" + j + "] = " + a
                            + " but weights[" + j + "][" + i + "] = " + c);
                }
                w[i][j] = 0.5 * (a + c);
                w[j][i] = w[i][j];
            }
        }
        return w;
    }

    private static double[] checkBiases(double[] biases, int n) {
        if (biases == null) {
            throw new IllegalArgumentException("biases must not be null");
        }
        if (biases.length != n) {
            throw new IllegalArgumentException("biases must have length " + n
                    + " (the size of weights), found length " + biases.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(biases[i])) {
                throw new IllegalArgumentException(
                        "biases[" + i + "] must be finite, found " + biases[i]);
            }
        }
        return biases.clone();
    }
}
