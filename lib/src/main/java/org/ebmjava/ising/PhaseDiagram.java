package org.ebmjava.ising;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Temperature scans of the Ising model for several lattice sizes, and their finite-size analysis:
 * where the Binder cumulants of two sizes cross, and where a response function peaks.
 *
 * <p>The scan table has one row per (L, T), grouped by L in the order given and sorted by rising
 * T within each L, with the columns {@value #L}, {@value #T}, {@value #ENERGY}, {@value #ABS_M},
 * {@value #SPECIFIC_HEAT}, {@value #SUSCEPTIBILITY}, {@value #BINDER}, {@value #ENERGY_SE} and
 * {@value #ABS_M_SE} (the fields of {@link IsingObservables}).
 *
 * <pre>
 * Reference: K. Binder, "Finite size scaling analysis of Ising model block distribution
 * functions", Z. Phys. B 43, 119, 1981.
 * </pre>
 */
public final class PhaseDiagram {

    /** Column: linear size L (int). */
    public static final String L = "L";
    /** Column: temperature T. */
    public static final String T = "T";
    /** Column: mean energy per spin &lt;e&gt;. */
    public static final String ENERGY = "energy";
    /** Column: mean absolute magnetisation per spin &lt;|m|&gt;. */
    public static final String ABS_M = "|m|";
    /** Column: specific heat per spin. */
    public static final String SPECIFIC_HEAT = "specific heat";
    /** Column: susceptibility per spin. */
    public static final String SUSCEPTIBILITY = "susceptibility";
    /** Column: Binder cumulant U4. */
    public static final String BINDER = "binder";
    /** Column: standard error of the energy per spin. */
    public static final String ENERGY_SE = "energy se";
    /** Column: standard error of |m|. */
    public static final String ABS_M_SE = "|m| se";

    /** Lattices at least this large are swept on all available processors by default; smaller ones on one. */
    public static final int PARALLEL_MIN_SIZE = 128;

    private PhaseDiagram() {}

    /**
     * Scans temperatures for each lattice size by annealing from high to low T.
     *
     * <p>For each L: start from a random state, then for each temperature in falling order run
     * {@code equilibrationSweeps} sweeps and record e and m after each of {@code measurementSweeps}
     * sweeps ({@link IsingObservables#measure} with thin = 1), carrying the state over to the next,
     * lower temperature. The random start for L uses seed mix(seed, L), and one
     * {@link IsingSampler} with that seed runs the whole anneal; results do not depend on the
     * number of threads (L &ge; {@value #PARALLEL_MIN_SIZE} uses all processors, smaller L one).
     * Field h = 0.
     *
     * @param sizes Lattice sizes, each even and &ge; 4, no repeats. Not modified.
     * @param temperatures Temperatures, each finite and &gt; 0, no repeats, any order. Not modified.
     * @param equilibrationSweeps Sweeps discarded at each temperature. Must be &ge; 0.
     * @param measurementSweeps Sweeps recorded at each temperature. Must be &ge; 1.
     * @param rule The update rule. Must not be null.
     * @param seed The seed.
     * @return A table with sizes.length &times; temperatures.length rows.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static Table scan(int[] sizes, double[] temperatures, int equilibrationSweeps, int measurementSweeps,
            UpdateRule rule, long seed) {
        return scan(sizes, temperatures, equilibrationSweeps, measurementSweeps, rule, seed, -1);
    }

    /**
     * As {@link #scan(int[], double[], int, int, UpdateRule, long)}, with a chosen number of threads.
     * The table is the same for every thread count; only the run time differs. On a machine whose
     * cores are busy with other work, 1 thread is often fastest.
     *
     * @param sizes Lattice sizes, each even and &ge; 4, no repeats. Not modified.
     * @param temperatures Temperatures, each finite and &gt; 0, no repeats, any order. Not modified.
     * @param equilibrationSweeps Sweeps discarded at each temperature. Must be &ge; 0.
     * @param measurementSweeps Sweeps recorded at each temperature. Must be &ge; 1.
     * @param rule The update rule. Must not be null.
     * @param seed The seed.
     * @param threads Threads per sampler: &ge; 1, 0 for all available processors, or -1 for the
     *     default (all processors for L &ge; {@value #PARALLEL_MIN_SIZE}, else 1).
     * @return A table with sizes.length &times; temperatures.length rows.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static Table scan(int[] sizes, double[] temperatures, int equilibrationSweeps, int measurementSweeps,
            UpdateRule rule, long seed, int threads) {
        if (threads < -1) {
            throw new IllegalArgumentException("threads must be >= -1 (-1 = default, 0 = all processors), found "
                    + threads);
        }
        if (sizes == null || sizes.length == 0) {
            throw new IllegalArgumentException("sizes must be non-empty, found "
                    + (sizes == null ? "null" : "length 0"));
        }
        if (temperatures == null || temperatures.length == 0) {
            throw new IllegalArgumentException("temperatures must be non-empty, found "
                    + (temperatures == null ? "null" : "length 0"));
        }
        if (Arrays.stream(sizes).distinct().count() != sizes.length) {
            throw new IllegalArgumentException("sizes must not repeat, found " + Arrays.toString(sizes));
        }
        double[] ts = temperatures.clone();
        Arrays.sort(ts);
        for (int i = 0; i < ts.length; i++) {
            if (!(ts[i] > 0.0) || Double.isInfinite(ts[i])) {
                throw new IllegalArgumentException("temperatures must be finite and > 0, found " + ts[i]);
            }
            if (i > 0 && ts[i] == ts[i - 1]) {
                throw new IllegalArgumentException("temperatures must not repeat, found " + ts[i] + " twice");
            }
        }
        if (equilibrationSweeps < 0) {
            throw new IllegalArgumentException("equilibrationSweeps must be >= 0, found " + equilibrationSweeps);
        }
        if (measurementSweeps < 1) {
            throw new IllegalArgumentException("measurementSweeps must be >= 1, found " + measurementSweeps);
        }
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
        for (int size : sizes) {
            if (size < 4 || size % 2 != 0) {
                throw new IllegalArgumentException("sizes must be even and >= 4, found " + size);
            }
        }
        IntColumn cl = IntColumn.create(L);
        DoubleColumn[] cols = {DoubleColumn.create(T), DoubleColumn.create(ENERGY), DoubleColumn.create(ABS_M),
            DoubleColumn.create(SPECIFIC_HEAT), DoubleColumn.create(SUSCEPTIBILITY), DoubleColumn.create(BINDER),
            DoubleColumn.create(ENERGY_SE), DoubleColumn.create(ABS_M_SE)};
        for (int size : sizes) {
            long sizeSeed = CounterRandom.mix64(seed ^ CounterRandom.mix64(size));
            IsingModel model = IsingModel.random(size, sizeSeed);
            IsingObservables[] obs = new IsingObservables[ts.length];
            int t = threads >= 0 ? threads : size >= PARALLEL_MIN_SIZE ? 0 : 1;
            try (IsingSampler sampler = new IsingSampler(model, ts[ts.length - 1], rule, sizeSeed, t)) {
                for (int i = ts.length - 1; i >= 0; i--) {
                    sampler.setTemperature(ts[i]);
                    obs[i] = IsingObservables.measure(sampler, equilibrationSweeps, measurementSweeps, 1);
                }
            }
            for (IsingObservables o : obs) {
                cl.append(size);
                cols[0].append(o.temperature());
                cols[1].append(o.energyPerSpin());
                cols[2].append(o.absMagnetisation());
                cols[3].append(o.specificHeat());
                cols[4].append(o.susceptibility());
                cols[5].append(o.binderCumulant());
                cols[6].append(o.energyStdError());
                cols[7].append(o.magnetisationStdError());
            }
        }
        Table table = Table.create("Ising scan (" + rule + ")", cl);
        table.addColumns(cols);
        return table;
    }

    /**
     * Returns the temperature at which the Binder cumulants of two sizes cross.
     *
     * <p>With d(T) = U4<sub>small</sub>(T) - U4<sub>large</sub>(T) on the common temperature grid
     * (sorted by T): in the ordered phase the larger lattice is closer to 2/3 (d &lt; 0), in the
     * disordered phase closer to 0 (d &gt; 0). The crossing is sought between neighbouring grid
     * points T<sub>k</sub> &lt; T<sub>k+1</sub> with d<sub>k</sub> &le; 0 &le; d<sub>k+1</sub> (not
     * both 0) and found by linear interpolation, T<sub>k</sub> + (T<sub>k+1</sub> - T<sub>k</sub>)
     * d<sub>k</sub> / (d<sub>k</sub> - d<sub>k+1</sub>). If statistical noise gives several such
     * brackets, the one with the largest score (d<sub>k+1</sub> - d<sub>k</sub>) &middot; max(0, u) wins,
     * where u is the mean of the four cumulants at the bracket's ends. The real crossing is both steep
     * and high (U4 &asymp; 0.61 at the critical point of the 2D Ising model); noise crossings in the
     * ordered phase are flat (both curves near 2/3), and noise crossings deep in the disordered phase sit
     * near U4 = 0. Rows with a NaN cumulant are skipped.
     *
     * @param scan A table with the columns {@value #L}, {@value #T} and {@value #BINDER}, as made
     *     by {@link #scan}. Not modified.
     * @param smallL The smaller size.
     * @param largeL The larger size. Must differ from smallL.
     * @return The crossing temperature; NaN if the two curves do not cross in this direction on
     *     the grid (e.g. the grid lies entirely on one side of T<sub>c</sub>).
     * @throws IllegalArgumentException If a column is missing, a size has no rows, the sizes are
     *     equal or their temperature grids differ.
     */
    public static double binderCrossing(Table scan, int smallL, int largeL) {
        if (smallL == largeL) {
            throw new IllegalArgumentException("smallL and largeL must differ, found " + smallL + " twice");
        }
        double[][] small = curve(scan, smallL, BINDER);
        double[][] large = curve(scan, largeL, BINDER);
        if (!Arrays.equals(small[0], large[0])) {
            throw new IllegalArgumentException("sizes " + smallL + " and " + largeL
                    + " must share a temperature grid, found " + Arrays.toString(small[0]) + " and "
                    + Arrays.toString(large[0]));
        }
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < small[0].length; k++) {
            double d = small[1][k] - large[1][k];
            if (!Double.isNaN(d)) {
                points.add(new double[] {small[0][k], d, small[1][k] + large[1][k]});
            }
        }
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k + 1 < points.size(); k++) {
            double t0 = points.get(k)[0];
            double d0 = points.get(k)[1];
            double t1 = points.get(k + 1)[0];
            double d1 = points.get(k + 1)[1];
            double level = 0.25 * (points.get(k)[2] + points.get(k + 1)[2]);
            double score = (d1 - d0) * Math.max(0.0, level);
            if (d0 <= 0.0 && d1 >= 0.0 && d1 > d0 && score > bestScore) {
                bestScore = score;
                best = t0 + (t1 - t0) * d0 / (d0 - d1);
            }
        }
        return best;
    }

    /**
     * Returns the grid temperature at which a column is largest for one lattice size.
     *
     * <p>No interpolation: the result is one of the scanned temperatures (the lowest one on ties).
     * Rows with NaN are skipped.
     *
     * @param scan A table with the columns {@value #L}, {@value #T} and the named column. Not
     *     modified.
     * @param L The lattice size.
     * @param column A numeric column, e.g. {@value #SPECIFIC_HEAT} or {@value #SUSCEPTIBILITY}.
     * @return The temperature of the maximum; NaN if every value is NaN.
     * @throws IllegalArgumentException If a column is missing or L has no rows.
     */
    public static double peakTemperature(Table scan, int L, String column) {
        double[][] c = curve(scan, L, column);
        double best = Double.NaN;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c[0].length; k++) {
            if (c[1][k] > max) {
                max = c[1][k];
                best = c[0][k];
            }
        }
        return best;
    }

    /** Returns {T sorted ascending, column values} for the rows with the given L. */
    private static double[][] curve(Table scan, int size, String column) {
        if (scan == null) {
            throw new IllegalArgumentException("scan must not be null");
        }
        requireColumn(scan, L);
        requireColumn(scan, T);
        requireColumn(scan, column);
        List<double[]> rows = new ArrayList<>();
        Column<?> cl = scan.column(L);
        Column<?> ct = scan.column(T);
        Column<?> cv = scan.column(column);
        for (int r = 0; r < scan.rowCount(); r++) {
            if (((Number) cl.get(r)).intValue() == size) {
                rows.add(new double[] {((Number) ct.get(r)).doubleValue(), ((Number) cv.get(r)).doubleValue()});
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("scan must have rows with L = " + size + ", found none");
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        double[][] out = new double[2][rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            out[0][k] = rows.get(k)[0];
            out[1][k] = rows.get(k)[1];
        }
        return out;
    }

    private static void requireColumn(Table scan, String name) {
        if (name == null || !scan.containsColumn(name)) {
            throw new IllegalArgumentException("scan must have a column '" + name + "', found columns "
                    + scan.columnNames());
        }
        Column<?> c = scan.column(name);
        if (c.size() > 0 && !(c.get(0) instanceof Number)) {
            throw new IllegalArgumentException("column '" + name + "' must be numeric, found " + c.type());
        }
    }
}
