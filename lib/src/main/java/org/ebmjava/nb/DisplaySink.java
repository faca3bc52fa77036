package org.ebmjava.nb;

/**
 * Where {@link Notebook} sends rich output: in a notebook, the kernel's display functions.
 *
 * <p>The notebook's setup cell implements this with IJava's top-level {@code display} and
 * {@code updateDisplay}, e.g.
 * <pre>
 * Notebook.install(new DisplaySink() {
 *     public String show(Object v, String mime) { return mime == null ? display(v) : display(v, mime); }
 *     public void replace(String id, Object v, String mime) {
 *         if (mime == null) updateDisplay(id, v); else updateDisplay(id, v, mime);
 *     }
 * });
 * </pre>
 * The method names differ from IJava's on purpose, so that an anonymous class can call them
 * without shadowing. The library itself never depends on IJava.
 */
public interface DisplaySink {
    /**
     * Displays a value as a new output.
     *
     * @param value The object to show, e.g. a {@link java.awt.image.RenderedImage} or an HTML string.
     * @param mimeType The MIME type to render as, e.g. "text/html"; null for the kernel's default.
     * @return The id of the new output, for {@link #replace(String, Object, String)}.
     */
    String show(Object value, String mimeType);

    /**
     * Replaces the content of an earlier output in place.
     *
     * @param id The id returned by {@link #show(Object, String)}.
     * @param value The new object to show.
     * @param mimeType The MIME type to render as; null for the kernel's default.
     */
    void replace(String id, Object value, String mimeType);
}
