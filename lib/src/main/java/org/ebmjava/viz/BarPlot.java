package org.ebmjava.viz;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * A bar chart of values per named category; several series are drawn as grouped bars
 * (XChart underneath).
 *
 * <p>All series must use the same categories in the same order. A NaN value leaves its bar out.
 * A legend appears only when there is more than one series.
 */
public final class BarPlot {
    static {
        Headless.ensure();
    }

    private static final class Bars {
        final String name;
        final List<String> categories;
        final List<Double> values;

        Bars(String name, List<String> categories, List<Double> values) {
            this.name = name;
            this.categories = categories;
            this.values = values;
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Bars> series = new ArrayList<>();
    private double yLo = Double.NaN;
    private double yHi = Double.NaN;
    private int width = PlotStyle.DEFAULT_WIDTH;
    private int height = PlotStyle.DEFAULT_HEIGHT;

    private BarPlot(String title, String xLabel, String yLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
    }

    /**
     * Starts an empty bar plot of the default size 640 x 400.
     *
     * @param title Title drawn above the plot; null or empty for none.
     * @param xLabel Label of the category axis; null or empty for none.
     * @param yLabel Label of the value axis; null or empty for none.
     * @return The new plot.
     */
    public static BarPlot create(String title, String xLabel, String yLabel) {
        return new BarPlot(title, xLabel, yLabel);
    }

    /**
     * Adds one bar per category.
     *
     * @param series Name shown in the legend; unique within the plot.
     * @param categories Category names, one per value; the same list for every series. Not modified.
     * @param values Bar heights. Not modified.
     * @return This plot.
     * @throws IllegalArgumentException If the lengths differ (the message names the series and
     *     both lengths), the categories differ from an earlier series, or the name is used.
     */
    public BarPlot add(String series, List<String> categories, double[] values) {
        Args.notNull(series, "series");
        Args.notNull(categories, "categories of series '" + series + "'");
        Args.notNull(values, "values of series '" + series + "'");
        Args.sameLength("series", series, "categories", categories.size(), "values", values.length);
        for (Bars b : this.series) {
            if (b.name.equals(series)) {
                throw new IllegalArgumentException("series name '" + series + "' is already used in this plot");
            }
            if (!b.categories.equals(categories)) {
                throw new IllegalArgumentException("series '" + series + "' has categories " + categories
                        + " but series '" + b.name + "' has " + b.categories);
            }
        }
        List<Double> v = new ArrayList<>(values.length);
        for (double d : values) {
            v.add(Double.isNaN(d) ? null : d);
        }
        this.series.add(new Bars(series, List.copyOf(categories), v));
        return this;
    }

    /**
     * Fixes the visible value range instead of fitting it to the data.
     *
     * @param lo Lower end, finite.
     * @param hi Upper end, finite and greater than lo.
     * @return This plot.
     */
    public BarPlot yRange(double lo, double hi) {
        Args.range("yRange", lo, hi);
        yLo = lo;
        yHi = hi;
        return this;
    }

    /**
     * Sets the image size.
     *
     * @param width Width in pixels, at least 50; default 640.
     * @param height Height in pixels, at least 50; default 400.
     * @return This plot.
     */
    public BarPlot size(int width, int height) {
        Args.size(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /**
     * Builds a fresh XChart object from the current state, for tweaks this class does not offer.
     *
     * @return A new chart; changes to it do not affect this plot.
     */
    public CategoryChart chart() {
        CategoryChart chart = new CategoryChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        PlotStyle.apply(chart.getStyler(), title);
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setAvailableSpaceFill(0.7);
        if (!Double.isNaN(yLo)) {
            chart.getStyler().setYAxisMin(yLo);
            chart.getStyler().setYAxisMax(yHi);
        }
        double lo = Double.isNaN(yLo) ? 0.0 : yLo;
        double hi = Double.isNaN(yHi) ? 0.0 : yHi;
        for (Bars b : series) {
            for (Double v : b.values) {
                if (v != null && Double.isNaN(yLo)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        chart.getStyler().setYAxisDecimalPattern(PlotStyle.decimalPattern(lo, hi, false));
        for (int i = 0; i < series.size(); i++) {
            Bars b = series.get(i);
            if (b.categories.isEmpty()) {
                continue;
            }
            CategorySeries s = chart.addSeries(b.name, b.categories, b.values);
            s.setFillColor(PlotStyle.series(i));
            s.setLineColor(PlotStyle.series(i));
        }
        return chart;
    }

    /**
     * Renders the plot.
     *
     * @return A new RGB image of the configured size.
     */
    public BufferedImage image() {
        return PlotStyle.render(chart(), width, height);
    }
}
