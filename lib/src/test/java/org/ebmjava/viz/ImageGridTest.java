package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageGridTest {
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    private static int at(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    private static float[][] zeros(int n, int len) {
        return new float[n][len];
    }

    @Test
    void layoutSizeFollowsTheFormula() {
        // 7 images of 3 x 4, 3 columns -> 3 rows; scale 2, gap 1.
        BufferedImage img = ImageGrid.of(zeros(7, 12), 3, 4).columns(3).scale(2).gap(1).image();
        assertEquals(3 * (4 * 2) + 4 * 1, img.getWidth());
        assertEquals(3 * (3 * 2) + 4 * 1, img.getHeight());
    }

    @Test
    void captionsAndTitleAddTheirStrips() {
        String[] caps = {"0", "1", "2", "3", "4", "5", "6"};
        BufferedImage img = ImageGrid.of(zeros(7, 12), 3, 4).columns(3).scale(2).gap(1).labels(caps).title("t").image();
        assertEquals(3 * 8 + 4, img.getWidth());
        assertEquals(ImageGrid.TITLE_HEIGHT + 3 * (6 + ImageGrid.CAPTION_HEIGHT) + 4, img.getHeight());
    }

    @Test
    void defaultIsCeilSqrtColumnsScaleTwoGapTwo() {
        BufferedImage img = ImageGrid.of(zeros(10, 4), 2, 2).image();
        // ceil(sqrt(10)) = 4 columns, 3 rows, tiles 4 x 4 pixels.
        assertEquals(4 * 4 + 5 * 2, img.getWidth());
        assertEquals(3 * 4 + 4 * 2, img.getHeight());
    }

    @Test
    void zeroIsBlackAndOneIsWhiteAtTheRightPlace() {
        float[][] imgs = zeros(2, 6);
        imgs[1][1 * 3 + 2] = 1f; // image 1, row 1, column 2
        int gap = 1;
        int scale = 2;
        BufferedImage img = ImageGrid.of(imgs, 2, 3).columns(2).scale(scale).gap(gap).image();
        int x0 = gap + (3 * scale + gap); // tile of image 1
        int y0 = gap;
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                assertEquals(WHITE, at(img, x0 + 2 * scale + dx, y0 + 1 * scale + dy));
            }
        }
        assertEquals(BLACK, at(img, x0 + 1 * scale, y0 + 1 * scale));
        assertEquals(BLACK, at(img, gap, gap), "image 0 pixel (0, 0)");
        assertEquals(WHITE, at(img, 0, 0), "the gap is white");
    }

    @Test
    void rangeMapsAndClamps() {
        double[][] imgs = {{-1, 0, 1, 5}};
        BufferedImage img = ImageGrid.of(imgs, 1, 4).range(-1, 1).scale(1).gap(0).image();
        assertEquals(BLACK, at(img, 0, 0));
        assertEquals(0x808080, at(img, 1, 0));
        assertEquals(WHITE, at(img, 2, 0));
        assertEquals(WHITE, at(img, 3, 0), "values above the range are clamped");
    }

    @Test
    void spinsMinusOneAndZeroAreBlackPlusOneWhite() {
        int[][] spins = {{-1, 1, 0, 1}};
        BufferedImage img = ImageGrid.ofSpins(spins, 2, 2).scale(1).gap(0).image();
        assertEquals(BLACK, at(img, 0, 0));
        assertEquals(WHITE, at(img, 1, 0));
        assertEquals(BLACK, at(img, 0, 1));
        assertEquals(WHITE, at(img, 1, 1));
    }

    @Test
    void colormapIsUsed() {
        BufferedImage img = ImageGrid.of(new double[][] {{0, 1}}, 1, 2).colormap(Colormap.VIRIDIS).scale(1).gap(0).image();
        assertEquals(Colormap.VIRIDIS.rgb(0), at(img, 0, 0));
        assertEquals(Colormap.VIRIDIS.rgb(1), at(img, 1, 0));
    }

    @Test
    void wrongLengthNamesTheImageIndex() {
        float[][] imgs = {new float[12], new float[12], new float[11]};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(imgs, 3, 4));
        assertTrue(e.getMessage().contains("image 2") && e.getMessage().contains("12") && e.getMessage().contains("11"),
                e.getMessage());
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(new float[0][], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.ofSpins(new int[][] {{0, 2, 1, 1}}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(zeros(2, 4), 2, 2).labels("a", "b", "c"));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(zeros(2, 4), 2, 2).scale(0));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(zeros(2, 4), 2, 2).gap(-1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(zeros(2, 4), 2, 2).range(1, 0));
    }
}
