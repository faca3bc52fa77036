package org.ebmjava.boltzmann;

import java.util.List;

/**
 * Static helpers for binary states s &isin; {0,1}<sup>n</sup>: the logistic sigmoid, the
 * binary-counting index of a state and its inverse, and argument checks.
 *
 * <p>Index convention (the same as {@link org.ebmjava.thermo.EnumerableSystem#binary}): unit k of
 * the state with index i is bit k of i, s<sub>k</sub> = (i &gt;&gt; k) &amp; 1, so index(s) =
 * &sum;<sub>k</sub> s<sub>k</sub> 2<sup>k</sup>. State 0 is all zeros; state 1 has only unit 0 on.
 */
public final class BoltzmannOps {

    /** Largest number of units that {@link #index} and {@link #state} accept (int indices). */
    public static final int MAX_INDEXED_UNITS = 30;

    private BoltzmannOps() {}

    /**
     * Computes the logistic sigmoid 1 / (1 + exp(-x)) without overflow.
     *
     * <p>For x &lt; 0 it evaluates exp(x) / (1 + exp(x)), so exp never overflows; sigmoid(+Infinity)
     * = 1, sigmoid(-Infinity) = 0, sigmoid(NaN) = NaN.
     *
     * @param x The argument (for a Boltzmann unit: its net input, the energy gap E(s<sub>i</sub>=0)
     *     - E(s<sub>i</sub>=1)).
     * @return sigmoid(x) in [0, 1].
     */
    public static double sigmoid(double x) {
        if (x >= 0.0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * Returns the binary-counting index &sum;<sub>k</sub> s<sub>k</sub> 2<sup>k</sup> of a state.
     *
     * @param s The state, entries in {0, 1}, length in [1, 30]. Not modified.
     * @return The index in [0, 2<sup>n</sup>).
     * @throws IllegalArgumentException If s is null, empty, longer than 30 or not binary.
     */
    public static int index(int[] s) {
        if (s == null || s.length == 0 || s.length > MAX_INDEXED_UNITS) {
            throw new IllegalArgumentException("s must have length in [1, " + MAX_INDEXED_UNITS
                    + "], found " + (s == null ? "null" : "length " + s.length));
        }
        int code = 0;
        for (int k = 0; k < s.length; k++) {
            if (s[k] != 0 && s[k] != 1) {
                throw new IllegalArgumentException("s[" + k + "] must be 0 or 1, found " + s[k]);
            }
            code |= s[k] << k;
        }
        return code;
    }

    /**
     * Decodes a binary-counting index into a state: s<sub>k</sub> = (index &gt;&gt; k) &amp; 1.
     *
     * @param index The index, in [0, 2<sup>n</sup>).
     * @param n The number of units, in [1, 30].
     * @return A new state of length n.
     * @throws IllegalArgumentException If n or the index is out of range.
     */
    public static int[] state(int index, int n) {
        if (n < 1 || n > MAX_INDEXED_UNITS) {
            throw new IllegalArgumentException(
                    "n must be in [1, " + MAX_INDEXED_UNITS + "], found " + n);
        }
        if (index < 0 || index >= (1 << n)) {
            throw new IllegalArgumentException(
                    "index must be in [0, " + (1 << n) + "), found " + index);
        }
        int[] s = new int[n];
        for (int k = 0; k < n; k++) {
            s[k] = (index >> k) & 1;
        }
        return s;
    }

    /**
     * Checks that a state is a binary vector of the given length.
     *
     * @param s The state. Not modified.
     * @param n The expected length.
     * @param name The argument name used in the exception message.
     * @throws IllegalArgumentException If s is null, has another length, or an entry is not 0 or 1.
     */
    public static void checkState(int[] s, int n, String name) {
        if (s == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (s.length != n) {
            throw new IllegalArgumentException(
                    name + " must have length " + n + ", found " + s.length);
        }
        for (int k = 0; k < n; k++) {
            if (s[k] != 0 && s[k] != 1) {
                throw new IllegalArgumentException(
                        name + "[" + k + "] must be 0 or 1, found " + s[k]);
            }
        }
    }

    /**
     * Checks that a data set is a non-empty list of binary vectors of the given length.
     *
     * @param data The data vectors. Not modified.
     * @param n The expected length of each vector.
     * @throws IllegalArgumentException If data is null or empty, or a vector is null, has another
     *     length or is not binary (the message names its index).
     */
    public static void checkData(List<int[]> data, int n) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("data must be a non-empty list, found "
                    + (data == null ? "null" : "an empty list"));
        }
        for (int d = 0; d < data.size(); d++) {
            checkState(data.get(d), n, "data[" + d + "]");
        }
    }

    /** Checks that x is finite and returns it. */
    static double checkFinite(double x, String name) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be finite, found " + x);
        }
        return x;
    }
}
