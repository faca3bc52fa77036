package org.ebmjava.coop;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ebmjava.apps.ClassifierEnergy;
import org.ebmjava.apps.MlpClassifier;
import org.ebmjava.ebm.NegativeSource;
import org.ebmjava.ebm.ReplayBuffer;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.Mlp;
import org.ebmjava.sampling.InitialNoise;
import org.ebmjava.sampling.LangevinSampler;
import org.junit.jupiter.api.Test;

class JemTrainerTest {

    private static final int ROWS = 256;

    /** Two classes: blobs at (-1.5, 0) and (1.5, 0), standard deviation 0.5. */
    private static float[] blobs(int[] labels) {
        SplittableRandom r = new SplittableRandom(1);
        float[] x = new float[2 * ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = i % 2;
            x[2 * i] = (float) ((labels[i] == 0 ? -1.5 : 1.5) + 0.5 * r.nextGaussian());
            x[2 * i + 1] = (float) (0.5 * r.nextGaussian());
        }
        return x;
    }

    private static Mlp net(long seed) {
        return Mlp.builder(2).hidden(32, Activation.SWISH).output(2).seed(seed).threads(1).build();
    }

    @Test
    void withoutTheGenerativeTermItIsPlainClassifierTraining() {
        int[] y = new int[ROWS];
        float[] x = blobs(y);
        Mlp a = net(3);
        Mlp b = net(3);
        // full batch: the batch order does not change the mean gradient
        new JemTrainer().generativeWeight(0).batchSize(ROWS).learningRate(0.01)
                .train(new ClassifierEnergy(new MlpClassifier(a)), null, null, x, y, 3, null);
        MlpClassifier cb = new MlpClassifier(b);
        Adam adam = new Adam(0.01, 0.9, 0.999, 1e-8);
        for (int it = 0; it < 3; it++) {
            b.zeroGradients();
            cb.accumulateGradient(x, y, ROWS);
            adam.step(b);
        }
        assertArrayEquals(b.parameters(), a.parameters(), 1e-5f);
    }

    @Test
    void jemClassifiesAndLowersTheEnergyOfTheData() {
        int[] y = new int[ROWS];
        float[] x = blobs(y);
        ClassifierEnergy model = new ClassifierEnergy(new MlpClassifier(net(4)));
        InitialNoise noise = InitialNoise.uniform(2, -4, 4);
        NegativeSource replay = NegativeSource.replay(new ReplayBuffer(1000, noise));
        LangevinSampler sgld = LangevinSampler.sgld(model.energy(), 0.05, 0.1).clampTo(-4, 4);
        List<JemStats> h = new JemTrainer().batchSize(64).langevinSteps(10).learningRate(3e-3).energyPenalty(0.1)
                .seed(5).train(model, sgld, replay, x, y, 200, null);
        assertEquals(200, h.size());
        double acc = model.classifier().accuracy(x, y, ROWS);
        assertTrue(acc > 0.95, "training accuracy " + acc);
        // beyond the blobs along the class axis a plain classifier is most confident, so its energy -logsumexp f is
        // lowest there (measured with generativeWeight 0: -8.3 and -7.9 against -3.5 and -3.0 at the blobs); the
        // log p(x) term must raise it above the blobs' energy
        float[] probe = {-1.5f, 0f, 1.5f, 0f, -4f, 0f, 4f, 0f, 0f, 3.5f, 4f, 4f};
        float[] e = new float[6];
        model.energy().evaluate(probe, 6, e, null);
        for (int k = 2; k < 6; k++) {
            assertTrue(Math.max(e[0], e[1]) < e[k], "energies at the blobs " + e[0] + ", " + e[1] + " vs at ("
                    + probe[2 * k] + ", " + probe[2 * k + 1] + "): " + e[k]);
        }
    }

    @Test
    void badInputIsNamed() {
        int[] y = new int[ROWS];
        float[] x = blobs(y);
        ClassifierEnergy model = new ClassifierEnergy(new MlpClassifier(net(1)));
        JemTrainer t = new JemTrainer();
        assertMessage(() -> t.train(model, null, null, x, y, 1, null), "sampler", "generativeWeight > 0");
        assertMessage(() -> t.generativeWeight(0).train(model, null, null, x, new int[3], 1, null), "labels",
                "found 3");
        assertMessage(() -> new JemTrainer().generativeWeight(-1), "generativeWeight", "-1");
        assertMessage(() -> new JemTrainer().generativeWeight(0).batchSize(1000).train(model, null, null, x, y, 1,
                null), "x", "batchSize = 1000");
    }
}
