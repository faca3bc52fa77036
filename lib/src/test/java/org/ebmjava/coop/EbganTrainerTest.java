package org.ebmjava.coop;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Mlp;
import org.junit.jupiter.api.Test;

class EbganTrainerTest {

    private static AutoencoderEnergy discriminator(int d, int h, long seed) {
        Mlp enc = Mlp.builder(d).hidden(16, Activation.TANH).output(h).seed(seed).threads(1).build();
        Mlp dec = Mlp.builder(h).hidden(16, Activation.TANH).output(d).seed(seed + 1).threads(1).build();
        return new AutoencoderEnergy(enc, dec);
    }

    @Test
    void generatorGradientMatchesCentralDifferencesWithPullAway() {
        AutoencoderEnergy disc = discriminator(4, 3, 1);
        Arrays.fill(disc.encoder().gradients(), 0.5f);
        Mlp gen = Mlp.builder(2).hidden(8, Activation.TANH).output(4).seed(3).threads(1).build();
        EbganTrainer t = new EbganTrainer().pullAwayWeight(0.5);
        int n = 5;
        float[] z = new float[n * 2];
        SplittableRandom r = new SplittableRandom(2);
        for (int q = 0; q < z.length; q++) {
            z[q] = (float) r.nextGaussian();
        }
        gen.zeroGradients();
        double[] pt = new double[1];
        t.accumulateGeneratorGradient(disc, gen, z, n, pt);
        assertTrue(pt[0] > 0 && pt[0] < 1, "pull-away " + pt[0]);
        float[] g = gen.gradients().clone();
        float[] p = gen.parameters();
        for (int q = 0; q < p.length; q += 3) {
            float keep = p[q];
            float step = 1e-2f;
            p[q] = keep + step;
            double plus = t.accumulateGeneratorGradient(disc, gen, z, n, null);
            p[q] = keep - step;
            double minus = t.accumulateGeneratorGradient(disc, gen, z, n, null);
            p[q] = keep;
            assertEquals((plus - minus) / (2 * step), g[q], 2e-3, "generator parameter " + q);
        }
        for (float v : disc.encoder().gradients()) {
            assertEquals(0.5f, v, 0f, "the discriminator's gradients are left alone");
        }
    }

    @Test
    void trainingPullsTheGeneratorToTheData() {
        SplittableRandom r = new SplittableRandom(4);
        int rows = 512;
        float[] data = new float[2 * rows];
        for (int i = 0; i < rows; i++) {
            data[2 * i] = (float) (0.75 + 0.05 * r.nextGaussian());
            data[2 * i + 1] = (float) (0.25 + 0.05 * r.nextGaussian());
        }
        AutoencoderEnergy disc = discriminator(2, 1, 5);
        Mlp gen = Mlp.builder(2).hidden(16, Activation.TANH).output(2).seed(7).threads(1).build();
        EbganTrainer t = new EbganTrainer().batchSize(64).margin(0.05).pullAwayWeight(0).learningRate(3e-3).seed(8);
        float[] z = new float[2 * 400];
        for (int q = 0; q < z.length; q++) {
            z[q] = (float) r.nextGaussian();
        }
        double before = distance(t.generate(gen, z, 400));
        List<EbganStats> h = t.train(disc, gen, data, 400, null);
        double after = distance(t.generate(gen, z, 400));
        System.out.println("EBGAN 2D: generator mean distance " + before + " -> " + after + "; last "
                + h.get(h.size() - 1));
        assertEquals(400, h.size());
        assertTrue(after < 0.5 * before, "generator mean distance " + before + " -> " + after);
    }

    private static double distance(float[] x) {
        double mx = 0;
        double my = 0;
        int n = x.length / 2;
        for (int i = 0; i < n; i++) {
            mx += x[2 * i] / n;
            my += x[2 * i + 1] / n;
        }
        return Math.hypot(mx - 0.75, my - 0.25);
    }

    @Test
    void badInputIsNamed() {
        AutoencoderEnergy disc = discriminator(2, 1, 1);
        Mlp wrong = Mlp.builder(2).output(3).threads(1).build();
        assertMessage(() -> new EbganTrainer().train(disc, wrong, new float[200], 1, null), "generator", "found 3");
        assertMessage(() -> new EbganTrainer().batchSize(1), "batchSize", "1");
        assertMessage(() -> new EbganTrainer().margin(0), "margin", "0");
    }
}
