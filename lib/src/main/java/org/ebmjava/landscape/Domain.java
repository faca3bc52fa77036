package org.ebmjava.landscape;

import java.util.random.RandomGenerator;

/**
 * An axis-aligned box [xMin, xMax] &times; [yMin, yMax] in the plane: where a landscape is plotted
 * and where random starting points are drawn.
 *
 * @param xMin The left edge. Must be finite.
 * @param xMax The right edge. Must be finite and &gt; xMin.
 * @param yMin The bottom edge. Must be finite.
 * @param yMax The top edge. Must be finite and &gt; yMin.
 */
public record Domain(double xMin, double xMax, double yMin, double yMax) {

    /**
     * Validates the box.
     *
     * @param xMin The left edge. Must be finite.
     * @param xMax The right edge. Must be finite and &gt; xMin.
     * @param yMin The bottom edge. Must be finite.
     * @param yMax The top edge. Must be finite and &gt; yMin.
     * @throws IllegalArgumentException If an edge is not finite or an interval is empty.
     */
    public Domain {
        if (!Double.isFinite(xMin) || !Double.isFinite(xMax) || !(xMax > xMin)) {
            throw new IllegalArgumentException(
                    "need finite xMin < xMax, found xMin=" + xMin + ", xMax=" + xMax);
        }
        if (!Double.isFinite(yMin) || !Double.isFinite(yMax) || !(yMax > yMin)) {
            throw new IllegalArgumentException(
                    "need finite yMin < yMax, found yMin=" + yMin + ", yMax=" + yMax);
        }
    }

    /**
     * Creates the square [lo, hi] &times; [lo, hi].
     *
     * @param lo The lower edge in both coordinates. Must be finite.
     * @param hi The upper edge in both coordinates. Must be finite and &gt; lo.
     * @return The square domain.
     * @throws IllegalArgumentException If the bounds are invalid.
     */
    public static Domain square(double lo, double hi) {
        return new Domain(lo, hi, lo, hi);
    }

    /**
     * Returns the width of the box.
     *
     * @return xMax - xMin &gt; 0.
     */
    public double width() {
        return xMax - xMin;
    }

    /**
     * Returns the height of the box.
     *
     * @return yMax - yMin &gt; 0.
     */
    public double height() {
        return yMax - yMin;
    }

    /**
     * Tells whether a point lies in the closed box.
     *
     * @param x The x coordinate.
     * @param y The y coordinate.
     * @return True if xMin &le; x &le; xMax and yMin &le; y &le; yMax.
     */
    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }

    /**
     * Returns the box scaled about its centre.
     *
     * @param factor The scale factor. Must be finite and &gt; 0.
     * @return A box with the same centre and factor times the width and height.
     * @throws IllegalArgumentException If factor is not finite and positive.
     */
    public Domain scaled(double factor) {
        if (!(factor > 0.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and > 0, found " + factor);
        }
        double cx = 0.5 * (xMin + xMax);
        double cy = 0.5 * (yMin + yMax);
        double hw = 0.5 * width() * factor;
        double hh = 0.5 * height() * factor;
        return new Domain(cx - hw, cx + hw, cy - hh, cy + hh);
    }

    /**
     * Draws a point uniformly from the box, x first, then y.
     *
     * @param rng The source of randomness. Must not be null. Advanced by two draws.
     * @return A new array {x, y}.
     * @throws IllegalArgumentException If rng is null.
     */
    public double[] uniformPoint(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        double x = xMin + width() * rng.nextDouble();
        double y = yMin + height() * rng.nextDouble();
        return new double[] {x, y};
    }
}
