package org.ebmjava.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FiguresTest {
    private static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static int at(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    @Test
    void rowPlacesPanelsSideBySideCentredVertically() {
        BufferedImage out = Figures.row(solid(10, 20, 0xFF0000), solid(5, 10, 0x00FF00));
        assertEquals(15, out.getWidth());
        assertEquals(20, out.getHeight());
        assertEquals(0xFF0000, at(out, 9, 19));
        assertEquals(0x00FF00, at(out, 10, 5));
        assertEquals(0x00FF00, at(out, 14, 14));
        assertEquals(0xFFFFFF, at(out, 12, 2), "white above the shorter panel");
    }

    @Test
    void gridUsesEqualCellsRowByRow() {
        BufferedImage out = Figures.grid(2, solid(10, 10, 0xFF0000), solid(4, 4, 0x00FF00), solid(10, 6, 0x0000FF));
        assertEquals(20, out.getWidth());
        assertEquals(20, out.getHeight());
        assertEquals(0x00FF00, at(out, 15, 5), "second panel centred in the second cell");
        assertEquals(0xFFFFFF, at(out, 11, 1));
        assertEquals(0x0000FF, at(out, 5, 15), "third panel starts the second row");
        assertEquals(0xFFFFFF, at(out, 15, 15), "the empty cell is white");
    }

    @Test
    void titledAddsAStripAboveWithText() {
        BufferedImage out = Figures.titled("Energy", solid(200, 50, 0x123456));
        assertEquals(200, out.getWidth());
        assertEquals(50 + Figures.TITLE_HEIGHT, out.getHeight());
        assertEquals(0x123456, at(out, 0, Figures.TITLE_HEIGHT));
        int dark = 0;
        for (int y = 0; y < Figures.TITLE_HEIGHT; y++) {
            for (int x = 0; x < 200; x++) {
                dark += at(out, x, y) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertTrue(dark > 20, "the title is drawn");
    }

    @Test
    void badPanelsAreRejectedWithTheirIndex() {
        assertThrows(IllegalArgumentException.class, () -> Figures.row());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figures.grid(2, solid(1, 1, 0), null));
        assertTrue(e.getMessage().contains("panel 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Figures.grid(0, solid(1, 1, 0)));
    }
}
