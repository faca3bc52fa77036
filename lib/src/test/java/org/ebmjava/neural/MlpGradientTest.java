package org.ebmjava.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's forward pass, parameter gradients and input gradients against a double-precision reference and its
 * central differences (h = 1e-6 in double), on tiny networks of every activation.
 */
@ExtendWith(SplitEveryCall.class)
class MlpGradientTest {
    /** Float32 engine vs double reference: relative to the largest entry. */
    static final double TOL = 2e-4;

    @Test
    void everyCallIsSplitInTheseTests() {
        assertEquals(0L, MlpEngine.parallelMacs, "SplitEveryCall sets the threshold to 0 for this class");
        Mlp net = Mlp.builder(2).hidden(4, Activation.TANH).threads(2).build();
        assertEquals(2, net.engine().blocks(2), "a 2-row call on a tiny network is split over both workers");
    }

    static Mlp net(Activation act, int out, int threads, int maxBatch, SinusoidalEmbedding emb) {
        return Mlp.builder(3).hidden(6, act).hidden(5, act).output(out).embedding(emb).seed(7).threads(threads)
                .maxBatch(maxBatch).build();
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardMatchesDoubleReference(Activation act) {
        Mlp net = net(act, 2, 2, 256, null);
        int n = 9;
        float[] x = Reference.gaussian(n * 3, 1, 1.5);
        float[] out = new float[n * 2];
        net.output(x, null, n, out);
        Reference ref = new Reference(net);
        double[] want = new double[n * 2];
        for (int i = 0; i < n; i++) {
            double[] f = ref.forward(Reference.toDouble(net.parameters()), ref.row(x, i), 0);
            want[2 * i] = f[0];
            want[2 * i + 1] = f[1];
        }
        assertTrue(Reference.relError(out, want) < 1e-5, act + ": " + Reference.relError(out, want));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void parameterGradientMatchesCentralDifferences(Activation act) {
        Mlp net = net(act, 2, 2, 4, null);
        int n = 11;
        float[] x = Reference.gaussian(n * 3, 2, 1.0);
        float[] g = Reference.gaussian(n * 2, 3, 1.0);
        net.zeroGradients();
        net.accumulateGradient(x, null, n, g);
        double[] fd = new Reference(net).parameterGradient(x, null, n, g, 1e-6);
        double err = Reference.relError(net.gradients(), fd);
        assertTrue(err < TOL, act + ": relative error " + err);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void inputGradientMatchesCentralDifferences(Activation act) {
        Mlp net = net(act, 1, 3, 5, null);
        int n = 13;
        float[] x = Reference.gaussian(n * 3, 4, 1.0);
        float[] grad = new float[n * 3];
        float[] e = new float[n];
        net.inputGradient(x, null, n, e, grad);
        Reference ref = new Reference(net);
        double[] fd = ref.inputGradient(x, null, n, 1e-6);
        double err = Reference.relError(grad, fd);
        assertTrue(err < TOL, act + ": relative error " + err);
        float[] out = new float[n];
        net.output(x, null, n, out);
        assertArrayEquals(out, e, "energies of inputGradient equal output()");
    }

    @Test
    void embeddedNetworkGradientsMatchCentralDifferences() {
        SinusoidalEmbedding emb = SinusoidalEmbedding.ofLog(4, 100);
        Mlp net = net(Activation.SWISH, 1, 2, 256, emb);
        int n = 7;
        float[] x = Reference.gaussian(n * 3, 5, 1.0);
        float[] level = new float[n];
        for (int i = 0; i < n; i++) {
            level[i] = (float) Math.exp(-3 + i * 0.5);
        }
        float[] grad = new float[n * 3];
        net.inputGradient(x, level, n, null, grad);
        Reference ref = new Reference(net);
        assertTrue(Reference.relError(grad, ref.inputGradient(x, level, n, 1e-6)) < TOL);
        float[] g = Reference.gaussian(n, 6, 1.0);
        net.accumulateGradient(x, level, n, g);
        assertTrue(Reference.relError(net.gradients(), ref.parameterGradient(x, level, n, g, 1e-6)) < TOL);
        // the level matters
        float[] e1 = new float[n];
        float[] e2 = new float[n];
        net.output(x, level, n, e1);
        float[] level2 = level.clone();
        level2[0] *= 3;
        net.output(x, level2, n, e2);
        assertNotEquals(e1[0], e2[0]);
        assertEquals(e1[1], e2[1]);
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Mlp net = net(Activation.TANH, 2, 1, 256, null);
        float[] x = Reference.gaussian(6, 8, 1.0);
        float[] g = Reference.gaussian(4, 9, 1.0);
        net.accumulateGradient(x, null, 2, g);
        float[] once = net.gradients().clone();
        net.accumulateGradient(x, null, 2, g);
        for (int q = 0; q < once.length; q++) {
            assertEquals(2 * once[q], net.gradients()[q], 1e-6 * (1 + Math.abs(once[q])));
        }
        net.zeroGradients();
        for (float v : net.gradients()) {
            assertEquals(0f, v);
        }
    }

    @Test
    void resultsAreBitIdenticalForSeedAndThreadCountAndCloseAcrossThreadCounts() {
        int n = 300;
        float[] x = Reference.gaussian(n * 3, 10, 1.0);
        float[] g = Reference.gaussian(n * 2, 11, 1.0);
        float[][] grads = new float[4][];
        int[] threads = {3, 3, 1, 2};
        for (int r = 0; r < 4; r++) {
            Mlp net = Mlp.builder(3).hidden(64, Activation.SWISH).hidden(32, Activation.SOFTPLUS).output(2).seed(5)
                    .threads(threads[r]).maxBatch(128).build();
            net.accumulateGradient(x, null, n, g);
            net.accumulateGradient(x, null, n, g);
            grads[r] = net.gradients().clone();
        }
        assertArrayEquals(grads[0], grads[1], "same seed and thread count: identical bits");
        for (int r = 2; r < 4; r++) {
            for (int q = 0; q < grads[0].length; q++) {
                assertEquals(grads[0][q], grads[r][q], 1e-4 * (1 + Math.abs(grads[0][q])));
            }
        }
    }

    /**
     * The two layouts of a call (one block on the caller; rows split over the workers) give the same outputs,
     * parameter gradients and input gradients up to float rounding, with and without a level embedding. The
     * one-block layout is the one the central-difference tests of the other classes check.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void oneBlockAndRowSplitAgree(boolean embedded) {
        int n = 200;
        float[] x = Reference.gaussian(n * 3, 12, 1.0);
        float[] g = Reference.gaussian(n * 2, 13, 1.0);
        float[] level = new float[n];
        for (int i = 0; i < n; i++) {
            level[i] = 0.1f + 0.01f * i;
        }
        String[] layouts = {"one block", "rows"};
        float[][] grads = new float[2][];
        float[][] outs = new float[2][n * 2];
        float[][] inputs = new float[2][n * 3];
        long savedParallel = MlpEngine.parallelMacs;
        try {
            for (int r = 0; r < 2; r++) {
                MlpEngine.parallelMacs = r == 0 ? Long.MAX_VALUE : 0;
                Mlp.Builder b = Mlp.builder(3).hidden(64, Activation.SWISH).hidden(32, Activation.TANH).output(2)
                        .seed(5).threads(2).maxBatch(128);
                if (embedded) {
                    b.embedding(SinusoidalEmbedding.ofLog(4, 50));
                }
                Mlp net = b.build();
                assertEquals(r == 0 ? 1 : 2, net.engine().blocks(128), "blocks per chunk, " + layouts[r]);
                net.accumulateGradient(x, embedded ? level : null, n, g, outs[r], inputs[r]);
                grads[r] = net.gradients().clone();
            }
        } finally {
            MlpEngine.parallelMacs = savedParallel;
        }
        for (int r = 1; r < 2; r++) {
            for (int q = 0; q < grads[0].length; q++) {
                assertEquals(grads[0][q], grads[r][q], 1e-4 * (1 + Math.abs(grads[0][q])), layouts[r] + ": gradient " + q);
            }
            for (int q = 0; q < outs[0].length; q++) {
                assertEquals(outs[0][q], outs[r][q], 1e-5 * (1 + Math.abs(outs[0][q])), layouts[r] + ": output " + q);
            }
            for (int q = 0; q < inputs[0].length; q++) {
                assertEquals(inputs[0][q], inputs[r][q], 1e-5 * (1 + Math.abs(inputs[0][q])),
                        layouts[r] + ": input gradient " + q);
            }
        }
        assertNotEquals(0f, inputs[0][0], "input gradient computed");
    }

    @Test
    void initialisationIsSeededAndBounded() {
        Mlp a = Mlp.builder(4).hidden(16, Activation.RELU).build();
        Mlp b = Mlp.builder(4).hidden(16, Activation.RELU).build();
        Mlp c = Mlp.builder(4).hidden(16, Activation.RELU).seed(99).build();
        assertArrayEquals(a.parameters(), b.parameters());
        assertTrue(!java.util.Arrays.equals(a.parameters(), c.parameters()));
        assertEquals(4 * 16 + 16 + 16 + 1, a.parameterCount());
        for (Linear l : a.layers()) {
            double bound = 1 / Math.sqrt(l.inputDim());
            for (int q = l.weightOffset(); q < l.weightOffset() + l.parameterCount(); q++) {
                assertTrue(Math.abs(a.parameters()[q]) <= bound);
            }
        }
    }

    @Test
    void viewsAndCopy() {
        Mlp net = Mlp.builder(2).hidden(8, Activation.SWISH).build();
        float[] x = {0.1f, -0.2f, 1.5f, 0.3f};
        float[] e = new float[2];
        float[] g = new float[4];
        net.asEnergy().evaluate(x, 2, e, g);
        float[] g2 = new float[4];
        net.inputGradient(x, null, 2, null, g2);
        assertArrayEquals(g2, g);
        Mlp copy = net.copy();
        copy.parameters()[0] += 1;
        float[] e2 = new float[2];
        net.output(x, null, 2, e2);
        assertArrayEquals(e, e2, "the copy has its own parameters");
        Mlp score = Mlp.builder(2).hidden(8, Activation.TANH).output(2)
                .embedding(SinusoidalEmbedding.ofLog(4, 50)).build();
        float[] s = new float[4];
        score.asScore().score(x, 2, 0.5, s);
        float[] s2 = new float[4];
        score.output(x, new float[] {0.5f, 0.5f}, 2, s2);
        assertArrayEquals(s2, s);
        assertThrows(IllegalArgumentException.class, net::asScore);
        assertThrows(IllegalArgumentException.class, score::asEnergy);
    }

    @Test
    void badInputIsRejectedWithNamedArguments() {
        Mlp net = Mlp.builder(2).hidden(4, Activation.TANH).build();
        Mlp emb = Mlp.builder(2).hidden(4, Activation.TANH).embedding(SinusoidalEmbedding.of(2, 10)).build();
        float[] x = {1, 2, 3, 4};
        float[] out = new float[2];
        assertMessage(() -> net.output(x, null, 0, out), "n: expected >= 1");
        assertMessage(() -> net.output(x, null, 3, out), "x: expected at least n*inputDim = 6 floats, found 4");
        assertMessage(() -> net.output(null, null, 2, out), "x: expected");
        assertMessage(() -> net.output(x, null, 2, new float[1]), "out: expected at least n*outputDim = 2");
        assertMessage(() -> net.output(new float[] {1, Float.NaN, 0, 0}, null, 2, out), "x[1]: expected a finite");
        assertMessage(() -> emb.output(x, null, 2, out), "level: this network embeds a level");
        assertMessage(() -> emb.output(x, new float[1], 2, out), "level: expected at least n = 2");
        assertMessage(() -> net.accumulateGradient(x, null, 2, new float[] {1, Float.POSITIVE_INFINITY}),
                "outGrad[1]");
        Mlp vec = Mlp.builder(2).hidden(4, Activation.TANH).output(2).build();
        assertMessage(() -> vec.inputGradient(x, null, 2, null, new float[4]), "expected a scalar head");
        assertMessage(() -> Mlp.builder(0), "inputDim: expected >= 1, found 0");
        assertMessage(() -> Mlp.builder(2).hidden(0, Activation.RELU), "hidden width");
        assertMessage(() -> Mlp.builder(2).threads(0), "threads");
        assertMessage(() -> SinusoidalEmbedding.of(3, 10), "dim: expected an even number");
    }

    static void assertMessage(Runnable r, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}
