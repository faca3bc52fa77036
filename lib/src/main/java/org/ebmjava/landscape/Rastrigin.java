package org.ebmjava.landscape;

/**
 * Rastrigin's egg-crate function E(x, y) = 2A + x<sup>2</sup> - A cos(2&pi;x) + y<sup>2</sup> -
 * A cos(2&pi;y).
 *
 * <p>A parabolic bowl covered by a regular grid of local minima near the integer points; the global
 * minimum E = 0 is at the origin. Greedy descent stops in whichever pit it starts in, which makes it
 * the standard showcase for simulated annealing.
 *
 * <pre>
 * Reference: L. A. Rastrigin, "Systems of Extremal Control", Nauka, Moscow, 1974;
 * H. Muehlenbein, D. Schomisch and J. Born, "The Parallel Genetic Algorithm as Function Optimizer",
 * Parallel Computing 17, 1991.
 * </pre>
 */
public final class Rastrigin implements Energy2D {

    private static final double TWO_PI = 2.0 * Math.PI;
    private static final Domain DOMAIN = Domain.square(-5.12, 5.12);

    private final double amplitude;

    /** Creates the classic Rastrigin function, A = 10, on [-5.12, 5.12]<sup>2</sup>. */
    public Rastrigin() {
        this(10.0);
    }

    /**
     * Creates a Rastrigin function with ripple amplitude A on [-5.12, 5.12]<sup>2</sup>.
     *
     * @param amplitude The ripple amplitude A. Must be finite and &ge; 0 (0 gives a plain bowl).
     * @throws IllegalArgumentException If A is invalid.
     */
    public Rastrigin(double amplitude) {
        Params.requireNonNegative(amplitude, "amplitude");
        this.amplitude = amplitude;
    }

    @Override
    public double value(double x, double y) {
        return x * x + amplitude * (1.0 - Math.cos(TWO_PI * x))
                + y * y + amplitude * (1.0 - Math.cos(TWO_PI * y));
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = 2.0 * x + TWO_PI * amplitude * Math.sin(TWO_PI * x);
        out[1] = 2.0 * y + TWO_PI * amplitude * Math.sin(TWO_PI * y);
    }

    @Override
    public String name() {
        return "Rastrigin(A=" + Params.num(amplitude) + ")";
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
