package org.ebmjava.viz;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Combines finished images (plots, heatmaps, grids) into one figure on a white background.
 *
 * <p>Panels are placed without extra space (each plot already has its own margins); a panel
 * smaller than its cell is centred in it.
 */
public final class Figures {
    static {
        Headless.ensure();
    }

    /** Height in pixels of the strip that {@link #titled(String, BufferedImage)} adds. */
    public static final int TITLE_HEIGHT = 32;

    private Figures() {}

    /**
     * Places panels side by side.
     *
     * @param panels The images, left to right; at least one. Not modified.
     * @return A new image as wide as the panels together and as high as the highest; panels are
     *     centred vertically.
     */
    public static BufferedImage row(BufferedImage... panels) {
        check(panels);
        int w = 0;
        int h = 0;
        for (BufferedImage p : panels) {
            w += p.getWidth();
            h = Math.max(h, p.getHeight());
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = PlotStyle.canvas(out);
        try {
            int x = 0;
            for (BufferedImage p : panels) {
                g.drawImage(p, x, (h - p.getHeight()) / 2, null);
                x += p.getWidth();
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Places panels in a grid, filled row by row, in equal cells as large as the largest panel.
     *
     * @param columns Number of columns, at least 1; more than the panels acts as their number.
     * @param panels The images in reading order; at least one. Not modified.
     * @return A new image of min(columns, n) x ceil(n / columns) cells.
     */
    public static BufferedImage grid(int columns, BufferedImage... panels) {
        Args.positive("columns", columns);
        check(panels);
        int cw = 0;
        int ch = 0;
        for (BufferedImage p : panels) {
            cw = Math.max(cw, p.getWidth());
            ch = Math.max(ch, p.getHeight());
        }
        int cols = Math.min(columns, panels.length);
        int rows = (panels.length + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * cw, rows * ch, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = PlotStyle.canvas(out);
        try {
            for (int k = 0; k < panels.length; k++) {
                BufferedImage p = panels[k];
                int x = (k % cols) * cw + (cw - p.getWidth()) / 2;
                int y = (k / cols) * ch + (ch - p.getHeight()) / 2;
                g.drawImage(p, x, y, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Adds a bold title strip of {@link #TITLE_HEIGHT} pixels above a panel.
     *
     * @param title The title, centred.
     * @param panel The image. Not modified.
     * @return A new image, as wide as the panel and TITLE_HEIGHT pixels higher.
     */
    public static BufferedImage titled(String title, BufferedImage panel) {
        Args.notNull(title, "title");
        check(new BufferedImage[] {panel});
        BufferedImage out = new BufferedImage(panel.getWidth(), panel.getHeight() + TITLE_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = PlotStyle.canvas(out);
        try {
            g.setFont(PlotStyle.TITLE_FONT.deriveFont(18f));
            g.setColor(PlotStyle.TEXT);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, Math.max(2f, (panel.getWidth() - fm.stringWidth(title)) / 2f),
                    (TITLE_HEIGHT - fm.getHeight()) / 2f + fm.getAscent());
            g.drawImage(panel, 0, TITLE_HEIGHT, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void check(BufferedImage[] panels) {
        Args.notNull(panels, "panels");
        if (panels.length == 0) {
            throw new IllegalArgumentException("panels must contain at least one image, found 0");
        }
        for (int i = 0; i < panels.length; i++) {
            if (panels[i] == null) {
                throw new IllegalArgumentException("panel " + i + " must not be null");
            }
        }
    }
}
