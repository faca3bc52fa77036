package org.ebmjava.ising;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The two-dimensional Ising model on an L &times; L torus: spins s<sub>i</sub> = &plusmn;1 with
 * coupling J = 1 and an external field h.
 *
 * <p>Energy (k<sub>B</sub> = 1, so energies and temperatures are dimensionless):
 * <pre>
 *   E(s) = -J &sum;_{&lt;ij&gt;} s_i s_j - h &sum;_i s_i
 * </pre>
 * where &lt;ij&gt; runs over each nearest-neighbour bond once: the 2N bonds from every site to
 * its right and lower neighbour, with periodic boundaries (N = L<sup>2</sup>). Methods return E
 * (lower is more probable, p &prop; exp(-E/T)), never -E. The ground state at h = 0 has
 * E/N = -2.
 *
 * <p>Spins are stored row-major in a {@code byte[]}: site (row, col) has index row &middot; L + col.
 * L must be even so that the lattice splits into two checkerboard sublattices (sites with
 * row + col even and odd) whose sites have all their neighbours in the other sublattice, and at
 * least 4: on the 2 &times; 2 torus the left and right (and upper and lower) neighbours are the same
 * spin, and checkerboard Metropolis sweeps there are not ergodic (a spin whose neighbours sum to 0
 * flips with probability 1, so some pairs stay locked together; a run gives &lt;e&gt; = -1.71
 * instead of the exact -1.60 at T = 2.5). This class is not thread-safe; a running
 * {@link IsingSampler} writes into it.
 *
 * <pre>
 * Reference: E. Ising, "Beitrag zur Theorie des Ferromagnetismus", Z. Phys. 31, 1925.
 * </pre>
 */
public final class IsingModel {

    /** The coupling constant J, fixed at 1 (ferromagnetic). */
    public static final double COUPLING = 1.0;

    private final int size;
    private final double field;
    private final byte[] spins;

    /**
     * Creates an L &times; L model in the field h with all spins +1.
     *
     * @param L The linear size. Must be even and in [4, 46340] (so that L<sup>2</sup> fits in an
     *     int).
     * @param h The external field h. Must be finite; positive favours s = +1.
     * @throws IllegalArgumentException If L or h is invalid.
     */
    public IsingModel(int L, double h) {
        if (L < 4 || L % 2 != 0 || L > 46340) {
            throw new IllegalArgumentException("L must be even and in [4, 46340], found " + L);
        }
        if (!Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be finite, found " + h);
        }
        this.size = L;
        this.field = h;
        this.spins = new byte[L * L];
        Arrays.fill(spins, (byte) 1);
    }

    /**
     * Creates an L &times; L model without field (h = 0) with all spins +1.
     *
     * @param L The linear size. Must be even and &ge; 4.
     * @throws IllegalArgumentException If L is invalid.
     */
    public IsingModel(int L) {
        this(L, 0.0);
    }

    /**
     * Creates the ordered (ground) state: all spins +1, h = 0.
     *
     * @param L The linear size. Must be even and &ge; 4.
     * @return A new model with E/N = -2 and m = 1.
     * @throws IllegalArgumentException If L is invalid.
     */
    public static IsingModel ordered(int L) {
        return new IsingModel(L, 0.0);
    }

    /**
     * Creates a random (infinite-temperature) state: each spin +1 or -1 with probability 1/2,
     * independently, h = 0.
     *
     * @param L The linear size. Must be even and &ge; 4.
     * @param seed The seed of a {@link SplittableRandom} that draws the spins in row-major order.
     * @return A new model.
     * @throws IllegalArgumentException If L is invalid.
     */
    public static IsingModel random(int L, long seed) {
        IsingModel m = new IsingModel(L, 0.0);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < m.spins.length; i++) {
            m.spins[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        return m;
    }

    /**
     * Returns the linear size L.
     *
     * @return L.
     */
    public int size() {
        return size;
    }

    /**
     * Returns the number of spins N = L<sup>2</sup>.
     *
     * @return N.
     */
    public int spinCount() {
        return spins.length;
    }

    /**
     * Returns the external field h.
     *
     * @return h.
     */
    public double field() {
        return field;
    }

    /**
     * Returns the spin at (row, col).
     *
     * @param row The row, in [0, L).
     * @param col The column, in [0, L).
     * @return +1 or -1.
     * @throws IllegalArgumentException If row or col is out of range.
     */
    public int spin(int row, int col) {
        checkIndex(row, "row");
        checkIndex(col, "col");
        return spins[row * size + col];
    }

    /**
     * Returns a copy of the spins in row-major order.
     *
     * @return A new array of N values &plusmn;1; index row &middot; L + col.
     */
    public byte[] spins() {
        return spins.clone();
    }

    /**
     * Returns a copy of the spins as a grid, for plotting.
     *
     * @return A new L &times; L array, grid[row][col] = &plusmn;1.
     */
    public int[][] spinsGrid() {
        int[][] g = new int[size][size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                g[r][c] = spins[r * size + c];
            }
        }
        return g;
    }

    /**
     * Replaces all spins.
     *
     * @param values N values, each +1 or -1, in row-major order. Not modified.
     * @throws IllegalArgumentException If values is null, has the wrong length or holds a value
     *     other than &plusmn;1.
     */
    public void setSpins(byte[] values) {
        if (values == null || values.length != spins.length) {
            throw new IllegalArgumentException("values must have length L*L = " + spins.length
                    + ", found " + (values == null ? "null" : values.length));
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 1 && values[i] != -1) {
                throw new IllegalArgumentException("values[" + i + "] must be +1 or -1, found " + values[i]);
            }
        }
        System.arraycopy(values, 0, spins, 0, spins.length);
    }

    /**
     * Replaces all spins from a grid.
     *
     * @param grid An L &times; L array, grid[row][col] = +1 or -1. Not modified.
     * @throws IllegalArgumentException If grid is null, not L &times; L or holds a value other than
     *     &plusmn;1.
     */
    public void setSpins(int[][] grid) {
        if (grid == null || grid.length != size) {
            throw new IllegalArgumentException("grid must have " + size + " rows, found "
                    + (grid == null ? "null" : grid.length));
        }
        byte[] v = new byte[spins.length];
        for (int r = 0; r < size; r++) {
            if (grid[r] == null || grid[r].length != size) {
                throw new IllegalArgumentException("grid[" + r + "] must have " + size + " columns, found "
                        + (grid[r] == null ? "null" : grid[r].length));
            }
            for (int c = 0; c < size; c++) {
                int s = grid[r][c];
                if (s != 1 && s != -1) {
                    throw new IllegalArgumentException("grid[" + r + "][" + c + "] must be +1 or -1, found " + s);
                }
                v[r * size + c] = (byte) s;
            }
        }
        System.arraycopy(v, 0, spins, 0, spins.length);
    }

    /**
     * Sets one spin.
     *
     * @param row The row, in [0, L).
     * @param col The column, in [0, L).
     * @param value +1 or -1.
     * @throws IllegalArgumentException If an index is out of range or value is not &plusmn;1.
     */
    public void setSpin(int row, int col, int value) {
        checkIndex(row, "row");
        checkIndex(col, "col");
        if (value != 1 && value != -1) {
            throw new IllegalArgumentException("value must be +1 or -1, found " + value);
        }
        spins[row * size + col] = (byte) value;
    }

    /**
     * Returns the total energy E = -J &sum;<sub>&lt;ij&gt;</sub> s<sub>i</sub> s<sub>j</sub>
     * - h &sum;<sub>i</sub> s<sub>i</sub>, computed from scratch in O(N).
     *
     * @return E (not -E), in units of J.
     */
    public double energy() {
        return -COUPLING * bondSum() - field * magnetisationSum();
    }

    /**
     * Returns the energy per spin e = E / N.
     *
     * @return e, in [-2 - |h|, 2 + |h|].
     */
    public double energyPerSpin() {
        return energy() / spins.length;
    }

    /**
     * Returns the signed magnetisation per spin m = (1/N) &sum;<sub>i</sub> s<sub>i</sub>.
     *
     * @return m, in [-1, 1].
     */
    public double magnetisationPerSpin() {
        return (double) magnetisationSum() / spins.length;
    }

    /**
     * Returns a copy with the same size, field and spins.
     *
     * @return A new, independent model.
     */
    public IsingModel copy() {
        IsingModel m = new IsingModel(size, field);
        System.arraycopy(spins, 0, m.spins, 0, spins.length);
        return m;
    }

    @Override
    public String toString() {
        return "IsingModel[L=" + size + ", h=" + field + ", e=" + energyPerSpin()
                + ", m=" + magnetisationPerSpin() + "]";
    }

    /** Returns the live spin array (row-major); for the sampler only. */
    byte[] rawSpins() {
        return spins;
    }

    /** Returns &sum;<sub>&lt;ij&gt;</sub> s<sub>i</sub> s<sub>j</sub> over right and lower bonds. */
    long bondSum() {
        final byte[] s = spins;
        final int L = size;
        long sum = 0;
        for (int r = 0; r < L; r++) {
            int row = r * L;
            int down = (r == L - 1 ? 0 : r + 1) * L;
            for (int c = 0; c < L; c++) {
                int right = c == L - 1 ? 0 : c + 1;
                sum += s[row + c] * (s[row + right] + s[down + c]);
            }
        }
        return sum;
    }

    /** Returns &sum;<sub>i</sub> s<sub>i</sub>. */
    long magnetisationSum() {
        long sum = 0;
        for (byte v : spins) {
            sum += v;
        }
        return sum;
    }

    private void checkIndex(int i, String name) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException(name + " must be in [0, " + size + "), found " + i);
        }
    }
}
