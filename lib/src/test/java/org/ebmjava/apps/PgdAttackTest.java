package org.ebmjava.apps;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ebmjava.data.Mnist;
import org.ebmjava.data.MnistData;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.Mlp;
import org.junit.jupiter.api.Test;

class PgdAttackTest {

    /** A linear "classifier" with loss w.x: its input gradient is w everywhere. */
    private static DifferentiableClassifier linearLoss(float[] w) {
        return new DifferentiableClassifier() {
            @Override
            public int inputDim() {
                return w.length;
            }

            @Override
            public int classes() {
                return 2;
            }

            @Override
            public void logits(float[] x, int n, float[] logits) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double lossAndInputGradient(float[] x, int[] labels, int n, float[] losses, float[] g) {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < w.length; k++) {
                        g[i * w.length + k] = w[k];
                        total += w[k] * x[i * w.length + k];
                    }
                }
                return total / n;
            }
        };
    }

    @Test
    void oneStepIsEpsilonTimesSignOfGradientOnALinearModel() {
        float[] w = {2f, -0.5f, 0f, 1e-6f, -3f};
        float[] x = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.2f, 0.3f, 0.4f, 0.6f, 0.7f};
        double eps = 0.05;
        float[] adv = PgdAttack.fgsm(eps).attack(linearLoss(w), x, new int[] {0, 1}, 2);
        for (int k = 0; k < x.length; k++) {
            double expected = x[k] + eps * Math.signum(w[k % 5]);
            assertEquals(expected, adv[k], 1e-7, "coordinate " + k);
        }
        // several PGD steps of 0.02 saturate at the edge of the ball: x + eps sign(w)
        float[] pgd = PgdAttack.of(eps, 0.02, 5).attack(linearLoss(w), x, new int[] {0, 1}, 2);
        assertArrayEquals(adv, pgd, 1e-7f);
    }

    @Test
    void clampsAtTheBoxEdges() {
        float[] w = {1f, -1f, 1f, -1f};
        float[] x = {0.98f, 0.01f, 1f, 0f};
        float[] adv = PgdAttack.fgsm(0.1).attack(linearLoss(w), x, new int[] {0}, 1);
        assertArrayEquals(new float[] {1f, 0f, 1f, 0f}, adv, 0f);
    }

    @Test
    void mlpClassifierInputGradientIsTheCrossEntropyGradientAndLeavesParameterGradientsAlone() {
        int d = 6;
        int k = 3;
        Mlp mlp = Mlp.builder(d).output(k).seed(5).threads(1).build(); // linear: f = x W + b
        MlpClassifier c = new MlpClassifier(mlp);
        float[] before = mlp.gradients();
        Arrays.fill(before, 0.25f);
        SplittableRandom rng = new SplittableRandom(3);
        int n = 4;
        float[] x = new float[n * d];
        for (int q = 0; q < x.length; q++) {
            x[q] = (float) rng.nextDouble();
        }
        int[] labels = {0, 2, 1, 2};
        float[] losses = new float[n];
        float[] g = new float[n * d];
        double mean = c.lossAndInputGradient(x, labels, n, losses, g);
        float[] p = mlp.parameters(); // W (d x k, row-major), then b
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] f = new double[k];
            for (int y = 0; y < k; y++) {
                f[y] = p[d * k + y];
                for (int j = 0; j < d; j++) {
                    f[y] += x[i * d + j] * p[j * k + y];
                }
            }
            double lse = Math.log(Math.exp(f[0]) + Math.exp(f[1]) + Math.exp(f[2]));
            assertEquals(lse - f[labels[i]], losses[i], 1e-5, "loss " + i);
            total += lse - f[labels[i]];
            for (int j = 0; j < d; j++) {
                double expected = 0;
                for (int y = 0; y < k; y++) {
                    expected += p[j * k + y] * (Math.exp(f[y] - lse) - (y == labels[i] ? 1 : 0));
                }
                assertEquals(expected, g[i * d + j], 1e-5, "dL/dx, row " + i + ", coordinate " + j);
            }
        }
        assertEquals(total / n, mean, 1e-5);
        for (float v : mlp.gradients()) {
            assertEquals(0.25f, v, 0f, "parameter gradients restored");
        }
    }

    @Test
    void perturbationNeverExceedsEpsilonAndPixelsStayInTheUnitBox() {
        Mlp mlp = Mlp.builder(20).hidden(16, Activation.SWISH).output(4).seed(2).threads(1).build();
        MlpClassifier c = new MlpClassifier(mlp);
        SplittableRandom r = new SplittableRandom(11);
        int n = 30;
        float[] x = new float[n * 20];
        int[] labels = new int[n];
        for (int q = 0; q < x.length; q++) {
            int kind = r.nextInt(4);
            x[q] = kind == 0 ? 0f : kind == 1 ? 1f : (float) r.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(4);
        }
        for (double eps : new double[] {0.0, 0.01, 0.1, 0.3}) {
            PgdAttack attack = PgdAttack.of(eps, 0.4 * eps + 0.01, 7).randomStart(true);
            float[] adv = attack.attack(c, x, labels, n, new SplittableRandom(1));
            for (int q = 0; q < x.length; q++) {
                assertTrue(Math.abs((double) adv[q] - x[q]) <= eps, "eps " + eps + ", coordinate " + q);
                assertTrue(adv[q] >= 0f && adv[q] <= 1f, "in [0, 1]: " + adv[q]);
            }
            float[] again = attack.attack(c, x, labels, n, new SplittableRandom(1));
            assertArrayEquals(adv, again, 0f, "seeded: reproducible");
            if (eps > 0) {
                assertFalse(Arrays.equals(x, adv), "eps " + eps + " moved something");
            }
        }
    }

    @Test
    void attackRaisesTheLossOfATrainedLogisticModelOnRealDigits() {
        MnistData train = Mnist.bundled().train().head(2000);
        MnistData test = Mnist.bundled().test().head(300);
        Mlp mlp = Mlp.builder(784).output(10).seed(1).threads(1).build();
        MlpClassifier c = new MlpClassifier(mlp);
        Adam adam = new Adam(0.01);
        float[] xs = train.pixels();
        int[] ys = train.labels();
        int batch = 200;
        SplittableRandom r = new SplittableRandom(4);
        float[] bx = new float[batch * 784];
        int[] by = new int[batch];
        for (int step = 0; step < 150; step++) {
            for (int i = 0; i < batch; i++) {
                int j = r.nextInt(train.size());
                System.arraycopy(xs, j * 784, bx, i * 784, 784);
                by[i] = ys[j];
            }
            mlp.zeroGradients();
            c.accumulateGradient(bx, by, batch);
            adam.step(mlp);
        }
        float[] tx = test.pixels();
        int[] ty = test.labels();
        int n = test.size();
        double clean = c.accuracy(tx, ty, n);
        assertTrue(clean > 0.8, "a trained logistic model: clean test accuracy " + clean);
        float[] g = new float[n * 784];
        double cleanLoss = c.lossAndInputGradient(tx, ty, n, null, g);
        float[] fgsm = PgdAttack.fgsm(0.1).attack(c, tx, ty, n);
        float[] pgd = PgdAttack.of(0.1, 0.025, 10).attack(c, tx, ty, n);
        double fgsmLoss = c.lossAndInputGradient(fgsm, ty, n, null, g);
        double pgdLoss = c.lossAndInputGradient(pgd, ty, n, null, g);
        assertTrue(fgsmLoss > cleanLoss + 1.0, "FGSM loss " + fgsmLoss + " vs clean " + cleanLoss);
        assertTrue(pgdLoss > cleanLoss + 1.0, "PGD loss " + pgdLoss + " vs clean " + cleanLoss);
        double advAcc = c.accuracy(pgd, ty, n);
        assertTrue(advAcc < clean - 0.3, "PGD at eps 0.1: accuracy " + advAcc + " vs clean " + clean);
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> PgdAttack.fgsm(-0.1), "epsilon", "-0.1");
        assertMessage(() -> PgdAttack.of(0.1, -1, 3), "stepSize", "-1");
        assertMessage(() -> PgdAttack.of(0.1, 0.1, -3), "steps", "-3");
        DifferentiableClassifier c = linearLoss(new float[] {1f, 1f});
        assertMessage(() -> PgdAttack.fgsm(0.1).attack(c, new float[] {0.5f, 1.5f}, new int[] {0}, 1), "x[1]",
                "1.5");
        assertMessage(() -> PgdAttack.fgsm(0.1).attack(c, new float[] {0.5f, 0.5f}, new int[] {0, 1}, 1),
                "labels", "found 2");
        assertMessage(() -> PgdAttack.fgsm(0.1).randomStart(true).attack(c, new float[] {0.5f, 0.5f},
                new int[] {0}, 1), "rng", "random start");
        assertMessage(() -> new MlpClassifier(Mlp.builder(3).output(1).threads(1).build()), "mlp", "K >= 2");
    }
}
