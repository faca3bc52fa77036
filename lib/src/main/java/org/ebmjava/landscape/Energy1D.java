package org.ebmjava.landscape;

/**
 * A smooth energy function of one variable, E(x), with its derivative.
 *
 * <p>Returns E itself (lower is better, p(x) &prop; exp(-E(x)/T)), never -E. Energies are
 * dimensionless (k<sub>B</sub> = 1).
 */
public interface Energy1D {

    /**
     * Evaluates the energy.
     *
     * @param x The point.
     * @return E(x).
     */
    double value(double x);

    /**
     * Evaluates the derivative.
     *
     * @param x The point.
     * @return dE/dx at x.
     */
    double derivative(double x);

    /**
     * Returns a short human-readable name with the parameters.
     *
     * @return The name, e.g. "DoubleWell1D(h=1, tilt=0.25)".
     */
    String name();
}
