package org.ebmjava.activeinference;

import java.util.Arrays;
import org.ebmjava.thermo.BoltzmannDistribution;

/**
 * Perception as free-energy minimisation: the belief q(s) about the hidden state after an outcome o, given
 * a prior p(s) (the initial D, or B[a] applied to the previous belief).
 *
 * <p>The variational free energy of a categorical q is
 * <pre>
 *   F[q] = &sum;_s q(s) ( log q(s) - log p(o | s) - log p(s) ) = &sum;_s q(s) E(s) - H[q] = -log p(o) + KL(q || p(s | o)),
 *   E(s) = -log p(o | s) - log p(s)
 * </pre>
 * so it is notebook 01's F = U - TS at T = 1 with energy E. Its minimum over all q is the Boltzmann
 * distribution q*(s) &prop; exp(-E(s)) = p(s | o), the exact posterior, where F[q*] = -log p(o): the
 * surprise of the outcome. With a single state factor the fixed-point update q &larr; softmax(-E) reaches
 * it in one step ({@link #exact}); {@link #gradientDescent} reaches it by descending F over the logits of
 * q, which is what the mean-field updates of multi-factor models generalise. States with E = +Infinity
 * (impossible under the prior or inconsistent with o) get q = 0 and are left out of the sums.
 *
 * <pre>
 * K. Friston, T. FitzGerald, F. Rigoli, P. Schwartenbeck and G. Pezzulo, "Active Inference: A Process
 * Theory", Neural Computation 29(1), 2017.
 * </pre>
 */
public final class StateInference {

    private StateInference() {}

    /**
     * A belief and its free energy.
     *
     * @param q The belief q(s) over all states (0 where a state is impossible).
     * @param freeEnergy F[q] in nats; at the exact posterior, -log p(o).
     */
    public record Posterior(double[] q, double freeEnergy) {
        /**
         * Returns log p(o) = -F at the exact posterior.
         *
         * @return The log evidence of the outcome.
         */
        public double logEvidence() {
            return -freeEnergy;
        }

        /**
         * Returns the belief.
         *
         * @return A copy of q(s).
         */
        @Override
        public double[] q() {
            return q.clone();
        }
    }

    /**
     * The result of gradient descent on F.
     *
     * @param q The final belief.
     * @param trace F[q] before each step and after the last (steps + 1 values).
     */
    public record Descent(double[] q, double[] trace) {
        /**
         * Returns the belief.
         *
         * @return A copy of q(s).
         */
        @Override
        public double[] q() {
            return q.clone();
        }

        /**
         * Returns the trace of F.
         *
         * @return A copy of the trace.
         */
        @Override
        public double[] trace() {
            return trace.clone();
        }
    }

    /**
     * Returns the energies E(s) = -log p(o | s) - log p(s).
     *
     * @param model The generative model.
     * @param prior The prior p(s), summing to 1. Not modified.
     * @param outcome The observed outcome o.
     * @return A new array; +Infinity where p(o | s) p(s) = 0.
     * @throws IllegalArgumentException If the prior has the wrong length or the outcome is out of range.
     */
    public static double[] energies(Pomdp model, double[] prior, int outcome) {
        check(model, prior, outcome);
        double[] e = new double[prior.length];
        for (int s = 0; s < e.length; s++) {
            double joint = model.likelihood(outcome, s) * prior[s];
            e[s] = joint > 0.0 ? -Math.log(model.likelihood(outcome, s)) - Math.log(prior[s])
                    : Double.POSITIVE_INFINITY;
        }
        return e;
    }

    /**
     * Computes the exact posterior p(s | o) as the Boltzmann distribution of E at T = 1, with its free
     * energy -log p(o).
     *
     * @param model The generative model.
     * @param prior The prior p(s). Not modified.
     * @param outcome The observed outcome o.
     * @return The posterior and F = -log p(o).
     * @throws IllegalArgumentException If the outcome has probability 0 under the prior.
     */
    public static Posterior exact(Pomdp model, double[] prior, int outcome) {
        double[] e = energies(model, prior, outcome);
        int[] support = support(e, model, outcome);
        double[] finite = new double[support.length];
        for (int k = 0; k < support.length; k++) {
            finite[k] = e[support[k]];
        }
        BoltzmannDistribution b = new BoltzmannDistribution(finite, 1.0);
        double[] q = new double[e.length];
        double[] p = b.probabilities();
        for (int k = 0; k < support.length; k++) {
            q[support[k]] = p[k];
        }
        return new Posterior(q, b.freeEnergy());
    }

    /**
     * Evaluates the variational free energy F[q] = &sum;<sub>s</sub> q(s)(log q(s) + E(s)).
     *
     * @param model The generative model.
     * @param prior The prior p(s). Not modified.
     * @param outcome The observed outcome o.
     * @param q Any belief, entries &ge; 0 summing to 1. Not modified.
     * @return F[q] &ge; -log p(o); +Infinity if q puts mass on an impossible state.
     * @throws IllegalArgumentException If q has the wrong length or a negative entry.
     */
    public static double freeEnergy(Pomdp model, double[] prior, int outcome, double[] q) {
        double[] e = energies(model, prior, outcome);
        if (q == null || q.length != e.length) {
            throw new IllegalArgumentException("q must have " + e.length + " entries");
        }
        double f = 0.0;
        for (int s = 0; s < e.length; s++) {
            if (!(q[s] >= 0.0)) {
                throw new IllegalArgumentException("q[" + s + "] must be >= 0, found " + q[s]);
            }
            if (q[s] > 0.0) {
                if (e[s] == Double.POSITIVE_INFINITY) {
                    return Double.POSITIVE_INFINITY;
                }
                f += q[s] * (Math.log(q[s]) + e[s]);
            }
        }
        return f;
    }

    /**
     * Minimises F by gradient descent on the logits &phi; of q = softmax(&phi;) over the possible states,
     * starting from the uniform belief over them. The gradient is
     * &part;F/&part;&phi;<sub>s</sub> = q(s)(log q(s) + E(s) - F).
     *
     * @param model The generative model.
     * @param prior The prior p(s). Not modified.
     * @param outcome The observed outcome o.
     * @param learningRate The step size, &gt; 0 (1 is a good default).
     * @param steps The number of steps, &ge; 0.
     * @return The final belief and the trace of F.
     * @throws IllegalArgumentException If an argument is invalid or the outcome is impossible.
     */
    public static Descent gradientDescent(Pomdp model, double[] prior, int outcome, double learningRate, int steps) {
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate) || steps < 0) {
            throw new IllegalArgumentException("need learningRate > 0 and steps >= 0, found " + learningRate
                    + " and " + steps);
        }
        double[] e = energies(model, prior, outcome);
        int[] support = support(e, model, outcome);
        double[] energy = new double[support.length];
        for (int k = 0; k < support.length; k++) {
            energy[k] = e[support[k]];
        }
        double[] logits = new double[support.length];
        double[] trace = new double[steps + 1];
        for (int it = 0; it <= steps; it++) {
            double[] q = softmax(logits);
            trace[it] = freeEnergyOnSupport(energy, q);
            if (it == steps) {
                break;
            }
            double[] g = logitGradient(energy, logits);
            for (int k = 0; k < logits.length; k++) {
                logits[k] -= learningRate * g[k];
            }
        }
        double[] qs = softmax(logits);
        double[] q = new double[e.length];
        for (int k = 0; k < support.length; k++) {
            q[support[k]] = qs[k];
        }
        return new Descent(q, trace);
    }

    /** &part;F/&part;&phi;<sub>k</sub> = q<sub>k</sub>(log q<sub>k</sub> + E<sub>k</sub> - F) with q = softmax(&phi;). */
    static double[] logitGradient(double[] energy, double[] logits) {
        double[] q = softmax(logits);
        double[] logQ = logSoftmax(logits);
        double f = freeEnergyOnSupport(energy, q);
        double[] g = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            g[k] = q[k] * (logQ[k] + energy[k] - f);
        }
        return g;
    }

    /** F of a softmax-parameterised belief over finite energies. */
    static double freeEnergyOnSupport(double[] energy, double[] q) {
        double f = 0.0;
        for (int k = 0; k < q.length; k++) {
            if (q[k] > 0.0) {
                f += q[k] * (Math.log(q[k]) + energy[k]);
            }
        }
        return f;
    }

    static double[] softmax(double[] logits) {
        double[] l = logSoftmax(logits);
        for (int k = 0; k < l.length; k++) {
            l[k] = Math.exp(l[k]);
        }
        return l;
    }

    private static double[] logSoftmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElse(0.0);
        double sum = 0.0;
        for (double v : logits) {
            sum += Math.exp(v - max);
        }
        double lse = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = logits[k] - lse;
        }
        return out;
    }

    private static int[] support(double[] e, Pomdp model, int outcome) {
        int[] support = java.util.stream.IntStream.range(0, e.length).filter(s -> e[s] < Double.POSITIVE_INFINITY)
                .toArray();
        if (support.length == 0) {
            throw new IllegalArgumentException("outcome " + model.outcomeNames().get(outcome)
                    + " has probability 0 under the prior");
        }
        return support;
    }

    private static void check(Pomdp model, double[] prior, int outcome) {
        if (model == null || prior == null) {
            throw new IllegalArgumentException("model and prior must not be null");
        }
        if (prior.length != model.states()) {
            throw new IllegalArgumentException("prior must have " + model.states() + " entries, found " + prior.length);
        }
        if (outcome < 0 || outcome >= model.outcomes()) {
            throw new IllegalArgumentException(
                    "outcome must be in [0, " + model.outcomes() + "), found " + outcome);
        }
    }
}
