package org.ebmjava.thermo;

import java.util.AbstractList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * A finite physical system small enough to enumerate: a list of microstates, each with an energy.
 *
 * <p>Energies are evaluated once, at construction, and kept; states are either kept as given
 * ({@link #of(List, ToDoubleFunction)}) or decoded from their index on demand ({@link #binary} and
 * {@link #spins}, which never hold 2<sup>n</sup> arrays in memory). Units: k<sub>B</sub> = 1,
 * energies dimensionless; lower energy means more probable under {@link #at(double)}.
 *
 * @param <S> The type of a microstate.
 */
public final class EnumerableSystem<S> {

    /** Largest number of units accepted by {@link #binary} and {@link #spins}. */
    public static final int MAX_UNITS = 24;

    private final IntFunction<S> stateAt;
    private final double[] energies;
    private final List<S> statesView;

    private EnumerableSystem(int size, IntFunction<S> stateAt, ToDoubleFunction<S> energy) {
        this.stateAt = stateAt;
        this.energies = new double[size];
        for (int i = 0; i < size; i++) {
            S s = stateAt.apply(i);
            double e = energy.applyAsDouble(s);
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException("energy of state " + i + " (" + describe(s)
                        + ") must be finite, found " + e);
            }
            energies[i] = e;
        }
        this.statesView = new AbstractList<>() {
            @Override
            public S get(int index) {
                return state(index);
            }

            @Override
            public int size() {
                return energies.length;
            }
        };
    }

    /**
     * Creates a system from an explicit list of states and an energy function.
     *
     * @param states The microstates, in the order that defines their indices. Must be non-empty
     *     without null elements. Not modified (copied; the elements themselves are shared).
     * @param energy The energy E(s) of a state. Must return finite values.
     * @param <S> The type of a microstate.
     * @return The system.
     * @throws IllegalArgumentException If states is null, empty or contains null, energy is null, or
     *     an energy is not finite.
     */
    public static <S> EnumerableSystem<S> of(List<S> states, ToDoubleFunction<S> energy) {
        if (states == null || states.isEmpty()) {
            throw new IllegalArgumentException("states must be a non-empty list, found "
                    + (states == null ? "null" : "an empty list"));
        }
        if (energy == null) {
            throw new IllegalArgumentException("energy must not be null");
        }
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i) == null) {
                throw new IllegalArgumentException("states[" + i + "] must not be null");
            }
        }
        List<S> copy = List.copyOf(states);
        return new EnumerableSystem<>(copy.size(), copy::get, energy);
    }

    /**
     * Creates the system of all 2<sup>n</sup> binary vectors s &isin; {0,1}<sup>n</sup>.
     *
     * <p>States are in binary-counting order: unit k of state i is bit k of i, i.e.
     * s<sub>k</sub> = (i &gt;&gt; k) &amp; 1. State 0 is all zeros, state 1 has only unit 0 on.
     *
     * <p>Cost: the energy is evaluated 2<sup>n</sup> times at construction and 2<sup>n</sup>
     * doubles are kept; at n = 24 that is 16.8 million states, 134 MB per array, and a
     * {@link BoltzmannDistribution} of it holds three such arrays.
     *
     * @param n The number of units. Must be in [1, 24].
     * @param energy The energy E(s). It receives a fresh array per call and must return finite
     *     values.
     * @return The system of size 2<sup>n</sup>.
     * @throws IllegalArgumentException If n is out of range, energy is null or an energy is not
     *     finite.
     */
    public static EnumerableSystem<int[]> binary(int n, ToDoubleFunction<int[]> energy) {
        return ofUnits(n, energy, 0);
    }

    /**
     * Creates the system of all 2<sup>n</sup> spin vectors s &isin; {-1,+1}<sup>n</sup>.
     *
     * <p>Same order as {@link #binary}, with bit value 0 mapped to spin -1 and 1 to +1: state 0 is
     * all spins down.
     *
     * @param n The number of spins. Must be in [1, 24].
     * @param energy The energy E(s). It receives a fresh array per call and must return finite
     *     values.
     * @return The system of size 2<sup>n</sup>.
     * @throws IllegalArgumentException If n is out of range, energy is null or an energy is not
     *     finite.
     */
    public static EnumerableSystem<int[]> spins(int n, ToDoubleFunction<int[]> energy) {
        return ofUnits(n, energy, -1);
    }

    private static EnumerableSystem<int[]> ofUnits(int n, ToDoubleFunction<int[]> energy, int zero) {
        if (n < 1 || n > MAX_UNITS) {
            throw new IllegalArgumentException("n must be in [1, " + MAX_UNITS + "], found " + n);
        }
        if (energy == null) {
            throw new IllegalArgumentException("energy must not be null");
        }
        IntFunction<int[]> decode = i -> {
            int[] s = new int[n];
            for (int k = 0; k < n; k++) {
                s[k] = ((i >> k) & 1) == 1 ? 1 : zero;
            }
            return s;
        };
        return new EnumerableSystem<>(1 << n, decode, energy);
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
     * Returns one state. For {@link #binary} and {@link #spins} systems this is a fresh array each
     * call, so modifying it does not affect the system.
     *
     * @param i The state index, 0 &le; i &lt; size().
     * @return The state with index i.
     * @throws IllegalArgumentException If i is out of range.
     */
    public S state(int i) {
        checkIndex(i);
        return stateAt.apply(i);
    }

    /**
     * Returns all states as an unmodifiable list view; for binary and spin systems each element is
     * decoded on access.
     *
     * @return The states in index order.
     */
    public List<S> states() {
        return statesView;
    }

    /**
     * Returns the energy of one state.
     *
     * @param i The state index, 0 &le; i &lt; size().
     * @return E<sub>i</sub>.
     * @throws IllegalArgumentException If i is out of range.
     */
    public double energy(int i) {
        checkIndex(i);
        return energies[i];
    }

    /**
     * Returns all energies in index order.
     *
     * @return A copy of E<sub>0</sub>, ..., E<sub>n-1</sub>.
     */
    public double[] energies() {
        return energies.clone();
    }

    /**
     * Returns the Boltzmann distribution of this system at temperature T.
     *
     * @param temperature T. Must be finite and &gt; 0.
     * @return The distribution p<sub>i</sub> = exp(-E<sub>i</sub>/T)/Z over this system's states.
     * @throws IllegalArgumentException If T is not finite and positive.
     */
    public BoltzmannDistribution at(double temperature) {
        return new BoltzmannDistribution(energies, temperature);
    }

    /**
     * Summarises the system.
     *
     * @return A one-line description with the size and the energy range.
     */
    @Override
    public String toString() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double e : energies) {
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        return "EnumerableSystem[size=" + energies.length + ", energy in [" + lo + ", " + hi + "]]";
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= energies.length) {
            throw new IllegalArgumentException("i must be in [0, " + energies.length + "), found " + i);
        }
    }

    private static String describe(Object s) {
        return s instanceof int[] ? java.util.Arrays.toString((int[]) s) : String.valueOf(s);
    }
}
