package org.ebmjava.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A colour image of a 2D scalar field, such as an energy landscape E(x, y), with optional
 * iso-lines, optimisation paths, sample points and labelled markers.
 *
 * <p>The field is sampled at the centres of an n x n grid of cells covering
 * [xMin, xMax] x [yMin, yMax]: x<sub>i</sub> = xMin + (i + 1/2)(xMax - xMin)/n, likewise y.
 * Each sample v = t(f(x, y)) (t is the transform, identity by default) is mapped to a colour by
 * (v - lo)/(hi - lo), where [lo, hi] is the finite range of the samples unless fixed with
 * {@link #range(double, double)}; the colour bar is labelled in these transformed units.
 * Non-finite samples are drawn in a neutral grey. The y axis grows upwards, and tick labels are in
 * data coordinates. Contours are iso-lines of the transformed field at equally spaced levels
 * (see {@link ContourOps}).
 *
 * <p>Drawn directly with Java2D (no XChart): faster for fine grids and exact pixel placement;
 * {@link #toPixel(double, double)} tells where a data point lands in the image.
 */
public final class Heatmap {
    static {
        Headless.ensure();
    }

    /** Colours of overlays in the order they are added (red, white, orange, cyan, pink, green). */
    private static final Color[] OVERLAY = {
        new Color(0xE41A1C), Color.WHITE, new Color(0xFF7F00), new Color(0x00E5FF),
        new Color(0xF781BF), new Color(0x7CFC00)
    };
    private static final Color NAN_GREY = new Color(Colormap.NAN_RGB);
    private static final Color OUTLINE = new Color(0, 0, 0, 170);
    private static final int PAD = 10;
    private static final int TICK = 5;
    private static final int BAR_GAP = 14;
    private static final int BAR_WIDTH = 14;
    private static final int SWATCH = 22;

    private enum Kind { PATH, POINTS, MARKER, ARROWS }

    private static final class Overlay {
        final Kind kind;
        final String label;
        final double[] xs;
        final double[] ys;
        final Color color;
        double[] us;
        double[] vs;
        double maxPixels;

        Overlay(Kind kind, String label, double[] xs, double[] ys, Color color) {
            this.kind = kind;
            this.label = label;
            this.xs = xs;
            this.ys = ys;
            this.color = color;
        }
    }

    /** Pixel geometry of one rendering. */
    private static final class Layout {
        int px;
        int py;
        int pw;
        int ph;
        double[] xTicks;
        double[] yTicks;
        double[] barTicks;
        List<List<Overlay>> legendRows;
        int legendTop;
    }

    private final DoubleBinaryOperator f;
    private final double[][] grid;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private int resolution = 200;
    private String title;
    private String xLabel = "x";
    private String yLabel = "y";
    private String barLabel;
    private DoubleUnaryOperator transform;
    private Colormap colormap = Colormap.VIRIDIS;
    private int contours;
    private boolean colorbar = true;
    private double vLo = Double.NaN;
    private double vHi = Double.NaN;
    private int width = PlotStyle.DEFAULT_WIDTH;
    private int height = PlotStyle.DEFAULT_HEIGHT;
    private final List<Overlay> overlays = new ArrayList<>();

    private Heatmap(DoubleBinaryOperator f, double[][] grid, double xMin, double xMax, double yMin, double yMax) {
        Args.range("x range", xMin, xMax);
        Args.range("y range", yMin, yMax);
        this.f = f;
        this.grid = grid;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /**
     * Starts a heatmap of f over a rectangle; f is evaluated when the image is rendered.
     *
     * @param f The field, f(x, y), e.g. an energy E(x, y).
     * @param xMin Left edge, finite.
     * @param xMax Right edge, finite and greater than xMin.
     * @param yMin Bottom edge, finite.
     * @param yMax Top edge, finite and greater than yMin.
     * @return The new heatmap, 640 x 400 pixels, 200 samples per axis, viridis, with colour bar.
     */
    public static Heatmap of(DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax) {
        Args.notNull(f, "f");
        return new Heatmap(f, null, xMin, xMax, yMin, yMax);
    }

    /**
     * Starts a heatmap of field values computed elsewhere (for example a batch of energies from a
     * network) at the cell centres given by {@link #axis(double, double, int)}.
     *
     * @param z Values, z[j][i] at (axis(xMin, xMax, nx)[i], axis(yMin, yMax, ny)[j]), so row 0 is
     *     the bottom; rectangular, at least 2 x 2. Not modified (copied).
     * @param xMin Left edge, finite.
     * @param xMax Right edge, finite and greater than xMin.
     * @param yMin Bottom edge, finite.
     * @param yMax Top edge, finite and greater than yMin.
     * @return The new heatmap; {@link #resolution(int)} has no effect on it.
     */
    public static Heatmap ofGrid(double[][] z, double xMin, double xMax, double yMin, double yMax) {
        Args.notNull(z, "z");
        if (z.length < 2 || z[0] == null || z[0].length < 2) {
            throw new IllegalArgumentException("z must be at least 2 x 2, found "
                    + z.length + " rows" + (z.length > 0 && z[0] != null ? " of " + z[0].length : ""));
        }
        double[][] copy = new double[z.length][];
        for (int j = 0; j < z.length; j++) {
            if (z[j] == null || z[j].length != z[0].length) {
                throw new IllegalArgumentException("row " + j + " of z must have length " + z[0].length
                        + ", found " + (z[j] == null ? "null" : String.valueOf(z[j].length)));
            }
            copy[j] = z[j].clone();
        }
        return new Heatmap(null, copy, xMin, xMax, yMin, yMax);
    }

    /**
     * Returns the centres of n equal cells covering [min, max]: min + (i + 1/2)(max - min)/n.
     *
     * @param min Lower edge.
     * @param max Upper edge.
     * @param n Number of cells, at least 1.
     * @return The n sample positions, increasing.
     */
    public static double[] axis(double min, double max, int n) {
        Args.positive("n", n);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = min + (i + 0.5) * (max - min) / n;
        }
        return a;
    }

    /**
     * Sets the number of samples per axis.
     *
     * @param n Samples per axis, at least 2; default 200.
     * @return This heatmap.
     */
    public Heatmap resolution(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("resolution must be at least 2, found " + n);
        }
        resolution = n;
        return this;
    }

    /**
     * Sets the title drawn above the image.
     *
     * @param title The title; null or empty for none.
     * @return This heatmap.
     */
    public Heatmap title(String title) {
        this.title = title;
        return this;
    }

    /**
     * Sets the axis labels.
     *
     * @param x Label of the horizontal axis (default "x"); null or empty for none.
     * @param y Label of the vertical axis (default "y"); null or empty for none.
     * @return This heatmap.
     */
    public Heatmap labels(String x, String y) {
        this.xLabel = x;
        this.yLabel = y;
        return this;
    }

    /**
     * Applies a monotone transform to every sample before colouring and contouring, e.g.
     * {@code Math::log1p} for a landscape whose values span decades such as Rosenbrock's.
     *
     * @param t The transform; null for the identity.
     * @return This heatmap.
     */
    public Heatmap transform(DoubleUnaryOperator t) {
        this.transform = t;
        return this;
    }

    /**
     * Sets the colour map.
     *
     * @param c The map; default {@link Colormap#VIRIDIS}.
     * @return This heatmap.
     */
    public Heatmap colormap(Colormap c) {
        this.colormap = Args.notNull(c, "colormap");
        return this;
    }

    /**
     * Draws iso-lines of the transformed field at n levels equally spaced inside the colour range.
     * Each line is white over dark colours and black over light ones.
     *
     * @param levels Number of levels, at least 0; 0 (the default) for none.
     * @return This heatmap.
     */
    public Heatmap contours(int levels) {
        if (levels < 0) {
            throw new IllegalArgumentException("contour levels must be at least 0, found " + levels);
        }
        this.contours = levels;
        return this;
    }

    /**
     * Fixes the colour range (in transformed units) instead of fitting it to the samples, so that
     * several panels share one scale. Values outside are clamped to the end colours.
     *
     * @param lo Value drawn in the low-end colour, finite.
     * @param hi Value drawn in the high-end colour, finite and greater than lo.
     * @return This heatmap.
     */
    public Heatmap range(double lo, double hi) {
        Args.range("colour range", lo, hi);
        vLo = lo;
        vHi = hi;
        return this;
    }

    /**
     * Overlays a polyline, e.g. the iterates of gradient descent. Its start is drawn as a hollow
     * circle and its end as a filled one; non-finite points break the line.
     *
     * @param label Legend label.
     * @param xs Horizontal coordinates of the points in order. Not modified (copied).
     * @param ys Vertical coordinates, same length as xs. Not modified (copied).
     * @return This heatmap.
     * @throws IllegalArgumentException If the lengths differ (the message names the label and both lengths).
     */
    public Heatmap path(String label, double[] xs, double[] ys) {
        return overlay(Kind.PATH, label, xs, ys);
    }

    /**
     * Overlays points as small filled circles, e.g. samples of a Markov chain.
     *
     * @param label Legend label.
     * @param xs Horizontal coordinates. Not modified (copied).
     * @param ys Vertical coordinates, same length as xs. Not modified (copied).
     * @return This heatmap.
     * @throws IllegalArgumentException If the lengths differ (the message names the label and both lengths).
     */
    public Heatmap points(String label, double[] xs, double[] ys) {
        return overlay(Kind.POINTS, label, xs, ys);
    }

    /**
     * Marks one point with a star, e.g. the global minimum.
     *
     * @param label Legend label.
     * @param x Horizontal coordinate.
     * @param y Vertical coordinate.
     * @return This heatmap.
     */
    public Heatmap marker(String label, double x, double y) {
        return overlay(Kind.MARKER, label, new double[] {x}, new double[] {y});
    }

    /**
     * Overlays a vector field as arrows, e.g. a score field s(x, y) over its density. Arrow k starts at (xs[k],
     * ys[k]) and points along (us[k], vs[k]) in data units; its length in pixels is maxPixels &middot; |v<sub>k</sub>|
     * / max<sub>k</sub> |v<sub>k</sub>|, so the longest arrow is maxPixels long. Rescale the vectors first (e.g.
     * to unit length, or by a compressing function of their norm) when their magnitudes span decades.
     *
     * @param label Legend label.
     * @param xs Horizontal coordinates of the tails. Not modified (copied).
     * @param ys Vertical coordinates of the tails, same length. Not modified (copied).
     * @param us Horizontal components, same length. Not modified (copied).
     * @param vs Vertical components, same length. Not modified (copied).
     * @param maxPixels The length of the longest arrow in pixels, finite and &gt; 0.
     * @return This heatmap.
     * @throws IllegalArgumentException If the lengths differ or maxPixels is not positive.
     */
    public Heatmap arrows(String label, double[] xs, double[] ys, double[] us, double[] vs, double maxPixels) {
        Args.notNull(xs, "xs of '" + label + "'");
        Args.notNull(us, "us of '" + label + "'");
        Args.notNull(vs, "vs of '" + label + "'");
        Args.sameLength("arrows", label, "xs", xs.length, "us", us.length);
        Args.sameLength("arrows", label, "xs", xs.length, "vs", vs.length);
        if (!(maxPixels > 0) || Double.isInfinite(maxPixels)) {
            throw new IllegalArgumentException("maxPixels of '" + label + "': expected a finite number > 0, found "
                    + maxPixels);
        }
        overlay(Kind.ARROWS, label, xs, ys);
        Overlay o = overlays.get(overlays.size() - 1);
        o.us = us.clone();
        o.vs = vs.clone();
        o.maxPixels = maxPixels;
        return this;
    }

    /**
     * Sets the image size.
     *
     * @param width Width in pixels, at least 50; default 640.
     * @param height Height in pixels, at least 50; default 400.
     * @return This heatmap.
     */
    public Heatmap size(int width, int height) {
        Args.size(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /**
     * Shows or hides the colour bar with its tick labels.
     *
     * @param on True (the default) to draw the colour bar on the right.
     * @return This heatmap.
     */
    public Heatmap colorbar(boolean on) {
        this.colorbar = on;
        return this;
    }

    /**
     * Sets a label written along the colour bar, e.g. "log(1 + E)".
     *
     * @param label The label; null or empty for none (the default).
     * @return This heatmap.
     */
    public Heatmap colorbarLabel(String label) {
        this.barLabel = label;
        return this;
    }

    /**
     * Returns where a data point lands in the image that {@link #image()} would draw now.
     *
     * @param x Horizontal data coordinate.
     * @param y Vertical data coordinate.
     * @return Image coordinates in pixels (fractional; the pixel is their floor); y counts downwards.
     */
    public Point2D toPixel(double x, double y) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = PlotStyle.canvas(scratch);
        try {
            Layout l = layout(g, colourRange(field()));
            return new Point2D.Double(sx(l, x), sy(l, y));
        } finally {
            g.dispose();
        }
    }

    /**
     * Renders the heatmap.
     *
     * @return A new RGB image of the configured size.
     * @throws IllegalArgumentException If the size leaves no room for the plot after the labels.
     */
    public BufferedImage image() {
        double[][] z = field();
        double[] vr = colourRange(z);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = PlotStyle.canvas(img);
        try {
            Layout l = layout(g, vr);
            drawField(g, l, z, vr);
            if (contours > 0) {
                drawContours(g, l, z, vr);
            }
            g.setColor(PlotStyle.FRAME);
            g.setStroke(new BasicStroke(1f));
            frame(g, l.px, l.py, l.pw, l.ph);
            drawAxes(g, l);
            Shape clip = g.getClip();
            g.setClip(l.px, l.py, l.pw, l.ph);
            for (Overlay o : overlays) {
                drawOverlay(g, l, o);
            }
            g.setClip(clip);
            if (colorbar) {
                drawColorbar(g, l, vr);
            }
            drawTitleAndLegend(g, l);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The transformed samples, z[j][i] at (xs[i], ys[j]) with row 0 at the bottom. */
    double[][] field() {
        if (grid != null) {
            double[][] z = new double[grid.length][grid[0].length];
            for (int j = 0; j < z.length; j++) {
                for (int i = 0; i < z[j].length; i++) {
                    z[j][i] = apply(grid[j][i]);
                }
            }
            return z;
        }
        double[] xs = axis(xMin, xMax, resolution);
        double[] ys = axis(yMin, yMax, resolution);
        double[][] z = new double[resolution][resolution];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                z[j][i] = apply(f.applyAsDouble(xs[i], ys[j]));
            }
        }
        return z;
    }

    private double apply(double v) {
        return transform == null ? v : transform.applyAsDouble(v);
    }

    private Heatmap overlay(Kind kind, String label, double[] xs, double[] ys) {
        Args.notNull(label, "label");
        Args.notNull(xs, "xs of '" + label + "'");
        Args.notNull(ys, "ys of '" + label + "'");
        Args.sameLength(kind.name().toLowerCase(java.util.Locale.ROOT), label, "xs", xs.length, "ys", ys.length);
        overlays.add(new Overlay(kind, label, xs.clone(), ys.clone(), OVERLAY[overlays.size() % OVERLAY.length]));
        return this;
    }

    /** [lo, hi] of the colour scale; a constant field gets a range around it, so it shows mid-scale. */
    private double[] colourRange(double[][] z) {
        if (!Double.isNaN(vLo)) {
            return new double[] {vLo, vHi};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0.0, 1.0};
        }
        if (lo == hi) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            return new double[] {lo - pad, hi + pad};
        }
        return new double[] {lo, hi};
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    private static int maxWidth(FontMetrics fm, String[] labels) {
        int w = 0;
        for (String s : labels) {
            w = Math.max(w, fm.stringWidth(s));
        }
        return w;
    }

    private Layout layout(Graphics2D g, double[] vr) {
        FontMetrics tick = g.getFontMetrics(PlotStyle.TICK_FONT);
        FontMetrics axis = g.getFontMetrics(PlotStyle.AXIS_TITLE_FONT);
        FontMetrics head = g.getFontMetrics(PlotStyle.TITLE_FONT);
        Layout l = new Layout();
        l.xTicks = AxisTicks.ticks(xMin, xMax, Math.max(2, width / 100));
        l.yTicks = AxisTicks.ticks(yMin, yMax, Math.max(2, height / 60));
        l.barTicks = AxisTicks.ticks(vr[0], vr[1], Math.max(2, height / 60));
        String[] xl = AxisTicks.labels(l.xTicks);
        String[] yl = AxisTicks.labels(l.yTicks);
        String[] bl = AxisTicks.labels(l.barTicks);

        l.legendRows = new ArrayList<>();
        int avail = width - 2 * PAD;
        int rowWidth = 0;
        List<Overlay> row = new ArrayList<>();
        for (Overlay o : overlays) {
            int w = SWATCH + 4 + tick.stringWidth(o.label) + 16;
            if (!row.isEmpty() && rowWidth + w > avail) {
                l.legendRows.add(row);
                row = new ArrayList<>();
                rowWidth = 0;
            }
            row.add(o);
            rowWidth += w;
        }
        if (!row.isEmpty()) {
            l.legendRows.add(row);
        }
        int legendHeight = l.legendRows.isEmpty() ? 0 : 6 + l.legendRows.size() * (tick.getHeight() + 4);

        int top = PAD + (present(title) ? head.getHeight() + 6 : 0) + tick.getAscent() / 2 + 2;
        int left = PAD + (present(yLabel) ? axis.getHeight() + 4 : 0) + maxWidth(tick, yl) + 3 + TICK;
        int bottom = TICK + 3 + tick.getHeight() + (present(xLabel) ? axis.getHeight() + 4 : 0) + legendHeight + PAD;
        int right = colorbar
                ? BAR_GAP + BAR_WIDTH + TICK + 3 + maxWidth(tick, bl) + (present(barLabel) ? 6 + axis.getHeight() : 0) + PAD
                : PAD + (xl.length == 0 ? 0 : tick.stringWidth(xl[xl.length - 1]) / 2);
        l.px = left;
        l.py = top;
        l.pw = width - left - right;
        l.ph = height - top - bottom;
        l.legendTop = height - PAD - legendHeight + 6;
        if (l.pw < 20 || l.ph < 20) {
            throw new IllegalArgumentException("size " + width + " x " + height
                    + " leaves no room for the heatmap after its labels; found a plot area of "
                    + l.pw + " x " + l.ph + " pixels");
        }
        return l;
    }

    private double sx(Layout l, double x) {
        return l.px + (x - xMin) / (xMax - xMin) * l.pw;
    }

    private double sy(Layout l, double y) {
        return l.py + (yMax - y) / (yMax - yMin) * l.ph;
    }

    private void drawField(Graphics2D g, Layout l, double[][] z, double[] vr) {
        int ny = z.length;
        int nx = z[0].length;
        BufferedImage tile = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double v = z[j][i];
                int rgb = Double.isFinite(v) ? colormap.rgb((v - vr[0]) / (vr[1] - vr[0])) : NAN_GREY.getRGB();
                tile.setRGB(i, ny - 1 - j, rgb);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(tile, l.px, l.py, l.pw, l.ph, null);
    }

    private void drawContours(Graphics2D g, Layout l, double[][] z, double[] vr) {
        double[] xs = axis(xMin, xMax, z[0].length);
        double[] ys = axis(yMin, yMax, z.length);
        g.setStroke(new BasicStroke(1.1f));
        for (double level : ContourOps.levels(vr[0], vr[1], contours)) {
            int rgb = colormap.rgb((level - vr[0]) / (vr[1] - vr[0]));
            double lum = 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
            g.setColor(lum < 128 ? new Color(255, 255, 255, 170) : new Color(0, 0, 0, 150));
            for (double[] s : ContourOps.segments(z, xs, ys, level)) {
                g.draw(new Line2D.Double(sx(l, s[0]), sy(l, s[1]), sx(l, s[2]), sy(l, s[3])));
            }
        }
    }

    private void drawAxes(Graphics2D g, Layout l) {
        FontMetrics tick = g.getFontMetrics(PlotStyle.TICK_FONT);
        FontMetrics axis = g.getFontMetrics(PlotStyle.AXIS_TITLE_FONT);
        g.setFont(PlotStyle.TICK_FONT);
        g.setStroke(new BasicStroke(1f));
        String[] xl = AxisTicks.labels(l.xTicks);
        for (int k = 0; k < l.xTicks.length; k++) {
            double x = sx(l, l.xTicks[k]);
            g.setColor(PlotStyle.FRAME);
            g.draw(new Line2D.Double(x, l.py + l.ph, x, l.py + l.ph + TICK));
            g.setColor(PlotStyle.TEXT);
            g.drawString(xl[k], (float) (x - tick.stringWidth(xl[k]) / 2.0), l.py + l.ph + TICK + 3 + tick.getAscent());
        }
        String[] yl = AxisTicks.labels(l.yTicks);
        for (int k = 0; k < l.yTicks.length; k++) {
            double y = sy(l, l.yTicks[k]);
            g.setColor(PlotStyle.FRAME);
            g.draw(new Line2D.Double(l.px - TICK, y, l.px, y));
            g.setColor(PlotStyle.TEXT);
            g.drawString(yl[k], l.px - TICK - 3 - tick.stringWidth(yl[k]), (float) (y + tick.getAscent() / 2.0 - 1));
        }
        g.setFont(PlotStyle.AXIS_TITLE_FONT);
        g.setColor(PlotStyle.TEXT);
        if (present(xLabel)) {
            int base = l.py + l.ph + TICK + 3 + tick.getHeight() + 4 + axis.getAscent();
            g.drawString(xLabel, l.px + (l.pw - axis.stringWidth(xLabel)) / 2f, base);
        }
        if (present(yLabel)) {
            drawVertical(g, yLabel, PAD + axis.getAscent(), l.py + l.ph / 2.0, axis);
        }
    }

    /** Outlines exactly the border pixels of a w x h box (centred on pixel centres, so never blurred). */
    private static void frame(Graphics2D g, int x, int y, int w, int h) {
        g.draw(new Rectangle2D.Double(x + 0.5, y + 0.5, w - 1, h - 1));
    }

    private static void drawVertical(Graphics2D g, String s, double baselineX, double centreY, FontMetrics fm) {
        AffineTransform saved = g.getTransform();
        g.translate(baselineX, centreY + fm.stringWidth(s) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(s, 0, 0);
        g.setTransform(saved);
    }

    private void drawColorbar(Graphics2D g, Layout l, double[] vr) {
        int bx = l.px + l.pw + BAR_GAP;
        for (int r = 0; r < l.ph; r++) {
            g.setColor(new Color(colormap.rgb(1.0 - (r + 0.5) / l.ph)));
            g.fillRect(bx, l.py + r, BAR_WIDTH, 1);
        }
        g.setColor(PlotStyle.FRAME);
        g.setStroke(new BasicStroke(1f));
        frame(g, bx, l.py, BAR_WIDTH, l.ph);
        FontMetrics tick = g.getFontMetrics(PlotStyle.TICK_FONT);
        g.setFont(PlotStyle.TICK_FONT);
        String[] bl = AxisTicks.labels(l.barTicks);
        int labelX = bx + BAR_WIDTH + TICK + 3;
        for (int k = 0; k < l.barTicks.length; k++) {
            double y = l.py + (1.0 - (l.barTicks[k] - vr[0]) / (vr[1] - vr[0])) * l.ph;
            g.setColor(PlotStyle.FRAME);
            g.draw(new Line2D.Double(bx + BAR_WIDTH, y, bx + BAR_WIDTH + TICK, y));
            g.setColor(PlotStyle.TEXT);
            g.drawString(bl[k], labelX, (float) (y + tick.getAscent() / 2.0 - 1));
        }
        if (present(barLabel)) {
            FontMetrics axis = g.getFontMetrics(PlotStyle.AXIS_TITLE_FONT);
            g.setFont(PlotStyle.AXIS_TITLE_FONT);
            drawVertical(g, barLabel, labelX + maxWidth(tick, bl) + 6 + axis.getAscent(), l.py + l.ph / 2.0, axis);
        }
    }

    private void drawOverlay(Graphics2D g, Layout l, Overlay o) {
        if (o.kind == Kind.PATH) {
            Path2D.Double p = new Path2D.Double();
            boolean pen = false;
            int first = -1;
            int last = -1;
            for (int k = 0; k < o.xs.length; k++) {
                if (!Double.isFinite(o.xs[k]) || !Double.isFinite(o.ys[k])) {
                    pen = false;
                    continue;
                }
                double x = sx(l, o.xs[k]);
                double y = sy(l, o.ys[k]);
                if (pen) {
                    p.lineTo(x, y);
                } else {
                    p.moveTo(x, y);
                    pen = true;
                }
                first = first < 0 ? k : first;
                last = k;
            }
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
            g.setColor(o.color);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
            if (first >= 0) {
                dot(g, sx(l, o.xs[first]), sy(l, o.ys[first]), 5, Color.WHITE, o.color, 2f);
                dot(g, sx(l, o.xs[last]), sy(l, o.ys[last]), 5, o.color, Color.BLACK, 1f);
            }
        } else if (o.kind == Kind.ARROWS) {
            drawArrows(g, l, o);
        } else if (o.kind == Kind.POINTS) {
            for (int k = 0; k < o.xs.length; k++) {
                if (Double.isFinite(o.xs[k]) && Double.isFinite(o.ys[k])) {
                    dot(g, sx(l, o.xs[k]), sy(l, o.ys[k]), 3, o.color, Color.BLACK, 0.8f);
                }
            }
        } else if (Double.isFinite(o.xs[0]) && Double.isFinite(o.ys[0])) {
            Shape star = star(sx(l, o.xs[0]), sy(l, o.ys[0]), 9);
            g.setColor(o.color);
            g.fill(star);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(star);
        }
    }

    private static void dot(Graphics2D g, double x, double y, double r, Color fill, Color edge, float edgeWidth) {
        Ellipse2D.Double e = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        g.setColor(fill);
        g.fill(e);
        g.setColor(edge);
        g.setStroke(new BasicStroke(edgeWidth));
        g.draw(e);
    }

    private static Shape star(double cx, double cy, double r) {
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double rad = k % 2 == 0 ? r : r * 0.45;
            double a = -Math.PI / 2 + k * Math.PI / 5;
            double x = cx + rad * Math.cos(a);
            double y = cy + rad * Math.sin(a);
            if (k == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    private void drawArrows(Graphics2D g, Layout l, Overlay o) {
        double max = 0.0;
        for (int k = 0; k < o.xs.length; k++) {
            double m = Math.hypot(o.us[k], o.vs[k]);
            if (Double.isFinite(m)) {
                max = Math.max(max, m);
            }
        }
        if (max == 0.0) {
            return;
        }
        double xScale = l.pw / (xMax - xMin);
        double yScale = l.ph / (yMax - yMin);
        for (int k = 0; k < o.xs.length; k++) {
            double m = Math.hypot(o.us[k], o.vs[k]);
            if (!Double.isFinite(o.xs[k]) || !Double.isFinite(o.ys[k]) || !Double.isFinite(m) || m == 0.0) {
                continue;
            }
            // direction in pixels (y grows downwards), length proportional to |v|
            double pu = o.us[k] * xScale;
            double pv = -o.vs[k] * yScale;
            double pn = Math.hypot(pu, pv);
            double len = o.maxPixels * m / max;
            double x0 = sx(l, o.xs[k]);
            double y0 = sy(l, o.ys[k]);
            arrow(g, x0, y0, x0 + pu / pn * len, y0 + pv / pn * len, o.color);
        }
    }

    /** One arrow from (x0, y0) to (x1, y1) in pixels, with a small head. */
    private static void arrow(Graphics2D g, double x0, double y0, double x1, double y1, Color color) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 0.5) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(5.0, 0.4 * len + 1.5);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x0, y0);
        p.lineTo(x1, y1);
        p.moveTo(x1 - head * (ux - 0.5 * uy), y1 - head * (uy + 0.5 * ux));
        p.lineTo(x1, y1);
        p.lineTo(x1 - head * (ux + 0.5 * uy), y1 - head * (uy - 0.5 * ux));
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
        g.setColor(color);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
    }

    private void drawTitleAndLegend(Graphics2D g, Layout l) {
        if (present(title)) {
            FontMetrics head = g.getFontMetrics(PlotStyle.TITLE_FONT);
            g.setFont(PlotStyle.TITLE_FONT);
            g.setColor(PlotStyle.TEXT);
            g.drawString(title, (width - head.stringWidth(title)) / 2f, PAD + head.getAscent());
        }
        FontMetrics tick = g.getFontMetrics(PlotStyle.TICK_FONT);
        g.setFont(PlotStyle.TICK_FONT);
        int y = l.legendTop;
        for (List<Overlay> row : l.legendRows) {
            int x = PAD;
            double mid = y + tick.getHeight() / 2.0;
            for (Overlay o : row) {
                if (o.kind == Kind.PATH) {
                    g.setColor(OUTLINE);
                    g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double(x + 2, mid, x + SWATCH - 2, mid));
                    g.setColor(o.color);
                    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double(x + 2, mid, x + SWATCH - 2, mid));
                } else if (o.kind == Kind.POINTS) {
                    dot(g, x + SWATCH / 2.0, mid, 4, o.color, Color.BLACK, 0.8f);
                } else if (o.kind == Kind.ARROWS) {
                    arrow(g, x + 2, mid, x + SWATCH - 2, mid, o.color);
                } else {
                    Shape s = star(x + SWATCH / 2.0, mid, 7);
                    g.setColor(o.color);
                    g.fill(s);
                    g.setColor(Color.BLACK);
                    g.setStroke(new BasicStroke(1f));
                    g.draw(s);
                }
                g.setColor(PlotStyle.TEXT);
                g.drawString(o.label, x + SWATCH + 4, y + tick.getAscent());
                x += SWATCH + 4 + tick.stringWidth(o.label) + 16;
            }
            y += tick.getHeight() + 4;
        }
    }
}
