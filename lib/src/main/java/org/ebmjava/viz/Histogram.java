package org.ebmjava.viz;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Histograms of one or more samples, optionally normalised to densities, with line overlays
 * such as the exact density (XChart underneath).
 *
 * <p>Each histogram is drawn as a filled, semi-transparent step outline, so several overlap
 * readably. Bins are equal-width on [lo, hi]; bin k holds values in
 * [lo + k*w, lo + (k+1)*w) with w = (hi - lo)/bins, and the last bin also holds hi. Values
 * outside [lo, hi] and NaN are not counted.
 *
 * <p>As a density, bin k shows count<sub>k</sub> / (N*w) with N the number of values counted,
 * so the bars integrate to 1 over [lo, hi] and can be compared with a probability density.
 */
public final class Histogram {
    static {
        Headless.ensure();
    }

    private static final class Hist {
        final long[] counts;
        final double lo;
        final double hi;

        Hist(long[] counts, double lo, double hi) {
            this.counts = counts;
            this.lo = lo;
            this.hi = hi;
        }
    }

    private final XyCore core;
    private final Map<String, Hist> hists = new LinkedHashMap<>();
    private boolean density;

    private Histogram(String title, String xLabel) {
        core = new XyCore(title, xLabel, "count");
        core.yFromZero();
    }

    /**
     * Starts an empty histogram plot of the default size 640 x 400.
     *
     * @param title Title drawn above the plot; null or empty for none.
     * @param xLabel Label of the horizontal axis; null or empty for none.
     * @return The new plot.
     */
    public static Histogram create(String title, String xLabel) {
        return new Histogram(title, xLabel);
    }

    /**
     * Counts the values falling into equal-width bins on [lo, hi].
     *
     * @param data Values to count; NaN and values outside [lo, hi] are ignored. Not modified.
     * @param bins Number of bins, at least 1.
     * @param lo Left edge of the first bin, finite.
     * @param hi Right edge of the last bin, finite and greater than lo; belongs to the last bin.
     * @return The count of each bin, length bins.
     */
    public static long[] counts(double[] data, int bins, double lo, double hi) {
        Args.notNull(data, "data");
        Args.positive("bins", bins);
        Args.range("histogram range", lo, hi);
        long[] c = new long[bins];
        double w = (hi - lo) / bins;
        for (double v : data) {
            if (v >= lo && v <= hi) {
                c[Math.min(bins - 1, (int) ((v - lo) / w))]++;
            }
        }
        return c;
    }

    /**
     * Adds a histogram of a sample.
     *
     * @param series Name shown in the legend; unique within the plot.
     * @param data The sample. Not modified.
     * @param bins Number of equal-width bins, at least 1.
     * @param lo Left edge of the first bin, finite.
     * @param hi Right edge of the last bin, finite and greater than lo.
     * @return This plot.
     */
    public Histogram add(String series, double[] data, int bins, double lo, double hi) {
        long[] c = counts(data, bins, lo, hi);
        Hist h = new Hist(c, lo, hi);
        double[][] xy = outline(h, false);
        core.add(series, xy[0], xy[1], XyCore.Kind.AREA);
        hists.put(series, h);
        return this;
    }

    /**
     * Chooses between raw counts (default) and densities that integrate to 1.
     *
     * @param on True to show count<sub>k</sub> / (N*w), false to show counts.
     * @return This plot.
     */
    public Histogram density(boolean on) {
        density = on;
        return this;
    }

    /**
     * Overlays a line, e.g. the exact density p(x) evaluated on a grid.
     *
     * @param series Name shown in the legend; unique within the plot.
     * @param x Horizontal coordinates. Not modified (copied).
     * @param y Vertical coordinates, same length as x. Not modified (copied).
     * @return This plot.
     * @throws IllegalArgumentException If the lengths differ (the message names the series and
     *     both lengths).
     */
    public Histogram curve(String series, double[] x, double[] y) {
        core.add(series, x, y, XyCore.Kind.LINE);
        return this;
    }

    /**
     * Sets the image size.
     *
     * @param width Width in pixels, at least 50; default 640.
     * @param height Height in pixels, at least 50; default 400.
     * @return This plot.
     */
    public Histogram size(int width, int height) {
        core.size(width, height);
        return this;
    }

    /**
     * Renders the plot; the vertical axis starts at 0 and is labelled "count" or "density".
     *
     * @return A new RGB image of the configured size.
     */
    public BufferedImage image() {
        for (Map.Entry<String, Hist> e : hists.entrySet()) {
            double[][] xy = outline(e.getValue(), density);
            core.replace(e.getKey(), xy[0], xy[1]);
        }
        core.chart.setYAxisTitle(density ? "density" : "count");
        return core.image();
    }

    /** The chart as last rendered (for tests). */
    org.knowm.xchart.XYChart renderedChart() {
        return core.chart;
    }

    /** The closed step outline (lo, 0), (lo, h0), (e1, h0), (e1, h1), ..., (hi, 0). */
    private static double[][] outline(Hist h, boolean density) {
        int bins = h.counts.length;
        double w = (h.hi - h.lo) / bins;
        long total = 0;
        for (long c : h.counts) {
            total += c;
        }
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = h.lo;
        for (int k = 0; k < bins; k++) {
            double v = h.counts[k];
            if (density) {
                v = total == 0 ? 0.0 : v / (total * w);
            }
            x[2 * k + 1] = h.lo + k * w;
            y[2 * k + 1] = v;
            x[2 * k + 2] = k == bins - 1 ? h.hi : h.lo + (k + 1) * w;
            y[2 * k + 2] = v;
        }
        x[2 * bins + 1] = h.hi;
        return new double[][] {x, y};
    }
}
