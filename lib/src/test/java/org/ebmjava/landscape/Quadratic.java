package org.ebmjava.landscape;

/** Test landscape E = (x^2 / sx^2 + y^2 / sy^2) / 2: a convex bowl whose Boltzmann law is Gaussian. */
final class Quadratic implements Energy2D {

    private final double ax;
    private final double ay;

    Quadratic(double sx, double sy) {
        this.ax = 1.0 / (sx * sx);
        this.ay = 1.0 / (sy * sy);
    }

    @Override
    public double value(double x, double y) {
        return 0.5 * (ax * x * x + ay * y * y);
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = ax * x;
        out[1] = ay * y;
    }

    @Override
    public String name() {
        return "Quadratic";
    }

    @Override
    public Domain domain() {
        return Domain.square(-5.0, 5.0);
    }

    @Override
    public double[] globalMinimum() {
        return new double[] {0.0, 0.0};
    }
}
