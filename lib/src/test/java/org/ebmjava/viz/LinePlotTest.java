package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class LinePlotTest {
    /** Anti-aliased strokes blend with the background; this many levels per channel still count as the colour. */
    private static final int COLOUR_TOL = 40;
    private static final int TINY = 0;

    private static double[] ramp(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(i / 5.0);
        }
        return y;
    }

    @Test
    void imageHasDefaultSizeAndDrawsTheSeriesColour() {
        BufferedImage img = LinePlot.create("t", "x", "y").add("s", ramp(50)).image();
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        assertTrue(Pixels.distinctColours(img) > 10);
        assertTrue(Pixels.countNear(img, PlotStyle.series(0).getRGB() & 0xFFFFFF, TINY) > 50,
                "the first series is drawn in the first palette colour");
    }

    @Test
    void imageHasRequestedSize() {
        BufferedImage img = LinePlot.create(null, null, null).add("s", ramp(10)).size(300, 200).image();
        assertEquals(300, img.getWidth());
        assertEquals(200, img.getHeight());
    }

    @Test
    void emptyPlotRendersAtRequestedSize() {
        BufferedImage img = LinePlot.create("empty", "x", "y").size(320, 240).image();
        assertEquals(320, img.getWidth());
        assertEquals(240, img.getHeight());
        assertTrue(Pixels.distinctColours(img) > 1, "axes and title are drawn");
    }

    @Test
    void lengthMismatchNamesSeriesAndBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinePlot.create("t", "x", "y").add("loss", new double[10], new double[9]));
        assertTrue(e.getMessage().contains("'loss'"), e.getMessage());
        assertTrue(e.getMessage().contains("10"), e.getMessage());
        assertTrue(e.getMessage().contains("9"), e.getMessage());
    }

    @Test
    void duplicateSeriesNameIsRejected() {
        LinePlot p = LinePlot.create("t", "x", "y").add("a", ramp(3));
        assertThrows(IllegalArgumentException.class, () -> p.add("a", ramp(3)));
        assertThrows(IllegalArgumentException.class, () -> p.verticalLine("a", 1.0));
    }

    @Test
    void badRangesAndSizesAreRejected() {
        LinePlot p = LinePlot.create("t", "x", "y");
        assertThrows(IllegalArgumentException.class, () -> p.xRange(1, 1));
        assertThrows(IllegalArgumentException.class, () -> p.yRange(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> p.size(10, 400));
        assertThrows(IllegalArgumentException.class, () -> p.verticalLine("v", Double.POSITIVE_INFINITY));
    }

    @Test
    void indexSeriesUsesZeroToNMinusOne() {
        XYChart c = LinePlot.create("t", "x", "y").add("s", new double[] {5, 6, 7}).chart();
        assertArrayEquals(new double[] {0, 1, 2}, c.getSeries("s").getXData());
    }

    @Test
    void nanPointsAreSkipped() {
        double[] y = {1, Double.NaN, 3, Double.POSITIVE_INFINITY, 5};
        LinePlot p = LinePlot.create("t", "x", "y").add("s", y);
        assertArrayEquals(new double[] {0, 2, 4}, p.chart().getSeries("s").getXData());
        assertArrayEquals(new double[] {1, 3, 5}, p.chart().getSeries("s").getYData());
        assertEquals(640, p.image().getWidth());
    }

    @Test
    void logAxisSkipsNonPositivePointsEvenWhenSetAfterAdd() {
        LinePlot p = LinePlot.create("t", "x", "y").add("s", new double[] {1, 0, -2, 0.5});
        p.logY();
        assertArrayEquals(new double[] {1, 0.5}, p.chart().getSeries("s").getYData());
        assertEquals(400, p.image().getHeight());
    }

    @Test
    void allPointsSkippedLeavesSeriesOut() {
        LinePlot p = LinePlot.create("t", "x", "y").add("s", new double[] {Double.NaN, Double.NaN});
        assertNull(p.chart().getSeries("s"));
        assertEquals(640, p.image().getWidth());
    }

    @Test
    void legendOnlyForMoreThanOneSeries() {
        LinePlot one = LinePlot.create("t", "x", "y").add("a", ramp(5));
        assertFalse(one.chart().getStyler().isLegendVisible());
        LinePlot two = LinePlot.create("t", "x", "y").add("a", ramp(5)).add("b", ramp(5));
        assertTrue(two.chart().getStyler().isLegendVisible());
        LinePlot withLine = LinePlot.create("t", "x", "y").add("a", ramp(5)).horizontalLine("exact", 0.5);
        assertTrue(withLine.chart().getStyler().isLegendVisible());
    }

    @Test
    void verticalLineIsDrawnAtItsDataPosition() {
        double tc = 2.269;
        double[] x = new double[41];
        double[] y = new double[41];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.0 + i * 0.05;
            y[i] = Math.tanh(x[i] - tc);
        }
        LinePlot p = LinePlot.create("m", "T", "m").add("m", x, y).verticalLine("T_c", tc);
        BufferedImage img = p.image();
        XYChart c = p.chart();
        int col = (int) Math.round(c.getScreenXFromChart(tc));
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
        int top = (int) Math.round(c.getScreenYFromChart(yMax));
        int bottom = (int) Math.round(c.getScreenYFromChart(yMin));
        int lineColour = PlotStyle.series(1).getRGB() & 0xFFFFFF;
        assertTrue(Pixels.countNearInRect(img, col - 1, col + 1, top, bottom, lineColour, COLOUR_TOL) > (bottom - top) / 3,
                "a dashed line spans the plot height at x = T_c");
        assertTrue(Pixels.countNearInRect(img, col - 60, col - 50, top, bottom, lineColour, COLOUR_TOL) == 0,
                "the line is nowhere else in the plot");
        assertArrayEquals(new double[] {yMin, yMax}, c.getSeries("T_c").getYData(),
                "the line spans exactly the data's vertical extent");
    }

    @Test
    void fixedRangesReachTheChart() {
        XYChart c = LinePlot.create("t", "x", "y").add("s", ramp(10)).xRange(-1, 20).yRange(-2, 2).chart();
        assertEquals(-1.0, c.getStyler().getXAxisMin());
        assertEquals(20.0, c.getStyler().getXAxisMax());
        assertEquals(-2.0, c.getStyler().getYAxisMin());
        assertEquals(2.0, c.getStyler().getYAxisMax());
    }
}
