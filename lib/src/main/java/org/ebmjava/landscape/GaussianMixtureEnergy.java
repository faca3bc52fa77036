package org.ebmjava.landscape;

/**
 * The energy of an isotropic Gaussian mixture, E(p) = -log &sum;<sub>k</sub> &pi;<sub>k</sub>
 * N(p; &mu;<sub>k</sub>, s<sub>k</sub><sup>2</sup> I), p = (x, y).
 *
 * <p>Its Boltzmann distribution at T = 1 is the mixture itself: exp(-E) is the mixture density.
 * The sum is evaluated with log-sum-exp, so the energy stays finite far from every component
 * (where each density underflows). The gradient is &nabla;E = &sum;<sub>k</sub> r<sub>k</sub>(p)
 * (p - &mu;<sub>k</sub>) / s<sub>k</sub><sup>2</sup>, with responsibilities r<sub>k</sub>(p) the
 * posterior component probabilities.
 *
 * <p>The domain is the bounding box of the means widened by 3 max<sub>k</sub> s<sub>k</sub>; the
 * global minimum (the mode of the mixture) is found numerically at construction by a grid search
 * (401 &times; 401) and gradient-descent refinement.
 */
public final class GaussianMixtureEnergy implements Energy2D {

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);
    private static final int SEARCH_GRID = 401;

    private final double[] weights;
    private final double[][] means;
    private final double[] stds;
    private final double[] logCoef;
    private final double[] invVar;
    private final Domain domain;
    private final double[] minimum;

    /**
     * Creates the default three-component mixture: weights (0.5, 0.3, 0.2), means (-2, 0), (2, 1),
     * (0.5, -2), standard deviations (0.7, 0.8, 0.5). Its highest peak (lowest energy) is near
     * (-2, 0).
     */
    public GaussianMixtureEnergy() {
        this(new double[] {0.5, 0.3, 0.2},
                new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.5, -2.0}},
                new double[] {0.7, 0.8, 0.5});
    }

    /**
     * Creates a mixture from its weights, means and isotropic standard deviations.
     *
     * @param weights The mixing weights &pi;<sub>k</sub>. Finite, &ge; 0, summing to 1 within 1e-6.
     *     Not modified (copied).
     * @param means The means &mu;<sub>k</sub>, each an array {x, y} of finite numbers. Not modified
     *     (copied).
     * @param stds The standard deviations s<sub>k</sub>. Finite and &gt; 0. Not modified (copied).
     * @throws IllegalArgumentException If the arrays are null, empty, of different lengths, or
     *     violate the constraints.
     */
    public GaussianMixtureEnergy(double[] weights, double[][] means, double[] stds) {
        if (weights == null || means == null || stds == null) {
            throw new IllegalArgumentException("weights, means and stds must not be null");
        }
        int k = weights.length;
        if (k == 0 || means.length != k || stds.length != k) {
            throw new IllegalArgumentException("weights, means and stds must be non-empty and of equal"
                    + " length, found " + k + ", " + means.length + ", " + stds.length);
        }
        this.weights = weights.clone();
        this.means = new double[k][];
        this.stds = stds.clone();
        this.logCoef = new double[k];
        this.invVar = new double[k];
        double sum = 0.0;
        double maxStd = 0.0;
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            Params.requireNonNegative(weights[i], "weights[" + i + "]");
            Params.requirePositive(stds[i], "stds[" + i + "]");
            if (means[i] == null || means[i].length != 2) {
                throw new IllegalArgumentException("means[" + i + "] must be an array {x, y}, found "
                        + (means[i] == null ? "null" : "length " + means[i].length));
            }
            Params.requireFinite(means[i][0], "means[" + i + "][0]");
            Params.requireFinite(means[i][1], "means[" + i + "][1]");
            this.means[i] = means[i].clone();
            sum += weights[i];
            maxStd = Math.max(maxStd, stds[i]);
            xLo = Math.min(xLo, means[i][0]);
            xHi = Math.max(xHi, means[i][0]);
            yLo = Math.min(yLo, means[i][1]);
            yHi = Math.max(yHi, means[i][1]);
            // log(pi_k / (2 pi s_k^2)); weight 0 gives -Infinity, which log-sum-exp handles.
            logCoef[i] = Math.log(weights[i]) - LOG_2PI - 2.0 * Math.log(stds[i]);
            invVar[i] = 1.0 / (stds[i] * stds[i]);
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new IllegalArgumentException("weights must sum to 1 (within 1e-6), found " + sum);
        }
        double pad = 3.0 * maxStd;
        this.domain = new Domain(xLo - pad, xHi + pad, yLo - pad, yHi + pad);
        this.minimum = MinimumSearch.locate(this, SEARCH_GRID);
    }

    /** Fills terms[k] = log(pi_k N(p; mu_k, s_k^2 I)) and returns their log-sum-exp. */
    private double logTerms(double x, double y, double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < terms.length; i++) {
            double dx = x - means[i][0];
            double dy = y - means[i][1];
            terms[i] = logCoef[i] - 0.5 * (dx * dx + dy * dy) * invVar[i];
            max = Math.max(max, terms[i]);
        }
        double s = 0.0;
        for (double t : terms) {
            s += Math.exp(t - max);
        }
        return max + Math.log(s);
    }

    @Override
    public double value(double x, double y) {
        return -logTerms(x, y, new double[weights.length]);
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double[] terms = new double[weights.length];
        double lse = logTerms(x, y, terms);
        double gx = 0.0;
        double gy = 0.0;
        for (int i = 0; i < terms.length; i++) {
            double r = Math.exp(terms[i] - lse);
            gx += r * (x - means[i][0]) * invVar[i];
            gy += r * (y - means[i][1]) * invVar[i];
        }
        out[0] = gx;
        out[1] = gy;
    }

    /**
     * Returns the mixture density exp(-E(x, y)).
     *
     * @param x The x coordinate.
     * @param y The y coordinate.
     * @return &sum;<sub>k</sub> &pi;<sub>k</sub> N((x, y); &mu;<sub>k</sub>, s<sub>k</sub><sup>2</sup>
     *     I) (may underflow to 0 far from every component).
     */
    public double density(double x, double y) {
        return Math.exp(-value(x, y));
    }

    /**
     * Returns the number of components.
     *
     * @return K &ge; 1.
     */
    public int components() {
        return weights.length;
    }

    /**
     * Returns the mixing weights.
     *
     * @return A copy of &pi;<sub>k</sub>.
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Returns the component means.
     *
     * @return A deep copy of &mu;<sub>k</sub>, each {x, y}.
     */
    public double[][] means() {
        double[][] m = new double[means.length][];
        for (int i = 0; i < m.length; i++) {
            m[i] = means[i].clone();
        }
        return m;
    }

    /**
     * Returns the component standard deviations.
     *
     * @return A copy of s<sub>k</sub>.
     */
    public double[] stds() {
        return stds.clone();
    }

    @Override
    public String name() {
        return "GaussianMixtureEnergy(K=" + weights.length + ")";
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public double[] globalMinimum() {
        return minimum.clone();
    }

    @Override
    public String toString() {
        return name();
    }
}
