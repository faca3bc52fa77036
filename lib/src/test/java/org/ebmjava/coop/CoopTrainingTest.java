package org.ebmjava.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.ebm.EnergyModel;
import org.ebmjava.ebm.MaximumLikelihoodTrainer;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.Mlp;
import org.ebmjava.sampling.LangevinSampler;
import org.junit.jupiter.api.Test;

/** CoopNets end to end on a 2D blob: the generator plugged into the maximum-likelihood trainer moves to the data. */
class CoopTrainingTest {

    @Test
    void generatorProposalsMoveToTheDataUnderCooperativeTraining() {
        SplittableRandom r = new SplittableRandom(1);
        int rows = 512;
        float[] data = new float[2 * rows];
        for (int i = 0; i < rows; i++) {
            data[2 * i] = (float) (2 + 0.3 * r.nextGaussian());
            data[2 * i + 1] = (float) (-1 + 0.3 * r.nextGaussian());
        }
        Mlp energy = Mlp.builder(2).hidden(32, Activation.SWISH).hidden(32, Activation.SWISH).seed(2).threads(1)
                .build();
        Mlp generator = Mlp.builder(2).hidden(32, Activation.TANH).output(2).seed(3).threads(1).build();
        GeneratorNegatives coop = new GeneratorNegatives(generator, new Adam(3e-3)).clampTo(-4, 4);
        EnergyModel model = EnergyModel.of(energy);
        LangevinSampler sampler = LangevinSampler.sgld(model.energy(), 0.05, 0.05).clampTo(-4, 4);
        float[] before = coop.starts(400, new SplittableRandom(9));
        new MaximumLikelihoodTrainer().batchSize(64).langevinSteps(20).learningRate(3e-3).seed(4)
                .train(model, sampler, coop, data, 150, null);
        float[] after = coop.starts(400, new SplittableRandom(9));
        double d0 = distanceOfMean(before);
        double d1 = distanceOfMean(after);
        System.out.println("CoopNets 2D: |mean(g(z)) - data mean| " + d0 + " -> " + d1 + ", teaching loss "
                + coop.teachingLosses().get(0) + " -> " + coop.teachingLosses().get(149));
        assertEquals(150, coop.teachingLosses().size());
        assertTrue(d1 < 0.5 * d0 && d1 < 0.5, "generator mean distance " + d0 + " -> " + d1);
    }

    private static double distanceOfMean(float[] x) {
        double mx = 0;
        double my = 0;
        int n = x.length / 2;
        for (int i = 0; i < n; i++) {
            mx += x[2 * i] / n;
            my += x[2 * i + 1] / n;
        }
        return Math.hypot(mx - 2, my + 1);
    }
}
