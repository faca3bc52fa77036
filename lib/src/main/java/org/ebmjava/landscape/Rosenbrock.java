package org.ebmjava.landscape;

/**
 * Rosenbrock's banana-shaped valley E(x, y) = (a - x)<sup>2</sup> + b (y - x<sup>2</sup>)<sup>2</sup>.
 *
 * <p>The global minimum E = 0 lies at (a, a<sup>2</sup>) at the bottom of a long, curved, flat
 * valley: easy to find, slow to follow, the classic test of ill-conditioning.
 *
 * <pre>
 * Reference: H. H. Rosenbrock, "An Automatic Method for Finding the Greatest or Least Value of a
 * Function", The Computer Journal 3(3), 1960.
 * </pre>
 */
public final class Rosenbrock implements Energy2D {

    private final double a;
    private final double b;
    private final Domain domain;

    /** Creates the classic Rosenbrock function, a = 1, b = 100, on [-2, 2] &times; [-1, 3]. */
    public Rosenbrock() {
        this(1.0, 100.0);
    }

    /**
     * Creates a Rosenbrock function with the given constants. The domain is [-2, 2] &times; [-1, 3],
     * widened if needed so that it contains the minimum (a, a<sup>2</sup>) with a margin of 1.
     *
     * @param a The location parameter. Must be finite.
     * @param b The valley steepness. Must be finite and &gt; 0.
     * @throws IllegalArgumentException If a parameter is invalid.
     */
    public Rosenbrock(double a, double b) {
        Params.requireFinite(a, "a");
        Params.requirePositive(b, "b");
        this.a = a;
        this.b = b;
        this.domain = new Domain(Math.min(-2.0, a - 1.0), Math.max(2.0, a + 1.0),
                Math.min(-1.0, a * a - 1.0), Math.max(3.0, a * a + 1.0));
    }

    @Override
    public double value(double x, double y) {
        double u = a - x;
        double v = y - x * x;
        return u * u + b * v * v;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double v = y - x * x;
        out[0] = -2.0 * (a - x) - 4.0 * b * x * v;
        out[1] = 2.0 * b * v;
    }

    @Override
    public String name() {
        return "Rosenbrock(a=" + Params.num(a) + ", b=" + Params.num(b) + ")";
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public double[] globalMinimum() {
        return new double[] {a, a * a};
    }

    @Override
    public String toString() {
        return name();
    }
}
