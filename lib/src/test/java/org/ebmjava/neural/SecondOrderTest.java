package org.ebmjava.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Second-order passes against central differences in double precision: Hessian-vector products and traces against
 * differences of the exact double-precision input gradient; score-matching parameter gradients against
 * differences of the double-precision losses.
 */
@ExtendWith(SplitEveryCall.class)
class SecondOrderTest {
    static final double TOL = 5e-4;

    static Mlp net(Activation act, int threads, int maxBatch) {
        return Mlp.builder(3).hidden(6, act).hidden(5, act).seed(11).threads(threads).maxBatch(maxBatch).build();
    }

    static float[] rademacher(int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[m];
        for (int i = 0; i < m; i++) {
            v[i] = r.nextBoolean() ? 1f : -1f;
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SWISH", "SOFTPLUS", "TANH", "SIGMOID"})
    void hessianVectorProductAndTraceMatchDifferencesOfTheGradient(Activation act) {
        Mlp net = net(act, 3, 4);
        int n = 9;
        int d = 3;
        float[] x = Reference.gaussian(n * d, 21, 1.0);
        float[] v = Reference.gaussian(n * d, 22, 1.0);
        float[] hv = new float[n * d];
        net.hessianVectorProduct(x, null, n, v, hv);
        float[] tr = new float[n];
        net.hessianTrace(x, null, n, tr);
        Reference ref = new Reference(net);
        double[] p = Reference.toDouble(net.parameters());
        double[] wantHv = new double[n * d];
        double[] wantTr = new double[n];
        for (int i = 0; i < n; i++) {
            double[][] h = ref.hessian(p, ref.row(x, i), 0, 1e-5);
            for (int k = 0; k < d; k++) {
                wantTr[i] += h[k][k];
                for (int j = 0; j < d; j++) {
                    wantHv[i * d + k] += h[k][j] * v[i * d + j];
                }
            }
        }
        assertTrue(Reference.relError(hv, wantHv) < TOL, act + " Hv: " + Reference.relError(hv, wantHv));
        assertTrue(Reference.relError(tr, wantTr) < TOL, act + " trace: " + Reference.relError(tr, wantTr));
    }

    @Test
    void referenceGradientAgreesWithDifferencesOfTheForwardPass() {
        Mlp net = net(Activation.SWISH, 1, 256);
        float[] x = Reference.gaussian(6, 23, 1.0);
        Reference ref = new Reference(net);
        double[] fd = ref.inputGradient(x, null, 2, 1e-6);
        double[] p = Reference.toDouble(net.parameters());
        for (int i = 0; i < 2; i++) {
            double[] g = ref.gradient(p, ref.row(x, i), 0);
            for (int k = 0; k < 3; k++) {
                assertEquals(fd[i * 3 + k], g[k], 1e-8);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SWISH", "SOFTPLUS", "TANH"})
    void exactScoreMatchingGradientMatchesDifferencesOfTheLoss(Activation act) {
        Mlp net = net(act, 2, 4);
        int n = 7;
        float[] x = Reference.gaussian(n * 3, 24, 1.0);
        net.zeroGradients();
        double loss = SecondOrderLoss.exactScoreMatching(net, x, n);
        Reference ref = new Reference(net);
        assertEquals(ref.exactSm(Reference.toDouble(net.parameters()), x, n), loss, 1e-4 * (1 + Math.abs(loss)));
        double[] fd = ref.lossGradient(p -> ref.exactSm(p, x, n), 1e-4);
        double err = Reference.relError(net.gradients(), fd);
        assertTrue(err < TOL, act + ": relative error " + err);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SWISH", "SOFTPLUS", "TANH"})
    void slicedScoreMatchingGradientMatchesDifferencesOfTheLoss(Activation act) {
        Mlp net = net(act, 3, 4);
        int n = 7;
        float[] x = Reference.gaussian(n * 3, 25, 1.0);
        float[] v = rademacher(n * 3, 26);
        net.zeroGradients();
        double loss = SecondOrderLoss.slicedScoreMatching(net, x, n, v);
        Reference ref = new Reference(net);
        assertEquals(ref.slicedSm(Reference.toDouble(net.parameters()), x, n, v), loss, 1e-4 * (1 + Math.abs(loss)));
        double[] fd = ref.lossGradient(p -> ref.slicedSm(p, x, n, v), 1e-4);
        double err = Reference.relError(net.gradients(), fd);
        assertTrue(err < TOL, act + ": relative error " + err);
    }

    @Test
    void jacobianVectorProductOfAVectorHeadMatchesDifferences() {
        Mlp net = Mlp.builder(3).hidden(6, Activation.TANH).output(2).seed(3).threads(2).build();
        int n = 5;
        float[] x = Reference.gaussian(n * 3, 27, 1.0);
        float[] v = Reference.gaussian(n * 3, 28, 1.0);
        float[] jv = new float[n * 2];
        net.jacobianVectorProduct(x, null, n, v, jv);
        Reference ref = new Reference(net);
        double[] p = Reference.toDouble(net.parameters());
        double[] want = new double[n * 2];
        double h = 1e-6;
        for (int i = 0; i < n; i++) {
            double[] up = ref.row(x, i);
            double[] down = ref.row(x, i);
            for (int k = 0; k < 3; k++) {
                up[k] += h * v[i * 3 + k];
                down[k] -= h * v[i * 3 + k];
            }
            double[] fu = ref.forward(p, up, 0);
            double[] fdn = ref.forward(p, down, 0);
            for (int j = 0; j < 2; j++) {
                want[i * 2 + j] = (fu[j] - fdn[j]) / (2 * h);
            }
        }
        assertTrue(Reference.relError(jv, want) < 2e-4, "JVP: " + Reference.relError(jv, want));
    }

    @Test
    void slicedEqualsExactInExpectationOverAllSignPatterns() {
        // With Rademacher v, E[(v.g)^2] = |g|^2 and E[v^T H v] = tr H: averaging over all 2^d sign patterns of a
        // single point reproduces exact score matching exactly (a check on both that needs no differences).
        Mlp net = net(Activation.SWISH, 1, 256);
        float[] x = {0.3f, -0.7f, 1.1f};
        double sum = 0;
        for (int s = 0; s < 8; s++) {
            float[] v = {(s & 1) == 0 ? 1f : -1f, (s & 2) == 0 ? 1f : -1f, (s & 4) == 0 ? 1f : -1f};
            sum += SecondOrderLoss.slicedScoreMatching(net, x, 1, v);
        }
        net.zeroGradients();
        double exact = SecondOrderLoss.exactScoreMatching(net, x, 1);
        assertEquals(exact, sum / 8, 1e-5 * (1 + Math.abs(exact)));
    }
}
