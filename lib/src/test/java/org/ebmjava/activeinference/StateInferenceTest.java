package org.ebmjava.activeinference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.thermo.Divergences;
import org.junit.jupiter.api.Test;

class StateInferenceTest {

    @Test
    void exactPosteriorAndSurpriseMatchHandComputation() {
        // After o1: p(o1) = 0.9/2 + 0.2/2 = 0.55, posterior (0.45, 0.10)/0.55 = (0.818182, 0.181818),
        // F = -log 0.55 = 0.597837.
        Pomdp m = TwoStateModel.create();
        StateInference.Posterior p = StateInference.exact(m, m.initialPrior(), 0);
        assertArrayEquals(new double[] {0.45 / 0.55, 0.10 / 0.55}, p.q(), 1e-15);
        assertEquals(0.5978370007556204, p.freeEnergy(), 1e-15);
        assertEquals(Math.log(0.55), p.logEvidence(), 1e-15);
    }

    @Test
    void freeEnergyExceedsSurpriseByTheKlToThePosterior() {
        Pomdp m = TwoStateModel.create();
        StateInference.Posterior exact = StateInference.exact(m, m.initialPrior(), 1);
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 20; i++) {
            double u = rng.nextDouble();
            double[] q = {u, 1 - u};
            double f = StateInference.freeEnergy(m, m.initialPrior(), 1, q);
            assertEquals(exact.freeEnergy() + Divergences.kl(q, exact.q()), f, 1e-12);
            assertTrue(f >= exact.freeEnergy() - 1e-15);
        }
        assertEquals(exact.freeEnergy(), StateInference.freeEnergy(m, m.initialPrior(), 1, exact.q()), 1e-15);
    }

    @Test
    void gradientDescentReachesTheExactPosterior() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT.withCueValidity(0.9));
        Pomdp m = maze.model();
        double[] prior = m.predictStates(maze.initialBelief(), TMaze.CUE);
        StateInference.Posterior exact = StateInference.exact(m, prior, TMaze.CUE_LEFT);
        StateInference.Descent d = StateInference.gradientDescent(m, prior, TMaze.CUE_LEFT, 1.0, 300);
        assertArrayEquals(exact.q(), d.q(), 1e-8);
        double[] trace = d.trace();
        assertEquals(exact.freeEnergy(), trace[trace.length - 1], 1e-12);
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] <= trace[i - 1] + 1e-15, "F must not rise at step " + i);
        }
        // The cue is 90 % valid: q(reward left) = 0.9, and F = -log p(cue: left) = log 2.
        assertEquals(0.9, exact.q()[TMaze.state(TMaze.REWARD_LEFT, TMaze.CUE)], 1e-15);
        assertEquals(Math.log(2), exact.freeEnergy(), 1e-15);
    }

    @Test
    void logitGradientMatchesCentralDifferences() {
        double[] e = {0.3, 1.7, -0.4, 2.2};
        double[] phi = {0.1, -0.5, 0.8, 0.0};
        double[] g = StateInference.logitGradient(e, phi);
        for (int k = 0; k < phi.length; k++) {
            double h = 1e-6;
            double[] up = phi.clone();
            double[] dn = phi.clone();
            up[k] += h;
            dn[k] -= h;
            double fd = (StateInference.freeEnergyOnSupport(e, StateInference.softmax(up))
                    - StateInference.freeEnergyOnSupport(e, StateInference.softmax(dn))) / (2 * h);
            assertEquals(fd, g[k], 1e-9);
        }
    }

    @Test
    void impossibleStatesGetZeroBeliefAndImpossibleOutcomesAreRejected() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        Pomdp m = maze.model();
        double[] prior = m.predictStates(maze.initialBelief(), TMaze.CUE);
        double[] q = StateInference.exact(m, prior, TMaze.CUE_RIGHT).q();
        assertEquals(1.0, q[TMaze.state(TMaze.REWARD_RIGHT, TMaze.CUE)], 0.0);
        assertEquals(Double.POSITIVE_INFINITY,
                StateInference.freeEnergy(m, prior, TMaze.CUE_RIGHT, maze.initialBelief()));
        assertThrows(IllegalArgumentException.class, () -> StateInference.exact(m, prior, TMaze.REWARD));
        assertThrows(IllegalArgumentException.class, () -> StateInference.exact(m, new double[3], 0));
    }
}
