package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Mlp;
import org.junit.jupiter.api.Test;

class ClassifierEnergyTest {

    private static final int D = 5;
    private static final int K = 3;

    private static float[] inputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * D];
        for (int q = 0; q < x.length; q++) {
            x[q] = (float) r.nextDouble();
        }
        return x;
    }

    /** Logits of the linear network f = x W + b in double. */
    private static double[] logits(float[] p, float[] x, int i) {
        double[] f = new double[K];
        for (int y = 0; y < K; y++) {
            f[y] = p[D * K + y];
            for (int j = 0; j < D; j++) {
                f[y] += x[i * D + j] * p[j * K + y];
            }
        }
        return f;
    }

    private static double lse(double[] f) {
        double m = Arrays.stream(f).max().getAsDouble();
        return m + Math.log(Arrays.stream(f).map(v -> Math.exp(v - m)).sum());
    }

    @Test
    void marginalAndClassEnergiesAndInputGradientsOfALinearClassifier() {
        Mlp mlp = Mlp.builder(D).output(K).seed(3).threads(1).build();
        ClassifierEnergy model = new ClassifierEnergy(new MlpClassifier(mlp));
        Arrays.fill(mlp.gradients(), 0.5f);
        int n = 6;
        float[] x = inputs(n, 1);
        float[] e = new float[n];
        float[] g = new float[n * D];
        model.energy().evaluate(x, n, e, g);
        float[] ey = new float[n];
        float[] gy = new float[n * D];
        model.classEnergy(2).evaluate(x, n, ey, gy);
        float[] p = mlp.parameters();
        for (int i = 0; i < n; i++) {
            double[] f = logits(p, x, i);
            double l = lse(f);
            assertEquals(-l, e[i], 1e-5);
            assertEquals(-f[2], ey[i], 1e-5);
            for (int j = 0; j < D; j++) {
                double expected = 0;
                for (int y = 0; y < K; y++) {
                    expected -= p[j * K + y] * Math.exp(f[y] - l);
                }
                assertEquals(expected, g[i * D + j], 1e-5, "dE/dx row " + i + " coordinate " + j);
                assertEquals(-p[j * K + 2], gy[i * D + j], 1e-6, "dE(x,2)/dx row " + i + " coordinate " + j);
            }
        }
        for (float v : mlp.gradients()) {
            assertEquals(0.5f, v, 0f, "energy views leave parameter gradients alone");
        }
    }

    @Test
    void parameterGradientOfAWeightedSumOfEnergies() {
        Mlp mlp = Mlp.builder(D).output(K).seed(4).threads(1).build();
        ClassifierEnergy model = new ClassifierEnergy(new MlpClassifier(mlp));
        int n = 4;
        float[] x = inputs(n, 2);
        float[] w = {0.25f, -0.25f, 1f, -0.5f};
        model.zeroGradients();
        model.accumulateGradient(x, n, w);
        float[] p = mlp.parameters();
        double[] expected = new double[p.length];
        for (int i = 0; i < n; i++) {
            double[] f = logits(p, x, i);
            double l = lse(f);
            for (int y = 0; y < K; y++) {
                double dEdf = -Math.exp(f[y] - l); // dE/df_y = -softmax_y
                for (int j = 0; j < D; j++) {
                    expected[j * K + y] += w[i] * dEdf * x[i * D + j];
                }
                expected[D * K + y] += w[i] * dEdf;
            }
        }
        float[] got = model.gradients();
        for (int q = 0; q < p.length; q++) {
            assertEquals(expected[q], got[q], 1e-5, "parameter " + q);
        }
    }

    @Test
    void deepNetworkInputGradientMatchesCentralDifferences() {
        Mlp mlp = Mlp.builder(D).hidden(8, Activation.TANH).output(K).seed(6).threads(1).build();
        ClassifierEnergy model = new ClassifierEnergy(new MlpClassifier(mlp));
        float[] x = inputs(1, 3);
        float[] g = new float[D];
        model.energy().evaluate(x, 1, null, g);
        float h = 1e-2f;
        float[] ep = new float[1];
        float[] em = new float[1];
        for (int j = 0; j < D; j++) {
            float[] xp = x.clone();
            float[] xm = x.clone();
            xp[j] += h;
            xm[j] -= h;
            model.energy().evaluate(xp, 1, ep, null);
            model.energy().evaluate(xm, 1, em, null);
            assertEquals((ep[0] - em[0]) / (xp[j] - xm[j]), g[j], 2e-3, "coordinate " + j);
        }
    }

    @Test
    void badInputIsNamed() {
        Mlp mlp = Mlp.builder(D).output(K).threads(1).build();
        ClassifierEnergy model = new ClassifierEnergy(new MlpClassifier(mlp));
        assertMessage(() -> model.classEnergy(3), "y", "3");
        assertMessage(() -> new ClassifierEnergy(null), "classifier", "null");
        assertMessage(() -> model.accumulateGradient(new float[D * 2], 2, new float[1]), "weights", "1");
    }
}
