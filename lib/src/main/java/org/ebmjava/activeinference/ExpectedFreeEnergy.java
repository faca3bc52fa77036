package org.ebmjava.activeinference;

import org.ebmjava.thermo.ThermoOps;

/**
 * The expected free energy G of a policy: how an active-inference agent scores a plan, by the outcomes and
 * states it predicts.
 *
 * <p>For one future step &tau;, with predicted states Q(s) (the current belief pushed through B by the
 * policy's actions, without imagined observations: an open-loop rollout) and predicted outcomes Q(o) =
 * &sum;<sub>s</sub> A[o][s] Q(s):
 * <pre>
 *   risk       = KL( Q(o) || P_&tau;(o) ) = &sum;_o Q(o) (log Q(o) - log P_&tau;(o))      outcomes unlike the preferred ones
 *   ambiguity  = &sum;_s Q(s) H[ p(o | s) ]                                    states whose outcomes are noisy
 *   G_&tau;        = risk + ambiguity
 *             = -(H[Q(o)] - ambiguity) - &sum;_o Q(o) log P_&tau;(o)
 *             = -(epistemic value) - (pragmatic value)
 * </pre>
 * The epistemic value H[Q(o)] - ambiguity is the mutual information between states and outcomes under
 * Q: the expected information gain about the hidden state. The pragmatic value is the expected log
 * preference. G(&pi;) = &sum;<sub>&tau;</sub> G<sub>&tau;</sub> over the policy's steps; lower is better.
 *
 * <pre>
 * K. Friston, F. Rigoli, D. Ognibene, C. Mathys, T. Fitzgerald and G. Pezzulo, "Active inference and
 * epistemic value", Cognitive Neuroscience 6(4), 2015.
 * R. Smith, K. J. Friston and C. J. Whyte, "A step-by-step tutorial on active inference and its
 * application to empirical data", Journal of Mathematical Psychology 107, 2022.
 * </pre>
 */
public final class ExpectedFreeEnergy {

    private ExpectedFreeEnergy() {}

    /**
     * The terms of G at one step (or summed over steps), in nats.
     *
     * @param risk KL(Q(o) || P(o)) &ge; 0.
     * @param ambiguity E<sub>Q(s)</sub>[H[p(o|s)]] &ge; 0.
     * @param epistemic H[Q(o)] - ambiguity &ge; 0, the expected information gain.
     * @param pragmatic E<sub>Q(o)</sub>[log P(o)] &le; 0, the expected log preference.
     */
    public record Terms(double risk, double ambiguity, double epistemic, double pragmatic) {

        /**
         * Returns G = risk + ambiguity (equal to -epistemic - pragmatic).
         *
         * @return The expected free energy.
         */
        public double g() {
            return risk + ambiguity;
        }

        /**
         * Adds two sets of terms (steps of one policy).
         *
         * @param other The other terms.
         * @return The sums.
         */
        public Terms plus(Terms other) {
            return new Terms(risk + other.risk, ambiguity + other.ambiguity, epistemic + other.epistemic,
                    pragmatic + other.pragmatic);
        }
    }

    /**
     * Computes the terms for one step from the predicted state distribution.
     *
     * @param model The generative model.
     * @param predictedStates Q(s) at the step, summing to 1. Not modified.
     * @param step The 1-based step &tau;, which selects the preferences C<sub>&tau;</sub>.
     * @return risk, ambiguity, epistemic and pragmatic value.
     * @throws IllegalArgumentException If the arguments do not fit the model.
     */
    public static Terms step(Pomdp model, double[] predictedStates, int step) {
        if (predictedStates == null || predictedStates.length != model.states()) {
            throw new IllegalArgumentException("predictedStates must have " + model.states() + " entries");
        }
        double[] qo = model.predictOutcomes(predictedStates);
        double[] logP = model.logPreferences(step);
        double[] h = model.outcomeEntropies();
        double ambiguity = 0.0;
        for (int s = 0; s < h.length; s++) {
            ambiguity += predictedStates[s] * h[s];
        }
        double pragmatic = 0.0;
        for (int o = 0; o < qo.length; o++) {
            if (qo[o] > 0.0) {
                pragmatic += qo[o] * logP[o];
            }
        }
        double entropy = ThermoOps.entropy(qo);
        double risk = -entropy - pragmatic;
        return new Terms(risk, ambiguity, entropy - ambiguity, pragmatic);
    }

    /**
     * Evaluates a sequence of actions from a belief by an open-loop rollout: Q(s<sub>&tau;</sub>) = B[a<sub>&tau;</sub>]
     * Q(s<sub>&tau;-1</sub>), terms summed over the steps.
     *
     * @param model The generative model.
     * @param belief The current belief q(s<sub>t</sub>). Not modified.
     * @param actions The actions still to take, in order. Not modified.
     * @param firstStep The 1-based step of the first action's outcome (t + 1 when acting at time t).
     * @return The summed terms (all 0 for an empty sequence).
     * @throws IllegalArgumentException If an action is out of range or firstStep &lt; 1.
     */
    public static Terms evaluate(Pomdp model, double[] belief, int[] actions, int firstStep) {
        Terms total = new Terms(0, 0, 0, 0);
        double[] q = belief.clone();
        for (int k = 0; k < actions.length; k++) {
            if (actions[k] < 0 || actions[k] >= model.actions()) {
                throw new IllegalArgumentException("actions[" + k + "] must be in [0, " + model.actions()
                        + "), found " + actions[k]);
            }
            q = model.predictStates(q, actions[k]);
            total = total.plus(step(model, q, firstStep + k));
        }
        return total;
    }
}
