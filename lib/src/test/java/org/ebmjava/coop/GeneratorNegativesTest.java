package org.ebmjava.coop;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.Mlp;
import org.ebmjava.neural.Sgd;
import org.junit.jupiter.api.Test;

class GeneratorNegativesTest {

    @Test
    void oneTeachingStepIsGradientDescentOnTheRegressionLoss() {
        // linear generator g(z) = z W + b with SGD: W_jk -= lr * (1/n) sum_i z_ij (g_ik - xhat_ik)
        Mlp g = Mlp.builder(2).output(3).seed(1).threads(1).build();
        double lr = 0.1;
        GeneratorNegatives source = new GeneratorNegatives(g, new Sgd(lr, 0));
        float[] before = g.parameters().clone();
        SplittableRandom rng = new SplittableRandom(2);
        int n = 4;
        float[] starts = source.starts(n, rng);
        // recover z from the same seed
        SplittableRandom again = new SplittableRandom(2);
        double[] z = new double[n * 2];
        for (int q = 0; q < z.length; q++) {
            z[q] = again.nextGaussian();
        }
        float[] revised = new float[n * 3];
        for (int q = 0; q < revised.length; q++) {
            revised[q] = starts[q] + 0.5f * (q % 3 - 1);
        }
        source.keep(revised);
        float[] after = g.parameters();
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 3; k++) {
                double grad = 0;
                for (int i = 0; i < n; i++) {
                    grad += z[i * 2 + j] * (starts[i * 3 + k] - revised[i * 3 + k]) / n;
                }
                assertEquals(before[j * 3 + k] - lr * grad, after[j * 3 + k], 1e-6, "W " + j + "," + k);
            }
        }
        for (int k = 0; k < 3; k++) {
            double grad = 0;
            for (int i = 0; i < n; i++) {
                grad += (starts[i * 3 + k] - revised[i * 3 + k]) / n;
            }
            assertEquals(before[6 + k] - lr * grad, after[6 + k], 1e-6, "b " + k);
        }
        // mean over rows and coordinates of (0.5 (k - 1))^2 = (0.25 + 0 + 0.25) / 3
        assertEquals(0.5 / 3, source.teachingLosses().get(0), 1e-6);
    }

    @Test
    void theGeneratorLearnsToJumpWhereTheRevisionsGo() {
        // a "sampler" that moves every proposal to the target: the generator should learn to output the target
        Mlp g = Mlp.builder(2).hidden(16, Activation.TANH).output(2).seed(3).threads(1).build();
        GeneratorNegatives source = new GeneratorNegatives(g, new Adam(0.02)).clampTo(-5, 5);
        SplittableRandom rng = new SplittableRandom(4);
        float[] target = {1.5f, -0.5f};
        for (int it = 0; it < 300; it++) {
            float[] x = source.starts(32, rng);
            for (int i = 0; i < 32; i++) {
                x[2 * i] = target[0];
                x[2 * i + 1] = target[1];
            }
            source.keep(x);
        }
        List<Double> losses = source.teachingLosses();
        assertEquals(300, losses.size());
        assertTrue(losses.get(299) < 0.01 * losses.get(0), "teaching loss " + losses.get(0) + " -> "
                + losses.get(299));
        float[] x = source.starts(100, rng);
        for (int i = 0; i < 100; i++) {
            assertEquals(target[0], x[2 * i], 0.1);
            assertEquals(target[1], x[2 * i + 1], 0.1);
        }
    }

    @Test
    void badInputIsNamed() {
        Mlp g = Mlp.builder(2).output(3).threads(1).build();
        GeneratorNegatives source = new GeneratorNegatives(g, new Sgd(0.1, 0));
        assertMessage(() -> source.keep(new float[3]), "revised", "no batch");
        source.starts(2, new SplittableRandom(1));
        assertMessage(() -> source.keep(new float[3]), "revised", "found 3");
        assertMessage(() -> new GeneratorNegatives(null, new Sgd(0.1, 0)), "generator", "null");
        assertMessage(() -> source.clampTo(1, 0), "lo", "hi = 0");
    }
}
