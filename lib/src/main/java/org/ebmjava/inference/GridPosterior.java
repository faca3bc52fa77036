package org.ebmjava.inference;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.ebmjava.thermo.BoltzmannDistribution;

/**
 * A one-dimensional (tempered) posterior computed by brute force: the energy E(&theta;) = -log p(D|&theta;)
 * - log p(&theta;) tabulated on a grid and turned into a Boltzmann distribution by notebook 01's
 * {@link BoltzmannDistribution}.
 *
 * <p>The grid has {@code cells} cells of width d&theta; on [lo, hi] and is evaluated at the midpoints
 * &theta;<sub>j</sub>. Cell j gets the Boltzmann probability P<sub>j</sub> = exp(-E<sub>j</sub>/T) /
 * Z<sub>grid</sub>; the density is P<sub>j</sub>/d&theta;, and the continuous quantities follow from the
 * discrete ones by the midpoint rule:
 * <pre>
 *   log Z_T = log &int; exp(-E/T) d&theta; &asymp; log Z_grid + log d&theta;          (log p(D) at T = 1)
 *   F_T     = -T log Z_T = F_grid - T log d&theta;
 *   U_T     = &sum;_j P_j E_j                                  (unchanged)
 *   S_T     = h[p_T] &asymp; S_grid + log d&theta;                     (differential entropy)
 * </pre>
 * so that F<sub>T</sub> = U<sub>T</sub> - T S<sub>T</sub> holds exactly on the grid, as in notebook 01. For
 * a conjugate model every number must agree with the closed forms of {@link ConjugateModel}; for any other
 * model (a logistic regression, say) the grid is the reference answer.
 *
 * <p>Divergences from a density q (a variational fit) are the Riemann sums of
 * {@link org.ebmjava.thermo.Divergences#klOnGrid}, with q evaluated at the same midpoints and not
 * renormalised, but computed from log densities: a Gaussian's tail that underflows to 0 at the far end of
 * the grid then does not turn a finite divergence into Infinity. Choose [lo, hi] to hold essentially all of
 * both p and q.
 */
public final class GridPosterior {

    private final double lo;
    private final double hi;
    private final double dx;
    private final double temperature;
    private final double[] theta;
    private final double[] energies;
    private final BoltzmannDistribution boltzmann;

    private GridPosterior(DoubleUnaryOperator energy, double lo, double hi, int cells, double temperature) {
        if (energy == null) {
            throw new IllegalArgumentException("energy must not be null");
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException("need finite lo < hi, found lo=" + lo + ", hi=" + hi);
        }
        if (cells < 2) {
            throw new IllegalArgumentException("cells must be >= 2, found " + cells);
        }
        Checks.temperature(temperature);
        this.lo = lo;
        this.hi = hi;
        this.dx = (hi - lo) / cells;
        this.temperature = temperature;
        this.theta = new double[cells];
        this.energies = new double[cells];
        for (int j = 0; j < cells; j++) {
            theta[j] = lo + (j + 0.5) * dx;
            double e = energy.applyAsDouble(theta[j]);
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "energy(%.6g) must be finite on the grid, found %s; shrink [lo, hi] to the support",
                        theta[j], e));
            }
            energies[j] = e;
        }
        this.boltzmann = new BoltzmannDistribution(energies, temperature);
    }

    /**
     * Tabulates the tempered posterior p<sub>T</sub> &prop; exp(-E/T) on a midpoint grid.
     *
     * @param energy The energy E(&theta;) = -log p(D|&theta;) - log p(&theta;), including normalising
     *     constants if log Z should be the log evidence. Must be finite at the grid's midpoints.
     * @param lo The left end of the grid. Must be finite.
     * @param hi The right end of the grid. Must be finite and &gt; lo.
     * @param cells The number of grid cells, &ge; 2.
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return The gridded posterior.
     * @throws IllegalArgumentException If an argument is invalid or an energy is not finite.
     */
    public static GridPosterior of(DoubleUnaryOperator energy, double lo, double hi, int cells, double temperature) {
        return new GridPosterior(energy, lo, hi, cells, temperature);
    }

    /**
     * Tabulates a conjugate model's tempered posterior on its own {@link ConjugateModel#gridRange}.
     *
     * @param model The model. Must not be null.
     * @param cells The number of grid cells, &ge; 2.
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return The gridded posterior.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static GridPosterior of(ConjugateModel model, int cells, double temperature) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        double[] r = model.gridRange(temperature);
        return new GridPosterior(model::value, r[0], r[1], cells, temperature);
    }

    /**
     * Returns the Boltzmann distribution over the grid cells (notebook 01's object).
     *
     * @return The distribution P<sub>j</sub> = exp(-E<sub>j</sub>/T)/Z<sub>grid</sub>.
     */
    public BoltzmannDistribution boltzmann() {
        return boltzmann;
    }

    /**
     * Returns the grid's midpoints.
     *
     * @return A copy of &theta;<sub>0</sub>, ..., &theta;<sub>cells-1</sub>.
     */
    public double[] theta() {
        return theta.clone();
    }

    /**
     * Returns the energies at the midpoints.
     *
     * @return A copy of E(&theta;<sub>j</sub>).
     */
    public double[] energies() {
        return energies.clone();
    }

    /**
     * Returns the cell width.
     *
     * @return d&theta; = (hi - lo)/cells.
     */
    public double dx() {
        return dx;
    }

    /**
     * Returns the temperature.
     *
     * @return T.
     */
    public double temperature() {
        return temperature;
    }

    /**
     * Returns the posterior density at the midpoints.
     *
     * @return A new array of P<sub>j</sub>/d&theta;, integrating to 1 by the midpoint rule.
     */
    public double[] density() {
        double[] p = boltzmann.probabilities();
        for (int j = 0; j < p.length; j++) {
            p[j] /= dx;
        }
        return p;
    }

    /**
     * Returns the posterior log density at the midpoints, finite even where the density underflows.
     *
     * @return A new array of log(P<sub>j</sub>/d&theta;).
     */
    public double[] logDensity() {
        double[] lp = boltzmann.logProbabilities();
        double ldx = Math.log(dx);
        for (int j = 0; j < lp.length; j++) {
            lp[j] -= ldx;
        }
        return lp;
    }

    /**
     * Returns log Z<sub>T</sub> = log &int; exp(-E/T) d&theta; by the midpoint rule.
     *
     * @return log Z<sub>grid</sub> + log d&theta;; at T = 1 the log evidence log p(D).
     */
    public double logPartition() {
        return boltzmann.logPartitionFunction() + Math.log(dx);
    }

    /**
     * Returns the free energy F<sub>T</sub> = -T log Z<sub>T</sub>.
     *
     * @return F<sub>T</sub>; at T = 1, -log p(D).
     */
    public double freeEnergy() {
        return -temperature * logPartition();
    }

    /**
     * Returns the mean energy U<sub>T</sub> = &sum;<sub>j</sub> P<sub>j</sub> E<sub>j</sub>.
     *
     * @return U<sub>T</sub>.
     */
    public double meanEnergy() {
        return boltzmann.meanEnergy();
    }

    /**
     * Returns the differential entropy of the posterior, S<sub>grid</sub> + log d&theta;.
     *
     * @return h[p<sub>T</sub>] in nats; F<sub>T</sub> = U<sub>T</sub> - T h.
     */
    public double entropy() {
        return boltzmann.entropy() + Math.log(dx);
    }

    /**
     * Returns the posterior mean.
     *
     * @return &sum;<sub>j</sub> P<sub>j</sub> &theta;<sub>j</sub>.
     */
    public double mean() {
        double[] p = boltzmann.probabilities();
        double m = 0.0;
        for (int j = 0; j < p.length; j++) {
            m += p[j] * theta[j];
        }
        return m;
    }

    /**
     * Returns the posterior variance.
     *
     * @return &sum;<sub>j</sub> P<sub>j</sub> (&theta;<sub>j</sub> - mean)<sup>2</sup>.
     */
    public double variance() {
        double[] p = boltzmann.probabilities();
        double m = mean();
        double v = 0.0;
        for (int j = 0; j < p.length; j++) {
            v += p[j] * (theta[j] - m) * (theta[j] - m);
        }
        return v;
    }

    /**
     * Returns the midpoint with the lowest energy: the MAP estimate to grid precision.
     *
     * @return argmin<sub>j</sub> E(&theta;<sub>j</sub>), the first one on ties.
     */
    public double map() {
        int best = 0;
        for (int j = 1; j < energies.length; j++) {
            if (energies[j] < energies[best]) {
                best = j;
            }
        }
        return theta[best];
    }

    /**
     * Computes the reverse (mode-seeking) divergence KL(q || p<sub>T</sub>), the quantity variational
     * inference minimises.
     *
     * @param q The approximating density. Must not be null.
     * @return &sum;<sub>j</sub> q<sub>j</sub> log(q<sub>j</sub>/p<sub>j</sub>) d&theta; in nats.
     * @throws IllegalArgumentException If q is null or its log density is NaN or +Infinity on the grid.
     */
    public double reverseKl(Density1D q) {
        double[] lq = tabulateLog(q);
        double[] lp = logDensity();
        double sum = 0.0;
        for (int j = 0; j < lq.length; j++) {
            double qj = Math.exp(lq[j]);
            if (qj > 0.0) {
                sum += qj * (lq[j] - lp[j]);
            }
        }
        return sum * dx;
    }

    /**
     * Computes the forward (mass-covering) divergence KL(p<sub>T</sub> || q), the quantity moment matching
     * and maximum likelihood minimise.
     *
     * @param q The approximating density. Must not be null.
     * @return &sum;<sub>j</sub> p<sub>j</sub> log(p<sub>j</sub>/q<sub>j</sub>) d&theta; in nats.
     * @throws IllegalArgumentException If q is null or its log density is NaN or +Infinity on the grid.
     */
    public double forwardKl(Density1D q) {
        double[] lq = tabulateLog(q);
        double[] lp = logDensity();
        double sum = 0.0;
        for (int j = 0; j < lq.length; j++) {
            double pj = Math.exp(lp[j]);
            if (pj > 0.0) {
                sum += pj * (lp[j] - lq[j]);
            }
        }
        return sum * dx;
    }

    /**
     * Computes the variational free energy of a density q at this temperature on the grid:
     * F<sub>T</sub>[q] = E<sub>q</sub>[E] - T h[q] = &sum;<sub>j</sub> q<sub>j</sub> (E<sub>j</sub> + T log
     * q<sub>j</sub>) d&theta;.
     *
     * <p>Gibbs' inequality: F<sub>T</sub>[q] = F<sub>T</sub> + T KL(q || p<sub>T</sub>) &ge; F<sub>T</sub>, with
     * equality only for q = p<sub>T</sub>.
     *
     * @param q The density. Must not be null.
     * @return F<sub>T</sub>[q], in energy units.
     * @throws IllegalArgumentException If q is null.
     */
    public double variationalFreeEnergy(Density1D q) {
        if (q == null) {
            throw new IllegalArgumentException("q must not be null");
        }
        double f = 0.0;
        for (int j = 0; j < theta.length; j++) {
            double lq = q.logDensity(theta[j]);
            double qj = Math.exp(lq);
            if (qj > 0.0) {
                f += qj * (energies[j] + temperature * lq);
            }
        }
        return f * dx;
    }

    /**
     * Summarises the grid and the thermodynamic quantities.
     *
     * @return One line with the range, cells, T, log Z, U, S and F.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "GridPosterior[[%.4g, %.4g], cells=%d, T=%.4g, logZ=%.6g, U=%.6g, S=%.6g, F=%.6g]", lo, hi,
                theta.length, temperature, logPartition(), meanEnergy(), entropy(), freeEnergy());
    }

    private double[] tabulateLog(Density1D q) {
        if (q == null) {
            throw new IllegalArgumentException("q must not be null");
        }
        double[] v = new double[theta.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = q.logDensity(theta[j]);
            if (Double.isNaN(v[j]) || v[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("q's log density at " + theta[j] + " must be finite or -Infinity, found "
                        + v[j]);
            }
        }
        return v;
    }
}
