package org.ebmjava.landscape;

import java.util.SplittableRandom;
import org.ebmjava.Ebm;

/**
 * A synthetic "neural-network loss" surface: non-convex, with a wide flat basin, a narrow sharp
 * minimum, saddles between basins, a few shallow traps and small ripples everywhere.
 *
 * <p>The energy is a sum of simple pieces, each with an analytic gradient:
 * <pre>
 *   E(x, y) = c (x^2 + y^2)                                   weak confining bowl, c = 0.02
 *           - D_w exp(-|p - m_w|^2 / (2 s_w^2))                wide basin:  D_w = 1.00, s_w = 1.0
 *           - D_s exp(-|p - m_s|^2 / (2 s_s^2))                sharp well:  D_s = 1.35, s_s = 0.12
 *           - &sum;_k d_k exp(-|p - m_k|^2 / (2 s_k^2))          3 shallow traps: d_k in [0.25, 0.5],
 *                                                                             s_k in [0.4, 0.7]
 *           + A sin(w_1 x + phi_1) sin(w_2 y + phi_2)         ripples: A = 0.04, w in [2.5, 4]
 * </pre>
 * with p = (x, y). The centres m<sub>w</sub> &isin; [-2.2, -1.2] &times; [-1.2, 1.2],
 * m<sub>s</sub> &isin; [1.2, 2.4] &times; [-1.5, 1.5], the traps (at least 2 away from both), the
 * trap sizes and the ripple frequencies and phases are drawn from a {@link SplittableRandom} seeded
 * with {@code seed}, so a seed fixes the surface. The domain is [-4, 4]<sup>2</sup>.
 *
 * <p>The sharp well is deeper, so it usually holds the global minimum, but its basin is tiny: a
 * walker at moderate temperature spends most of its time in the wide basin, whose larger volume
 * (entropy) gives it the lower free energy. This mirrors the "flat versus sharp minima" discussion
 * of deep learning. The global minimum is not known in closed form; it is located at construction
 * by a dense grid search (801 &times; 801) and gradient-descent refinement.
 *
 * <pre>
 * Reference (for the flat versus sharp picture): N. S. Keskar, D. Mudigere, J. Nocedal,
 * M. Smelyanskiy and P. T. P. Tang, "On Large-Batch Training for Deep Learning: Generalization Gap
 * and Sharp Minima", ICLR 2017.
 * </pre>
 */
public final class NeuralLossSurface implements Energy2D {

    /** The seed used by the no-argument constructor (the course-wide default). */
    public static final long DEFAULT_SEED = Ebm.DEFAULT_SEED;

    private static final Domain DOMAIN = Domain.square(-4.0, 4.0);
    private static final double BOWL = 0.02;
    private static final double WIDE_DEPTH = 1.0;
    private static final double WIDE_WIDTH = 1.0;
    private static final double SHARP_DEPTH = 1.35;
    private static final double SHARP_WIDTH = 0.12;
    private static final int TRAPS = 3;
    private static final double RIPPLE = 0.04;
    private static final int SEARCH_GRID = 801;

    private final long seed;
    /** Well centres (x, y), depths and widths: index 0 wide, 1 sharp, then the traps. */
    private final double[] cx;
    private final double[] cy;
    private final double[] depth;
    private final double[] inv2s2;
    private final double w1;
    private final double w2;
    private final double phi1;
    private final double phi2;
    private final double[] minimum;

    /** Creates the surface for {@link #DEFAULT_SEED}. */
    public NeuralLossSurface() {
        this(DEFAULT_SEED);
    }

    /**
     * Creates the surface determined by a seed.
     *
     * @param seed The seed that fixes well positions, trap sizes and ripples.
     */
    public NeuralLossSurface(long seed) {
        this.seed = seed;
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 2 + TRAPS;
        cx = new double[n];
        cy = new double[n];
        depth = new double[n];
        inv2s2 = new double[n];
        cx[0] = rng.nextDouble(-2.2, -1.2);
        cy[0] = rng.nextDouble(-1.2, 1.2);
        depth[0] = WIDE_DEPTH;
        inv2s2[0] = 1.0 / (2.0 * WIDE_WIDTH * WIDE_WIDTH);
        cx[1] = rng.nextDouble(1.2, 2.4);
        cy[1] = rng.nextDouble(-1.5, 1.5);
        depth[1] = SHARP_DEPTH;
        inv2s2[1] = 1.0 / (2.0 * SHARP_WIDTH * SHARP_WIDTH);
        for (int k = 2; k < n; k++) {
            double x;
            double y;
            do {
                x = rng.nextDouble(-3.5, 3.5);
                y = rng.nextDouble(-3.5, 3.5);
            } while (Math.hypot(x - cx[0], y - cy[0]) < 2.0 || Math.hypot(x - cx[1], y - cy[1]) < 2.0);
            cx[k] = x;
            cy[k] = y;
            depth[k] = rng.nextDouble(0.25, 0.5);
            double s = rng.nextDouble(0.4, 0.7);
            inv2s2[k] = 1.0 / (2.0 * s * s);
        }
        w1 = rng.nextDouble(2.5, 4.0);
        w2 = rng.nextDouble(2.5, 4.0);
        phi1 = rng.nextDouble(0.0, 2.0 * Math.PI);
        phi2 = rng.nextDouble(0.0, 2.0 * Math.PI);
        minimum = MinimumSearch.locate(this, SEARCH_GRID);
    }

    @Override
    public double value(double x, double y) {
        double e = BOWL * (x * x + y * y) + RIPPLE * Math.sin(w1 * x + phi1) * Math.sin(w2 * y + phi2);
        for (int k = 0; k < cx.length; k++) {
            double dx = x - cx[k];
            double dy = y - cy[k];
            e -= depth[k] * Math.exp(-(dx * dx + dy * dy) * inv2s2[k]);
        }
        return e;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double s1 = Math.sin(w1 * x + phi1);
        double s2 = Math.sin(w2 * y + phi2);
        double gx = 2.0 * BOWL * x + RIPPLE * w1 * Math.cos(w1 * x + phi1) * s2;
        double gy = 2.0 * BOWL * y + RIPPLE * w2 * s1 * Math.cos(w2 * y + phi2);
        for (int k = 0; k < cx.length; k++) {
            double dx = x - cx[k];
            double dy = y - cy[k];
            // d/dx of -D exp(-r^2 i) = 2 D i dx exp(-r^2 i), with i = 1/(2 s^2).
            double f = 2.0 * depth[k] * inv2s2[k] * Math.exp(-(dx * dx + dy * dy) * inv2s2[k]);
            gx += f * dx;
            gy += f * dy;
        }
        out[0] = gx;
        out[1] = gy;
    }

    @Override
    public String name() {
        return "NeuralLossSurface(seed=" + seed + ")";
    }

    @Override
    public Domain domain() {
        return DOMAIN;
    }

    @Override
    public double[] globalMinimum() {
        return minimum.clone();
    }

    /**
     * Returns the seed that fixed this surface.
     *
     * @return The seed.
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the centre of the wide, flat basin (the Gaussian's centre, not the exact minimum,
     * which the bowl and ripples shift slightly).
     *
     * @return A new array {x, y}.
     */
    public double[] wideBasinCentre() {
        return new double[] {cx[0], cy[0]};
    }

    /**
     * Returns the centre of the narrow, sharp well (the Gaussian's centre, not the exact minimum).
     *
     * @return A new array {x, y}.
     */
    public double[] sharpWellCentre() {
        return new double[] {cx[1], cy[1]};
    }

    @Override
    public String toString() {
        return name();
    }
}
