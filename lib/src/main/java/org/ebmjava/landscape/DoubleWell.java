package org.ebmjava.landscape;

/**
 * A two-dimensional tilted double well E(x, y) = h (x<sup>2</sup> - 1)<sup>2</sup> + tilt &middot; x
 * + k y<sup>2</sup>/2.
 *
 * <p>The x part is {@link DoubleWell1D}; y is a harmonic direction of stiffness k. Hence
 * {@code sliceAtY(0)} is exactly the one-dimensional double well. Defaults h = 1, tilt = 0.25,
 * k = 1 on [-2, 2] &times; [-2, 2]; the global minimum is at (x<sub>min</sub>, 0) with x<sub>min</sub>
 * &asymp; -1.03 in the left well.
 */
public final class DoubleWell implements Energy2D {

    /** Default stiffness k of the y direction. */
    public static final double DEFAULT_STIFFNESS = 1.0;

    private final DoubleWell1D xPart;
    private final double stiffness;
    private final Domain domain;

    /** Creates the double well with h = 1, tilt = 0.25 and k = 1. */
    public DoubleWell() {
        this(DoubleWell1D.DEFAULT_BARRIER, DoubleWell1D.DEFAULT_TILT, DEFAULT_STIFFNESS);
    }

    /**
     * Creates a double well with the given barrier, tilt and stiffness. The domain is
     * [-2, 2]<sup>2</sup>, widened if needed to contain the minimum with a margin of 1.
     *
     * @param barrier The barrier height h. Must be finite and &gt; 0.
     * @param tilt The tilt along x. Must be finite; keep |tilt| small (&lt; 1.5 h) for two wells.
     * @param stiffness The stiffness k of the y direction. Must be finite and &gt; 0.
     * @throws IllegalArgumentException If a parameter is invalid.
     */
    public DoubleWell(double barrier, double tilt, double stiffness) {
        Params.requirePositive(stiffness, "stiffness");
        this.xPart = new DoubleWell1D(barrier, tilt);
        this.stiffness = stiffness;
        double half = Math.max(2.0, Math.abs(xPart.globalMinimum()) + 1.0);
        this.domain = Domain.square(-half, half);
    }

    @Override
    public double value(double x, double y) {
        return xPart.value(x) + 0.5 * stiffness * y * y;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = xPart.derivative(x);
        out[1] = stiffness * y;
    }

    @Override
    public String name() {
        return "DoubleWell(h=" + Params.num(xPart.barrier()) + ", tilt=" + Params.num(xPart.tilt())
                + ", k=" + Params.num(stiffness) + ")";
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public double[] globalMinimum() {
        return new double[] {xPart.globalMinimum(), 0.0};
    }

    /**
     * Returns the one-dimensional double well along x (the slice at y = 0).
     *
     * @return The x part.
     */
    public DoubleWell1D xPart() {
        return xPart;
    }

    @Override
    public String toString() {
        return name();
    }
}
