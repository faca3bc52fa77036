package org.ebmjava.ising;

/**
 * Exact results for the two-dimensional Ising model on the infinite square lattice (J = 1, h = 0,
 * k<sub>B</sub> = 1).
 *
 * <p>Critical temperature: sinh(2/T<sub>c</sub>) = 1, so T<sub>c</sub> = 2 / ln(1 + &radic;2)
 * &asymp; 2.269185.
 *
 * <p>Internal energy per spin (Onsager), with &beta; = 1/T:
 * <pre>
 *   u(T) = -coth(2&beta;) [1 + (2/&pi;) (2 tanh^2(2&beta;) - 1) K(k)],
 *   k = 2 sinh(2&beta;) / cosh^2(2&beta;),
 * </pre>
 * where K is the complete elliptic integral of the first kind. It is computed through the
 * arithmetic-geometric mean, K(k) = &pi; / (2 AGM(1, k')), k' = &radic;(1 - k<sup>2</sup>), and the
 * identity k' = |2 tanh<sup>2</sup>(2&beta;) - 1|, which avoids the cancellation in 1 - k<sup>2</sup>
 * near T<sub>c</sub>; so u = -coth(2&beta;) [1 + f / AGM(1, |f|)] with f = 2 tanh<sup>2</sup>(2&beta;)
 * - 1. At T<sub>c</sub> the logarithmic divergence of K is multiplied by f = 0 and u(T<sub>c</sub>) =
 * -&radic;2.
 *
 * <p>Spontaneous magnetisation per spin (Onsager's announcement, proved by Yang):
 * M(T) = (1 - sinh(2&beta;)<sup>-4</sup>)<sup>1/8</sup> for T &lt; T<sub>c</sub>, 0 otherwise.
 *
 * <pre>
 * Reference: L. Onsager, "Crystal Statistics. I. A Two-Dimensional Model with an Order-Disorder
 * Transition", Phys. Rev. 65, 117, 1944;
 * C. N. Yang, "The Spontaneous Magnetization of a Two-Dimensional Ising Model", Phys. Rev. 85,
 * 808, 1952.
 * </pre>
 */
public final class Onsager {

    /** The critical temperature T<sub>c</sub> = 2 / ln(1 + &radic;2) &asymp; 2.269185 (units of J). */
    public static final double CRITICAL_TEMPERATURE = 2.0 / Math.log(1.0 + Math.sqrt(2.0));

    /** Relative tolerance at which the AGM iteration stops. */
    private static final double AGM_TOL = 1e-16;

    private Onsager() {}

    /**
     * Returns the exact internal energy per spin u(T) = &lt;E&gt;/N of the infinite lattice.
     *
     * @param T The temperature. Must be &gt; 0 (not NaN); +&infin; gives 0.
     * @return u (not -u), in [-2, 0): -2 as T &rarr; 0, -&radic;2 at T<sub>c</sub>, about -2/T for
     *     large T.
     * @throws IllegalArgumentException If T is not &gt; 0.
     */
    public static double energyPerSpin(double T) {
        requirePositive(T);
        if (T == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        double x = 2.0 / T;
        double th = Math.tanh(x);
        if (th == 1.0) {
            return -2.0;
        }
        double f = 2.0 * th * th - 1.0;
        double bracket = f == 0.0 ? 1.0 : 1.0 + f / agm(1.0, Math.abs(f));
        return -bracket / th;
    }

    /**
     * Returns the exact spontaneous magnetisation per spin of the infinite lattice (the limit
     * h &rarr; 0<sup>+</sup>).
     *
     * @param T The temperature. Must be &gt; 0 (not NaN); +&infin; allowed.
     * @return (1 - sinh(2/T)<sup>-4</sup>)<sup>1/8</sup> for T &lt; T<sub>c</sub>, else 0; in [0, 1].
     * @throws IllegalArgumentException If T is not &gt; 0.
     */
    public static double spontaneousMagnetisation(double T) {
        requirePositive(T);
        if (T >= CRITICAL_TEMPERATURE) {
            return 0.0;
        }
        double sh = Math.sinh(2.0 / T);
        double inv2 = 1.0 / (sh * sh);
        double v = 1.0 - inv2 * inv2;
        return v <= 0.0 ? 0.0 : Math.pow(v, 0.125);
    }

    /**
     * Returns the arithmetic-geometric mean of a and b.
     *
     * @param a A value &ge; 0.
     * @param b A value &ge; 0.
     * @return AGM(a, b); 0 if either is 0.
     */
    static double agm(double a, double b) {
        for (int i = 0; i < 64 && Math.abs(a - b) > AGM_TOL * a; i++) {
            double m = 0.5 * (a + b);
            b = Math.sqrt(a * b);
            a = m;
        }
        return 0.5 * (a + b);
    }

    private static void requirePositive(double T) {
        if (!(T > 0.0)) {
            throw new IllegalArgumentException("T must be > 0, found " + T);
        }
    }
}
