package org.ebmjava.ising;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class PhaseDiagramTest {

    /** Linear interpolation of straight lines is exact up to rounding. */
    private static final double TOL = 1e-12;
    /** The brief's bound on the Binder crossing of L = 8 and 16 against Onsager's Tc. */
    private static final double CROSSING_TOL = 0.1;
    /** The specific-heat maximum of L = 16 lies slightly above Tc (about 2.30 to 2.35 on this grid). */
    private static final double PEAK_TOL = 0.15;

    /** A table with U4 = a - b (T - t0) per size on a common grid, rows in the given (shuffled) order. */
    private static Table synthetic(double[] ts, int[] sizes, double[][] binder) {
        IntColumn l = IntColumn.create(PhaseDiagram.L);
        DoubleColumn t = DoubleColumn.create(PhaseDiagram.T);
        DoubleColumn u = DoubleColumn.create(PhaseDiagram.BINDER);
        DoubleColumn c = DoubleColumn.create(PhaseDiagram.SPECIFIC_HEAT);
        for (int k = ts.length - 1; k >= 0; k--) {
            for (int s = 0; s < sizes.length; s++) {
                l.append(sizes[s]);
                t.append(ts[k]);
                u.append(binder[s][k]);
                c.append(-(ts[k] - 2.3) * (ts[k] - 2.3) * sizes[s]);
            }
        }
        return Table.create("synthetic", l, t, u, c);
    }

    @Test
    void binderCrossingOfStraightLinesIsExact() {
        double[] ts = {2.0, 2.1, 2.2, 2.3, 2.4, 2.5};
        double[][] u = new double[2][ts.length];
        double cross = 2.27;
        for (int k = 0; k < ts.length; k++) {
            u[0][k] = 0.6 - 0.5 * (ts[k] - cross);
            u[1][k] = 0.6 - 1.5 * (ts[k] - cross);
        }
        Table table = synthetic(ts, new int[] {8, 16}, u);
        assertEquals(cross, PhaseDiagram.binderCrossing(table, 8, 16), TOL);
        assertTrue(Double.isNaN(PhaseDiagram.binderCrossing(table, 16, 8)),
                "swapped sizes cross in the unphysical direction only");
        assertEquals(2.3, PhaseDiagram.peakTemperature(table, 16, PhaseDiagram.SPECIFIC_HEAT), TOL);
    }

    @Test
    void binderCrossingIgnoresAFlatNoiseCrossingInTheOrderedPhaseAndIsNaNWithoutOne() {
        double[] ts = {1.0, 2.0, 3.0, 4.0, 5.0};
        // d = small - large = -0.01, +0.01, -0.3, +0.3, +0.2: noise crossing in [1, 2], real one at 3.5.
        double[][] u = {{0.65, 0.66, 0.3, 0.5, 0.3}, {0.66, 0.65, 0.6, 0.2, 0.1}};
        Table table = synthetic(ts, new int[] {4, 8}, u);
        assertEquals(3.5, PhaseDiagram.binderCrossing(table, 4, 8), TOL);
        double[][] apart = {{0.1, 0.2, 0.3, 0.4, 0.5}, {0.6, 0.6, 0.6, 0.6, 0.6}};
        assertTrue(Double.isNaN(PhaseDiagram.binderCrossing(synthetic(ts, new int[] {4, 8}, apart), 4, 8)));
    }

    @Test
    void binderCrossingIgnoresASteepNoiseCrossingDeepInTheDisorderedPhase() {
        double[] ts = {2.0, 2.2, 2.4, 3.2, 3.4};
        // Real crossing in [2.2, 2.4] at U4 ~ 0.6 (rise 0.1); noise crossing in [3.2, 3.4] near U4 ~ 0.05 with a
        // larger rise (0.2), as poor statistics at high temperature produce.
        double[][] u = {{0.64, 0.58, 0.55, -0.05, 0.15}, {0.66, 0.63, 0.50, 0.15, 0.05}};
        Table table = synthetic(ts, new int[] {16, 32}, u);
        assertEquals(2.3, PhaseDiagram.binderCrossing(table, 16, 32), TOL);
    }

    @Test
    void badTablesAreRejected() {
        double[] ts = {1.0, 2.0};
        Table table = synthetic(ts, new int[] {4, 8}, new double[][] {{0, 1}, {1, 0}});
        assertThrows(IllegalArgumentException.class, () -> PhaseDiagram.binderCrossing(table, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> PhaseDiagram.binderCrossing(table, 4, 32));
        assertThrows(IllegalArgumentException.class, () -> PhaseDiagram.peakTemperature(table, 4, "no such"));
        assertThrows(IllegalArgumentException.class, () -> PhaseDiagram.binderCrossing(null, 4, 8));
        Table shifted = synthetic(ts, new int[] {4}, new double[][] {{0, 1}});
        shifted.append(synthetic(new double[] {1.5, 2.0}, new int[] {8}, new double[][] {{1, 0}}));
        assertThrows(IllegalArgumentException.class, () -> PhaseDiagram.binderCrossing(shifted, 4, 8));
    }

    @Test
    void smallScanHasTheDocumentedShapeAndBinderCrossingNearOnsagerTc() {
        double[] ts = {2.5, 2.0, 2.1, 2.2, 2.25, 2.3, 2.35, 2.4};
        Table scan = PhaseDiagram.scan(new int[] {8, 16}, ts, 1000, 40_000, UpdateRule.HEAT_BATH, 42);
        assertEquals(List.of("L", "T", "energy", "|m|", "specific heat", "susceptibility", "binder", "energy se",
                "|m| se"), scan.columnNames());
        assertEquals(16, scan.rowCount());
        assertEquals(8, scan.intColumn("L").getInt(0));
        assertEquals(16, scan.intColumn("L").getInt(15));
        assertEquals(2.0, scan.doubleColumn("T").getDouble(0), 0.0);
        assertEquals(2.5, scan.doubleColumn("T").getDouble(7), 0.0);
        for (int r = 1; r < 8; r++) {
            assertTrue(scan.doubleColumn("energy").getDouble(r) > scan.doubleColumn("energy").getDouble(r - 1),
                    "energy rises with T");
        }
        double tc = PhaseDiagram.binderCrossing(scan, 8, 16);
        assertEquals(Onsager.CRITICAL_TEMPERATURE, tc, CROSSING_TOL);
        assertEquals(Onsager.CRITICAL_TEMPERATURE, PhaseDiagram.peakTemperature(scan, 16, PhaseDiagram.SPECIFIC_HEAT),
                PEAK_TOL);
    }

    @Test
    void scanIsReproducibleAndValidatesArguments() {
        double[] ts = {2.0, 3.0};
        Table a = PhaseDiagram.scan(new int[] {4}, ts, 10, 50, UpdateRule.METROPOLIS, 1);
        Table b = PhaseDiagram.scan(new int[] {4}, ts, 10, 50, UpdateRule.METROPOLIS, 1);
        Table c = PhaseDiagram.scan(new int[] {4}, ts, 10, 50, UpdateRule.METROPOLIS, 1, 2);
        assertEquals(a.doubleColumn("energy").asList(), b.doubleColumn("energy").asList());
        assertEquals(a.doubleColumn("binder").asList(), c.doubleColumn("binder").asList(), "threads must not matter");
        assertThrows(IllegalArgumentException.class,
                () -> PhaseDiagram.scan(new int[] {4}, ts, 10, 50, UpdateRule.METROPOLIS, 1, -2));
        assertThrows(IllegalArgumentException.class,
                () -> PhaseDiagram.scan(new int[] {5}, ts, 10, 50, UpdateRule.METROPOLIS, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PhaseDiagram.scan(new int[] {4, 4}, ts, 10, 50, UpdateRule.METROPOLIS, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PhaseDiagram.scan(new int[] {4}, new double[] {2.0, 2.0}, 10, 50, UpdateRule.METROPOLIS, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PhaseDiagram.scan(new int[] {4}, new double[] {0.0}, 10, 50, UpdateRule.METROPOLIS, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PhaseDiagram.scan(new int[] {4}, ts, -1, 50, UpdateRule.METROPOLIS, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PhaseDiagram.scan(new int[] {4}, ts, 10, 0, UpdateRule.METROPOLIS, 1));
        assertThrows(IllegalArgumentException.class, () -> PhaseDiagram.scan(new int[] {4}, ts, 10, 50, null, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PhaseDiagram.scan(new int[0], ts, 10, 50, UpdateRule.METROPOLIS, 1));
    }
}
