package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.ebmjava.Ebm;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;

class HistogramTest {
    private static final double EXACT = 1e-12;

    @Test
    void countsFollowTheHalfOpenBinRuleWithHiInTheLastBin() {
        double[] data = {0.0, 0.5, 0.999, 1.0, 1.5, 2.0};
        assertArrayEquals(new long[] {3, 3}, Histogram.counts(data, 2, 0.0, 2.0));
        assertArrayEquals(new long[] {1, 0, 0, 0}, Histogram.counts(new double[] {0.0}, 4, 0.0, 1.0));
    }

    @Test
    void nanAndOutOfRangeValuesAreNotCounted() {
        double[] data = {-0.1, Double.NaN, 0.2, 2.0001, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        assertArrayEquals(new long[] {1, 0}, Histogram.counts(data, 2, 0.0, 2.0));
        assertArrayEquals(new long[] {0, 0, 0}, Histogram.counts(new double[0], 3, 0.0, 1.0));
    }

    @Test
    void badBinningIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Histogram.counts(new double[1], 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.counts(new double[1], 5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.counts(new double[1], 5, 0, Double.NaN));
    }

    @Test
    void densityIntegratesToOne() {
        Random r = new Random(Ebm.DEFAULT_SEED);
        double[] d = new double[1000];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        Histogram h = Histogram.create("h", "x").add("s", d, 30, -3, 3).density(true);
        h.image();
        XYSeries s = h.renderedChart().getSeries("s");
        double[] x = s.getXData();
        double[] y = s.getYData();
        double area = 0;
        for (int i = 1; i + 1 < x.length; i += 2) {
            area += y[i] * (x[i + 1] - x[i]);
        }
        assertEquals(1.0, area, 1e-9);
        assertEquals("density", h.renderedChart().getYAxisTitle());
    }

    @Test
    void countOutlineHasTheCountsAsHeights() {
        Histogram h = Histogram.create("h", "x").add("s", new double[] {0.1, 0.2, 0.7}, 2, 0, 1);
        h.image();
        double[] y = h.renderedChart().getSeries("s").getYData();
        assertArrayEquals(new double[] {0, 2, 2, 1, 1, 0}, y, EXACT);
        assertEquals("count", h.renderedChart().getYAxisTitle());
    }

    @Test
    void imageHasRequestedSizeAndFilledBars() {
        double[] d = {0.1, 0.2, 0.2, 0.3, 0.5, 0.5, 0.5, 0.9};
        BufferedImage img = Histogram.create("h", "x").add("s", d, 5, 0, 1)
                .curve("flat", new double[] {0, 1}, new double[] {1, 1}).size(400, 300).image();
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        assertTrue(Pixels.distinctColours(img) > 10);
    }

    @Test
    void curveLengthMismatchNamesSeriesAndLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Histogram.create("h", "x").curve("exact", new double[5], new double[6]));
        assertTrue(e.getMessage().contains("'exact'") && e.getMessage().contains("5") && e.getMessage().contains("6"),
                e.getMessage());
    }
}
