package org.ebmjava.viz;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Small images (digits, samples, spin configurations) tiled into one picture.
 *
 * <p>Each image is a flat row-major array of height*width values. A value v is shown with colour
 * colormap((v - lo)/(hi - lo)), clamped to the ends; by default [lo, hi] = [0, 1] and the map is
 * {@link Colormap#GRAY}, so 0 is black and 1 is white. NaN is drawn in a neutral grey. Every image
 * pixel becomes a scale x scale block.
 *
 * <p>The layout is exact. With c = min(columns, n) columns, r = ceil(n/c) rows and gap g:
 * <pre>
 * image width  = c*(width*scale) + (c + 1)*g
 * image height = T + r*(height*scale + C) + (r + 1)*g
 * </pre>
 * where T = {@link #TITLE_HEIGHT} if a title is set (else 0) and C = {@link #CAPTION_HEIGHT} if
 * captions are set (else 0). Tile k sits in row k / c, column k % c, at
 * x = g + column*(width*scale + g), y = T + g + row*(height*scale + C + g); its caption is
 * centred in the C pixels below it. Background and gaps are white. A title wider than the grid
 * is cut off.
 */
public final class ImageGrid {
    static {
        Headless.ensure();
    }

    /** Height in pixels of the caption strip under each tile when captions are set. */
    public static final int CAPTION_HEIGHT = 16;
    /** Height in pixels of the title strip when a title is set. */
    public static final int TITLE_HEIGHT = 24;

    private final double[][] images;
    private final int height;
    private final int width;
    private int columns;
    private int scale = 2;
    private int gap = 2;
    private double lo = 0.0;
    private double hi = 1.0;
    private String[] captions;
    private String title;
    private Colormap colormap = Colormap.GRAY;

    private ImageGrid(double[][] images, int height, int width) {
        this.images = images;
        this.height = height;
        this.width = width;
        this.columns = (int) Math.ceil(Math.sqrt(images.length));
    }

    /**
     * Tiles float images, e.g. MNIST digits with pixels in [0, 1].
     *
     * @param images One flat row-major image of height*width values per row; at least one. Not modified.
     * @param height Rows of each image, at least 1.
     * @param width Columns of each image, at least 1.
     * @return The grid, with ceil(sqrt(n)) columns, scale 2, gap 2, range [0, 1], grey map.
     * @throws IllegalArgumentException If an image does not have height*width values (the message
     *     names its index).
     */
    public static ImageGrid of(float[][] images, int height, int width) {
        Args.notNull(images, "images");
        double[][] d = new double[images.length][];
        for (int k = 0; k < images.length; k++) {
            check(k, images[k] == null ? -1 : images[k].length, height, width);
            d[k] = new double[images[k].length];
            for (int i = 0; i < d[k].length; i++) {
                d[k][i] = images[k][i];
            }
        }
        return create(d, height, width);
    }

    /**
     * Tiles double images.
     *
     * @param images One flat row-major image of height*width values per row; at least one. Not modified.
     * @param height Rows of each image, at least 1.
     * @param width Columns of each image, at least 1.
     * @return The grid, with ceil(sqrt(n)) columns, scale 2, gap 2, range [0, 1], grey map.
     * @throws IllegalArgumentException If an image does not have height*width values (the message
     *     names its index).
     */
    public static ImageGrid of(double[][] images, int height, int width) {
        Args.notNull(images, "images");
        double[][] d = new double[images.length][];
        for (int k = 0; k < images.length; k++) {
            check(k, images[k] == null ? -1 : images[k].length, height, width);
            d[k] = images[k].clone();
        }
        return create(d, height, width);
    }

    /**
     * Tiles spin or binary configurations: -1 and 0 are drawn black, +1 white.
     *
     * @param spins One flat row-major configuration of height*width values per row, each -1, 0 or +1;
     *     at least one. Not modified.
     * @param height Rows of each configuration, at least 1.
     * @param width Columns of each configuration, at least 1.
     * @return The grid, with ceil(sqrt(n)) columns, scale 2, gap 2, grey map.
     * @throws IllegalArgumentException If a configuration has the wrong length or a value other than
     *     -1, 0, +1 (the message names the index).
     */
    public static ImageGrid ofSpins(int[][] spins, int height, int width) {
        Args.notNull(spins, "spins");
        double[][] d = new double[spins.length][];
        for (int k = 0; k < spins.length; k++) {
            check(k, spins[k] == null ? -1 : spins[k].length, height, width);
            d[k] = new double[spins[k].length];
            for (int i = 0; i < d[k].length; i++) {
                int s = spins[k][i];
                if (s < -1 || s > 1) {
                    throw new IllegalArgumentException("spins[" + k + "][" + i + "] must be -1, 0 or +1, found " + s);
                }
                d[k][i] = s > 0 ? 1.0 : 0.0;
            }
        }
        return create(d, height, width);
    }

    private static ImageGrid create(double[][] d, int height, int width) {
        if (d.length == 0) {
            throw new IllegalArgumentException("images must contain at least one image, found 0");
        }
        return new ImageGrid(d, height, width);
    }

    private static void check(int index, int length, int height, int width) {
        Args.positive("height", height);
        Args.positive("width", width);
        if (length != height * width) {
            throw new IllegalArgumentException("image " + index + " must have height*width = " + height + "*" + width
                    + " = " + height * width + " values, found " + (length < 0 ? "null" : String.valueOf(length)));
        }
    }

    /**
     * Sets the number of columns.
     *
     * @param n Columns, at least 1; more than the number of images acts as that number.
     * @return This grid.
     */
    public ImageGrid columns(int n) {
        Args.positive("columns", n);
        columns = n;
        return this;
    }

    /**
     * Sets the pixel zoom.
     *
     * @param s Side in screen pixels of one image pixel, at least 1; default 2.
     * @return This grid.
     */
    public ImageGrid scale(int s) {
        Args.positive("scale", s);
        scale = s;
        return this;
    }

    /**
     * Sets the value range mapped onto the colour map; values outside are clamped.
     *
     * @param lo Value shown in the low-end colour (black in grey), finite.
     * @param hi Value shown in the high-end colour (white in grey), finite and greater than lo.
     * @return This grid.
     */
    public ImageGrid range(double lo, double hi) {
        Args.range("range", lo, hi);
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /**
     * Sets the white space between tiles and around the grid.
     *
     * @param pixels Gap in pixels, at least 0; default 2.
     * @return This grid.
     */
    public ImageGrid gap(int pixels) {
        if (pixels < 0) {
            throw new IllegalArgumentException("gap must be at least 0, found " + pixels);
        }
        gap = pixels;
        return this;
    }

    /**
     * Sets a small caption under each tile, e.g. the predicted class.
     *
     * @param perImageCaptions One caption per image, in order; fewer leaves the rest blank; null
     *     entries are blank. Not modified.
     * @return This grid.
     * @throws IllegalArgumentException If there are more captions than images.
     */
    public ImageGrid labels(String... perImageCaptions) {
        Args.notNull(perImageCaptions, "captions");
        if (perImageCaptions.length > images.length) {
            throw new IllegalArgumentException("at most " + images.length + " captions (one per image) allowed, found "
                    + perImageCaptions.length);
        }
        captions = perImageCaptions.clone();
        return this;
    }

    /**
     * Sets a title above the grid.
     *
     * @param title The title; null or empty for none.
     * @return This grid.
     */
    public ImageGrid title(String title) {
        this.title = title;
        return this;
    }

    /**
     * Sets the colour map.
     *
     * @param c The map; default {@link Colormap#GRAY}.
     * @return This grid.
     */
    public ImageGrid colormap(Colormap c) {
        colormap = Args.notNull(c, "colormap");
        return this;
    }

    /**
     * Renders the grid.
     *
     * @return A new RGB image with the size given in the class description.
     */
    public BufferedImage image() {
        int n = images.length;
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int tileW = width * scale;
        int tileH = height * scale;
        int capH = captions == null ? 0 : CAPTION_HEIGHT;
        int titleH = title == null || title.isEmpty() ? 0 : TITLE_HEIGHT;
        int w = cols * tileW + (cols + 1) * gap;
        int h = titleH + rows * (tileH + capH) + (rows + 1) * gap;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = PlotStyle.canvas(img);
        try {
            for (int k = 0; k < n; k++) {
                int x0 = gap + (k % cols) * (tileW + gap);
                int y0 = titleH + gap + (k / cols) * (tileH + capH + gap);
                paintTile(img, images[k], x0, y0);
                if (captions != null && k < captions.length && captions[k] != null) {
                    g.setFont(PlotStyle.SMALL_FONT);
                    g.setColor(PlotStyle.TEXT);
                    FontMetrics fm = g.getFontMetrics();
                    String s = captions[k];
                    g.setClip(x0 - gap / 2, y0 + tileH, tileW + gap, capH);
                    g.drawString(s, x0 + (tileW - fm.stringWidth(s)) / 2f,
                            y0 + tileH + (capH - fm.getHeight()) / 2f + fm.getAscent());
                    g.setClip(null);
                }
            }
            if (titleH > 0) {
                g.setFont(PlotStyle.TITLE_FONT.deriveFont(13f));
                g.setColor(PlotStyle.TEXT);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(title, Math.max(2f, (w - fm.stringWidth(title)) / 2f),
                        (titleH - fm.getHeight()) / 2f + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private void paintTile(BufferedImage img, double[] px, int x0, int y0) {
        int[] block = new int[scale * scale];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = px[r * width + c];
                int rgb = Double.isNaN(v) ? Colormap.NAN_RGB : colormap.rgb((v - lo) / (hi - lo));
                Arrays.fill(block, rgb);
                img.setRGB(x0 + c * scale, y0 + r * scale, scale, scale, block, 0, scale);
            }
        }
    }
}
