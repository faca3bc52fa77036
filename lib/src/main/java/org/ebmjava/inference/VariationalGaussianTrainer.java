package org.ebmjava.inference;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ebmjava.Ebm;
import org.ebmjava.landscape.Energy1D;

/**
 * Fits a Gaussian q = N(m, s<sup>2</sup>) to the posterior p<sub>T</sub> &prop; exp(-E/T) of a
 * one-dimensional energy by minimising the variational free energy
 * <pre>
 *   F_T[q] = E_q[E(&theta;)] - T h[q] = -T log Z_T + T KL(q || p_T)  &ge;  -T log Z_T,
 * </pre>
 * i.e. by minimising the reverse KL: variational inference, read as notebook 01's F = U - TS with q in place
 * of the Boltzmann distribution. At T = 1, -F[q] is the evidence lower bound (ELBO).
 *
 * <p>The expectations use a fixed {@link GaussianExpectation} rule (Gauss-Hermite by default, or K
 * standard-normal draws fixed from the seed: the reparameterisation &theta; = m + s z), so the objective and
 * its gradient are deterministic:
 * <pre>
 *   &part;F/&part;m     = E_z[E'(m + s z)]
 *   &part;F/&part;log s = s E_z[E'(m + s z) z] - T
 * </pre>
 * The update is natural-gradient descent (gradient descent in the Fisher metric of (m, log s), which is
 * diag(1/s<sup>2</sup>, 2)), with the objective divided by T:
 * <pre>
 *   m     &larr; m     - lr s^2 (&part;F/&part;m) / T,            step clipped to &plusmn;s
 *   log s &larr; log s - lr (&part;F/&part;log s) / (2 T),       step clipped to &plusmn;1
 * </pre>
 * For a Gaussian target N(&mu;, &sigma;<sup>2</sup>) this contracts (m - &mu;) and log(s<sup>2</sup> /
 * (T &sigma;<sup>2</sup>)) by about (1 - lr) per iteration whatever the scale of the problem, so one learning
 * rate serves every posterior width. The energy must be finite on the whole real line (fit a bounded
 * parameter such as a coin's bias in an unconstrained parameterisation).
 *
 * <p>The no-argument constructor sets Gauss-Hermite with 32 nodes, learning rate 0.5, 200 iterations,
 * T = 1, start N(0, 1) and seed {@link Ebm#DEFAULT_SEED} (used only by the Monte Carlo rule).
 *
 * <pre>
 * D. M. Blei, A. Kucukelbir and J. D. McAuliffe, "Variational Inference: A Review for Statisticians",
 * Journal of the American Statistical Association 112(518), 2017.
 * D. P. Kingma and M. Welling, "Auto-Encoding Variational Bayes", ICLR 2014 (the reparameterisation).
 * S. Amari, "Natural Gradient Works Efficiently in Learning", Neural Computation 10(2), 1998.
 * </pre>
 */
public final class VariationalGaussianTrainer {

    /** How expectations under q are approximated. */
    public enum Rule {
        /** Gauss-Hermite quadrature with {@link #points()} nodes (deterministic, very accurate in 1D). */
        GAUSS_HERMITE,
        /** {@link #points()} standard-normal draws fixed from the seed (reparameterisation, fixed noise). */
        MONTE_CARLO
    }

    private Rule rule = Rule.GAUSS_HERMITE;
    private int points = 32;
    private double learningRate = 0.5;
    private int iterations = 200;
    private double temperature = 1.0;
    private double initMean = 0.0;
    private double initStd = 1.0;
    private long seed = Ebm.DEFAULT_SEED;

    /** Creates a trainer with the defaults listed in the class documentation. */
    public VariationalGaussianTrainer() {}

    /**
     * Sets the expectation rule.
     *
     * @param rule The rule. Must not be null.
     * @return This trainer.
     * @throws IllegalArgumentException If rule is null.
     */
    public VariationalGaussianTrainer rule(Rule rule) {
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
        this.rule = rule;
        return this;
    }

    /**
     * Sets the number of nodes or draws of the expectation rule.
     *
     * @param points K, 1 to 100 for Gauss-Hermite, &ge; 1 for Monte Carlo.
     * @return This trainer.
     * @throws IllegalArgumentException If points &lt; 1.
     */
    public VariationalGaussianTrainer points(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1, found " + points);
        }
        this.points = points;
        return this;
    }

    /**
     * Sets the learning rate of the natural-gradient step.
     *
     * @param learningRate lr, in (0, 1]; 0.5 converges in a few dozen iterations on smooth targets.
     * @return This trainer.
     * @throws IllegalArgumentException If lr is not in (0, 1].
     */
    public VariationalGaussianTrainer learningRate(double learningRate) {
        if (!(learningRate > 0.0 && learningRate <= 1.0)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], found " + learningRate);
        }
        this.learningRate = learningRate;
        return this;
    }

    /**
     * Sets the number of iterations.
     *
     * @param iterations The number of updates, &ge; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If iterations &lt; 0.
     */
    public VariationalGaussianTrainer iterations(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, found " + iterations);
        }
        this.iterations = iterations;
        return this;
    }

    /**
     * Sets the temperature of the target p<sub>T</sub> &prop; exp(-E/T).
     *
     * @param temperature T, finite and &gt; 0 (1 is Bayesian inference).
     * @return This trainer.
     * @throws IllegalArgumentException If T is invalid.
     */
    public VariationalGaussianTrainer temperature(double temperature) {
        Checks.temperature(temperature);
        this.temperature = temperature;
        return this;
    }

    /**
     * Sets the starting Gaussian.
     *
     * @param mean The initial mean. Must be finite.
     * @param std The initial standard deviation. Must be finite and &gt; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public VariationalGaussianTrainer init(double mean, double std) {
        Checks.finite(mean, "mean");
        Checks.positive(std, "std");
        this.initMean = mean;
        this.initStd = std;
        return this;
    }

    /**
     * Sets the seed of the Monte Carlo rule's fixed draws.
     *
     * @param seed The seed.
     * @return This trainer.
     */
    public VariationalGaussianTrainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Returns the number of nodes or draws.
     *
     * @return K.
     */
    public int points() {
        return points;
    }

    /**
     * Builds the expectation rule this trainer uses.
     *
     * @return The rule's nodes and weights.
     */
    public GaussianExpectation expectation() {
        return rule == Rule.GAUSS_HERMITE ? GaussianExpectation.gaussHermite(points)
                : GaussianExpectation.monteCarlo(points, new SplittableRandom(seed));
    }

    /**
     * Evaluates F<sub>T</sub>[q] for a given Gaussian with this trainer's rule and temperature.
     *
     * @param energy The energy E. Must be finite where the rule evaluates it.
     * @param mean The mean of q.
     * @param std The standard deviation of q, &gt; 0.
     * @return E<sub>q</sub>[E] - T log(2&pi;e s<sup>2</sup>)/2.
     * @throws IllegalArgumentException If the energy is not finite at a node.
     */
    public double freeEnergy(Energy1D energy, double mean, double std) {
        return objective(energy, expectation(), mean, std)[0];
    }

    /**
     * Fits q to exp(-E/T).
     *
     * @param energy The energy E(&theta;), finite with a finite derivative on the whole line. Not modified.
     * @return The fitted Gaussian, its free energy and the trace.
     * @throws IllegalArgumentException If energy is null or not finite where q puts its nodes.
     * @throws IllegalStateException If the iteration produces a non-finite parameter.
     */
    public VariationalGaussian train(Energy1D energy) {
        if (energy == null) {
            throw new IllegalArgumentException("energy must not be null");
        }
        GaussianExpectation ex = expectation();
        double m = initMean;
        double logS = Math.log(initStd);
        double[] trace = new double[iterations + 1];
        double f = Double.NaN;
        for (int it = 0; it <= iterations; it++) {
            double s = Math.exp(logS);
            double[] o = objective(energy, ex, m, s);
            f = o[0];
            trace[it] = f;
            if (it == iterations) {
                break;
            }
            double gradMean = o[1];
            double gradLogStd = s * o[2] - temperature;
            double dm = -learningRate * s * s * gradMean / temperature;
            double dls = -learningRate * gradLogStd / (2.0 * temperature);
            m += Math.max(-s, Math.min(s, dm));
            logS += Math.max(-1.0, Math.min(1.0, dls));
            if (!Double.isFinite(m) || !Double.isFinite(logS)) {
                throw new IllegalStateException("variational fit diverged at iteration " + it + ": m=" + m
                        + ", log s=" + logS);
            }
        }
        NormalDensity q = new NormalDensity(m, Math.exp(logS));
        return new VariationalGaussian(q, temperature, f, trace, this + " on " + energy.name());
    }

    /** Returns {F, E_z[E'], E_z[E' z]}. */
    private double[] objective(Energy1D energy, GaussianExpectation ex, double m, double s) {
        double[] z = ex.nodes();
        double[] w = ex.weights();
        double meanEnergy = 0.0;
        double g1 = 0.0;
        double g2 = 0.0;
        for (int k = 0; k < z.length; k++) {
            double theta = m + s * z[k];
            double e = energy.value(theta);
            double d = energy.derivative(theta);
            if (!Double.isFinite(e) || !Double.isFinite(d)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "energy %s is not finite at theta=%.6g (E=%s, E'=%s); a Gaussian q needs an energy"
                                + " defined on the whole line: fit an unconstrained parameter (e.g. a logit)",
                        energy.name(), theta, e, d));
            }
            meanEnergy += w[k] * e;
            g1 += w[k] * d;
            g2 += w[k] * d * z[k];
        }
        double f = meanEnergy - temperature * (0.5 * Math.log(2.0 * Math.PI * Math.E) + Math.log(s));
        return new double[] {f, g1, g2};
    }

    /**
     * Lists every hyperparameter.
     *
     * @return A one-line description.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "VariationalGaussianTrainer(rule=%s, points=%d, lr=%.3g, iterations=%d, T=%.4g, init=N(%.4g, %.4g^2),"
                        + " seed=%d)", rule, points, learningRate, iterations, temperature, initMean, initStd, seed);
    }
}
