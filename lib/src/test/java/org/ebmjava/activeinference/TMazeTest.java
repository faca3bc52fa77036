package org.ebmjava.activeinference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ebmjava.activeinference.ActiveInferenceAgent.Objective;
import org.junit.jupiter.api.Test;

class TMazeTest {

    private static final double GAMMA = 16.0;
    private static final double EXACT = 1e-12;

    private static double hb(double p) {
        return p <= 0 || p >= 1 ? 0.0 : -p * Math.log(p) - (1 - p) * Math.log(1 - p);
    }

    /** G (or the reward-only objective) of each policy at t = 0, by policy name. */
    private static double score(TMaze maze, Objective objective, String name) {
        return maze.agent(objective, GAMMA).evaluate(maze.initialBelief(), new int[0]).stream()
                .filter(s -> s.policy().name().equals(name)).findFirst().orElseThrow().g();
    }

    @Test
    void cueAdvantageMatchesTheClosedForm() {
        // G(cue, then left) - G(left arm) = -( H_b(r) - H_b(v) - (c_reward + c_loss)/2 ): the second steps are
        // the same open-loop gamble, so only the first step differs (see the TMaze class documentation).
        for (double v : new double[] {1.0, 0.9, 0.5}) {
            TMaze.Config c = TMaze.Config.DEFAULT.withCueValidity(v);
            TMaze maze = new TMaze(c);
            double expected = -(hb(c.rewardProbability()) - hb(v) - (c.rewardPreference() + c.lossPreference()) / 2);
            double diff = score(maze, Objective.EXPECTED_FREE_ENERGY, "cue, then left")
                    - score(maze, Objective.EXPECTED_FREE_ENERGY, "left arm");
            assertEquals(expected, diff, EXACT);
            // The reward-only agent sees only the gamble's worth: (2 - 1.5)/2 = 0.25 nats for the arm.
            double prag = score(maze, Objective.PRAGMATIC_ONLY, "cue, then left")
                    - score(maze, Objective.PRAGMATIC_ONLY, "left arm");
            assertEquals(0.25, prag, EXACT);
        }
    }

    @Test
    void activeInferenceAgentReadsTheCueAndRewardOnlyAgentGoesStraightToAnArm() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        double[] q0 = maze.initialBelief();
        double[] efe = maze.agent(Objective.EXPECTED_FREE_ENERGY, GAMMA).actionProbabilities(q0, new int[0]);
        double[] reward = maze.agent(Objective.PRAGMATIC_ONLY, GAMMA).actionProbabilities(q0, new int[0]);
        assertTrue(efe[TMaze.CUE] > 0.95, "P(cue first) = " + efe[TMaze.CUE]);
        assertTrue(reward[TMaze.LEFT] + reward[TMaze.RIGHT] > 0.95, "P(arm first) = " + (reward[2] + reward[3]));
        assertEquals(reward[TMaze.LEFT], reward[TMaze.RIGHT], EXACT);
    }

    @Test
    void afterTheCueBothAgentsWalkIntoTheCuedArm() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        Pomdp m = maze.model();
        double[] q1 = StateInference.exact(m, m.predictStates(maze.initialBelief(), TMaze.CUE), TMaze.CUE_LEFT).q();
        for (Objective o : Objective.values()) {
            double[] p = maze.agent(o, GAMMA).actionProbabilities(q1, new int[] {TMaze.CUE});
            assertTrue(p[TMaze.LEFT] > 0.999, o + ": P(left | cue says left) = " + p[TMaze.LEFT]);
        }
    }

    @Test
    void uninformativeCueRemovesTheEpistemicAdvantage() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT.withCueValidity(0.5));
        double[] p = maze.agent(Objective.EXPECTED_FREE_ENERGY, GAMMA).actionProbabilities(maze.initialBelief(),
                new int[0]);
        assertTrue(p[TMaze.CUE] < 0.01, "P(cue first) with a useless cue = " + p[TMaze.CUE]);
        assertEquals(0.5, maze.successProbability(maze.agent(Objective.EXPECTED_FREE_ENERGY, GAMMA)), 1e-3);
    }

    @Test
    void exactSuccessProbabilitiesSeparateTheAgents() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        double efe = maze.successProbability(maze.agent(Objective.EXPECTED_FREE_ENERGY, GAMMA));
        double reward = maze.successProbability(maze.agent(Objective.PRAGMATIC_ONLY, GAMMA));
        assertTrue(efe > 0.98, "active inference: " + efe);
        assertEquals(0.5, reward, 0.02);
    }

    @Test
    void simulatedSuccessRatesAgreeWithExactProbabilities() {
        // 2000 episodes per agent; the simulated rate must lie within 4 binomial standard errors of the exact
        // probability (the 4-sigma band is about +-0.045 at p = 0.5 and +-0.009 at p = 0.99).
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        SplittableRandom rng = new SplittableRandom(2024);
        for (Objective o : Objective.values()) {
            ActiveInferenceAgent agent = maze.agent(o, GAMMA);
            double p = maze.successProbability(agent);
            TMaze.Summary s = maze.simulate(agent, 2000, rng);
            double se = Math.sqrt(p * (1 - p) / s.episodes());
            assertEquals(p, s.successRate(), 4 * se + 1e-3, o + ": " + s);
            assertEquals(s.episodes(), s.cueFirst() + s.armFirst() + (s.episodes() - s.cueFirst() - s.armFirst()));
            if (o == Objective.EXPECTED_FREE_ENERGY) {
                assertTrue(s.cueFirst() > 0.95 * s.episodes());
            } else {
                assertTrue(s.armFirst() > 0.95 * s.episodes());
            }
        }
    }

    @Test
    void readingTheCueEarnsMoreUtilityThoughFewerRewardDraws() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        TMaze.Summary efe = maze.simulate(maze.agent(Objective.EXPECTED_FREE_ENERGY, GAMMA), 2000,
                new SplittableRandom(1));
        TMaze.Summary reward = maze.simulate(maze.agent(Objective.PRAGMATIC_ONLY, GAMMA), 2000,
                new SplittableRandom(2));
        // Expected per episode: cue first -> one draw in the right arm: 0.8 rewards, 0.2 losses, utility
        // 0.8*2 - 0.2*1.5 = 1.3; straight to a random arm -> two draws: 1.0 rewards, 1.0 losses, utility 0.5.
        assertEquals(1.3, efe.meanUtility(), 0.1);
        assertEquals(0.5, reward.meanUtility(), 0.15);
        assertTrue(reward.meanRewards() > efe.meanRewards());
        assertTrue(reward.meanLosses() > 4 * efe.meanLosses());
    }

    @Test
    void episodeRecordsSurpriseAsFreeEnergy() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        ActiveInferenceAgent agent = maze.agent(Objective.EXPECTED_FREE_ENERGY, 1e3);
        ActiveInferenceAgent.Episode ep = agent.runEpisode(TMaze.state(TMaze.REWARD_RIGHT, TMaze.CENTRE),
                new SplittableRandom(3));
        assertEquals(TMaze.CUE, ep.actions()[0]);
        assertEquals(TMaze.RIGHT, ep.actions()[1]);
        // Start: "nothing" is certain (F = 0); at the cue each direction has probability 1/2 (F = log 2).
        assertEquals(0.0, ep.surprise()[0], EXACT);
        assertEquals(Math.log(2), ep.surprise()[1], EXACT);
        assertTrue(TMaze.inRewardingArm(ep.finalState()));
    }

    @Test
    void tableListsEveryOpenPolicyWithProbabilitiesSummingToOne() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        var t = maze.agent(Objective.EXPECTED_FREE_ENERGY, GAMMA).table(maze.initialBelief(), new int[0]);
        assertEquals(5, t.rowCount());
        assertEquals(1.0, t.doubleColumn("q(policy)").sum(), 1e-12);
        var after = maze.agent(Objective.EXPECTED_FREE_ENERGY, GAMMA).table(maze.initialBelief(),
                new int[] {TMaze.CUE});
        assertEquals(2, after.rowCount());
    }

    @Test
    void rejectsInvalidConfigurationsAndPolicies() {
        assertThrows(IllegalArgumentException.class, () -> new TMaze.Config(0.4, 0.8, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> new TMaze.Config(1, 0.8, Double.NaN, -1));
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> new ActiveInferenceAgent(maze.model(),
                List.of(new Policy("a", new int[] {0}), new Policy("b", new int[] {0, 1})), 1, Objective.PRAGMATIC_ONLY));
        assertThrows(IllegalArgumentException.class, () -> new ActiveInferenceAgent(maze.model(),
                List.of(new Policy("a", new int[] {9})), 1, Objective.PRAGMATIC_ONLY));
        assertThrows(IllegalArgumentException.class, () -> maze.agent(Objective.PRAGMATIC_ONLY, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pomdp(new double[][] {{0.5, 1}, {0.4, 0}},
                new double[][][] {{{1, 0}, {0, 1}}}, new double[][] {{0, 0}}, new double[] {0.5, 0.5},
                List.of("a", "b"), List.of("x", "y"), List.of("u")));
    }
}
