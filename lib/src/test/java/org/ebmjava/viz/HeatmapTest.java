package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class HeatmapTest {
    /** Bilinear scaling blends neighbouring samples; near a sample the colour is within a few levels. */
    private static final int FIELD_TOL = 4;
    /** Overlay shapes are filled with their exact colour at their centre. */
    private static final int OVERLAY_TOL = 2;
    private static final int RED = 0xE41A1C;
    private static final int WHITE = 0xFFFFFF;

    private static Heatmap bowl() {
        return Heatmap.of((x, y) -> x * x + y * y, -1, 1, -1, 1).resolution(101);
    }

    private static int at(Heatmap h, BufferedImage img, double x, double y) {
        Point2D p = h.toPixel(x, y);
        return Pixels.rgb(img, p.getX(), p.getY());
    }

    @Test
    void imageHasRequestedSize() {
        BufferedImage img = bowl().size(500, 420).image();
        assertEquals(500, img.getWidth());
        assertEquals(420, img.getHeight());
        assertTrue(Pixels.distinctColours(img) > 50);
    }

    @Test
    void bowlMinimumIsDrawnInTheLowEndColour() {
        Heatmap h = bowl();
        BufferedImage img = h.image();
        assertTrue(Pixels.distance(Colormap.VIRIDIS.rgb(0.0), at(h, img, 0, 0)) <= FIELD_TOL);
        assertTrue(Pixels.distance(Colormap.VIRIDIS.rgb(0.0), at(h, img, 0.9, 0.9)) > 100, "corners are far up the map");
    }

    @Test
    void yAxisGrowsUpwards() {
        Heatmap h = Heatmap.of((x, y) -> y, -1, 1, -1, 1).colormap(Colormap.GRAY);
        BufferedImage img = h.image();
        assertTrue(Pixels.distance(0x000000, at(h, img, 0, -0.99)) <= FIELD_TOL, "low values at the bottom");
        assertTrue(Pixels.distance(0xFFFFFF, at(h, img, 0, 0.99)) <= FIELD_TOL, "high values at the top");
        assertTrue(h.toPixel(0, 0.5).getY() < h.toPixel(0, -0.5).getY());
        assertTrue(h.toPixel(0.5, 0).getX() > h.toPixel(-0.5, 0).getX());
    }

    @Test
    void sampleGridUsesCellCentres() {
        assertArrayEquals(new double[] {-0.75, -0.25, 0.25, 0.75}, Heatmap.axis(-1, 1, 4), 1e-15);
    }

    @Test
    void transformIsAppliedToEverySample() {
        double[][] z = Heatmap.of((x, y) -> x + 2 * y, 0, 1, 0, 1).resolution(3).transform(Math::log1p).field();
        double[] a = Heatmap.axis(0, 1, 3);
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Math.log1p(a[i] + 2 * a[j]), z[j][i], 1e-15);
            }
        }
    }

    @Test
    void nonFiniteValuesAreNeutralGrey() {
        Heatmap h = Heatmap.of((x, y) -> x < 0 ? Double.NaN : x, -1, 1, -1, 1);
        BufferedImage img = h.image();
        assertTrue(Pixels.distance(Colormap.NAN_RGB, at(h, img, -0.5, 0)) <= FIELD_TOL);
        assertTrue(Pixels.distance(Colormap.VIRIDIS.rgb(1.0), at(h, img, 0.99, 0)) <= FIELD_TOL, "finite part still spans the map");
    }

    @Test
    void markerIsDrawnAtItsPosition() {
        Heatmap h = bowl().marker("min", 0.5, 0.5);
        BufferedImage img = h.image();
        assertTrue(Pixels.distance(RED, at(h, img, 0.5, 0.5)) <= OVERLAY_TOL);
        assertTrue(Pixels.distance(RED, at(h, img, -0.5, -0.5)) > 50);
    }

    @Test
    void pathIsDrawnAlongItsPointsInDistinctColours() {
        Heatmap h = bowl().path("first", new double[] {-0.8, 0.8}, new double[] {-0.5, -0.5})
                .path("second", new double[] {-0.8, 0.8}, new double[] {0.5, 0.5});
        BufferedImage img = h.image();
        assertTrue(Pixels.distance(RED, at(h, img, 0, -0.5)) <= OVERLAY_TOL, "first path in the first overlay colour");
        assertTrue(Pixels.distance(WHITE, at(h, img, 0, 0.5)) <= OVERLAY_TOL, "second path in the second overlay colour");
        int changed = Pixels.differing(img, bowl().image());
        assertTrue(changed > 2 * 300, "both lines, markers and legend change pixels; changed " + changed);
    }

    @Test
    void pointsAreDrawn() {
        Heatmap h = bowl().points("samples", new double[] {-0.5, 0.25}, new double[] {0.5, -0.25});
        BufferedImage img = h.image();
        assertTrue(Pixels.distance(RED, at(h, img, -0.5, 0.5)) <= OVERLAY_TOL);
        assertTrue(Pixels.distance(RED, at(h, img, 0.25, -0.25)) <= OVERLAY_TOL);
    }

    @Test
    void arrowsPointAlongTheirVectorsWithLengthsInProportion() {
        // a long arrow from (-0.5, 0) pointing right (+x), a half-length one from (0, -0.5) pointing up (+y)
        Heatmap h = bowl().size(600, 600).colorbar(false).arrows("field", new double[] {-0.5, 0.0},
                new double[] {0.0, -0.5}, new double[] {2.0, 0.0}, new double[] {0.0, 1.0}, 60);
        BufferedImage img = h.image();
        Point2D a = h.toPixel(-0.5, 0.0);
        Point2D b = h.toPixel(0.0, -0.5);
        assertTrue(Pixels.distance(RED, Pixels.rgb(img, a.getX() + 30, a.getY())) <= 40, "middle of the long arrow");
        assertTrue(Pixels.distance(RED, Pixels.rgb(img, a.getX() - 30, a.getY())) > 100, "nothing behind its tail");
        assertTrue(Pixels.distance(RED, Pixels.rgb(img, b.getX(), b.getY() - 15)) <= 40, "up is up: pixel y decreases");
        assertTrue(Pixels.distance(RED, Pixels.rgb(img, b.getX(), b.getY() - 45)) > 100, "the short arrow is 30 px");
        assertThrows(IllegalArgumentException.class, () -> bowl().arrows("bad", new double[] {0}, new double[] {0},
                new double[] {1, 2}, new double[] {0}, 10));
        assertThrows(IllegalArgumentException.class, () -> bowl().arrows("bad", new double[] {0}, new double[] {0},
                new double[] {1}, new double[] {0}, 0));
    }

    @Test
    void contoursChangeTheImage() {
        BufferedImage plain = bowl().image();
        BufferedImage lined = bowl().contours(5).image();
        assertTrue(Pixels.differing(plain, lined) > 500);
    }

    @Test
    void colorbarShowsTheFullMapBesideThePlot() {
        Heatmap h = bowl().colormap(Colormap.GRAY);
        BufferedImage img = h.image();
        Point2D topRight = h.toPixel(1, 1);
        int top = (int) topRight.getY() + 1;
        int bottom = (int) h.toPixel(1, -1).getY() - 2;
        int right = (int) topRight.getX();
        int barColumns = 0;
        for (int x = right + 2; x <= right + 30; x++) {
            boolean whiteTop = Pixels.distance(0xFFFFFF, img.getRGB(x, top) & 0xFFFFFF) <= 8;
            boolean blackBottom = Pixels.distance(0x000000, img.getRGB(x, bottom) & 0xFFFFFF) <= 8;
            barColumns += whiteTop && blackBottom ? 1 : 0;
        }
        assertTrue(barColumns >= 10, "a bar runs from black at the bottom to white at the top; columns " + barColumns);
        assertTrue(bowl().colorbar(false).toPixel(1, 0).getX() > right, "without the bar the plot is wider");
    }

    @Test
    void fixedRangeClampsColours() {
        Heatmap h = Heatmap.of((x, y) -> x, -1, 1, -1, 1).colormap(Colormap.GRAY).range(-0.5, 0.5);
        BufferedImage img = h.image();
        assertTrue(Pixels.distance(0x000000, at(h, img, -0.8, 0)) <= FIELD_TOL);
        assertTrue(Pixels.distance(0xFFFFFF, at(h, img, 0.8, 0)) <= FIELD_TOL);
        assertTrue(Pixels.distance(0x808080, at(h, img, 0.0, 0)) <= FIELD_TOL + 2);
    }

    @Test
    void precomputedGridIsDrawnLikeTheFunction() {
        double[] a = Heatmap.axis(-1, 1, 40);
        double[][] z = new double[40][40];
        for (int j = 0; j < 40; j++) {
            for (int i = 0; i < 40; i++) {
                z[j][i] = a[i] * a[i] + a[j] * a[j];
            }
        }
        BufferedImage fromGrid = Heatmap.ofGrid(z, -1, 1, -1, 1).image();
        BufferedImage fromFunction = Heatmap.of((x, y) -> x * x + y * y, -1, 1, -1, 1).resolution(40).image();
        assertEquals(0, Pixels.differing(fromGrid, fromFunction));
    }

    @Test
    void overlayLengthMismatchNamesLabelAndLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bowl().path("GD", new double[5], new double[4]));
        assertTrue(e.getMessage().contains("'GD'") && e.getMessage().contains("5") && e.getMessage().contains("4"),
                e.getMessage());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Heatmap.of((x, y) -> 0, 1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Heatmap.of((x, y) -> 0, 0, 1, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Heatmap.of(null, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> bowl().resolution(1));
        assertThrows(IllegalArgumentException.class, () -> bowl().contours(-1));
        assertThrows(IllegalArgumentException.class, () -> bowl().range(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Heatmap.ofGrid(new double[][] {{1, 2}, {3}}, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> bowl().title("a long title").size(60, 60).image());
    }

    @Test
    void constantFieldIsDrawnMidScale() {
        Heatmap h = Heatmap.of((x, y) -> 3.0, -1, 1, -1, 1).colormap(Colormap.GRAY);
        assertTrue(Pixels.distance(0x808080, at(h, h.image(), 0, 0)) <= 1);
    }
}
