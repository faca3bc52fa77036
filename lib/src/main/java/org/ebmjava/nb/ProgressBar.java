package org.ebmjava.nb;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar for long loops that updates in place in the notebook.
 *
 * <p>In a kernel it shows an HTML bar with percentage, done/total, elapsed time, estimated time
 * left (elapsed * (total - done)/done) and a free info text such as "loss 0.123". Updates are
 * throttled to at most one per {@link #MIN_INTERVAL_MILLIS} ms, so calling {@link #step()} in a
 * tight loop costs little; {@link #close()} always sends the final state
 * "label: done in 3.2 s". Outside a kernel nothing is printed until {@link #close()}, which
 * prints that final line.
 * <pre>
 * try (ProgressBar bar = ProgressBar.start("training", epochs)) {
 *     for (int e = 0; e &lt; epochs; e++) { ...; bar.step("loss " + loss); }
 * }
 * </pre>
 */
public final class ProgressBar implements AutoCloseable {
    /** Least time between two intermediate updates, in milliseconds. */
    public static final long MIN_INTERVAL_MILLIS = 250;

    private final String label;
    private final int total;
    private final LongSupplier clock;
    private final long startNanos;
    private final String id;
    private long lastNanos;
    private int done;
    private String info = "";
    private boolean closed;

    private ProgressBar(String label, int total, LongSupplier clock) {
        this.label = label;
        this.total = total;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastNanos = startNanos;
        this.id = Notebook.inKernel() ? Notebook.html(html(startNanos)) : null;
    }

    /**
     * Starts a bar and, in a kernel, shows it.
     *
     * @param label What is being done, e.g. "training".
     * @param total Number of steps expected, at least 0.
     * @return The running bar.
     */
    public static ProgressBar start(String label, int total) {
        return start(label, total, System::nanoTime);
    }

    /** Starts a bar that reads time from the given nanosecond clock (for tests). */
    static ProgressBar start(String label, int total, LongSupplier nanoClock) {
        if (label == null) {
            throw new IllegalArgumentException("label must not be null");
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must be at least 0, found " + total);
        }
        return new ProgressBar(label, total, nanoClock);
    }

    /** Records one more step done. */
    public synchronized void step() {
        set(done + 1, info);
    }

    /**
     * Records one more step done and replaces the info text.
     *
     * @param info Short status text, e.g. "loss 0.123"; null for none.
     */
    public synchronized void step(String info) {
        set(done + 1, info);
    }

    /**
     * Sets the number of steps done and the info text.
     *
     * @param done Steps done so far, at least 0 (may exceed total).
     * @param info Short status text; null for none.
     */
    public synchronized void set(int done, String info) {
        if (done < 0) {
            throw new IllegalArgumentException("done must be at least 0, found " + done);
        }
        this.done = done;
        this.info = info == null ? "" : info;
        if (id == null || closed) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastNanos >= MIN_INTERVAL_MILLIS * 1_000_000L) {
            lastNanos = now;
            Notebook.updateHtml(id, html(now));
        }
    }

    /** Shows the final state ("label: done in 3.2 s"); later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long now = clock.getAsLong();
        if (id != null) {
            Notebook.updateHtml(id, finalHtml(now));
        } else {
            System.out.println(finalLine(now));
        }
    }

    /** The one-line final state, e.g. "training: done in 3.2 s (loss 0.1)". */
    String finalLine(long now) {
        String s = label + ": done in " + duration(seconds(now));
        if (done != total) {
            s += " (" + done + "/" + total + " steps)";
        }
        return info.isEmpty() ? s : s + ", " + info;
    }

    private double seconds(long now) {
        return (now - startNanos) / 1e9;
    }

    private double fraction() {
        return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    private String html(long now) {
        double elapsed = seconds(now);
        String eta = done == 0 ? "?" : duration(elapsed * Math.max(0, total - done) / done);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%.0f%%", 100 * fraction()))
                .append(" &middot; ").append(done).append('/').append(total)
                .append(" &middot; ").append(duration(elapsed)).append(" elapsed")
                .append(" &middot; ETA ").append(eta);
        if (!info.isEmpty()) {
            text.append(" &middot; ").append(HtmlOps.escape(info));
        }
        return bar("#1f77b4", text.toString());
    }

    private String finalHtml(long now) {
        return bar("#2ca02c", HtmlOps.escape(finalLine(now)));
    }

    private String bar(String colour, String text) {
        return "<div style=\"font-family:sans-serif;font-size:13px;margin:2px 0\">"
                + "<b>" + HtmlOps.escape(label) + "</b>"
                + "<div style=\"display:inline-block;vertical-align:middle;width:240px;height:12px;"
                + "margin:0 8px;background:#e6e6e6;border-radius:3px;overflow:hidden\">"
                + "<div style=\"height:100%;width:" + String.format(Locale.ROOT, "%.1f", 100 * fraction())
                + "%;background:" + colour + "\"></div></div>"
                + "<span>" + text + "</span></div>";
    }

    /** Formats seconds as "3.2 s", "4 min 05 s" or "1 h 02 min". */
    static String duration(double seconds) {
        if (seconds < 59.95) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
