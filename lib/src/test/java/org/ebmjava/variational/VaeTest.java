package org.ebmjava.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Mlp;
import org.junit.jupiter.api.Test;

class VaeTest {

    private static final double[] W = {1.2, -0.7, 0.4};
    private static final double[] B = {0.3, 0.1, -0.5};
    private static final double SIGMA = 0.6;

    /**
     * A VAE with linear encoder and decoder set to the linear-Gaussian model's exact quantities: the decoder is
     * x | z ~ N(w z + b, sigma^2 I); the encoder outputs the exact posterior mean and log variance.
     */
    private static Vae exactLinearVae(LinearGaussianModel model) {
        int d = W.length;
        Mlp enc = Mlp.builder(d).output(2).seed(1).build();
        Mlp dec = Mlp.builder(1).output(d).seed(2).build();
        double m = 1;
        for (double w : W) {
            m += w * w / (SIGMA * SIGMA);
        }
        float[] pe = enc.parameters();                       // W (d x 2) row-major, then b (2)
        double wb = 0;
        for (int i = 0; i < d; i++) {
            pe[i * 2] = (float) (W[i] / (SIGMA * SIGMA * m));
            pe[i * 2 + 1] = 0f;
            wb += W[i] * B[i];
        }
        pe[2 * d] = (float) (-wb / (SIGMA * SIGMA * m));
        pe[2 * d + 1] = (float) Math.log(1 / m);
        float[] pd = dec.parameters();                       // W (1 x d), then b (d)
        for (int i = 0; i < d; i++) {
            pd[i] = (float) W[i];
            pd[d + i] = (float) B[i];
        }
        return new Vae(enc, dec, SIGMA);
    }

    private static LinearGaussianModel model() {
        double[][] w = new double[W.length][1];
        for (int i = 0; i < W.length; i++) {
            w[i][0] = W[i];
        }
        return new LinearGaussianModel(w, B, SIGMA);
    }

    @Test
    void elboEqualsLogEvidenceWhenTheEncoderIsTheExactPosterior() {
        LinearGaussianModel model = model();
        Vae vae = exactLinearVae(model);
        double[][] pts = model.sample(40, new SplittableRandom(3));
        float[] x = new float[pts.length * 3];
        double meanLogP = 0;
        for (int i = 0; i < pts.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = (float) pts[i][j];
            }
            double[] xi = {x[i * 3], x[i * 3 + 1], x[i * 3 + 2]};
            meanLogP += model.logEvidence(xi) / pts.length;
        }
        // terms() takes the prior and entropy parts in closed form and the likelihood by sampling: unbiased.
        int copies = 50;                                     // 40 points x 50 copies x 40 samples, in large batches
        float[] xs = new float[x.length * copies];
        for (int c = 0; c < copies; c++) {
            System.arraycopy(x, 0, xs, c * x.length, x.length);
        }
        Vae.Terms terms = vae.terms(xs, pts.length * copies, 40, new SplittableRandom(4));
        assertEquals(meanLogP, terms.elbo(), 0.01, "ELBO vs closed-form log p(x)");
        assertEquals(meanLogP, -terms.freeEnergy().freeEnergy(), 0.01, "F = U - S = -log p(x)");
        // With q the posterior, log p(x, z) - log q(z | x) = log p(x) for every z: one importance weight is exact.
        double[] is = vae.importanceSampledLogLikelihood(x, pts.length, 1, new SplittableRandom(5));
        for (int i = 0; i < pts.length; i++) {
            double[] xi = {x[i * 3], x[i * 3 + 1], x[i * 3 + 2]};
            assertEquals(model.logEvidence(xi), is[i], 1e-4, "importance weight of point " + i);
        }
    }

    @Test
    void termsMatchTheClosedFormFreeEnergyForAnyEncoder() {
        LinearGaussianModel model = model();
        Vae vae = exactLinearVae(model);
        float[] pe = vae.encoder().parameters();
        pe[0] += 0.3f;                                       // a wrong mean slope
        pe[pe.length - 1] += 0.8f;                           // a too-wide q
        double[] xd = {0.5, -0.2, 0.1};
        int copies = 20_000;                                 // one point, replicated: 20,000 samples in 10 batches
        float[] x = new float[3 * copies];
        for (int i = 0; i < copies; i++) {
            for (int j = 0; j < 3; j++) {
                x[3 * i + j] = (float) xd[j];
            }
        }
        float[] mean = new float[1];
        float[] logVar = new float[1];
        vae.encode(x, 1, mean, logVar);
        VariationalFreeEnergy exact = model.freeEnergy(xd, new double[] {mean[0]}, new double[] {Math.exp(0.5 * logVar[0])});
        Vae.Terms mc = vae.terms(x, copies, 10, new SplittableRandom(6));
        assertEquals(exact.entropy(), mc.entropy(), 1e-5, "entropy is exact");
        assertEquals(exact.energy(), mc.energy(), 0.02, "energy by Monte Carlo");
        assertTrue(mc.elbo() < model.logEvidence(xd) - 0.05, "a wrong encoder leaves a gap");
        assertEquals(model.logEvidence(xd) - exact.elbo(), model.logEvidence(xd) - mc.elbo(), 0.02, "the gap");
    }

    @Test
    void lossGradientMatchesCentralDifferences() {
        int d = 6;
        Mlp enc = Mlp.builder(d).hidden(5, Activation.TANH).output(4).seed(7).build();
        Mlp dec = Mlp.builder(2).hidden(5, Activation.TANH).output(d).seed(8).build();
        Vae vae = new Vae(enc, dec, 0.0);
        SplittableRandom data = new SplittableRandom(9);
        int n = 4;
        float[] x = new float[n * d];
        for (int j = 0; j < x.length; j++) {
            x[j] = data.nextBoolean() ? 1f : 0f;
        }
        enc.zeroGradients();
        dec.zeroGradients();
        vae.lossAndGradient(x, n, new SplittableRandom(10));
        float[][] analytic = {enc.gradients().clone(), dec.gradients().clone()};
        double h = 1e-2;
        int checked = 0;
        for (int which = 0; which < 2; which++) {
            Mlp net = which == 0 ? enc : dec;
            float[] p = net.parameters();
            float[] g = analytic[which];
            for (int q = 0; q < p.length; q += 3) {
                float saved = p[q];
                p[q] = (float) (saved + h);
                double plus = vae.lossAndGradient(x, n, new SplittableRandom(10));
                p[q] = (float) (saved - h);
                double minus = vae.lossAndGradient(x, n, new SplittableRandom(10));
                p[q] = saved;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, g[q], 1e-2 * Math.max(0.2, Math.abs(numeric)), "parameter " + q);
                checked++;
            }
        }
        assertTrue(checked > 20);
    }

    @Test
    void badArgumentsAreNamed() {
        Mlp enc = Mlp.builder(4).output(2).build();
        Mlp dec = Mlp.builder(2).output(4).build();
        assertThrows(IllegalArgumentException.class, () -> new Vae(enc, dec, 0.0));
        Vae vae = Vae.bernoulli(4, 1, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> vae.terms(new float[3], 1, 1, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> new VaeTrainer(vae, new float[8], 2, 3, 1e-3, 1.0, 1));
    }
}
