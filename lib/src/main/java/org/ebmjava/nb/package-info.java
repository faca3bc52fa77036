/**
 * The bridge between the library and a notebook: rich output, progress, tables and size knobs.
 *
 * <p>Nothing here depends on IJava. A notebook's setup cell installs a {@link org.ebmjava.nb.DisplaySink}
 * built on IJava's {@code display}/{@code updateDisplay}; without one, output falls back to plain
 * text on {@code System.out}, so the same code runs in tests and scripts.
 *
 * <ul>
 *   <li>{@link org.ebmjava.nb.DisplaySink}: what the notebook provides (show, replace).</li>
 *   <li>{@link org.ebmjava.nb.Notebook}: show images, HTML and Markdown; update them in place.</li>
 *   <li>{@link org.ebmjava.nb.ProgressBar}: a throttled HTML progress bar for long loops.</li>
 *   <li>{@link org.ebmjava.nb.LivePlot}: a line chart redrawn in place, e.g. loss during training.</li>
 *   <li>{@link org.ebmjava.nb.Tables}: Tablesaw tables as styled HTML or fixed-width text.</li>
 *   <li>{@link org.ebmjava.nb.HtmlOps}: HTML escaping and tag stripping.</li>
 *   <li>{@link org.ebmjava.nb.Knobs}: quick or full mode ({@code EBM_QUICK}), read in one place.</li>
 * </ul>
 */
package org.ebmjava.nb;
