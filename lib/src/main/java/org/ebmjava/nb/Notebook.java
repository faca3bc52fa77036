package org.ebmjava.nb;

import java.awt.image.RenderedImage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library's one door to the notebook's output: images, HTML, Markdown, and in-place updates.
 *
 * <p>A notebook's setup cell installs a {@link DisplaySink} that forwards to IJava; from then on
 * everything goes there. Without a sink (plain JVM, tests, scripts) output is printed to
 * {@code System.out} as plain text: an image as one line "[image WxH]", HTML with its tags
 * stripped, Markdown as written; ids "local-1", "local-2", ... are handed out. No method throws
 * because of the display: if the sink fails, the value is printed instead and one warning goes to
 * {@code System.err}.
 */
public final class Notebook {
    /** MIME type of HTML output. */
    public static final String HTML = "text/html";
    /** MIME type of Markdown output. */
    public static final String MARKDOWN = "text/markdown";

    private static volatile DisplaySink sink;
    private static volatile boolean warned;
    private static final AtomicInteger LOCAL_IDS = new AtomicInteger();

    private Notebook() {}

    /**
     * Routes all later output to a sink.
     *
     * @param displaySink The sink, normally built on IJava's display functions; null to go back
     *     to printing.
     */
    public static void install(DisplaySink displaySink) {
        sink = displaySink;
        warned = false;
    }

    /**
     * Tells whether a sink is installed, i.e. whether output reaches a notebook.
     *
     * @return True if {@link #install(DisplaySink)} was called with a sink.
     */
    public static boolean inKernel() {
        return sink != null;
    }

    /**
     * Shows a value with the kernel's default rendering (an image inline as PNG).
     *
     * @param value The value, e.g. a {@link java.awt.image.BufferedImage}.
     * @return The display id, for {@link #update(String, Object)}.
     */
    public static String show(Object value) {
        return send(value, null);
    }

    /**
     * Shows an HTML fragment.
     *
     * @param html The HTML.
     * @return The display id, for {@link #updateHtml(String, String)}.
     */
    public static String html(String html) {
        return send(html, HTML);
    }

    /**
     * Shows Markdown (rendered by the notebook, LaTeX included).
     *
     * @param md The Markdown text.
     * @return The display id.
     */
    public static String markdown(String md) {
        return send(md, MARKDOWN);
    }

    /**
     * Replaces an earlier output with a new value in the default rendering.
     *
     * @param id The id returned when the output was shown.
     * @param value The new value.
     */
    public static void update(String id, Object value) {
        resend(id, value, null);
    }

    /**
     * Replaces an earlier output with new HTML.
     *
     * @param id The id returned when the output was shown.
     * @param html The new HTML.
     */
    public static void updateHtml(String id, String html) {
        resend(id, html, HTML);
    }

    private static String send(Object value, String mime) {
        DisplaySink s = sink;
        if (s != null) {
            try {
                String id = s.show(value, mime);
                return id != null ? id : localId();
            } catch (RuntimeException e) {
                warn(e);
            }
        }
        print(value, mime);
        return localId();
    }

    private static void resend(String id, Object value, String mime) {
        DisplaySink s = sink;
        if (s != null) {
            try {
                s.replace(id, value, mime);
                return;
            } catch (RuntimeException e) {
                warn(e);
            }
        }
        print(value, mime);
    }

    private static String localId() {
        return "local-" + LOCAL_IDS.incrementAndGet();
    }

    private static void warn(RuntimeException e) {
        if (!warned) {
            warned = true;
            System.err.println("[display failed (" + e + "); printing output instead]");
        }
    }

    /** The plain-text form used without a sink. */
    static String plain(Object value, String mime) {
        if (value instanceof RenderedImage) {
            RenderedImage img = (RenderedImage) value;
            return "[image " + img.getWidth() + "x" + img.getHeight() + "]";
        }
        String text = String.valueOf(value);
        return HTML.equals(mime) ? HtmlOps.stripTags(text) : text;
    }

    private static void print(Object value, String mime) {
        System.out.println(plain(value, mime));
    }
}
