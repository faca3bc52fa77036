package org.ebmjava.nb;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.ebmjava.viz.LinePlot;

/**
 * A line chart that redraws itself in place while data arrives, e.g. loss curves during training.
 *
 * <p>In a kernel, {@link #start(String, String, String)} shows an empty chart and every
 * {@link #add(String, double, double)} refreshes it, at most once per
 * {@link #MIN_INTERVAL_MILLIS} ms; {@link #close()} always draws the final state. Outside a
 * kernel nothing is shown until {@link #close()}, which shows the final chart once (printed as
 * "[image WxH]" when no sink is installed).
 */
public final class LivePlot implements AutoCloseable {
    /** Least time between two redraws, in milliseconds. */
    public static final long MIN_INTERVAL_MILLIS = 500;

    private static final class Series {
        double[] x = new double[16];
        double[] y = new double[16];
        int n;

        void add(double xv, double yv) {
            if (n == x.length) {
                x = Arrays.copyOf(x, 2 * n);
                y = Arrays.copyOf(y, 2 * n);
            }
            x[n] = xv;
            y[n] = yv;
            n++;
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final LongSupplier clock;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final String id;
    private long lastNanos;
    private boolean logY;
    private int width = 640;
    private int height = 400;
    private boolean closed;

    private LivePlot(String title, String xLabel, String yLabel, LongSupplier clock) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.clock = clock;
        this.lastNanos = clock.getAsLong();
        this.id = Notebook.inKernel() ? Notebook.show(image()) : null;
    }

    /**
     * Starts a live chart and, in a kernel, shows it (empty).
     *
     * @param title Title drawn above the plot; null or empty for none.
     * @param xLabel Label of the horizontal axis, e.g. "step".
     * @param yLabel Label of the vertical axis, e.g. "loss".
     * @return The live chart.
     */
    public static LivePlot start(String title, String xLabel, String yLabel) {
        return new LivePlot(title, xLabel, yLabel, System::nanoTime);
    }

    /** Starts a live chart that reads time from the given nanosecond clock (for tests). */
    static LivePlot start(String title, String xLabel, String yLabel, LongSupplier nanoClock) {
        return new LivePlot(title, xLabel, yLabel, nanoClock);
    }

    /**
     * Makes the vertical axis logarithmic from the next redraw on; points with y &le; 0 are skipped.
     *
     * @return This chart.
     */
    public LivePlot logY() {
        logY = true;
        return this;
    }

    /**
     * Sets the image size from the next redraw on.
     *
     * @param width Width in pixels, at least 50; default 640.
     * @param height Height in pixels, at least 50; default 400.
     * @return This chart.
     */
    public LivePlot size(int width, int height) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("size must be at least 50 x 50 pixels, found " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /**
     * Appends a point to a series (created on first use) and refreshes if enough time has passed.
     *
     * @param series Name of the series, shown in the legend when there are several.
     * @param x Horizontal coordinate, e.g. the step.
     * @param y Vertical coordinate, e.g. the loss; NaN points are skipped when drawing.
     */
    public synchronized void add(String series, double x, double y) {
        if (series == null) {
            throw new IllegalArgumentException("series must not be null");
        }
        this.series.computeIfAbsent(series, k -> new Series()).add(x, y);
        refresh();
    }

    /** Redraws the chart in the notebook unless it was redrawn less than 500 ms ago. */
    public synchronized void refresh() {
        if (id == null || closed) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastNanos >= MIN_INTERVAL_MILLIS * 1_000_000L) {
            lastNanos = now;
            Notebook.update(id, image());
        }
    }

    /**
     * Renders the current state.
     *
     * @return A new image of the chart.
     */
    public synchronized BufferedImage image() {
        LinePlot plot = LinePlot.create(title, xLabel, yLabel).size(width, height);
        for (Map.Entry<String, Series> e : series.entrySet()) {
            Series s = e.getValue();
            plot.add(e.getKey(), Arrays.copyOf(s.x, s.n), Arrays.copyOf(s.y, s.n));
        }
        if (logY) {
            plot.logY();
        }
        return plot.image();
    }

    /** Draws the final state (in place in a kernel, else shown once); later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (id != null) {
            Notebook.update(id, image());
        } else {
            Notebook.show(image());
        }
    }
}
