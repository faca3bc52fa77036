package org.ebmjava.landscape;

/**
 * The tilted double well E(x) = h (x<sup>2</sup> - 1)<sup>2</sup> + tilt &middot; x.
 *
 * <p>Two minima near x = &plusmn;1 separated by a barrier of height about h at x &asymp; 0; a
 * positive tilt lowers the left well (so the global minimum is unique), a negative tilt the right
 * one. The simplest picture of metastability: at low temperature a walker stays in the well it
 * starts in for a time that grows like exp(h / T) (Arrhenius / Kramers).
 *
 * <pre>
 * Reference: H. A. Kramers, "Brownian motion in a field of force and the diffusion model of
 * chemical reactions", Physica 7(4), 1940.
 * </pre>
 */
public final class DoubleWell1D implements Energy1D {

    /** Default barrier height h. */
    public static final double DEFAULT_BARRIER = 1.0;
    /** Default tilt: small enough to keep two wells, large enough to make the left one global. */
    public static final double DEFAULT_TILT = 0.25;

    private final double barrier;
    private final double tilt;
    private final double minimum;

    /** Creates the double well with h = {@value #DEFAULT_BARRIER} and tilt = {@value #DEFAULT_TILT}. */
    public DoubleWell1D() {
        this(DEFAULT_BARRIER, DEFAULT_TILT);
    }

    /**
     * Creates a double well with the given barrier and tilt.
     *
     * @param barrier The barrier height h of the untilted well. Must be finite and &gt; 0.
     * @param tilt The linear tilt. Must be finite; 0 gives two equal wells at &plusmn;1.
     * @throws IllegalArgumentException If a parameter is invalid.
     */
    public DoubleWell1D(double barrier, double tilt) {
        Params.requirePositive(barrier, "barrier");
        Params.requireFinite(tilt, "tilt");
        this.barrier = barrier;
        this.tilt = tilt;
        this.minimum = lowestStationaryPoint();
    }

    @Override
    public double value(double x) {
        double u = x * x - 1.0;
        return barrier * u * u + tilt * x;
    }

    @Override
    public double derivative(double x) {
        return 4.0 * barrier * x * (x * x - 1.0) + tilt;
    }

    /**
     * Returns the second derivative (the local curvature).
     *
     * @param x The point.
     * @return d<sup>2</sup>E/dx<sup>2</sup> = 4h(3x<sup>2</sup> - 1).
     */
    public double secondDerivative(double x) {
        return 4.0 * barrier * (3.0 * x * x - 1.0);
    }

    @Override
    public String name() {
        return "DoubleWell1D(h=" + Params.num(barrier) + ", tilt=" + Params.num(tilt) + ")";
    }

    /**
     * Returns the barrier height parameter h.
     *
     * @return h &gt; 0.
     */
    public double barrier() {
        return barrier;
    }

    /**
     * Returns the tilt.
     *
     * @return The tilt.
     */
    public double tilt() {
        return tilt;
    }

    /**
     * Returns the location of the global minimum: the root of dE/dx = 0 in the deeper well (the left
     * one for tilt &ge; 0), found by Newton's method.
     *
     * @return x<sub>min</sub>.
     */
    public double globalMinimum() {
        return minimum;
    }

    @Override
    public String toString() {
        return name();
    }

    /** Newton's method on dE/dx from the side of the deeper well, where E is convex. */
    private double lowestStationaryPoint() {
        double x = tilt > 0.0 ? -1.0 : (tilt < 0.0 ? 1.0 : -1.0);
        for (int it = 0; it < 200; it++) {
            double step = derivative(x) / secondDerivative(x);
            x -= step;
            if (Math.abs(step) <= 1e-15 * Math.max(1.0, Math.abs(x))) {
                break;
            }
        }
        return x;
    }
}
