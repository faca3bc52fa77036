package org.ebmjava.boltzmann;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ebmjava.thermo.BoltzmannDistribution;
import org.ebmjava.thermo.EnumerableSystem;

/**
 * A fully visible Boltzmann machine: n binary units s<sub>i</sub> &isin; {0,1} with symmetric
 * weights W (zero diagonal) and biases b.
 *
 * <p>Energy (this class returns E, not -E; lower energy means more probable):
 * <pre>
 *   E(s) = -1/2 s^T W s - b^T s = -&sum;_{i&lt;j} W_ij s_i s_j - &sum;_i b_i s_i
 *   p(s) = exp(-E(s)) / Z,   Z = &sum;_s exp(-E(s))      (temperature T = 1)
 * </pre>
 * The conditional of one unit given the others is logistic in its net input:
 * p(s<sub>i</sub> = 1 | rest) = sigmoid(&sum;<sub>j</sub> W<sub>ij</sub> s<sub>j</sub> +
 * b<sub>i</sub>), since the net input equals the energy gap E(s<sub>i</sub>=0) - E(s<sub>i</sub>=1).
 *
 * <p>Exact quantities (Z, probabilities, moments, log-likelihood) enumerate all 2<sup>n</sup>
 * states through {@link EnumerableSystem#binary}, so they need n &le; {@link #MAX_EXACT_UNITS} and
 * cost O(2<sup>n</sup> n<sup>2</sup>); the distribution is computed once per machine and kept.
 * States are ordered by binary counting (see {@link BoltzmannOps}). Instances are immutable.
 *
 * <pre>
 * Reference: D. H. Ackley, G. E. Hinton and T. J. Sejnowski, "A Learning Algorithm for Boltzmann
 * Machines", Cognitive Science 9(1), 147-169, 1985.
 * </pre>
 */
public final class BoltzmannMachine {

    /** Largest n for which the exact (enumeration) methods run. */
    public static final int MAX_EXACT_UNITS = 20;

    /** Largest allowed |W<sub>ij</sub> - W<sub>ji</sub>|; within it W is symmetrised. */
    public static final double SYMMETRY_TOLERANCE = 1e-9;

    private final double[][] w;
    private final double[] b;
    private volatile BoltzmannDistribution exact;

    /**
     * Creates a machine with the given parameters.
     *
     * @param w The weights, n &times; n, symmetric (within {@link #SYMMETRY_TOLERANCE}; stored as
     *     (W + W<sup>T</sup>)/2), zero diagonal, finite. Not modified (copied).
     * @param b The biases, length n, finite. Not modified (copied).
     * @throws IllegalArgumentException If an array is null or ragged, the sizes disagree, n = 0, an
     *     entry is not finite, W is not symmetric or its diagonal is not zero.
     */
    public BoltzmannMachine(double[][] w, double[] b) {
        if (w == null || b == null) {
            throw new IllegalArgumentException("w and b must not be null");
        }
        int n = b.length;
        if (n == 0) {
            throw new IllegalArgumentException("b must have at least one unit, found length 0");
        }
        if (w.length != n) {
            throw new IllegalArgumentException(
                    "w must be " + n + " x " + n + " to match b, found " + w.length + " rows");
        }
        this.w = new double[n][n];
        this.b = new double[n];
        for (int i = 0; i < n; i++) {
            if (w[i] == null || w[i].length != n) {
                throw new IllegalArgumentException("w[" + i + "] must have length " + n + ", found "
                        + (w[i] == null ? "null" : String.valueOf(w[i].length)));
            }
            this.b[i] = BoltzmannOps.checkFinite(b[i], "b[" + i + "]");
        }
        for (int i = 0; i < n; i++) {
            if (w[i][i] != 0.0) {
                throw new IllegalArgumentException(
                        "w[" + i + "][" + i + "] must be 0 (no self-connections), found " + w[i][i]);
            }
            for (int j = i + 1; j < n; j++) {
                double a = BoltzmannOps.checkFinite(w[i][j], "w[" + i + "][" + j + "]");
                double c = BoltzmannOps.checkFinite(w[j][i], "w[" + j + "][" + i + "]");
                if (Math.abs(a - c) > SYMMETRY_TOLERANCE) {
                    throw new IllegalArgumentException("w must be symmetric: w[" + i + "][" + j
                            + "] = " + a + " but w[" + j + "][" + i + "] = " + c);
                }
                double m = a == c ? a : 0.5 * (a + c);
                this.w[i][j] = m;
                this.w[j][i] = m;
            }
        }
    }

    /**
     * Creates a machine with small random parameters: W<sub>ij</sub> = W<sub>ji</sub> = scale
     * &middot; N(0,1) for i &lt; j and b<sub>i</sub> = scale &middot; N(0,1).
     *
     * <p>Draws the weights row by row (i &lt; j), then the biases, from {@code rng.nextGaussian()}.
     *
     * @param n The number of units, &ge; 1.
     * @param scale The standard deviation of every parameter. Must be finite and &ge; 0.
     * @param rng The random source. Modified (advanced).
     * @return The new machine.
     * @throws IllegalArgumentException If n &lt; 1, scale is negative or not finite, or rng is null.
     */
    public static BoltzmannMachine random(int n, double scale, RandomGenerator rng) {
        checkUnits(n);
        if (!(scale >= 0.0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and >= 0, found " + scale);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                w[i][j] = scale * rng.nextGaussian();
                w[j][i] = w[i][j];
            }
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = scale * rng.nextGaussian();
        }
        return new BoltzmannMachine(w, b);
    }

    /**
     * Creates the machine with all parameters zero: every state has energy 0 and p(s) =
     * 2<sup>-n</sup>.
     *
     * @param n The number of units, &ge; 1.
     * @return The new machine.
     * @throws IllegalArgumentException If n &lt; 1.
     */
    public static BoltzmannMachine zeros(int n) {
        checkUnits(n);
        return new BoltzmannMachine(new double[n][n], new double[n]);
    }

    /**
     * Returns a machine of the same size with other parameters (this one is unchanged).
     *
     * @param w The new weights, same rules as the constructor. Not modified (copied).
     * @param b The new biases. Not modified (copied).
     * @return The new machine.
     * @throws IllegalArgumentException If the parameters are invalid or their size differs from
     *     {@link #size()}.
     */
    public BoltzmannMachine withParameters(double[][] w, double[] b) {
        if (b != null && b.length != size()) {
            throw new IllegalArgumentException(
                    "b must have length " + size() + ", found " + b.length);
        }
        return new BoltzmannMachine(w, b);
    }

    /**
     * Returns the number of units.
     *
     * @return n &ge; 1.
     */
    public int size() {
        return b.length;
    }

    /**
     * Computes the energy E(s) = -&sum;<sub>i&lt;j</sub> W<sub>ij</sub> s<sub>i</sub> s<sub>j</sub> -
     * &sum;<sub>i</sub> b<sub>i</sub> s<sub>i</sub> (returns E, not -E).
     *
     * @param s The state, length n, entries in {0, 1}. Not modified.
     * @return E(s), dimensionless.
     * @throws IllegalArgumentException If s is null, of another length or not binary.
     */
    public double energy(int[] s) {
        BoltzmannOps.checkState(s, size(), "s");
        return energyUnchecked(s);
    }

    private double energyUnchecked(int[] s) {
        int n = b.length;
        double e = 0.0;
        for (int i = 0; i < n; i++) {
            if (s[i] == 0) {
                continue;
            }
            e -= b[i];
            double[] row = w[i];
            for (int j = i + 1; j < n; j++) {
                if (s[j] != 0) {
                    e -= row[j];
                }
            }
        }
        return e;
    }

    /**
     * Computes the net input of unit i, x<sub>i</sub> = &sum;<sub>j</sub> W<sub>ij</sub>
     * s<sub>j</sub> + b<sub>i</sub>, which equals the energy gap E(s<sub>i</sub>=0) -
     * E(s<sub>i</sub>=1) and does not depend on s<sub>i</sub> (W<sub>ii</sub> = 0).
     *
     * @param s The state, length n, binary. Not modified.
     * @param i The unit, 0 &le; i &lt; n.
     * @return x<sub>i</sub>.
     * @throws IllegalArgumentException If s is invalid or i is out of range.
     */
    public double netInput(int[] s, int i) {
        BoltzmannOps.checkState(s, size(), "s");
        checkUnit(i, "i");
        double x = b[i];
        double[] row = w[i];
        for (int j = 0; j < row.length; j++) {
            if (s[j] != 0) {
                x += row[j];
            }
        }
        return x;
    }

    /**
     * Computes the conditional probability p(s<sub>i</sub> = 1 | s<sub>-i</sub>) =
     * sigmoid(&sum;<sub>j</sub> W<sub>ij</sub> s<sub>j</sub> + b<sub>i</sub>), the update rule of a
     * Gibbs sampler.
     *
     * @param s The state; its entry s<sub>i</sub> is ignored. Length n, binary. Not modified.
     * @param i The unit, 0 &le; i &lt; n.
     * @return The probability that unit i is on given all the others.
     * @throws IllegalArgumentException If s is invalid or i is out of range.
     */
    public double conditionalOn(int[] s, int i) {
        return BoltzmannOps.sigmoid(netInput(s, i));
    }

    /**
     * Returns one weight.
     *
     * @param i The first unit.
     * @param j The second unit.
     * @return W<sub>ij</sub> = W<sub>ji</sub> (0 when i = j).
     * @throws IllegalArgumentException If i or j is out of range.
     */
    public double weight(int i, int j) {
        checkUnit(i, "i");
        checkUnit(j, "j");
        return w[i][j];
    }

    /**
     * Returns one bias.
     *
     * @param i The unit.
     * @return b<sub>i</sub>.
     * @throws IllegalArgumentException If i is out of range.
     */
    public double bias(int i) {
        checkUnit(i, "i");
        return b[i];
    }

    /**
     * Returns the weight matrix.
     *
     * @return A new n &times; n symmetric array with zero diagonal.
     */
    public double[][] weights() {
        double[][] copy = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            copy[i] = w[i].clone();
        }
        return copy;
    }

    /**
     * Returns the biases.
     *
     * @return A new array of length n.
     */
    public double[] biases() {
        return b.clone();
    }

    /**
     * Enumerates all 2<sup>n</sup> states with their energies.
     *
     * @return The system {0,1}<sup>n</sup> in binary-counting order with E(s) from
     *     {@link #energy(int[])}.
     * @throws IllegalArgumentException If n &gt; {@link #MAX_EXACT_UNITS}.
     */
    public EnumerableSystem<int[]> enumerate() {
        checkExact();
        return EnumerableSystem.binary(size(), this::energyUnchecked);
    }

    /**
     * Returns the exact Boltzmann distribution at T = 1 (computed on first use, then kept).
     *
     * @return The distribution over the 2<sup>n</sup> states in binary-counting order.
     * @throws IllegalArgumentException If n &gt; {@link #MAX_EXACT_UNITS}.
     */
    public BoltzmannDistribution exactBoltzmann() {
        BoltzmannDistribution d = exact;
        if (d == null) {
            d = enumerate().at(1.0);
            exact = d;
        }
        return d;
    }

    /**
     * Computes log Z = log &sum;<sub>s</sub> exp(-E(s)) exactly, by enumeration and log-sum-exp.
     *
     * @return log Z.
     * @throws IllegalArgumentException If n &gt; {@link #MAX_EXACT_UNITS}.
     */
    public double logPartitionFunction() {
        return exactBoltzmann().logPartitionFunction();
    }

    /**
     * Computes the exact probabilities p(s) = exp(-E(s))/Z of all states.
     *
     * @return A new array of length 2<sup>n</sup>, entry i for the state with binary-counting index
     *     i (see {@link BoltzmannOps#index}); sums to 1.
     * @throws IllegalArgumentException If n &gt; {@link #MAX_EXACT_UNITS}.
     */
    public double[] exactDistribution() {
        return exactBoltzmann().probabilities();
    }

    /**
     * Computes the exact mean log-likelihood (1/N) &sum;<sub>d</sub> log p(s<sup>(d)</sup>) =
     * -(1/N) &sum;<sub>d</sub> E(s<sup>(d)</sup>) - log Z, in nats per data vector.
     *
     * @param data The data vectors, each of length n and binary; non-empty. Not modified.
     * @return The mean log-likelihood (&le; 0).
     * @throws IllegalArgumentException If the data are invalid or n &gt; {@link #MAX_EXACT_UNITS}.
     */
    public double logLikelihood(List<int[]> data) {
        BoltzmannOps.checkData(data, size());
        double sum = 0.0;
        for (int[] s : data) {
            sum -= energyUnchecked(s);
        }
        return sum / data.size() - logPartitionFunction();
    }

    /**
     * Computes the exact model moments &lt;s<sub>i</sub>&gt; = &sum;<sub>s</sub> p(s) s<sub>i</sub>
     * and &lt;s<sub>i</sub> s<sub>j</sub>&gt; = &sum;<sub>s</sub> p(s) s<sub>i</sub> s<sub>j</sub>
     * by enumeration.
     *
     * @return The moments; the diagonal of the correlation is the mean (s<sub>i</sub><sup>2</sup> =
     *     s<sub>i</sub>).
     * @throws IllegalArgumentException If n &gt; {@link #MAX_EXACT_UNITS}.
     */
    public Moments exactMoments() {
        double[] p = exactBoltzmann().probabilities();
        int n = size();
        double[] mean = new double[n];
        double[][] corr = new double[n][n];
        int[] on = new int[n];
        for (int idx = 0; idx < p.length; idx++) {
            double pi = p[idx];
            if (pi == 0.0) {
                continue;
            }
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (((idx >> i) & 1) == 1) {
                    on[k++] = i;
                }
            }
            for (int a = 0; a < k; a++) {
                int i = on[a];
                mean[i] += pi;
                double[] row = corr[i];
                for (int c = a + 1; c < k; c++) {
                    row[on[c]] += pi;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            corr[i][i] = mean[i];
            for (int j = i + 1; j < n; j++) {
                corr[j][i] = corr[i][j];
            }
        }
        return new Moments(mean, corr);
    }

    /**
     * Summarises the machine.
     *
     * @return A one-line description with the size and the largest parameter magnitudes.
     */
    @Override
    public String toString() {
        double wMax = 0.0;
        double bMax = 0.0;
        for (int i = 0; i < b.length; i++) {
            bMax = Math.max(bMax, Math.abs(b[i]));
            for (int j = 0; j < b.length; j++) {
                wMax = Math.max(wMax, Math.abs(w[i][j]));
            }
        }
        return String.format(Locale.ROOT, "BoltzmannMachine[n=%d, max|W|=%.4g, max|b|=%.4g]",
                b.length, wMax, bMax);
    }

    private void checkUnit(int i, String name) {
        if (i < 0 || i >= b.length) {
            throw new IllegalArgumentException(
                    name + " must be in [0, " + b.length + "), found " + i);
        }
    }

    private void checkExact() {
        if (size() > MAX_EXACT_UNITS) {
            throw new IllegalArgumentException("exact enumeration needs n <= " + MAX_EXACT_UNITS
                    + ", found n = " + size());
        }
    }

    private static void checkUnits(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, found " + n);
        }
    }
}
