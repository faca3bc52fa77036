package org.ebmjava.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The state shared by the XY plots: named series, reference lines, axis options, and the XChart
 * object they are copied into before each rendering.
 *
 * <p>Raw data is kept as given (copied); non-finite points, and non-positive ones on a
 * logarithmic axis, are dropped each time the chart is synchronised, so calling
 * {@code logY()} after {@code add(...)} works. A series left with no points is not drawn.
 */
final class XyCore {
    enum Kind { LINE, SCATTER, AREA, VLINE, HLINE }

    private static final BasicStroke LINE_STROKE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke AREA_STROKE = new BasicStroke(1.5f);
    private static final BasicStroke DASHED = new BasicStroke(
            1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

    private static final class Entry {
        final String name;
        final Kind kind;
        final int colorIndex;
        double[] x;
        double[] y;

        Entry(String name, Kind kind, int colorIndex, double[] x, double[] y) {
            this.name = name;
            this.kind = kind;
            this.colorIndex = colorIndex;
            this.x = x;
            this.y = y;
        }
    }

    /** Name of the invisible series added by {@link #tickHelper(double[])}. */
    static final String TICK_HELPER = "\u0000tick-helper";

    final XYChart chart;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private boolean logX;
    private boolean logY;
    private boolean markers;
    private boolean yFromZero;
    private double xLo = Double.NaN;
    private double xHi = Double.NaN;
    private double yLo = Double.NaN;
    private double yHi = Double.NaN;
    private int width = PlotStyle.DEFAULT_WIDTH;
    private int height = PlotStyle.DEFAULT_HEIGHT;

    XyCore(String title, String xLabel, String yLabel) {
        chart = new XYChart(PlotStyle.DEFAULT_WIDTH, PlotStyle.DEFAULT_HEIGHT);
        chart.setTitle(title == null ? "" : title);
        chart.setXAxisTitle(xLabel == null ? "" : xLabel);
        chart.setYAxisTitle(yLabel == null ? "" : yLabel);
        PlotStyle.apply(chart.getStyler(), title);
        chart.getStyler().setMarkerSize(6);
    }

    void add(String name, double[] x, double[] y, Kind kind) {
        Args.notNull(name, "series");
        Args.notNull(x, "x of series '" + name + "'");
        Args.notNull(y, "y of series '" + name + "'");
        Args.sameLength("series", name, "x", x.length, "y", y.length);
        if (entries.containsKey(name)) {
            throw new IllegalArgumentException("series name '" + name + "' is already used in this plot");
        }
        entries.put(name, new Entry(name, kind, entries.size(), x.clone(), y.clone()));
    }

    void refLine(String label, double value, boolean vertical) {
        Args.notNull(label, "label");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("line '" + label + "' needs a finite position, found " + value);
        }
        double[] v = {value};
        add(label, v, v, vertical ? Kind.VLINE : Kind.HLINE);
    }

    /** Replaces the data of an existing series (used when a histogram switches to densities). */
    void replace(String name, double[] x, double[] y) {
        Entry e = entries.get(name);
        e.x = x;
        e.y = y;
    }

    void logX() {
        logX = true;
    }

    void logY() {
        logY = true;
    }

    void yFromZero() {
        yFromZero = true;
    }

    void markers(boolean on) {
        markers = on;
        for (Entry e : entries.values()) {
            XYSeries s = chart.getSeries(e.name);
            if (s != null && e.kind == Kind.LINE) {
                s.setMarker(on ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
        }
    }

    void markerSize(int pixels) {
        Args.positive("markerSize", pixels);
        chart.getStyler().setMarkerSize(pixels);
    }

    void xRange(double lo, double hi) {
        Args.range("xRange", lo, hi);
        xLo = lo;
        xHi = hi;
    }

    void yRange(double lo, double hi) {
        Args.range("yRange", lo, hi);
        yLo = lo;
        yHi = hi;
    }

    void size(int w, int h) {
        Args.size(w, h);
        width = w;
        height = h;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The x and y extent that will be shown: explicit ranges where set, else the data's. */
    double[] extent() {
        double[] xb = dataBounds(true);
        double[] yb = dataBounds(false);
        return new double[] {
            Double.isNaN(xLo) ? xb[0] : xLo, Double.isNaN(xHi) ? xb[1] : xHi,
            Double.isNaN(yLo) ? yb[0] : yLo, Double.isNaN(yHi) ? yb[1] : yHi
        };
    }

    /** Copies the current state into the XChart object and returns it. */
    XYChart sync() {
        double[] ext = extent();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(logX);
        st.setYAxisLogarithmic(logY);
        st.setXAxisMin(boxed(xLo));
        st.setXAxisMax(boxed(xHi));
        st.setYAxisMin(Double.isNaN(yLo) && yFromZero && !logY ? Double.valueOf(0.0) : boxed(yLo));
        st.setYAxisMax(boxed(yHi));
        st.setXAxisDecimalPattern(PlotStyle.decimalPattern(ext[0], ext[1], logX));
        st.setYAxisDecimalPattern(PlotStyle.decimalPattern(ext[2], ext[3], logY));
        for (Entry e : entries.values()) {
            double[][] pts = points(e, ext);
            XYSeries s = chart.getSeries(e.name);
            if (pts[0].length == 0) {
                if (s != null) {
                    chart.removeSeries(e.name);
                }
            } else if (s == null) {
                style(chart.addSeries(e.name, pts[0], pts[1]), e);
            } else {
                chart.updateXYSeries(e.name, pts[0], pts[1], null);
            }
        }
        st.setXAxisLogarithmicDecadeOnly(ext[1] / ext[0] >= 100);
        st.setYAxisLogarithmicDecadeOnly(ext[3] / ext[2] >= 100);
        tickHelper(ext);
        int shown = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            shown += s.isShowInLegend() ? 1 : 0;
        }
        st.setLegendVisible(shown > 1);
        return chart;
    }

    /**
     * Keeps XChart's tick placement readable. When the x values of all series are equally spaced
     * (an index axis, histogram bin edges), XChart 4.0.3 puts a tick on every k-th data point with
     * the labels nearly touching; one invisible point off that grid makes it use its ordinary,
     * well-spaced ticks instead. The point lies inside the shown range, so the axes do not change.
     */
    private void tickHelper(double[] ext) {
        if (chart.getSeries(TICK_HELPER) != null) {
            chart.removeSeries(TICK_HELPER);
        }
        if (chart.getSeriesCollection().isEmpty()) {
            return;
        }
        double f = 0.41421356;
        double x = logX ? ext[0] * Math.pow(ext[1] / ext[0], f) : ext[0] + f * (ext[1] - ext[0]);
        XYSeries s = chart.addSeries(TICK_HELPER, new double[] {x}, new double[] {ext[2]});
        Color none = new Color(0, 0, 0, 0);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(none);
        s.setMarkerColor(none);
        s.setShowInLegend(false);
    }

    BufferedImage image() {
        return PlotStyle.render(sync(), width, height);
    }

    private void style(XYSeries s, Entry e) {
        Color c = PlotStyle.series(e.colorIndex);
        s.setLineColor(c);
        s.setMarkerColor(c);
        switch (e.kind) {
            case LINE:
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setLineStyle(LINE_STROKE);
                s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                break;
            case SCATTER:
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(PlotStyle.withAlpha(c, 190));
                break;
            case AREA:
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                s.setLineStyle(AREA_STROKE);
                s.setFillColor(PlotStyle.withAlpha(c, 90));
                s.setMarker(SeriesMarkers.NONE);
                break;
            default:
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setLineStyle(DASHED);
                s.setMarker(SeriesMarkers.NONE);
                break;
        }
    }

    /** The bound for XChart: null (fit to data) where none was set. */
    private static Double boxed(double v) {
        return Double.isNaN(v) ? null : Double.valueOf(v);
    }

    private boolean keepX(double v) {
        return Double.isFinite(v) && (!logX || v > 0);
    }

    private boolean keepY(double v) {
        return Double.isFinite(v) && (!logY || v > 0);
    }

    private double[][] points(Entry e, double[] ext) {
        if (e.kind == Kind.VLINE) {
            double v = e.x[0];
            return keepX(v) ? new double[][] {{v, v}, {ext[2], ext[3]}} : new double[2][0];
        }
        if (e.kind == Kind.HLINE) {
            double v = e.y[0];
            return keepY(v) ? new double[][] {{ext[0], ext[1]}, {v, v}} : new double[2][0];
        }
        double[] fx = new double[e.x.length];
        double[] fy = new double[e.x.length];
        int n = 0;
        for (int i = 0; i < e.x.length; i++) {
            if (keepX(e.x[i]) && keepY(e.y[i])) {
                fx[n] = e.x[i];
                fy[n] = e.y[i];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(fx, n), Arrays.copyOf(fy, n)};
    }

    /** Min and max over the kept points (and the reference lines across this axis), padded if degenerate. */
    private double[] dataBounds(boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean log = xAxis ? logX : logY;
        for (Entry e : entries.values()) {
            if (e.kind == Kind.VLINE || e.kind == Kind.HLINE) {
                boolean across = (e.kind == Kind.VLINE) == xAxis;
                double v = e.kind == Kind.VLINE ? e.x[0] : e.y[0];
                if (across && (xAxis ? keepX(v) : keepY(v))) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                continue;
            }
            for (int i = 0; i < e.x.length; i++) {
                if (keepX(e.x[i]) && keepY(e.y[i])) {
                    double v = xAxis ? e.x[i] : e.y[i];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (e.kind == Kind.AREA && !xAxis && !log) {
                lo = Math.min(lo, 0.0);
            }
        }
        if (lo > hi) {
            return log ? new double[] {1.0, 10.0} : new double[] {0.0, 1.0};
        }
        if (lo == hi) {
            if (log) {
                return new double[] {lo / 2, hi * 2};
            }
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            return new double[] {lo - pad, hi + pad};
        }
        return new double[] {lo, hi};
    }
}
