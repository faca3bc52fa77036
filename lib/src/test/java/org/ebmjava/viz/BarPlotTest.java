package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarPlotTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void imageHasRequestedSizeAndBarColours() {
        BufferedImage img = BarPlot.create("p", "state", "prob")
                .add("model", ABC, new double[] {0.2, 0.5, 0.3})
                .add("exact", ABC, new double[] {0.25, 0.45, 0.3}).size(500, 350).image();
        assertEquals(500, img.getWidth());
        assertEquals(350, img.getHeight());
        assertTrue(Pixels.countNear(img, PlotStyle.series(0).getRGB() & 0xFFFFFF, 0) > 500, "first series bars");
        assertTrue(Pixels.countNear(img, PlotStyle.series(1).getRGB() & 0xFFFFFF, 0) > 500, "second series bars");
    }

    @Test
    void legendOnlyForMoreThanOneSeries() {
        assertFalse(BarPlot.create("p", "x", "y").add("a", ABC, new double[3]).chart().getStyler().isLegendVisible());
        assertTrue(BarPlot.create("p", "x", "y").add("a", ABC, new double[3]).add("b", ABC, new double[3])
                .chart().getStyler().isLegendVisible());
    }

    @Test
    void lengthMismatchNamesSeriesAndBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BarPlot.create("p", "x", "y").add("model", ABC, new double[2]));
        assertTrue(e.getMessage().contains("'model'") && e.getMessage().contains("3") && e.getMessage().contains("2"),
                e.getMessage());
    }

    @Test
    void differentCategoriesAreRejected() {
        BarPlot p = BarPlot.create("p", "x", "y").add("a", ABC, new double[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.add("b", List.of("a", "c", "b"), new double[3]));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void nanValueLeavesItsBarOutButStillRenders() {
        BufferedImage img = BarPlot.create("p", "x", "y").add("a", ABC, new double[] {1, Double.NaN, 2}).image();
        assertEquals(640, img.getWidth());
    }

    @Test
    void fixedRangeReachesTheChart() {
        var c = BarPlot.create("p", "x", "y").add("a", ABC, new double[] {1, 2, 3}).yRange(0, 10).chart();
        assertEquals(0.0, c.getStyler().getYAxisMin());
        assertEquals(10.0, c.getStyler().getYAxisMax());
    }
}
