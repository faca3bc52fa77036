package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColormapTest {
    /** Largest channel change allowed between samples 0.01 apart (the steepest anchor step is ~0.1 wide). */
    private static final int MAX_STEP_CHANGE = 12;

    private static double luminance(int rgb) {
        return 0.2126 * (rgb >> 16 & 0xFF) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF);
    }

    @Test
    void endpointsAreTheFirstAndLastAnchors() {
        assertEquals(0x440154, Colormap.VIRIDIS.rgb(0.0));
        assertEquals(0xFDE725, Colormap.VIRIDIS.rgb(1.0));
        assertEquals(0x000004, Colormap.MAGMA.rgb(0.0));
        assertEquals(0xFCFDBF, Colormap.MAGMA.rgb(1.0));
        assertEquals(0x000000, Colormap.GRAY.rgb(0.0));
        assertEquals(0xFFFFFF, Colormap.GRAY.rgb(1.0));
        assertEquals(0x3B4CC0, Colormap.COOLWARM.rgb(0.0));
        assertEquals(0xB40426, Colormap.COOLWARM.rgb(1.0));
    }

    @Test
    void grayIsLinearAndCoolwarmIsNeutralInTheMiddle() {
        assertEquals(0x808080, Colormap.GRAY.rgb(0.5));
        assertEquals(0x404040, Colormap.GRAY.rgb(0.25));
        assertEquals(0xDDDDDD, Colormap.COOLWARM.rgb(0.5));
    }

    @ParameterizedTest
    @EnumSource(Colormap.class)
    void valuesOutsideTheUnitIntervalAreClamped(Colormap c) {
        assertEquals(c.rgb(0.0), c.rgb(-3.0));
        assertEquals(c.rgb(0.0), c.rgb(Double.NEGATIVE_INFINITY));
        assertEquals(c.rgb(1.0), c.rgb(7.5));
        assertEquals(c.rgb(1.0), c.rgb(Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest
    @EnumSource(Colormap.class)
    void nanGivesNeutralGrey(Colormap c) {
        assertEquals(Colormap.NAN_RGB, c.rgb(Double.NaN));
    }

    @ParameterizedTest
    @EnumSource(Colormap.class)
    void mapIsContinuous(Colormap c) {
        for (int k = 0; k < 100; k++) {
            int a = c.rgb(k / 100.0);
            int b = c.rgb((k + 1) / 100.0);
            assertTrue(Pixels.distance(a, b) <= MAX_STEP_CHANGE, c + " jumps between " + k + "% and " + (k + 1) + "%");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Colormap.class, names = {"VIRIDIS", "MAGMA", "GRAY"})
    void sequentialMapsGetBrighterMonotonically(Colormap c) {
        double prev = -1;
        for (int k = 0; k <= 100; k++) {
            double l = luminance(c.rgb(k / 100.0));
            assertTrue(l >= prev, c + " luminance drops at " + k + "%");
            prev = l;
        }
    }
}
