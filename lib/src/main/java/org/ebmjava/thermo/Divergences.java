package org.ebmjava.thermo;

/**
 * Kullback-Leibler divergences between discrete distributions and between densities on a grid.
 *
 * <p>KL(p||q) = &sum;<sub>i</sub> p<sub>i</sub> log(p<sub>i</sub>/q<sub>i</sub>) (nats), with
 * 0 log 0 = 0 and KL = +Infinity as soon as some q<sub>i</sub> = 0 &lt; p<sub>i</sub>. KL is not
 * symmetric: the "forward" KL(p||q), with p the target, punishes q for missing mass where p has
 * some (mode covering); the "reverse" KL(q||p) punishes q for putting mass where p has none (mode
 * seeking).
 *
 * <pre>
 * Reference: S. Kullback and R. A. Leibler, "On Information and Sufficiency",
 * Annals of Mathematical Statistics 22(1), 1951.
 * </pre>
 */
public final class Divergences {

    /** How far from 1 the sum of a discrete distribution may be. */
    public static final double NORMALISATION_TOLERANCE = 1e-6;

    private Divergences() {}

    /**
     * Computes the Kullback-Leibler divergence KL(p||q) = &sum;<sub>i</sub> p<sub>i</sub>
     * log(p<sub>i</sub>/q<sub>i</sub>) of two discrete distributions.
     *
     * <p>Terms with p<sub>i</sub> = 0 are 0; a term with q<sub>i</sub> = 0 &lt; p<sub>i</sub>
     * makes the result +Infinity. Each term is evaluated as p<sub>i</sub>(log p<sub>i</sub> - log
     * q<sub>i</sub>) so tiny q<sub>i</sub> do not overflow the ratio.
     *
     * @param p The first distribution. Entries finite and &ge; 0, summing to 1 within
     *     {@link #NORMALISATION_TOLERANCE}. Not modified.
     * @param q The second distribution, same length and constraints as p. Not modified.
     * @return KL(p||q) in nats: 0 when p = q, &gt; 0 otherwise (up to rounding), possibly +Infinity.
     * @throws IllegalArgumentException If the lengths differ, an entry is negative or not finite, or
     *     a vector does not sum to 1.
     */
    public static double kl(double[] p, double[] q) {
        checkPair(p, q);
        checkNormalised(p, "p");
        checkNormalised(q, "q");
        return sumTerms(p, q);
    }

    /**
     * Approximates the KL divergence of two probability densities tabulated on a uniform grid by a
     * Riemann sum: KL(p||q) &asymp; &sum;<sub>j</sub> p(x<sub>j</sub>) log(p(x<sub>j</sub>) /
     * q(x<sub>j</sub>)) dx.
     *
     * <p>The densities are used as given, not renormalised: they should integrate to about 1 over
     * the grid (the grid must cover where p lives).
     *
     * @param p The density p at the grid points. Entries finite and &ge; 0. Not modified.
     * @param q The density q at the same grid points. Entries finite and &ge; 0. Not modified.
     * @param dx The grid spacing. Must be finite and &gt; 0.
     * @return The Riemann-sum estimate of KL(p||q) in nats; +Infinity if some q<sub>j</sub> = 0 &lt;
     *     p<sub>j</sub>.
     * @throws IllegalArgumentException If the lengths differ, an entry is negative or not finite, or
     *     dx is not finite and positive.
     */
    public static double klOnGrid(double[] p, double[] q, double dx) {
        if (!(dx > 0.0) || Double.isInfinite(dx)) {
            throw new IllegalArgumentException("dx must be finite and > 0, found " + dx);
        }
        checkPair(p, q);
        return sumTerms(p, q) * dx;
    }

    private static double sumTerms(double[] p, double[] q) {
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0.0) {
                continue;
            }
            if (q[i] == 0.0) {
                return Double.POSITIVE_INFINITY;
            }
            sum += p[i] * (Math.log(p[i]) - Math.log(q[i]));
        }
        return sum;
    }

    private static void checkPair(double[] p, double[] q) {
        if (p == null || q == null) {
            throw new IllegalArgumentException("p and q must not be null");
        }
        if (p.length != q.length) {
            throw new IllegalArgumentException("p and q must have the same length, found "
                    + p.length + " and " + q.length);
        }
        if (p.length == 0) {
            throw new IllegalArgumentException("p and q must not be empty");
        }
        checkEntries(p, "p");
        checkEntries(q, "q");
    }

    private static void checkEntries(double[] v, String name) {
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0.0) || Double.isInfinite(v[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] must be finite and >= 0, found " + v[i]);
            }
        }
    }

    private static void checkNormalised(double[] v, String name) {
        double sum = 0.0;
        for (double x : v) {
            sum += x;
        }
        if (Math.abs(sum - 1.0) > NORMALISATION_TOLERANCE) {
            throw new IllegalArgumentException(name + " must sum to 1 (within "
                    + NORMALISATION_TOLERANCE + "), found " + sum);
        }
    }
}
