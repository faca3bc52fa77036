package org.ebmjava.activeinference;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The T-maze with an ambiguous cue, the standard demonstration of epistemic behaviour in active
 * inference.
 *
 * <p>A rewarding arm (left or right, the hidden context, 50/50 a priori) and the agent's location (centre,
 * cue, left arm, right arm) form 8 hidden states, index = 4 &times; context + location. The agent starts in
 * the centre, which shows nothing. At the cue location the cue points to the rewarding arm with
 * probability {@link Config#cueValidity()}; in an arm the outcome is a reward with probability
 * {@link Config#rewardProbability()} in the rewarding arm (and 1 - that in the other), else a loss. Arms
 * are absorbing: once in an arm the agent stays. Preferences C: reward {@link Config#rewardPreference()},
 * loss {@link Config#lossPreference()}, the other outcomes 0 (nats, before the softmax). The agent makes two
 * moves, chosen among five policies: stay in the centre, go to the left or right arm directly, or visit the
 * cue and then go to the left or right arm.
 *
 * <p>Why the cue is visited, in numbers (open-loop G of the first move, with the context unknown): at the
 * cue the outcome reveals the context, so its epistemic value is log 2 - H<sub>b</sub>(v) with H<sub>b</sub> the
 * binary entropy; an arm reveals less, log 2 - H<sub>b</sub>(r), because its outcome is noisy. An arm's gamble is
 * worth (rewardPreference + lossPreference)/2 nats of pragmatic value more than the cue per step spent in
 * it. So the active-inference agent visits the cue first iff H<sub>b</sub>(r) - H<sub>b</sub>(v) &gt;
 * (rewardPreference + lossPreference)/2, while a reward-only agent goes straight to an arm as soon as the
 * gamble is worth anything. The defaults (v = 1, r = 0.8, preferences +2 and -1.5) put each agent's
 * preferred first move ahead by 0.25 nats. With v = 0.5 the cue is worthless and both agents go straight to
 * an arm. After the cue, both agents re-plan with the context known and walk into the cued arm.
 *
 * <p>What this does and does not show: policies are scored by open-loop rollouts (future beliefs are not
 * updated by imagined outcomes), as in the cited papers. The reward-only agent therefore cannot see that
 * reading the cue will let it choose the right arm later, and the information gain in G is what sends the
 * active-inference agent to the cue. A planner that imagines future observations ("sophisticated
 * inference", Friston et al. 2021) would find the cue's value through reward alone.
 *
 * <pre>
 * K. Friston, F. Rigoli, D. Ognibene, C. Mathys, T. Fitzgerald and G. Pezzulo, "Active inference and
 * epistemic value", Cognitive Neuroscience 6(4), 2015.
 * K. Friston, L. Da Costa, D. Hafner, C. Hesp and T. Parr, "Sophisticated Inference", Neural
 * Computation 33(3), 2021.
 * </pre>
 */
public final class TMaze {

    /** Location index: the centre, where the agent starts. */
    public static final int CENTRE = 0;
    /** Location index: the cue. */
    public static final int CUE = 1;
    /** Location index: the left arm. */
    public static final int LEFT = 2;
    /** Location index: the right arm. */
    public static final int RIGHT = 3;
    /** Context index: the reward is in the left arm. */
    public static final int REWARD_LEFT = 0;
    /** Context index: the reward is in the right arm. */
    public static final int REWARD_RIGHT = 1;
    /** Outcome index: nothing (the centre). */
    public static final int NOTHING = 0;
    /** Outcome index: the cue points left. */
    public static final int CUE_LEFT = 1;
    /** Outcome index: the cue points right. */
    public static final int CUE_RIGHT = 2;
    /** Outcome index: reward. */
    public static final int REWARD = 3;
    /** Outcome index: loss. */
    public static final int LOSS = 4;

    private static final List<String> LOCATIONS = List.of("centre", "cue", "left arm", "right arm");
    private static final List<String> OUTCOMES = List.of("nothing", "cue: left", "cue: right", "reward", "loss");
    private static final List<String> ACTIONS = List.of("go to centre", "go to cue", "go left", "go right");

    /**
     * The maze's parameters.
     *
     * @param cueValidity v = p(cue points to the rewarding arm), in [0.5, 1]; 0.5 makes the cue useless.
     * @param rewardProbability r = p(reward | rewarding arm) = p(loss | other arm), in [0.5, 1].
     * @param rewardPreference C for a reward, nats (finite).
     * @param lossPreference C for a loss, nats (finite; negative to dislike it).
     */
    public record Config(double cueValidity, double rewardProbability, double rewardPreference,
            double lossPreference) {

        /** v = 1, r = 0.8, reward +2, loss -1.5: see the class documentation. */
        public static final Config DEFAULT = new Config(1.0, 0.8, 2.0, -1.5);

        /**
         * Validates the parameters.
         *
         * @param cueValidity v, in [0.5, 1].
         * @param rewardProbability r, in [0.5, 1].
         * @param rewardPreference C(reward), finite.
         * @param lossPreference C(loss), finite.
         * @throws IllegalArgumentException If a probability is outside [0.5, 1] or a preference is not finite.
         */
        public Config {
            if (!(cueValidity >= 0.5 && cueValidity <= 1.0) || !(rewardProbability >= 0.5 && rewardProbability <= 1.0)) {
                throw new IllegalArgumentException("cueValidity and rewardProbability must be in [0.5, 1], found "
                        + cueValidity + " and " + rewardProbability);
            }
            if (!Double.isFinite(rewardPreference) || !Double.isFinite(lossPreference)) {
                throw new IllegalArgumentException("preferences must be finite");
            }
        }

        /**
         * Returns a copy with another cue validity.
         *
         * @param v The cue validity, in [0.5, 1].
         * @return The new configuration.
         */
        public Config withCueValidity(double v) {
            return new Config(v, rewardProbability, rewardPreference, lossPreference);
        }
    }

    /**
     * Success statistics over simulated episodes.
     *
     * @param episodes The number of episodes.
     * @param successes How many ended in the rewarding arm.
     * @param cueFirst How many began by visiting the cue.
     * @param armFirst How many began by entering an arm.
     * @param meanRewards The mean number of reward outcomes per episode.
     * @param meanLosses The mean number of loss outcomes per episode.
     * @param meanUtility The mean summed preference C(o<sub>t</sub>) of the outcomes per episode (nats): the
     *     score both agents are after. An agent that sits in a random arm for both steps draws more rewards
     *     than one that spends a step at the cue, and more losses.
     */
    public record Summary(int episodes, int successes, int cueFirst, int armFirst, double meanRewards,
            double meanLosses, double meanUtility) {
        /**
         * Returns the success rate.
         *
         * @return successes / episodes.
         */
        public double successRate() {
            return successes / (double) episodes;
        }

        /**
         * Returns the binomial standard error of the success rate, sqrt(p(1 - p)/n).
         *
         * @return The standard error.
         */
        public double standardError() {
            double p = successRate();
            return Math.sqrt(p * (1 - p) / episodes);
        }
    }

    private final Config config;
    private final Pomdp model;
    private final List<Policy> policies;

    /**
     * Builds the maze.
     *
     * @param config The parameters. Must not be null.
     * @throws IllegalArgumentException If config is null.
     */
    public TMaze(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.model = buildModel(config);
        this.policies = List.of(
                new Policy("stay in centre", new int[] {CENTRE, CENTRE}),
                new Policy("left arm", new int[] {LEFT, LEFT}),
                new Policy("right arm", new int[] {RIGHT, RIGHT}),
                new Policy("cue, then left", new int[] {CUE, LEFT}),
                new Policy("cue, then right", new int[] {CUE, RIGHT}));
    }

    /**
     * Returns the state index of a context and a location.
     *
     * @param context {@link #REWARD_LEFT} or {@link #REWARD_RIGHT}.
     * @param location {@link #CENTRE}, {@link #CUE}, {@link #LEFT} or {@link #RIGHT}.
     * @return 4 context + location.
     */
    public static int state(int context, int location) {
        return 4 * context + location;
    }

    /**
     * Returns the context of a state.
     *
     * @param state The state index.
     * @return state / 4.
     */
    public static int context(int state) {
        return state / 4;
    }

    /**
     * Returns the location of a state.
     *
     * @param state The state index.
     * @return state % 4.
     */
    public static int location(int state) {
        return state % 4;
    }

    /**
     * Tells whether a state is in the rewarding arm.
     *
     * @param state The state index.
     * @return True if the agent stands in the arm of its context.
     */
    public static boolean inRewardingArm(int state) {
        int loc = location(state);
        return context(state) == REWARD_LEFT ? loc == LEFT : loc == RIGHT;
    }

    /**
     * Returns the generative model (also the simulated world).
     *
     * @return The POMDP.
     */
    public Pomdp model() {
        return model;
    }

    /**
     * Returns the five policies.
     *
     * @return Stay, left arm, right arm, cue then left, cue then right.
     */
    public List<Policy> policies() {
        return policies;
    }

    /**
     * Returns the parameters.
     *
     * @return The configuration.
     */
    public Config config() {
        return config;
    }

    /**
     * Creates an agent for this maze.
     *
     * @param objective What the agent minimises.
     * @param precision The policy precision &gamma; &gt; 0.
     * @return The agent.
     */
    public ActiveInferenceAgent agent(ActiveInferenceAgent.Objective objective, double precision) {
        return new ActiveInferenceAgent(model, policies, precision, objective);
    }

    /**
     * Returns the agent's belief at the start, after seeing "nothing" in the centre: the prior D.
     *
     * @return q(s<sub>0</sub>).
     */
    public double[] initialBelief() {
        return StateInference.exact(model, model.initialPrior(), NOTHING).q();
    }

    /**
     * Simulates episodes with contexts drawn from the prior (50/50).
     *
     * @param agent An agent built for this maze.
     * @param episodes The number of episodes, &ge; 1.
     * @param rng The source of randomness. Advanced.
     * @return The success statistics.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public Summary simulate(ActiveInferenceAgent agent, int episodes, RandomGenerator rng) {
        if (agent == null || agent.model() != model || episodes < 1 || rng == null) {
            throw new IllegalArgumentException("need an agent of this maze, episodes >= 1 and an rng");
        }
        int successes = 0;
        int cueFirst = 0;
        int armFirst = 0;
        long rewards = 0;
        long losses = 0;
        for (int e = 0; e < episodes; e++) {
            int context = rng.nextBoolean() ? REWARD_LEFT : REWARD_RIGHT;
            ActiveInferenceAgent.Episode ep = agent.runEpisode(state(context, CENTRE), rng);
            if (inRewardingArm(ep.finalState())) {
                successes++;
            }
            int first = ep.actions()[0];
            if (first == CUE) {
                cueFirst++;
            } else if (first == LEFT || first == RIGHT) {
                armFirst++;
            }
            for (int o : ep.outcomes()) {
                if (o == REWARD) {
                    rewards++;
                } else if (o == LOSS) {
                    losses++;
                }
            }
        }
        double utility = rewards * config.rewardPreference() + losses * config.lossPreference();
        return new Summary(episodes, successes, cueFirst, armFirst, rewards / (double) episodes,
                losses / (double) episodes, utility / episodes);
    }

    /**
     * Computes the exact probability that the agent ends in the rewarding arm, averaged over the two
     * contexts.
     *
     * @param agent An agent built for this maze.
     * @return P(success), the value {@link #simulate} estimates.
     * @throws IllegalArgumentException If the agent was built for another maze.
     */
    public double successProbability(ActiveInferenceAgent agent) {
        if (agent == null || agent.model() != model) {
            throw new IllegalArgumentException("need an agent of this maze");
        }
        return 0.5 * agent.successProbability(state(REWARD_LEFT, CENTRE), TMaze::inRewardingArm)
                + 0.5 * agent.successProbability(state(REWARD_RIGHT, CENTRE), TMaze::inRewardingArm);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TMaze[cue validity %.3g, reward probability %.3g, C(reward)=%.3g,"
                + " C(loss)=%.3g]", config.cueValidity(), config.rewardProbability(), config.rewardPreference(),
                config.lossPreference());
    }

    private static Pomdp buildModel(Config c) {
        int ns = 8;
        double[][] a = new double[OUTCOMES.size()][ns];
        for (int context = 0; context < 2; context++) {
            for (int loc = 0; loc < 4; loc++) {
                int s = state(context, loc);
                switch (loc) {
                    case CENTRE -> a[NOTHING][s] = 1.0;
                    case CUE -> {
                        double pointsLeft = context == REWARD_LEFT ? c.cueValidity() : 1.0 - c.cueValidity();
                        a[CUE_LEFT][s] = pointsLeft;
                        a[CUE_RIGHT][s] = 1.0 - pointsLeft;
                    }
                    default -> {
                        boolean good = inRewardingArm(s);
                        a[REWARD][s] = good ? c.rewardProbability() : 1.0 - c.rewardProbability();
                        a[LOSS][s] = 1.0 - a[REWARD][s];
                    }
                }
            }
        }
        double[][][] b = new double[ACTIONS.size()][ns][ns];
        for (int action = 0; action < ACTIONS.size(); action++) {
            for (int context = 0; context < 2; context++) {
                for (int loc = 0; loc < 4; loc++) {
                    int target = loc == LEFT || loc == RIGHT ? loc : action;
                    b[action][state(context, target)][state(context, loc)] = 1.0;
                }
            }
        }
        double[][] prefs = new double[1][OUTCOMES.size()];
        prefs[0][REWARD] = c.rewardPreference();
        prefs[0][LOSS] = c.lossPreference();
        double[] d = new double[ns];
        d[state(REWARD_LEFT, CENTRE)] = 0.5;
        d[state(REWARD_RIGHT, CENTRE)] = 0.5;
        List<String> names = new java.util.ArrayList<>();
        for (String ctx : List.of("reward left", "reward right")) {
            for (String loc : LOCATIONS) {
                names.add(ctx + ", " + loc);
            }
        }
        return new Pomdp(a, b, prefs, d, names, OUTCOMES, ACTIONS);
    }
}
