package org.ebmjava.landscape;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The recorded path of an optimiser: the point, its energy and the temperature at every step,
 * starting point included (steps + 1 entries), plus the acceptance rate of Metropolis moves.
 *
 * <p>Entry k holds the point after k moves and T<sub>k</sub>, the temperature in force when the
 * move from point k to point k + 1 was made (for the last entry, the schedule's final temperature).
 * Immutable: every accessor returns a copy.
 */
public final class Trajectory {

    private final double[] xs;
    private final double[] ys;
    private final double[] energies;
    private final double[] temperatures;
    private final double acceptanceRate;
    private final int bestIndex;

    /**
     * Creates a trajectory from recorded arrays.
     *
     * @param xs The x coordinates. Non-empty. Not modified (copied).
     * @param ys The y coordinates, same length. Not modified (copied).
     * @param energies The energies, same length. Not modified (copied).
     * @param temperatures The temperatures, same length. Not modified (copied).
     * @param acceptanceRate The fraction of accepted proposals in [0, 1], or NaN for methods
     *     without accept/reject (gradient methods).
     * @throws IllegalArgumentException If an array is null, empty or of a different length, or the
     *     acceptance rate is outside [0, 1] and not NaN.
     */
    public Trajectory(double[] xs, double[] ys, double[] energies, double[] temperatures,
            double acceptanceRate) {
        if (xs == null || ys == null || energies == null || temperatures == null) {
            throw new IllegalArgumentException("xs, ys, energies and temperatures must not be null");
        }
        int n = xs.length;
        if (n == 0 || ys.length != n || energies.length != n || temperatures.length != n) {
            throw new IllegalArgumentException("xs, ys, energies and temperatures must be non-empty and"
                    + " of equal length, found " + n + ", " + ys.length + ", " + energies.length + ", "
                    + temperatures.length);
        }
        if (!Double.isNaN(acceptanceRate) && !(acceptanceRate >= 0.0 && acceptanceRate <= 1.0)) {
            throw new IllegalArgumentException(
                    "acceptanceRate must be in [0, 1] or NaN, found " + acceptanceRate);
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.energies = energies.clone();
        this.temperatures = temperatures.clone();
        this.acceptanceRate = acceptanceRate;
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (this.energies[k] < this.energies[best]) {
                best = k;
            }
        }
        this.bestIndex = best;
    }

    /**
     * Returns the x coordinates.
     *
     * @return A copy, length {@link #length()}.
     */
    public double[] xs() {
        return xs.clone();
    }

    /**
     * Returns the y coordinates.
     *
     * @return A copy, length {@link #length()}.
     */
    public double[] ys() {
        return ys.clone();
    }

    /**
     * Returns the energies along the path.
     *
     * @return A copy, length {@link #length()}.
     */
    public double[] energies() {
        return energies.clone();
    }

    /**
     * Returns the temperatures T<sub>k</sub> along the path.
     *
     * @return A copy, length {@link #length()}.
     */
    public double[] temperatures() {
        return temperatures.clone();
    }

    /**
     * Returns the number of recorded points.
     *
     * @return steps + 1 (the start is included).
     */
    public int length() {
        return xs.length;
    }

    /**
     * Returns the final point.
     *
     * @return A new array {x, y}.
     */
    public double[] last() {
        return new double[] {xs[xs.length - 1], ys[ys.length - 1]};
    }

    /**
     * Returns the lowest-energy point visited (the first one on ties).
     *
     * @return A new array {x, y}.
     */
    public double[] best() {
        return new double[] {xs[bestIndex], ys[bestIndex]};
    }

    /**
     * Returns the index of the lowest-energy point visited.
     *
     * @return k in [0, length()).
     */
    public int bestIndex() {
        return bestIndex;
    }

    /**
     * Returns the lowest energy visited.
     *
     * @return min<sub>k</sub> E<sub>k</sub>.
     */
    public double bestEnergy() {
        return energies[bestIndex];
    }

    /**
     * Returns the energy of the final point.
     *
     * @return E at {@link #last()}.
     */
    public double finalEnergy() {
        return energies[energies.length - 1];
    }

    /**
     * Returns the fraction of accepted Metropolis proposals.
     *
     * @return A number in [0, 1], or NaN for gradient methods that have no accept/reject step.
     */
    public double acceptanceRate() {
        return acceptanceRate;
    }

    /**
     * Returns the path as a table, e.g. for plotting or display in a notebook.
     *
     * @return A new table with columns "step" (int), "x", "y", "energy", "temperature" (double).
     */
    public Table toTable() {
        int[] steps = new int[xs.length];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = k;
        }
        return Table.create("trajectory",
                IntColumn.create("step", steps),
                DoubleColumn.create("x", xs.clone()),
                DoubleColumn.create("y", ys.clone()),
                DoubleColumn.create("energy", energies.clone()),
                DoubleColumn.create("temperature", temperatures.clone()));
    }

    /**
     * Summarises the trajectory.
     *
     * @return A one-line description with the length, best and final energies and acceptance rate.
     */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "Trajectory[length=%d, bestEnergy=%.6g, finalEnergy=%.6g, acceptanceRate=%.3f]",
                length(), bestEnergy(), finalEnergy(), acceptanceRate);
    }
}
