package org.ebmjava.coop;

import static org.ebmjava.sampling.ArgumentAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Mlp;
import org.junit.jupiter.api.Test;

class AutoencoderEnergyTest {

    private static final int D = 6;
    private static final int H = 3;

    private static AutoencoderEnergy model() {
        Mlp enc = Mlp.builder(D).hidden(8, Activation.TANH).output(H).seed(1).threads(1).build();
        Mlp dec = Mlp.builder(H).hidden(8, Activation.TANH).output(D).seed(2).threads(1).build();
        return new AutoencoderEnergy(enc, dec);
    }

    private static float[] inputs(int n) {
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[n * D];
        for (int q = 0; q < x.length; q++) {
            x[q] = (float) r.nextDouble();
        }
        return x;
    }

    @Test
    void energyIsTheMeanSquaredReconstructionErrorAndItsInputGradient() {
        AutoencoderEnergy ae = model();
        Arrays.fill(ae.encoder().gradients(), 0.5f);
        int n = 3;
        float[] x = inputs(n);
        float[] e = new float[n];
        float[] g = new float[n * D];
        ae.evaluate(x, n, e, g);
        float[] r = ae.reconstruct(x, n);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < D; k++) {
                s += Math.pow(r[i * D + k] - x[i * D + k], 2);
            }
            assertEquals(s / D, e[i], 1e-6);
        }
        float step = 1e-2f;
        float[] ep = new float[n];
        float[] em = new float[n];
        for (int q = 0; q < n * D; q++) {
            float[] xp = x.clone();
            float[] xm = x.clone();
            xp[q] += step;
            xm[q] -= step;
            ae.evaluate(xp, n, ep, null);
            ae.evaluate(xm, n, em, null);
            assertEquals((ep[q / D] - em[q / D]) / (xp[q] - xm[q]), g[q], 2e-3, "coordinate " + q);
        }
        for (float v : ae.encoder().gradients()) {
            assertEquals(0.5f, v, 0f, "input gradients leave parameter gradients alone");
        }
    }

    @Test
    void parameterGradientOfAWeightedSumMatchesCentralDifferences() {
        AutoencoderEnergy ae = model();
        int n = 4;
        float[] x = inputs(n);
        float[] w = {1f, -0.5f, 0.25f, 2f};
        ae.encoder().zeroGradients();
        ae.decoder().zeroGradients();
        ae.accumulateGradient(x, n, w);
        float[] e = new float[n];
        for (Mlp net : new Mlp[] {ae.encoder(), ae.decoder()}) {
            float[] p = net.parameters();
            float[] g = net.gradients().clone();
            for (int q = 0; q < p.length; q += 5) {
                float keep = p[q];
                float step = 1e-2f;
                p[q] = keep + step;
                ae.evaluate(x, n, e, null);
                double plus = 0;
                for (int i = 0; i < n; i++) {
                    plus += w[i] * e[i];
                }
                p[q] = keep - step;
                ae.evaluate(x, n, e, null);
                double minus = 0;
                for (int i = 0; i < n; i++) {
                    minus += w[i] * e[i];
                }
                p[q] = keep;
                assertEquals((plus - minus) / (2 * step), g[q], 2e-3, "parameter " + q + " of " + net);
            }
        }
    }

    @Test
    void badInputIsNamed() {
        Mlp enc = Mlp.builder(D).output(H).threads(1).build();
        Mlp wrong = Mlp.builder(H).output(D + 1).threads(1).build();
        assertMessage(() -> new AutoencoderEnergy(enc, wrong), "decoder", "found 3 -> 7");
        assertMessage(() -> new AutoencoderEnergy(null, enc), "encoder", "null");
    }
}
