package org.ebmjava.diffusion;

import java.util.Locale;

/**
 * The variance schedule &beta;<sub>1</sub>, ..., &beta;<sub>T</sub> of a Gaussian diffusion and the quantities
 * derived from it.
 * <pre>
 *   &alpha;_t = 1 - &beta;_t,      &alpha;&#772;_t = &prod;_{s &le; t} &alpha;_s  (&alpha;&#772;_0 = 1),
 *   q(x_t | x_0) = N( sqrt(&alpha;&#772;_t) x_0, (1 - &alpha;&#772;_t) I ),
 *   &beta;&#771;_t = (1 - &alpha;&#772;_{t-1}) / (1 - &alpha;&#772;_t) &beta;_t      the variance of q(x_{t-1} | x_t, x_0)
 * </pre>
 * Steps are 1-based as in Ho et al.: t = 1 is the first, least noisy step and t = T the last. &alpha;&#772;<sub>t</sub>
 * falls strictly from 1 towards 0, so the signal-to-noise ratio &alpha;&#772;/(1 - &alpha;&#772;) falls too.
 *
 * <p>Two schedules are provided. The linear one of DDPM, &beta; from 1e-4 to 0.02 over T = 1000 steps; for
 * other T both ends are multiplied by 1000/T (Nichol and Dhariwal's rule), which keeps &alpha;&#772;<sub>T</sub>
 * about the same. The cosine one of Nichol and Dhariwal, &alpha;&#772;(t) = f(t)/f(0) with f(t) =
 * cos<sup>2</sup>(((t/T + s)/(1 + s)) &pi;/2) and s = 0.008, with &beta;<sub>t</sub> = 1 -
 * &alpha;&#772;<sub>t</sub>/&alpha;&#772;<sub>t-1</sub> clipped at 0.999; it destroys information more evenly over
 * the steps. Instances are immutable.
 *
 * <pre>
 * J. Ho, A. Jain and P. Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020.
 * A. Nichol and P. Dhariwal, "Improved Denoising Diffusion Probabilistic Models", ICML 2021.
 * </pre>
 */
public final class VarianceSchedule {

    /** DDPM's first &beta; at T = 1000. */
    public static final double DDPM_BETA_START = 1e-4;
    /** DDPM's last &beta; at T = 1000. */
    public static final double DDPM_BETA_END = 0.02;
    /** Nichol and Dhariwal's offset s of the cosine schedule. */
    public static final double COSINE_OFFSET = 0.008;
    /** Nichol and Dhariwal's cap on &beta;<sub>t</sub> in the cosine schedule. */
    public static final double COSINE_MAX_BETA = 0.999;

    private final String name;
    private final double[] beta;
    private final double[] alphaBar;

    private VarianceSchedule(String name, double[] betas) {
        int steps = betas.length;
        if (steps < 1) {
            throw new IllegalArgumentException("a schedule needs at least one step");
        }
        this.name = name;
        this.beta = new double[steps + 1];
        this.alphaBar = new double[steps + 1];
        alphaBar[0] = 1.0;
        for (int t = 1; t <= steps; t++) {
            double b = betas[t - 1];
            if (!(b > 0.0 && b < 1.0)) {
                throw new IllegalArgumentException("beta_" + t + " must be in (0, 1), found " + b);
            }
            beta[t] = b;
            alphaBar[t] = alphaBar[t - 1] * (1.0 - b);
        }
    }

    /**
     * Builds a schedule from explicit &beta;s.
     *
     * @param betas &beta;<sub>1</sub>, ..., &beta;<sub>T</sub>, each in (0, 1). Not modified (copied).
     * @param name A label for plots and provenance.
     * @return The schedule.
     * @throws IllegalArgumentException If the array is null or empty, or a &beta; is outside (0, 1).
     */
    public static VarianceSchedule fromBetas(double[] betas, String name) {
        if (betas == null) {
            throw new IllegalArgumentException("betas must not be null");
        }
        return new VarianceSchedule(name == null ? "custom" : name, betas.clone());
    }

    /**
     * Builds DDPM's linear schedule for T steps, with both ends scaled by 1000/T.
     *
     * @param steps T &gt; 20, so that the scaled &beta;<sub>T</sub> = 20/T stays below 1 (100 or more in practice).
     * @return &beta;<sub>t</sub> linear from 1e-4 &middot; 1000/T to 0.02 &middot; 1000/T.
     * @throws IllegalArgumentException If a scaled &beta; leaves (0, 1).
     */
    public static VarianceSchedule linear(int steps) {
        double scale = 1000.0 / steps;
        return linear(steps, scale * DDPM_BETA_START, scale * DDPM_BETA_END);
    }

    /**
     * Builds a linear schedule.
     *
     * @param steps T, &ge; 1.
     * @param betaStart &beta;<sub>1</sub>, in (0, 1).
     * @param betaEnd &beta;<sub>T</sub>, in (0, 1).
     * @return &beta;<sub>t</sub> = betaStart + (betaEnd - betaStart)(t - 1)/(T - 1) (betaStart if T = 1).
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static VarianceSchedule linear(int steps, double betaStart, double betaEnd) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, found " + steps);
        }
        double[] b = new double[steps];
        for (int i = 0; i < steps; i++) {
            b[i] = steps == 1 ? betaStart : betaStart + (betaEnd - betaStart) * i / (steps - 1);
        }
        return new VarianceSchedule(String.format(Locale.ROOT, "linear(T=%d, %.3g..%.3g)", steps, betaStart, betaEnd), b);
    }

    /**
     * Builds Nichol and Dhariwal's cosine schedule with s = 0.008 and &beta; capped at 0.999.
     *
     * @param steps T, &ge; 1.
     * @return The schedule.
     * @throws IllegalArgumentException If steps &lt; 1.
     */
    public static VarianceSchedule cosine(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, found " + steps);
        }
        double[] b = new double[steps];
        for (int t = 1; t <= steps; t++) {
            double ratio = cosineF(t, steps) / cosineF(t - 1, steps);
            b[t - 1] = Math.min(1.0 - ratio, COSINE_MAX_BETA);
        }
        return new VarianceSchedule(String.format(Locale.ROOT, "cosine(T=%d, s=%.3g)", steps, COSINE_OFFSET), b);
    }

    private static double cosineF(int t, int steps) {
        double c = Math.cos((t / (double) steps + COSINE_OFFSET) / (1.0 + COSINE_OFFSET) * Math.PI / 2);
        return c * c;
    }

    /**
     * Returns the number of steps.
     *
     * @return T.
     */
    public int steps() {
        return beta.length - 1;
    }

    /**
     * Returns &beta;<sub>t</sub>.
     *
     * @param t The step, 1 &le; t &le; T.
     * @return The variance added at step t.
     * @throws IllegalArgumentException If t is out of range.
     */
    public double beta(int t) {
        checkStep(t);
        return beta[t];
    }

    /**
     * Returns &alpha;<sub>t</sub> = 1 - &beta;<sub>t</sub>.
     *
     * @param t The step, 1 &le; t &le; T.
     * @return &alpha;<sub>t</sub>.
     * @throws IllegalArgumentException If t is out of range.
     */
    public double alpha(int t) {
        return 1.0 - beta(t);
    }

    /**
     * Returns &alpha;&#772;<sub>t</sub> = &prod;<sub>s&le;t</sub> &alpha;<sub>s</sub>.
     *
     * @param t The step, 0 &le; t &le; T (&alpha;&#772;<sub>0</sub> = 1).
     * @return &alpha;&#772;<sub>t</sub>, in (0, 1].
     * @throws IllegalArgumentException If t is out of range.
     */
    public double alphaBar(int t) {
        if (t < 0 || t > steps()) {
            throw new IllegalArgumentException("t must be in [0, " + steps() + "], found " + t);
        }
        return alphaBar[t];
    }

    /**
     * Returns the variance of the forward posterior q(x<sub>t-1</sub> | x<sub>t</sub>, x<sub>0</sub>).
     *
     * @param t The step, 1 &le; t &le; T.
     * @return &beta;&#771;<sub>t</sub> = (1 - &alpha;&#772;<sub>t-1</sub>)/(1 - &alpha;&#772;<sub>t</sub>) &beta;<sub>t</sub>; 0 at t = 1.
     * @throws IllegalArgumentException If t is out of range.
     */
    public double posteriorVariance(int t) {
        checkStep(t);
        return (1.0 - alphaBar[t - 1]) / (1.0 - alphaBar[t]) * beta[t];
    }

    /**
     * Returns the signal-to-noise ratio of q(x<sub>t</sub> | x<sub>0</sub>).
     *
     * @param t The step, 1 &le; t &le; T.
     * @return &alpha;&#772;<sub>t</sub>/(1 - &alpha;&#772;<sub>t</sub>).
     * @throws IllegalArgumentException If t is out of range.
     */
    public double signalToNoise(int t) {
        checkStep(t);
        return alphaBar[t] / (1.0 - alphaBar[t]);
    }

    /**
     * Returns all &alpha;&#772;<sub>t</sub> for plotting.
     *
     * @return A new array of length T + 1, entry t = &alpha;&#772;<sub>t</sub>.
     */
    public double[] alphaBars() {
        return alphaBar.clone();
    }

    /**
     * Returns the schedule's label.
     *
     * @return E.g. "linear(T=1000, 0.0001..0.02)".
     */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VarianceSchedule[%s, alphaBar_T=%.3g]", name, alphaBar[steps()]);
    }

    void checkStep(int t) {
        if (t < 1 || t > steps()) {
            throw new IllegalArgumentException("t must be in [1, " + steps() + "], found " + t);
        }
    }
}
