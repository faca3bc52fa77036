package org.ebmjava.viz;

import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;

/**
 * A line chart of one or more named series, rendered to an image (XChart underneath).
 *
 * <p>Typical uses: loss curves, observables against temperature, energy along a trajectory.
 * Points with a NaN or infinite coordinate are skipped, and on a logarithmic axis so are
 * points with a coordinate &le; 0, so a diverged run still plots. A legend appears only when
 * more than one series (reference lines included) is shown. The plot may be empty.
 *
 * <pre>
 * BufferedImage img = LinePlot.create("Training", "epoch", "loss")
 *         .add("train", trainLoss).add("test", testLoss).logY().image();
 * </pre>
 */
public final class LinePlot {
    static {
        Headless.ensure();
    }

    private final XyCore core;

    private LinePlot(String title, String xLabel, String yLabel) {
        core = new XyCore(title, xLabel, yLabel);
    }

    /**
     * Starts an empty line plot of the default size 640 x 400.
     *
     * @param title Title drawn above the plot; null or empty for none.
     * @param xLabel Label of the horizontal axis; null or empty for none.
     * @param yLabel Label of the vertical axis; null or empty for none.
     * @return The new plot.
     */
    public static LinePlot create(String title, String xLabel, String yLabel) {
        return new LinePlot(title, xLabel, yLabel);
    }

    /**
     * Adds a series drawn as a line through (x[i], y[i]) in the given order.
     *
     * @param series Name of the series, shown in the legend; unique within the plot.
     * @param x Horizontal coordinates. Not modified (copied).
     * @param y Vertical coordinates, same length as x. Not modified (copied).
     * @return This plot.
     * @throws IllegalArgumentException If the lengths differ (the message names the series and
     *     both lengths), an argument is null, or the name is already used.
     */
    public LinePlot add(String series, double[] x, double[] y) {
        core.add(series, x, y, XyCore.Kind.LINE);
        return this;
    }

    /**
     * Adds a series against its index: the points are (i, y[i]) for i = 0 .. n-1.
     *
     * @param series Name of the series, shown in the legend; unique within the plot.
     * @param y Vertical coordinates. Not modified (copied).
     * @return This plot.
     */
    public LinePlot add(String series, double[] y) {
        Args.notNull(y, "y of series '" + series + "'");
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return add(series, x, y);
    }

    /**
     * Makes the horizontal axis logarithmic (base 10); points with x &le; 0 are then skipped.
     *
     * @return This plot.
     */
    public LinePlot logX() {
        core.logX();
        return this;
    }

    /**
     * Makes the vertical axis logarithmic (base 10); points with y &le; 0 are then skipped.
     *
     * @return This plot.
     */
    public LinePlot logY() {
        core.logY();
        return this;
    }

    /**
     * Sets the image size.
     *
     * @param width Width in pixels, at least 50; default 640.
     * @param height Height in pixels, at least 50; default 400.
     * @return This plot.
     */
    public LinePlot size(int width, int height) {
        core.size(width, height);
        return this;
    }

    /**
     * Switches circle markers at the data points on or off (default off).
     *
     * @param on True to draw a marker at every point of every line series.
     * @return This plot.
     */
    public LinePlot markers(boolean on) {
        core.markers(on);
        return this;
    }

    /**
     * Fixes the visible vertical range instead of fitting it to the data.
     *
     * @param lo Lower end, finite.
     * @param hi Upper end, finite and greater than lo.
     * @return This plot.
     */
    public LinePlot yRange(double lo, double hi) {
        core.yRange(lo, hi);
        return this;
    }

    /**
     * Fixes the visible horizontal range instead of fitting it to the data.
     *
     * @param lo Lower end, finite.
     * @param hi Upper end, finite and greater than lo.
     * @return This plot.
     */
    public LinePlot xRange(double lo, double hi) {
        core.xRange(lo, hi);
        return this;
    }

    /**
     * Adds a dashed vertical line at x spanning the shown vertical range, e.g. a critical
     * temperature T_c. It appears in the legend under its label.
     *
     * @param label Legend label; unique within the plot.
     * @param x Position on the horizontal axis, finite.
     * @return This plot.
     */
    public LinePlot verticalLine(String label, double x) {
        core.refLine(label, x, true);
        return this;
    }

    /**
     * Adds a dashed horizontal line at y spanning the shown horizontal range, e.g. an exact
     * value that an estimate should approach. It appears in the legend under its label.
     *
     * @param label Legend label; unique within the plot.
     * @param y Position on the vertical axis, finite.
     * @return This plot.
     */
    public LinePlot horizontalLine(String label, double y) {
        core.refLine(label, y, false);
        return this;
    }

    /**
     * Returns the underlying XChart object, brought up to date with this plot, for tweaks
     * that this class does not offer. Styling of a series set here is kept by {@link #image()}.
     * Besides the plot's series it holds one invisible point without a legend entry, which keeps
     * XChart's tick labels well spaced.
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
        return core.image();
    }
}
