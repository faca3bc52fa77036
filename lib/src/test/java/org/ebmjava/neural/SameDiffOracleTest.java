package org.ebmjava.neural;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * First-order gradients of the engine against SameDiff (ND4J's autodiff) on the same weights: the engine's
 * parameter and input gradients must equal SameDiff's to {@value #TOL} relative to the largest entry (both float32;
 * the difference is summation order).
 */
@ExtendWith(SplitEveryCall.class)
class SameDiffOracleTest {
    static final double TOL = 1e-5;

    @Test
    void gradientsEqualSameDiffs() {
        Mlp net = Mlp.builder(5).hidden(16, Activation.SWISH).hidden(12, Activation.TANH).hidden(8, Activation.SIGMOID)
                .output(2).seed(31).threads(2).maxBatch(8).build();
        int n = 20;
        float[] x = Reference.gaussian(n * 5, 32, 1.0);
        float[] g = Reference.gaussian(n * 2, 33, 1.0);
        net.zeroGradients();
        float[] inputGrad = new float[n * 5];
        net.accumulateGradient(x, null, n, g, null, inputGrad);

        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, 5);
        SDVariable gv = sd.placeHolder("g", DataType.FLOAT, -1, 2);
        SDVariable a = in;
        float[] p = net.parameters();
        for (int k = 0; k < net.layerCount(); k++) {
            Linear l = net.layer(k);
            INDArray w = Nd4j.create(java.util.Arrays.copyOfRange(p, l.weightOffset(), l.biasOffset()),
                    new long[] {l.inputDim(), l.outputDim()}, 'c');
            INDArray b = Nd4j.create(java.util.Arrays.copyOfRange(p, l.biasOffset(), l.biasOffset() + l.outputDim()),
                    new long[] {1, l.outputDim()}, 'c');
            SDVariable z = a.mmul(sd.var("w" + k, w)).add(sd.var("b" + k, b));
            switch (l.activation()) {
                case SWISH: a = z.mul(sd.nn().sigmoid(z)); break;
                case TANH: a = sd.math().tanh(z); break;
                case SIGMOID: a = sd.nn().sigmoid(z); break;
                case IDENTITY: a = z; break;
                default: throw new AssertionError(l.activation());
            }
        }
        SDVariable loss = a.mul(gv).sum();
        sd.setLossVariables(loss);
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("x", Nd4j.create(x, new long[] {n, 5}, 'c'));
        feed.put("g", Nd4j.create(g, new long[] {n, 2}, 'c'));
        String[] names = new String[2 * net.layerCount() + 1];
        for (int k = 0; k < net.layerCount(); k++) {
            names[2 * k] = "w" + k;
            names[2 * k + 1] = "b" + k;
        }
        names[names.length - 1] = "x";
        Map<String, INDArray> grads = sd.calculateGradients(feed, names);

        double[] want = new double[p.length];
        for (int k = 0; k < net.layerCount(); k++) {
            Linear l = net.layer(k);
            float[] gw = grads.get("w" + k).dup('c').data().asFloat();
            float[] gb = grads.get("b" + k).dup('c').data().asFloat();
            for (int q = 0; q < gw.length; q++) {
                want[l.weightOffset() + q] = gw[q];
            }
            for (int q = 0; q < gb.length; q++) {
                want[l.biasOffset() + q] = gb[q];
            }
        }
        double errParams = Reference.relError(net.gradients(), want);
        assertTrue(errParams < TOL, "parameter gradients vs SameDiff: " + errParams);
        double[] wantX = Reference.toDouble(grads.get("x").dup('c').data().asFloat());
        double errX = Reference.relError(inputGrad, wantX);
        assertTrue(errX < TOL, "input gradients vs SameDiff: " + errX);
    }
}
