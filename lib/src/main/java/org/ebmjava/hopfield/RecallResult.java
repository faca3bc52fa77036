package org.ebmjava.hopfield;

import java.util.Arrays;

/**
 * The outcome of one recall run of a {@link HopfieldNetwork}: the final state and the energy path.
 *
 * <p>Energies are E(s) = -1/2 s<sup>T</sup>W s - b<sup>T</sup>s (the energy, not -E), one entry per
 * sweep (asynchronous recall) or per step (synchronous recall), with entry 0 the energy of the cue
 * itself, so {@code energyPerSweep.length == sweeps + 1}.
 *
 * @param state The final state, a fresh array of -1/+1 owned by this result.
 * @param energyPerSweep E after k sweeps (or steps) at index k, index 0 being the cue.
 * @param sweeps The number of sweeps (asynchronous) or parallel steps (synchronous) performed,
 *     including the last one that found nothing to change.
 * @param converged True when the run stopped at a fixed point: a full sweep (or a parallel step)
 *     changed no neuron, so every neuron agrees with the sign of its local field.
 * @param cycle True when synchronous recall stopped because the state came back to the one two
 *     steps earlier (a 2-cycle, which parallel updates can enter and asynchronous updates cannot);
 *     always false for asynchronous recall. A 2-cycle is not a fixed point, so {@code converged} is
 *     then false.
 */
public record RecallResult(int[] state, double[] energyPerSweep, int sweeps, boolean converged,
        boolean cycle) {

    /**
     * Creates a result with {@code cycle = false}, as asynchronous recall always reports.
     *
     * @param state The final state. Not copied.
     * @param energyPerSweep The energy after each sweep, index 0 being the cue. Not copied.
     * @param sweeps The number of sweeps performed.
     * @param converged Whether the run stopped at a fixed point.
     */
    public RecallResult(int[] state, double[] energyPerSweep, int sweeps, boolean converged) {
        this(state, energyPerSweep, sweeps, converged, false);
    }

    /**
     * Returns the energy of the final state.
     *
     * @return E(state), the last entry of {@link #energyPerSweep()}.
     */
    public double finalEnergy() {
        return energyPerSweep[energyPerSweep.length - 1];
    }

    /**
     * Summarises the run without printing the whole state.
     *
     * @return A one-line description with the sweep count, the flags and the first and last energies.
     */
    @Override
    public String toString() {
        return "RecallResult[n=" + state.length + ", sweeps=" + sweeps + ", converged=" + converged
                + ", cycle=" + cycle + ", E0=" + energyPerSweep[0] + ", E=" + finalEnergy() + "]";
    }

    /**
     * Compares results by content (arrays element by element), unlike the default record equality.
     *
     * @param o The other object.
     * @return Whether o is a RecallResult with equal arrays, counts and flags.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RecallResult r && sweeps == r.sweeps && converged == r.converged
                && cycle == r.cycle && Arrays.equals(state, r.state)
                && Arrays.equals(energyPerSweep, r.energyPerSweep);
    }

    /**
     * Hashes by content, consistent with {@link #equals(Object)}.
     *
     * @return A hash of the arrays, counts and flags.
     */
    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(state) + Arrays.hashCode(energyPerSweep))
                + Boolean.hashCode(converged) + 2 * Boolean.hashCode(cycle) + 7 * sweeps;
    }
}
