package org.ebmjava.viz;

import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;

/**
 * A scatter plot of one or more named point sets, rendered to an image (XChart underneath).
 *
 * <p>Typical uses: 2D toy data against model samples, or chains of a sampler. Markers are
 * slightly transparent so dense regions read darker. Points with a non-finite coordinate are
 * skipped. A legend appears only when more than one series is shown.
 */
public final class ScatterPlot {
    static {
        Headless.ensure();
    }

    private final XyCore core;
    private boolean equalAspect;

    private ScatterPlot(String title, String xLabel, String yLabel) {
        core = new XyCore(title, xLabel, yLabel);
    }

    /**
     * Starts an empty scatter plot of the default size 640 x 400.
     *
     * @param title Title drawn above the plot; null or empty for none.
     * @param xLabel Label of the horizontal axis; null or empty for none.
     * @param yLabel Label of the vertical axis; null or empty for none.
     * @return The new plot.
     */
    public static ScatterPlot create(String title, String xLabel, String yLabel) {
        return new ScatterPlot(title, xLabel, yLabel);
    }

    /**
     * Adds the points (x[i], y[i]).
     *
     * @param series Name of the point set, shown in the legend; unique within the plot.
     * @param x Horizontal coordinates. Not modified (copied).
     * @param y Vertical coordinates, same length as x. Not modified (copied).
     * @return This plot.
     * @throws IllegalArgumentException If the lengths differ (the message names the series and
     *     both lengths), an argument is null, or the name is already used.
     */
    public ScatterPlot add(String series, double[] x, double[] y) {
        core.add(series, x, y, XyCore.Kind.SCATTER);
        return this;
    }

    /**
     * Adds the points given as rows (x, y).
     *
     * @param series Name of the point set, shown in the legend; unique within the plot.
     * @param points An n x 2 array, one point per row. Not modified.
     * @return This plot.
     * @throws IllegalArgumentException If a row does not have length 2 (the message names the row).
     */
    public ScatterPlot add(String series, double[][] points) {
        Args.notNull(points, "points of series '" + series + "'");
        double[] x = new double[points.length];
        double[] y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("series '" + series + "': row " + i
                        + " of points must have length 2, found "
                        + (points[i] == null ? "null" : "length " + points[i].length));
            }
            x[i] = points[i][0];
            y[i] = points[i][1];
        }
        return add(series, x, y);
    }

    /**
     * Sets the marker diameter.
     *
     * @param pixels Diameter in pixels, at least 1; default 6.
     * @return This plot.
     */
    public ScatterPlot markerSize(int pixels) {
        core.markerSize(pixels);
        return this;
    }

    /**
     * Sets the image size.
     *
     * @param width Width in pixels, at least 50; default 640.
     * @param height Height in pixels, at least 50; default 400.
     * @return This plot.
     */
    public ScatterPlot size(int width, int height) {
        core.size(width, height);
        return this;
    }

    /**
     * Fixes the visible horizontal range instead of fitting it to the data.
     *
     * @param lo Lower end, finite.
     * @param hi Upper end, finite and greater than lo.
     * @return This plot.
     */
    public ScatterPlot xRange(double lo, double hi) {
        core.xRange(lo, hi);
        return this;
    }

    /**
     * Fixes the visible vertical range instead of fitting it to the data.
     *
     * @param lo Lower end, finite.
     * @param hi Upper end, finite and greater than lo.
     * @return This plot.
     */
    public ScatterPlot yRange(double lo, double hi) {
        core.yRange(lo, hi);
        return this;
    }

    /**
     * Makes one data unit as long on screen horizontally as vertically, so circles look round.
     *
     * <p>The image size is kept; the axis with fewer pixels per unit keeps its range and the
     * other range is widened about its centre.
     *
     * @return This plot.
     */
    public ScatterPlot equalAspect() {
        equalAspect = true;
        return this;
    }

    /**
     * Returns the underlying XChart object, brought up to date with this plot, for tweaks this
     * class does not offer. Besides the plot's series it holds one invisible point without a
     * legend entry, which keeps XChart's tick labels well spaced. The equal-aspect ranges are
     * applied only inside {@link #image()}.
     *
     * @return The chart that {@link #image()} renders.
     */
    public XYChart chart() {
        return core.sync();
    }

    /**
     * Renders the plot.
     *
     * @return A new RGB image of the configured size.
     */
    public BufferedImage image() {
        if (!equalAspect) {
            return core.image();
        }
        double[] e = core.extent();
        XYChart chart = core.sync();
        // First pass with the data extent fixed, to learn how many pixels one unit takes.
        setAxes(chart, e[0], e[1], e[2], e[3]);
        PlotStyle.render(chart, core.width(), core.height());
        double px = chart.getScreenXFromChart(e[1]) - chart.getScreenXFromChart(e[0]);
        double py = chart.getScreenYFromChart(e[2]) - chart.getScreenYFromChart(e[3]);
        double sx = px / (e[1] - e[0]);
        double sy = py / (e[3] - e[2]);
        if (sx > sy) {
            double half = px / sy / 2;
            double c = (e[0] + e[1]) / 2;
            setAxes(chart, c - half, c + half, e[2], e[3]);
        } else {
            double half = py / sx / 2;
            double c = (e[2] + e[3]) / 2;
            setAxes(chart, e[0], e[1], c - half, c + half);
        }
        return PlotStyle.render(chart, core.width(), core.height());
    }

    /** The chart as last rendered, without bringing it up to date (for tests of the aspect). */
    XYChart renderedChart() {
        return core.chart;
    }

    private static void setAxes(XYChart chart, double x0, double x1, double y0, double y1) {
        chart.getStyler().setXAxisMin(x0);
        chart.getStyler().setXAxisMax(x1);
        chart.getStyler().setYAxisMin(y0);
        chart.getStyler().setYAxisMax(y1);
    }
}
