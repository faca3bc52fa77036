package org.ebmjava.ebm;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Mlp;
import org.ebmjava.sampling.InitialNoise;
import org.ebmjava.sampling.LangevinSampler;
import org.junit.jupiter.api.Test;

/** The view of a neural-engine MLP as a trainable energy, and one training run of it. */
class EnergyModelTest {

    private static Mlp mlp(int in, int out) {
        return Mlp.builder(in).hidden(8, Activation.SWISH).output(out).seed(5).threads(1).build();
    }

    @Test
    void viewSharesTheNetworksParametersAndGradients() {
        Mlp net = mlp(3, 1);
        EnergyModel m = EnergyModel.of(net);
        assertSame(net.parameters(), m.parameters());
        assertSame(net.gradients(), m.gradients());
        assertEquals(net.parameterCount(), m.parameterCount());
        assertEquals(3, m.dimension());
        float[] x = new InitialNoise(3, true, 0, 1).draw(4, new SplittableRandom(1));
        float[] w = {0.5f, -1f, 0.25f, 2f};
        m.zeroGradients();
        m.accumulateGradient(x, 4, w);
        float[] viaView = m.gradients().clone();
        net.zeroGradients();
        net.accumulateGradient(x, null, 4, w);
        assertArrayEquals(net.gradients(), viaView, 0f, "the same gradient as the network's own call");
        float[] e1 = new float[4];
        float[] e2 = new float[4];
        m.energy().evaluate(x, 4, e1, null);
        net.output(x, null, 4, e2);
        assertArrayEquals(e2, e1, 0f, "the energy is the network's output");
    }

    @Test
    void rejectsNetworksThatAreNotEnergies() {
        assertMessage(() -> EnergyModel.of(null), "mlp", "null");
        assertMessage(() -> EnergyModel.of(mlp(3, 3)), "scalar head", "3");
    }

    @Test
    void trainingAnMlpLowersTheDataEnergyBelowTheNoise() {
        // Data: a tight 2D cluster at (1, 1); negatives from uniform noise in [-3, 3]^2 with a replay buffer.
        SplittableRandom rng = new SplittableRandom(2);
        float[] data = new float[2 * 500];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (1.0 + 0.2 * rng.nextGaussian());
        }
        Mlp net = Mlp.builder(2).hidden(32, Activation.SWISH).hidden(32, Activation.SWISH).output(1).seed(3)
                .threads(1).build();
        EnergyModel m = EnergyModel.of(net);
        InitialNoise noise = InitialNoise.uniform(2, -3, 3);
        new MaximumLikelihoodTrainer().batchSize(100).langevinSteps(10).learningRate(3e-3).seed(4)
                .train(m, LangevinSampler.ula(m.energy(), 0.01), NegativeSource.replay(new ReplayBuffer(2000, noise)),
                        data, 120, null);
        float[] far = {-2.5f, -2.5f, 2.5f, -2.5f, -2.5f, 2.5f};
        float[] centre = {1f, 1f};
        float[] eFar = new float[3];
        float[] eCentre = new float[1];
        m.energy().evaluate(far, 3, eFar, null);
        m.energy().evaluate(centre, 1, eCentre, null);
        for (float e : eFar) {
            assertTrue(e > eCentre[0] + 1.0, "E far from the data " + e + " vs at the data " + eCentre[0]);
        }
    }
}
