package org.ebmjava.landscape;

/**
 * Ackley's function E(x, y) = -a exp(-b sqrt((x<sup>2</sup> + y<sup>2</sup>)/2)) -
 * exp((cos(cx) + cos(cy))/2) + a + e.
 *
 * <p>A nearly flat, finely rippled plateau with one deep funnel; the global minimum E = 0 is at the
 * origin, where the function has a cone-shaped kink (the gradient is taken as 0 there, a valid
 * subgradient). Both terms are computed with expm1, so the value is exactly 0 at the origin and
 * accurate close to it.
 *
 * <pre>
 * Reference: D. H. Ackley, "A Connectionist Machine for Genetic Hillclimbing", Kluwer, 1987.
 * </pre>
 */
public final class Ackley implements Energy2D {

    private static final Domain DOMAIN = Domain.square(-5.0, 5.0);

    private final double a;
    private final double b;
    private final double c;

    /** Creates the classic Ackley function, a = 20, b = 0.2, c = 2&pi;, on [-5, 5]<sup>2</sup>. */
    public Ackley() {
        this(20.0, 0.2, 2.0 * Math.PI);
    }

    /**
     * Creates an Ackley function with the given constants on [-5, 5]<sup>2</sup>.
     *
     * @param a The funnel depth. Must be finite and &gt; 0.
     * @param b The funnel decay rate. Must be finite and &gt; 0.
     * @param c The ripple angular frequency. Must be finite and &gt; 0.
     * @throws IllegalArgumentException If a parameter is invalid.
     */
    public Ackley(double a, double b, double c) {
        Params.requirePositive(a, "a");
        Params.requirePositive(b, "b");
        Params.requirePositive(c, "c");
        this.a = a;
        this.b = b;
        this.c = c;
    }

    @Override
    public double value(double x, double y) {
        double r = Math.sqrt(0.5 * (x * x + y * y));
        // a - a exp(-b r) and e - exp(h) = -e expm1(h - 1): exactly 0 at the origin and accurate
        // near it, whatever the rounding of exp.
        double funnel = -a * Math.expm1(-b * r);
        double ripple = -Math.E * Math.expm1(0.5 * (Math.cos(c * x) + Math.cos(c * y)) - 1.0);
        return funnel + ripple;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double r = Math.sqrt(0.5 * (x * x + y * y));
        double ripple = Math.exp(0.5 * (Math.cos(c * x) + Math.cos(c * y)));
        // d/dx of -a exp(-b r) = a b exp(-b r) dr/dx with dr/dx = x / (2 r).
        double funnel = r > 0.0 ? a * b * Math.exp(-b * r) / (2.0 * r) : 0.0;
        out[0] = funnel * x + ripple * 0.5 * c * Math.sin(c * x);
        out[1] = funnel * y + ripple * 0.5 * c * Math.sin(c * y);
    }

    @Override
    public String name() {
        String cs = c == 2.0 * Math.PI ? "2pi" : Params.num(c);
        return "Ackley(a=" + Params.num(a) + ", b=" + Params.num(b) + ", c=" + cs + ")";
    }

    @Override
    public Domain domain() {
        return DOMAIN;
    }

    @Override
    public double[] globalMinimum() {
        return new double[] {0.0, 0.0};
    }

    @Override
    public String toString() {
        return name();
    }
}
