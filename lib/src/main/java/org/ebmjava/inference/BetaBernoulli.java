package org.ebmjava.inference;

import java.util.Locale;
import org.apache.commons.math3.special.Beta;
import org.ebmjava.landscape.Energy1D;

/**
 * The bias &theta; of a coin with a Beta(a, b) prior, after k heads and m tails: the textbook conjugate
 * model, as a Boltzmann distribution.
 *
 * <p>With the likelihood of the observed sequence, p(D | &theta;) = &theta;<sup>k</sup> (1 -
 * &theta;)<sup>m</sup> (no binomial coefficient: the order of the flips is part of the data), the energy is
 * <pre>
 *   E(&theta;) = -(a - 1 + k) log &theta; - (b - 1 + m) log(1 - &theta;) + log B(a, b),     0 &lt; &theta; &lt; 1,
 * </pre>
 * and every tempered posterior is again a beta density,
 * <pre>
 *   p_T = Beta(1 + (a - 1 + k)/T, 1 + (b - 1 + m)/T),        p_1 = Beta(a + k, b + m),
 *   log Z_T = log B(&alpha;_T, &beta;_T) - log B(a, b)/T,            log p(D) = log B(a + k, b + m) - log B(a, b),
 *   U_T = log B(a, b) - (a - 1 + k) E[log &theta;] - (b - 1 + m) E[log(1 - &theta;)],
 * </pre>
 * with E[log &theta;] = &psi;(&alpha;<sub>T</sub>) - &psi;(&alpha;<sub>T</sub> + &beta;<sub>T</sub>).
 * Tempering divides the pseudo-counts a - 1 + k and b - 1 + m by T: T = 2 is "half the evidence", T &rarr; 0
 * the MAP estimate (a - 1 + k)/(a + b - 2 + k + m). With a &lt; 1 or b &lt; 1 and no data on that side the
 * energy is unbounded below at an end and low temperatures are not normalisable; the methods then throw.
 *
 * <pre>
 * A. Gelman et al., "Bayesian Data Analysis", 3rd ed., CRC Press, 2013, section 2.4.
 * </pre>
 */
public final class BetaBernoulli implements ConjugateModel {

    private final double a;
    private final double b;
    private final int heads;
    private final int tails;
    private final double logBetaPrior;

    /**
     * Creates the model.
     *
     * @param a The prior's first shape a (pseudo-count of heads). Must be finite and &gt; 0.
     * @param b The prior's second shape b (pseudo-count of tails). Must be finite and &gt; 0.
     * @param heads The number k of heads observed, &ge; 0.
     * @param tails The number m of tails observed, &ge; 0.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public BetaBernoulli(double a, double b, int heads, int tails) {
        Checks.positive(a, "a");
        Checks.positive(b, "b");
        if (heads < 0 || tails < 0) {
            throw new IllegalArgumentException(
                    "heads and tails must be >= 0, found heads=" + heads + ", tails=" + tails);
        }
        this.a = a;
        this.b = b;
        this.heads = heads;
        this.tails = tails;
        this.logBetaPrior = Beta.logBeta(a, b);
    }

    /**
     * Returns E(&theta;) = -log p(D | &theta;) - log p(&theta;).
     *
     * @param theta The bias &theta;.
     * @return E(&theta;); +Infinity outside (0, 1) (and at an end where the density vanishes).
     */
    @Override
    public double value(double theta) {
        if (!(theta > 0.0 && theta < 1.0)) {
            return Double.POSITIVE_INFINITY;
        }
        return -countA() * Math.log(theta) - countB() * Math.log1p(-theta) + logBetaPrior;
    }

    /**
     * Returns dE/d&theta; = -(a - 1 + k)/&theta; + (b - 1 + m)/(1 - &theta;).
     *
     * @param theta The bias &theta;, in (0, 1).
     * @return The derivative; NaN outside (0, 1).
     */
    @Override
    public double derivative(double theta) {
        if (!(theta > 0.0 && theta < 1.0)) {
            return Double.NaN;
        }
        return -countA() / theta + countB() / (1.0 - theta);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "BetaBernoulli(prior Beta(%.4g, %.4g), %d heads, %d tails)", a, b, heads,
                tails);
    }

    @Override
    public BetaDensity temperedPosterior(double temperature) {
        Checks.temperature(temperature);
        double alpha = 1.0 + countA() / temperature;
        double beta = 1.0 + countB() / temperature;
        if (!(alpha > 0.0) || !(beta > 0.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the tempered posterior at T=%.4g is not normalisable (shapes %.4g, %.4g); with a prior"
                            + " shape below 1 and no data on that side, use a higher temperature", temperature,
                    alpha, beta));
        }
        return new BetaDensity(alpha, beta);
    }

    @Override
    public double logPartition(double temperature) {
        BetaDensity p = temperedPosterior(temperature);
        return Beta.logBeta(p.alpha(), p.beta()) - logBetaPrior / temperature;
    }

    /**
     * Returns the log evidence log B(a + k, b + m) - log B(a, b), computed directly from the conjugate
     * update (not through {@link #logPartition}).
     *
     * @return log p(D) of the observed sequence, in nats.
     */
    @Override
    public double logEvidence() {
        return Beta.logBeta(a + heads, b + tails) - logBetaPrior;
    }

    @Override
    public double meanEnergy(double temperature) {
        BetaDensity p = temperedPosterior(temperature);
        return logBetaPrior - countA() * p.meanLog() - countB() * p.meanLogComplement();
    }

    /**
     * Returns the MAP estimate (a - 1 + k)/(a + b - 2 + k + m).
     *
     * @return The MAP estimate when both pseudo-counts a - 1 + k and b - 1 + m are &ge; 0 and not both 0;
     *     NaN otherwise (flat or unbounded energy).
     */
    @Override
    public double map() {
        double ca = countA();
        double cb = countB();
        return ca >= 0.0 && cb >= 0.0 && ca + cb > 0.0 ? ca / (ca + cb) : Double.NaN;
    }

    /**
     * Returns the support (0, 1), whatever the temperature.
     *
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return {0, 1}.
     */
    @Override
    public double[] gridRange(double temperature) {
        Checks.temperature(temperature);
        return new double[] {0.0, 1.0};
    }

    /**
     * Returns the energy of the log-odds &phi; = log(&theta;/(1 - &theta;)), the unconstrained parameter a
     * Gaussian variational family needs.
     *
     * <p>Changing variables multiplies the density by the Jacobian d&theta;/d&phi; = &theta;(1 - &theta;), so
     * <pre>
     *   E_&phi;(&phi;) = E(&sigma;(&phi;)) - log &sigma;(&phi;) - log(1 - &sigma;(&phi;)) = (a + k) LogisticOps.softplus(-&phi;) + (b + m) LogisticOps.softplus(&phi;) + log B(a, b),
     * </pre>
     * smooth and convex on the whole line. Its partition function is the same evidence p(D) (an integral
     * does not depend on the variable it is written in), and KL divergences between densities are the same
     * in either variable. Only T = 1 is meaningful: tempering in &phi; also tempers the Jacobian.
     *
     * @return E<sub>&phi;</sub> with its derivative -(a + k) &sigma;(-&phi;) + (b + m) &sigma;(&phi;).
     */
    public Energy1D logitEnergy() {
        double ca = a + heads;
        double cb = b + tails;
        String label = "logit of " + name();
        return new Energy1D() {
            @Override
            public double value(double phi) {
                return ca * LogisticOps.softplus(-phi) + cb * LogisticOps.softplus(phi) + logBetaPrior;
            }

            @Override
            public double derivative(double phi) {
                return -ca * LogisticOps.sigmoid(-phi) + cb * LogisticOps.sigmoid(phi);
            }

            @Override
            public String name() {
                return label;
            }
        };
    }

    /**
     * Returns the prior Beta(a, b).
     *
     * @return The prior density.
     */
    public BetaDensity prior() {
        return new BetaDensity(a, b);
    }

    /**
     * Returns the number of heads.
     *
     * @return k.
     */
    public int heads() {
        return heads;
    }

    /**
     * Returns the number of tails.
     *
     * @return m.
     */
    public int tails() {
        return tails;
    }

    @Override
    public String toString() {
        return name();
    }

    private double countA() {
        return a - 1.0 + heads;
    }

    private double countB() {
        return b - 1.0 + tails;
    }
}
