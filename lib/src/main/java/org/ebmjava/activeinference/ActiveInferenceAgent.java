package org.ebmjava.activeinference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An agent that perceives by minimising variational free energy ({@link StateInference}) and acts by
 * minimising expected free energy ({@link ExpectedFreeEnergy}) over a fixed set of policies.
 *
 * <p>At time t, with belief q(s<sub>t</sub>) and the actions taken so far, the policies that began with
 * those actions are scored from step t + 1 on, and the policy posterior is a softmax with precision
 * &gamma;:
 * <pre>
 *   q(&pi;) = softmax(-&gamma; G(&pi;))
 *   G(&pi;) = risk + ambiguity          ({@link Objective#EXPECTED_FREE_ENERGY})
 *   G(&pi;) = -pragmatic value          ({@link Objective#PRAGMATIC_ONLY}: a reward-only agent)
 * </pre>
 * The next action is drawn from the marginal of q(&pi;) over the policies' next actions (a policy is drawn
 * and its next action taken), so the agent re-plans after every outcome. The world is simulated by the
 * generative model itself (A and B), so simulated and exact success rates can be compared.
 *
 * <pre>
 * K. Friston, F. Rigoli, D. Ognibene, C. Mathys, T. Fitzgerald and G. Pezzulo, "Active inference and
 * epistemic value", Cognitive Neuroscience 6(4), 2015.
 * </pre>
 */
public final class ActiveInferenceAgent {

    /** What the agent minimises over policies. */
    public enum Objective {
        /** G = risk + ambiguity = -epistemic - pragmatic value. */
        EXPECTED_FREE_ENERGY,
        /** G = -pragmatic value: expected log preference only, information gain dropped. */
        PRAGMATIC_ONLY
    }

    /**
     * A policy's score at one decision.
     *
     * @param policy The policy.
     * @param terms Risk, ambiguity, epistemic and pragmatic value of its remaining steps.
     * @param g The value the agent minimises (depends on the objective).
     * @param probability The policy's posterior probability q(&pi;).
     */
    public record PolicyScore(Policy policy, ExpectedFreeEnergy.Terms terms, double g, double probability) {}

    /**
     * One simulated episode.
     *
     * @param states The hidden states s<sub>0</sub>, ..., s<sub>H</sub>.
     * @param actions The actions a<sub>0</sub>, ..., a<sub>H-1</sub>.
     * @param outcomes The outcomes o<sub>0</sub>, ..., o<sub>H</sub>.
     * @param beliefs The beliefs q(s<sub>t</sub>) after each outcome.
     * @param surprise The free energy -log p(o<sub>t</sub>) at each step (the belief is the exact posterior).
     */
    public record Episode(int[] states, int[] actions, int[] outcomes, double[][] beliefs, double[] surprise) {
        /**
         * Returns the final hidden state.
         *
         * @return s<sub>H</sub>.
         */
        public int finalState() {
            return states[states.length - 1];
        }
    }

    private final Pomdp model;
    private final List<Policy> policies;
    private final double precision;
    private final Objective objective;
    private final int horizon;

    /**
     * Creates an agent.
     *
     * @param model The generative model. Must not be null.
     * @param policies The policies, all of the same length H &ge; 1 and with valid actions. Not modified
     *     (copied).
     * @param precision The policy precision &gamma;, finite and &gt; 0 (16 makes choices nearly
     *     deterministic when G differs by a few tenths of a nat).
     * @param objective What to minimise. Must not be null.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public ActiveInferenceAgent(Pomdp model, List<Policy> policies, double precision, Objective objective) {
        if (model == null || policies == null || policies.isEmpty() || objective == null) {
            throw new IllegalArgumentException("model, a non-empty policy list and the objective are required");
        }
        if (!(precision > 0.0) || Double.isInfinite(precision)) {
            throw new IllegalArgumentException("precision must be finite and > 0, found " + precision);
        }
        int h = policies.get(0).length();
        for (Policy p : policies) {
            if (p.length() != h) {
                throw new IllegalArgumentException("all policies must have length " + h + ", " + p + " has "
                        + p.length());
            }
            for (int a : p.actions()) {
                if (a < 0 || a >= model.actions()) {
                    throw new IllegalArgumentException("policy " + p + " has an action outside [0, "
                            + model.actions() + ")");
                }
            }
        }
        this.model = model;
        this.policies = List.copyOf(policies);
        this.precision = precision;
        this.objective = objective;
        this.horizon = h;
    }

    /**
     * Scores the policies that are still open at time t.
     *
     * @param belief The belief q(s<sub>t</sub>). Not modified.
     * @param pastActions The t actions taken so far. Not modified.
     * @return One score per policy that began with pastActions, in the agent's policy order.
     * @throws IllegalArgumentException If no policy began with pastActions or t &ge; H.
     */
    public List<PolicyScore> evaluate(double[] belief, int[] pastActions) {
        int t = pastActions.length;
        if (t >= horizon) {
            throw new IllegalArgumentException("the episode has ended: t=" + t + ", horizon " + horizon);
        }
        List<Policy> open = new ArrayList<>();
        List<ExpectedFreeEnergy.Terms> terms = new ArrayList<>();
        for (Policy p : policies) {
            if (p.startsWith(pastActions)) {
                open.add(p);
                int[] rest = java.util.Arrays.copyOfRange(p.actions(), t, horizon);
                terms.add(ExpectedFreeEnergy.evaluate(model, belief, rest, t + 1));
            }
        }
        if (open.isEmpty()) {
            throw new IllegalArgumentException("no policy began with " + java.util.Arrays.toString(pastActions));
        }
        double[] g = new double[open.size()];
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < g.length; k++) {
            ExpectedFreeEnergy.Terms x = terms.get(k);
            g[k] = objective == Objective.EXPECTED_FREE_ENERGY ? x.g() : -x.pragmatic();
            min = Math.min(min, g[k]);
        }
        double z = 0.0;
        double[] w = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            w[k] = Math.exp(-precision * (g[k] - min));
            z += w[k];
        }
        List<PolicyScore> out = new ArrayList<>();
        for (int k = 0; k < g.length; k++) {
            out.add(new PolicyScore(open.get(k), terms.get(k), g[k], w[k] / z));
        }
        return out;
    }

    /**
     * Returns the probability of each next action: the policy posterior summed over policies by their next
     * action.
     *
     * @param belief The belief q(s<sub>t</sub>). Not modified.
     * @param pastActions The t actions taken so far. Not modified.
     * @return A new array over actions, summing to 1.
     */
    public double[] actionProbabilities(double[] belief, int[] pastActions) {
        double[] p = new double[model.actions()];
        for (PolicyScore s : evaluate(belief, pastActions)) {
            p[s.policy().action(pastActions.length)] += s.probability();
        }
        return p;
    }

    /**
     * Tabulates the policy scores at one decision.
     *
     * @param belief The belief q(s<sub>t</sub>). Not modified.
     * @param pastActions The t actions taken so far. Not modified.
     * @return A table with columns policy, risk, ambiguity, epistemic, pragmatic, G (risk + ambiguity),
     *     objective (what this agent minimises) and q(policy).
     */
    public Table table(double[] belief, int[] pastActions) {
        StringColumn name = StringColumn.create("policy");
        DoubleColumn risk = DoubleColumn.create("risk");
        DoubleColumn amb = DoubleColumn.create("ambiguity");
        DoubleColumn epi = DoubleColumn.create("epistemic");
        DoubleColumn prag = DoubleColumn.create("pragmatic");
        DoubleColumn g = DoubleColumn.create("G");
        DoubleColumn obj = DoubleColumn.create("objective");
        DoubleColumn prob = DoubleColumn.create("q(policy)");
        for (PolicyScore s : evaluate(belief, pastActions)) {
            name.append(s.policy().name());
            risk.append(s.terms().risk());
            amb.append(s.terms().ambiguity());
            epi.append(s.terms().epistemic());
            prag.append(s.terms().pragmatic());
            g.append(s.terms().g());
            obj.append(s.g());
            prob.append(s.probability());
        }
        String title = String.format(Locale.ROOT, "%s agent (gamma=%.3g), t=%d", objectiveLabel(), precision,
                pastActions.length);
        return Table.create(title, name, risk, amb, epi, prag, g, obj, prob);
    }

    /**
     * Simulates one episode: the world starts in the given state, emits outcomes by A and moves by B; the
     * agent updates its belief exactly after each outcome and draws its actions as described above.
     *
     * @param initialState The true initial state s<sub>0</sub>.
     * @param rng The source of randomness (world and action draws). Advanced.
     * @return The episode.
     * @throws IllegalArgumentException If the initial state is out of range or rng is null.
     */
    public Episode runEpisode(int initialState, RandomGenerator rng) {
        if (initialState < 0 || initialState >= model.states() || rng == null) {
            throw new IllegalArgumentException("need an initial state in [0, " + model.states() + ") and an rng");
        }
        int[] states = new int[horizon + 1];
        int[] actions = new int[horizon];
        int[] outcomes = new int[horizon + 1];
        double[][] beliefs = new double[horizon + 1][];
        double[] surprise = new double[horizon + 1];
        states[0] = initialState;
        outcomes[0] = draw(column(initialState, true, -1), rng);
        StateInference.Posterior post = StateInference.exact(model, model.initialPrior(), outcomes[0]);
        beliefs[0] = post.q();
        surprise[0] = post.freeEnergy();
        for (int t = 0; t < horizon; t++) {
            int[] past = java.util.Arrays.copyOf(actions, t);
            actions[t] = draw(actionProbabilities(beliefs[t], past), rng);
            states[t + 1] = draw(column(states[t], false, actions[t]), rng);
            outcomes[t + 1] = draw(column(states[t + 1], true, -1), rng);
            post = StateInference.exact(model, model.predictStates(beliefs[t], actions[t]), outcomes[t + 1]);
            beliefs[t + 1] = post.q();
            surprise[t + 1] = post.freeEnergy();
        }
        return new Episode(states, actions, outcomes, beliefs, surprise);
    }

    /**
     * Computes exactly the probability that an episode ends in a state with a given property, by summing
     * over every outcome, transition and action the simulation could draw.
     *
     * @param initialState The true initial state s<sub>0</sub>.
     * @param success Which final states count.
     * @return P(success(s<sub>H</sub>)) under the agent's action probabilities and the model's dynamics.
     * @throws IllegalArgumentException If the initial state is out of range.
     */
    public double successProbability(int initialState, IntPredicate success) {
        if (initialState < 0 || initialState >= model.states() || success == null) {
            throw new IllegalArgumentException("need an initial state in [0, " + model.states() + ") and a predicate");
        }
        double total = 0.0;
        double[] emit = column(initialState, true, -1);
        for (int o = 0; o < emit.length; o++) {
            if (emit[o] > 0.0) {
                double[] belief = StateInference.exact(model, model.initialPrior(), o).q();
                total += emit[o] * branch(initialState, belief, new int[0], success);
            }
        }
        return total;
    }

    private double branch(int state, double[] belief, int[] past, IntPredicate success) {
        if (past.length == horizon) {
            return success.test(state) ? 1.0 : 0.0;
        }
        double total = 0.0;
        double[] pa = actionProbabilities(belief, past);
        for (int a = 0; a < pa.length; a++) {
            if (pa[a] == 0.0) {
                continue;
            }
            int[] next = java.util.Arrays.copyOf(past, past.length + 1);
            next[past.length] = a;
            double[] moveTo = column(state, false, a);
            double[] predicted = model.predictStates(belief, a);
            for (int s = 0; s < moveTo.length; s++) {
                if (moveTo[s] == 0.0) {
                    continue;
                }
                double[] emit = column(s, true, -1);
                for (int o = 0; o < emit.length; o++) {
                    if (emit[o] > 0.0) {
                        double[] post = StateInference.exact(model, predicted, o).q();
                        total += pa[a] * moveTo[s] * emit[o] * branch(s, post, next, success);
                    }
                }
            }
        }
        return total;
    }

    /** p(o | s) as a vector over o, or p(s' | s, a) as a vector over s'. */
    private double[] column(int s, boolean outcomes, int action) {
        int n = outcomes ? model.outcomes() : model.states();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = outcomes ? model.likelihood(i, s) : model.transition(action, i, s);
        }
        return v;
    }

    private static int draw(double[] p, RandomGenerator rng) {
        double u = rng.nextDouble();
        double acc = 0.0;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0.0) {
                acc += p[i];
                last = i;
                if (u < acc) {
                    return i;
                }
            }
        }
        return last;
    }

    /**
     * Returns the policy horizon H.
     *
     * @return The number of actions per episode.
     */
    public int horizon() {
        return horizon;
    }

    /**
     * Returns the model.
     *
     * @return The generative model.
     */
    public Pomdp model() {
        return model;
    }

    /**
     * Returns the policies.
     *
     * @return An unmodifiable list.
     */
    public List<Policy> policies() {
        return policies;
    }

    /**
     * Returns the objective.
     *
     * @return What the agent minimises.
     */
    public Objective objective() {
        return objective;
    }

    /**
     * Returns the policy precision.
     *
     * @return &gamma;.
     */
    public double precision() {
        return precision;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ActiveInferenceAgent[%s, gamma=%.4g, %d policies of length %d, %s]",
                objective, precision, policies.size(), horizon, model);
    }

    private String objectiveLabel() {
        return objective == Objective.EXPECTED_FREE_ENERGY ? "active-inference" : "reward-only";
    }
}
