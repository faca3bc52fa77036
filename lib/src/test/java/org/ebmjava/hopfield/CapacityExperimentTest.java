package org.ebmjava.hopfield;

import static org.ebmjava.hopfield.HopfieldNetworkTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ebmjava.hopfield.CapacityExperiment.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class CapacityExperimentTest {

    private static final int N = 200;
    private static final int SEEDS = 5;
    private static final long SEED = 42L;
    private static final double[] LOADS = {0.05, 0.2, 0.25};

    /**
     * Hebbian recall collapses near alpha_c = 0.138 (Amit, Gutfreund and Sompolinsky 1985). Observed
     * with these settings: 1.0 at 0.05, 0.29 to 0.41 at 0.2 and 0.01 to 0.08 at 0.25 (flip 0 and
     * 0.05); Storkey recalls 1.0 at 0.2.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.05})
    void hebbianRecallCollapsesBetweenLowAndHighLoad(double flip) {
        Table t = CapacityExperiment.run(N, LOADS, SEEDS, SEED, Rule.HEBBIAN, flip);
        double low = t.doubleColumn("recall rate").get(0);
        double high = t.doubleColumn("recall rate").get(2);
        assertTrue(low > 0.9, "alpha 0.05: " + low);
        assertTrue(high < 0.5, "alpha 0.25: " + high);
        assertTrue(t.doubleColumn("mean final overlap").get(0) > 0.99);
        assertTrue(t.doubleColumn("mean final overlap").get(2) < 0.9);
    }

    @Test
    void storkeyBeatsHebbAtLoadPointTwo() {
        Table hebb = CapacityExperiment.run(N, LOADS, SEEDS, SEED, Rule.HEBBIAN, 0.05);
        Table storkey = CapacityExperiment.run(N, LOADS, SEEDS, SEED, Rule.STORKEY, 0.05);
        double h = hebb.doubleColumn("recall rate").get(1);
        double s = storkey.doubleColumn("recall rate").get(1);
        assertTrue(s > 0.9, "Storkey at 0.2: " + s);
        assertTrue(s > h + 0.3, "Storkey " + s + " vs Hebb " + h);
    }

    @Test
    void tableIsWellFormedAndDeterministic() {
        double[] loads = {0.001, 0.1, 0.138};
        Table a = CapacityExperiment.run(50, loads, 3, SEED, Rule.HEBBIAN, 0.1);
        Table b = CapacityExperiment.run(50, loads, 3, SEED, Rule.HEBBIAN, 0.1);
        assertEquals(List.of("rule", "load", "patterns", "recall rate", "recall rate sd",
                "mean final overlap"), a.columnNames());
        assertEquals(List.of(ColumnType.STRING, ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.DOUBLE,
                ColumnType.DOUBLE, ColumnType.DOUBLE), List.of(a.typeArray()));
        assertEquals(a.print(), b.print());
        int[] expectedP = {1, 5, 7};
        for (int r = 0; r < 3; r++) {
            assertEquals("HEBBIAN", a.stringColumn("rule").get(r));
            assertEquals(expectedP[r], a.intColumn("patterns").get(r));
            assertEquals(expectedP[r] / 50.0, a.doubleColumn("load").get(r), 0.0);
            double rate = a.doubleColumn("recall rate").get(r);
            assertTrue(rate >= 0.0 && rate <= 1.0);
            assertTrue(a.doubleColumn("recall rate sd").get(r) >= 0.0);
            double m = a.doubleColumn("mean final overlap").get(r);
            assertTrue(m >= -1.0 && m <= 1.0);
        }
    }

    @Test
    void rowsDoNotDependOnTheOrderOfLoads() {
        Table up = CapacityExperiment.run(60, new double[] {0.1, 0.2, 0.3}, 2, SEED, Rule.STORKEY, 0.1);
        Table down = CapacityExperiment.run(60, new double[] {0.3, 0.2, 0.1}, 2, SEED, Rule.STORKEY, 0.1);
        for (int r = 0; r < 3; r++) {
            for (String c : List.of("recall rate", "recall rate sd", "mean final overlap")) {
                assertEquals(up.doubleColumn(c).get(r), down.doubleColumn(c).get(2 - r), 0.0, c);
            }
        }
    }

    @Test
    void oneSeedHasZeroSpreadAndRatesCountWholeCues() {
        Table t = CapacityExperiment.run(100, new double[] {0.05, 0.3}, 1, 7L, Rule.HEBBIAN, 0.0);
        for (int r = 0; r < 2; r++) {
            assertEquals(0.0, t.doubleColumn("recall rate sd").get(r), 0.0);
            int cues = Math.min(t.intColumn("patterns").get(r), CapacityExperiment.MAX_CUES_PER_SEED);
            double hits = t.doubleColumn("recall rate").get(r) * cues;
            assertEquals(Math.rint(hits), hits, 1e-9, "a whole number of successful cues");
        }
    }

    @Test
    void differentSeedsGiveDifferentPatterns() {
        double[] loads = {0.2};
        Table a = CapacityExperiment.run(N, loads, 2, 1L, Rule.HEBBIAN, 0.05);
        Table b = CapacityExperiment.run(N, loads, 2, 2L, Rule.HEBBIAN, 0.05);
        assertTrue(a.doubleColumn("mean final overlap").get(0) != b.doubleColumn("mean final overlap").get(0));
    }

    @Test
    void rejectsInvalidArguments() {
        double[] loads = {0.1};
        assertMessage(() -> CapacityExperiment.run(1, loads, 1, SEED, Rule.HEBBIAN, 0.0), "n must be >= 2", "1");
        assertMessage(() -> CapacityExperiment.run(50, new double[0], 1, SEED, Rule.HEBBIAN, 0.0), "loads", "length 0");
        assertMessage(() -> CapacityExperiment.run(50, null, 1, SEED, Rule.HEBBIAN, 0.0), "loads", "null");
        assertMessage(() -> CapacityExperiment.run(50, new double[] {0.1, -0.2}, 1, SEED, Rule.HEBBIAN, 0.0),
                "loads[1] must be finite and > 0", "-0.2");
        assertMessage(() -> CapacityExperiment.run(50, new double[] {Double.NaN}, 1, SEED, Rule.HEBBIAN, 0.0),
                "loads[0]", "NaN");
        assertMessage(() -> CapacityExperiment.run(50, loads, 0, SEED, Rule.HEBBIAN, 0.0), "seeds must be >= 1", "0");
        assertMessage(() -> CapacityExperiment.run(50, loads, 1, SEED, null, 0.0), "rule", "null");
        assertMessage(() -> CapacityExperiment.run(50, loads, 1, SEED, Rule.STORKEY, 0.5),
                "flipFraction must be in [0, 0.5)", "0.5");
    }
}
