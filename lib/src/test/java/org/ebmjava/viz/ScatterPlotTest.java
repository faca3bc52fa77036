package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.ebmjava.Ebm;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ScatterPlotTest {
    /** Equal aspect is set up from a first rendering; axis labels may shift the plot by a pixel or two. */
    private static final double ASPECT_TOL = 0.03;
    private static final int COLOUR_TOL = 40;

    private static double[][] cloud(int n, double sx, double sy) {
        Random r = new Random(Ebm.DEFAULT_SEED);
        double[][] p = new double[n][2];
        for (double[] q : p) {
            q[0] = sx * r.nextGaussian();
            q[1] = sy * r.nextGaussian();
        }
        return p;
    }

    @Test
    void imageHasRequestedSizeAndDrawsMarkers() {
        BufferedImage img = ScatterPlot.create("s", "x", "y").add("pts", cloud(200, 1, 1)).size(500, 300).image();
        assertEquals(500, img.getWidth());
        assertEquals(300, img.getHeight());
        assertTrue(Pixels.countNear(img, PlotStyle.series(0).getRGB() & 0xFFFFFF, COLOUR_TOL) > 200);
    }

    @Test
    void pointRowsBecomeXAndY() {
        ScatterPlot p = ScatterPlot.create("s", "x", "y").add("pts", new double[][] {{1, 2}, {3, 4}});
        XYChart c = p.chart();
        assertArrayEquals(new double[] {1, 3}, c.getSeries("pts").getXData());
        assertArrayEquals(new double[] {2, 4}, c.getSeries("pts").getYData());
    }

    @Test
    void rowOfWrongLengthIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScatterPlot.create("s", "x", "y").add("pts", new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        assertTrue(e.getMessage().contains("'pts'"), e.getMessage());
    }

    @Test
    void lengthMismatchNamesSeriesAndBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScatterPlot.create("s", "x", "y").add("data", new double[3], new double[4]));
        assertTrue(e.getMessage().contains("'data'") && e.getMessage().contains("3") && e.getMessage().contains("4"),
                e.getMessage());
    }

    @Test
    void badMarkerSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ScatterPlot.create("s", "x", "y").markerSize(0));
    }

    @Test
    void equalAspectGivesOneUnitTheSameLengthOnBothAxes() {
        ScatterPlot p = ScatterPlot.create("s", "x", "y").add("pts", cloud(300, 3, 0.5)).equalAspect();
        BufferedImage img = p.image();
        assertEquals(640, img.getWidth());
        XYChart c = p.renderedChart();
        double unitX = c.getScreenXFromChart(1) - c.getScreenXFromChart(0);
        double unitY = c.getScreenYFromChart(0) - c.getScreenYFromChart(1);
        assertEquals(1.0, unitX / unitY, ASPECT_TOL);
    }

    @Test
    void equalAspectKeepsAllDataVisible() {
        double[][] pts = cloud(300, 0.5, 3);
        ScatterPlot p = ScatterPlot.create("s", "x", "y").add("pts", pts).equalAspect();
        p.image();
        XYChart c = p.renderedChart();
        for (double[] q : pts) {
            assertTrue(q[0] >= c.getStyler().getXAxisMin() && q[0] <= c.getStyler().getXAxisMax());
            assertTrue(q[1] >= c.getStyler().getYAxisMin() && q[1] <= c.getStyler().getYAxisMax());
        }
    }
}
