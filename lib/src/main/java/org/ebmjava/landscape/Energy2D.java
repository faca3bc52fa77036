package org.ebmjava.landscape;

/**
 * A smooth energy landscape E(x, y) on the plane, with its analytic gradient, a box to plot it in
 * and the location of its global minimum.
 *
 * <p>Returns E itself (lower is better, p(x, y) &prop; exp(-E/T)), never -E. Energies and
 * coordinates are dimensionless (k<sub>B</sub> = 1).
 */
public interface Energy2D {

    /**
     * Evaluates the energy.
     *
     * @param x The x coordinate.
     * @param y The y coordinate.
     * @return E(x, y).
     */
    double value(double x, double y);

    /**
     * Evaluates the gradient into a caller-supplied array (no allocation).
     *
     * @param x The x coordinate.
     * @param y The y coordinate.
     * @param out Receives out[0] = dE/dx and out[1] = dE/dy. Length &ge; 2. Modified.
     */
    void gradient(double x, double y, double[] out);

    /**
     * Evaluates the gradient into a new array.
     *
     * @param x The x coordinate.
     * @param y The y coordinate.
     * @return A new array {dE/dx, dE/dy}.
     */
    default double[] gradient(double x, double y) {
        double[] g = new double[2];
        gradient(x, y, g);
        return g;
    }

    /**
     * Returns a short human-readable name with the parameters.
     *
     * @return The name, e.g. "Rastrigin(A=10)".
     */
    String name();

    /**
     * Returns the box in which the landscape is usually plotted and explored.
     *
     * @return The domain; contains {@link #globalMinimum()}.
     */
    Domain domain();

    /**
     * Returns the location of the global minimum (exact where known in closed form, otherwise found
     * numerically at construction).
     *
     * @return A new array {x, y}.
     */
    double[] globalMinimum();

    /**
     * Returns the energy at the global minimum.
     *
     * @return E(globalMinimum()).
     */
    default double globalMinimumValue() {
        double[] m = globalMinimum();
        return value(m[0], m[1]);
    }

    /**
     * Returns the one-dimensional slice x &rarr; E(x, y) at a fixed y, with derivative dE/dx.
     *
     * @param y The fixed y coordinate.
     * @return The slice, named "NAME at y=Y".
     */
    default Energy1D sliceAtY(double y) {
        Energy2D self = this;
        return new Energy1D() {
            @Override
            public double value(double x) {
                return self.value(x, y);
            }

            @Override
            public double derivative(double x) {
                double[] g = new double[2];
                self.gradient(x, y, g);
                return g[0];
            }

            @Override
            public String name() {
                return self.name() + " at y=" + Params.num(y);
            }
        };
    }

    /**
     * Tabulates the energy on a regular grid spanning {@link #domain()}, edges included.
     *
     * <p>Performs out[j][i] = E(x<sub>i</sub>, y<sub>j</sub>) with x<sub>i</sub> = xMin + i (xMax -
     * xMin)/(nx - 1) and y<sub>j</sub> = yMin + j (yMax - yMin)/(ny - 1): rows are y, columns x,
     * row 0 at the bottom (yMin).
     *
     * @param nx The number of grid points in x. Must be &ge; 2.
     * @param ny The number of grid points in y. Must be &ge; 2.
     * @return A new ny &times; nx array of energies.
     * @throws IllegalArgumentException If nx or ny is below 2.
     */
    default double[][] valuesOnGrid(int nx, int ny) {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("nx and ny must be >= 2, found " + nx + ", " + ny);
        }
        Domain d = domain();
        double[][] out = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            double y = d.yMin() + j * d.height() / (ny - 1);
            for (int i = 0; i < nx; i++) {
                out[j][i] = value(d.xMin() + i * d.width() / (nx - 1), y);
            }
        }
        return out;
    }
}
