/**
 * Plots and pictures as {@link java.awt.image.BufferedImage}s, which the IJava kernel shows inline.
 *
 * <p>Charts use XChart; heatmaps and image grids are drawn directly with Java2D. All classes set
 * {@code java.awt.headless=true} unless it was set, share one look (white background, readable
 * fonts, 640 x 400 by default, a legend only for more than one series) and are configured with
 * chained calls that end in {@code image()}.
 *
 * <ul>
 *   <li>{@link org.ebmjava.viz.LinePlot}: lines, log axes, reference lines (loss curves, observables).</li>
 *   <li>{@link org.ebmjava.viz.ScatterPlot}: point clouds, optionally with equal aspect.</li>
 *   <li>{@link org.ebmjava.viz.Histogram}: counts or densities with exact-density overlays.</li>
 *   <li>{@link org.ebmjava.viz.BarPlot}: values per category.</li>
 *   <li>{@link org.ebmjava.viz.Heatmap}: 2D fields such as energy landscapes, with contours, paths and markers.</li>
 *   <li>{@link org.ebmjava.viz.ContourOps}: marching-squares iso-lines used by the heatmap.</li>
 *   <li>{@link org.ebmjava.viz.Colormap}: viridis, magma, grey and cool-warm colour maps.</li>
 *   <li>{@link org.ebmjava.viz.ImageGrid}: tiles of digits, samples or spin lattices.</li>
 *   <li>{@link org.ebmjava.viz.Figures}: panels side by side, in a grid, or under a title.</li>
 *   <li>{@link org.ebmjava.viz.Animation}: animated GIFs and their HTML tags.</li>
 *   <li>{@link org.ebmjava.viz.ImageIoOps}: PNG bytes, atomic PNG files and data URIs.</li>
 * </ul>
 */
package org.ebmjava.viz;
