package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AxisTicksTest {
    private static final double EXACT = 1e-12;

    @Test
    void stepIsOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, AxisTicks.step(0, 1, 5), EXACT);
        assertEquals(0.5, AxisTicks.step(-2, 2, 8), EXACT);
        assertEquals(1.0, AxisTicks.step(-2, 3, 5), EXACT);
        assertEquals(50.0, AxisTicks.step(0, 300, 6), EXACT);
    }

    @Test
    void ticksCoverTheRangeOnMultiplesOfTheStep() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, AxisTicks.ticks(0, 1, 5), EXACT);
        assertArrayEquals(new double[] {-1, 0, 1, 2}, AxisTicks.ticks(-1.5, 2.5, 4), EXACT);
        assertEquals(0, AxisTicks.ticks(1, 1, 5).length);
        assertEquals(0, AxisTicks.ticks(0, Double.NaN, 5).length);
    }

    @Test
    void labelsUseTheDecimalsTheStepNeeds() {
        assertArrayEquals(new String[] {"0.0", "0.5", "1.0"}, AxisTicks.labels(new double[] {0, 0.5, 1.0}));
        assertArrayEquals(new String[] {"-2", "0", "2"}, AxisTicks.labels(new double[] {-2, 0, 2}));
        assertEquals("2.00e+06", AxisTicks.format(2e6, 1e6));
    }
}
