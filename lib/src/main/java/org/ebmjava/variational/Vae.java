package org.ebmjava.variational;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Mlp;
import org.ebmjava.thermo.ThermoOps;

/**
 * A variational autoencoder (Kingma and Welling 2014) built on the course's neural engine: an encoder
 * {@link Mlp} x &rarr; (&mu;, log &sigma;<sup>2</sup>) of a diagonal Gaussian q(z|x), a standard normal prior p(z) in
 * k dimensions, and a decoder {@link Mlp} z &rarr; the parameters of p(x|z): Bernoulli logits (binary data) or the
 * mean of N(., s<sup>2</sup> I) with fixed s.
 *
 * <p>The training objective is the variational free energy of {@link VariationalFreeEnergy}, per point,
 * <pre>
 *   F[q] = U - S = E_q[-log p(x|z) - log p(z)] - H[q] = E_q[-log p(x|z)] + KL(q(z|x) || p(z)) = -ELBO
 *   E_q[-log p(z)] = (k/2) log 2&pi; + (|&mu;|^2 + &sum; &sigma;_j^2)/2,   H[q] = &sum;_j log(2&pi;e &sigma;_j^2)/2        (closed forms)
 * </pre>
 * with E<sub>q</sub>[-log p(x|z)] estimated by reparameterised samples z = &mu; + &sigma; &#8857; &epsilon;. Gradients, for
 * a batch of B points and one sample each: the decoder's reverse mode gets dF/dl = (sigmoid(l) - x)/B (Bernoulli)
 * or (m - x)/(s<sup>2</sup> B) (Gaussian) and returns dF/dz; then dF/d&mu; = dF/dz + &mu;/B and dF/d log &sigma;<sup>2</sup> =
 * dF/dz &#8857; &epsilon; &sigma;/2 + (&sigma;<sup>2</sup> - 1)/(2B) go to the encoder's reverse mode.
 *
 * <p>{@link #importanceSampledLogLikelihood} estimates log p(x) = log E<sub>q</sub>[p(x, z)/q(z|x)] with K samples
 * (Burda et al. 2016); its gap to the ELBO is the part of F that a better encoder could remove.
 *
 * <pre>
 * D. P. Kingma and M. Welling, "Auto-Encoding Variational Bayes", ICLR 2014.
 * Y. Burda, R. Grosse and R. Salakhutdinov, "Importance Weighted Autoencoders", ICLR 2016.
 * </pre>
 */
public final class Vae {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Mlp encoder;
    private final Mlp decoder;
    private final double noiseStd;
    private final int d;
    private final int k;

    /**
     * The free energy of a batch split into its terms, each averaged over the points (nats per point).
     *
     * @param reconstruction E<sub>q</sub>[-log p(x|z)], the distortion.
     * @param kl KL(q(z|x) || p(z)), the rate.
     * @param energy U = E<sub>q</sub>[-log p(x, z)] = reconstruction + E<sub>q</sub>[-log p(z)].
     * @param entropy S = H[q(z|x)].
     * @param points The number of points averaged over.
     */
    public record Terms(double reconstruction, double kl, double energy, double entropy, int points) {

        /**
         * Returns the free energy as U and S.
         *
         * @return The variational free energy.
         */
        public VariationalFreeEnergy freeEnergy() {
            return new VariationalFreeEnergy(energy, entropy);
        }

        /**
         * Returns the ELBO = -(reconstruction + KL) = S - U.
         *
         * @return The ELBO, nats per point.
         */
        public double elbo() {
            return entropy - energy;
        }
    }

    /**
     * Wraps an encoder and a decoder.
     *
     * @param encoder d inputs, 2k outputs (first k: means; last k: log variances), no embedding. Must not be null.
     * @param decoder k inputs, d outputs, no embedding. Must not be null.
     * @param noiseStd 0 for a Bernoulli decoder (outputs are logits; data in {0, 1}), or the fixed standard
     *     deviation s &gt; 0 of a Gaussian decoder (outputs are means).
     * @throws IllegalArgumentException If the shapes do not fit or noiseStd is negative.
     */
    public Vae(Mlp encoder, Mlp decoder, double noiseStd) {
        if (encoder == null || decoder == null || encoder.outputDim() % 2 != 0
                || decoder.inputDim() != encoder.outputDim() / 2 || decoder.outputDim() != encoder.inputDim()
                || encoder.embedding() != null || decoder.embedding() != null) {
            throw new IllegalArgumentException("encoder and decoder: expected d -> 2k and k -> d networks without "
                    + "embeddings, found " + encoder + " and " + decoder);
        }
        if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
            throw new IllegalArgumentException("noiseStd must be 0 (Bernoulli) or finite and > 0, found " + noiseStd);
        }
        this.encoder = encoder;
        this.decoder = decoder;
        this.noiseStd = noiseStd;
        this.d = encoder.inputDim();
        this.k = decoder.inputDim();
    }

    /**
     * Builds a Bernoulli VAE with one hidden layer (SiLU) in the encoder and in the decoder.
     *
     * @param dataDim d, &ge; 1.
     * @param latentDim k, &ge; 1.
     * @param hidden The hidden width, &ge; 1.
     * @param seed The seed (encoder seed, decoder seed + 1).
     * @return A new VAE.
     */
    public static Vae bernoulli(int dataDim, int latentDim, int hidden, long seed) {
        Mlp enc = Mlp.builder(dataDim).hidden(hidden, Activation.SWISH).output(2 * latentDim).seed(seed).build();
        Mlp dec = Mlp.builder(latentDim).hidden(hidden, Activation.SWISH).output(dataDim).seed(seed + 1).build();
        return new Vae(enc, dec, 0.0);
    }

    /**
     * Encodes a batch.
     *
     * @param x The data, n&middot;d floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param mean Receives &mu;, n&middot;k floats. Modified.
     * @param logVar Receives log &sigma;<sup>2</sup>, n&middot;k floats. Modified.
     */
    public void encode(float[] x, int n, float[] mean, float[] logVar) {
        float[] out = new float[n * 2 * k];
        encoder.output(x, null, n, out);
        for (int i = 0; i < n; i++) {
            System.arraycopy(out, i * 2 * k, mean, i * k, k);
            System.arraycopy(out, i * 2 * k + k, logVar, i * k, k);
        }
    }

    /**
     * Decodes latent points to the decoder's mean: pixel probabilities (Bernoulli) or means (Gaussian).
     *
     * @param z The latent points, n&middot;k floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return n&middot;d floats.
     */
    public float[] decode(float[] z, int n) {
        float[] out = new float[n * d];
        decoder.output(z, null, n, out);
        if (noiseStd == 0) {
            for (int j = 0; j < out.length; j++) {
                out[j] = (float) (1 / (1 + Math.exp(-out[j])));
            }
        }
        return out;
    }

    /**
     * Estimates the free-energy terms of a batch with S reparameterised samples per point.
     *
     * @param x The data, n&middot;d floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param samples S &ge; 1.
     * @param rng The source of &epsilon;. Advanced.
     * @return The terms, averaged over the points (reconstruction averaged over the samples).
     */
    public Terms terms(float[] x, int n, int samples, RandomGenerator rng) {
        checkBatch(x, n);
        if (samples < 1 || rng == null) {
            throw new IllegalArgumentException("need samples >= 1 and an rng, found " + samples);
        }
        float[] mean = new float[n * k];
        float[] logVar = new float[n * k];
        encode(x, n, mean, logVar);
        double priorEnergy = 0;
        double entropy = 0;
        for (int j = 0; j < n * k; j++) {
            double v = Math.exp(logVar[j]);
            priorEnergy += 0.5 * (mean[j] * mean[j] + v);
            entropy += 0.5 * (LOG_2PI + 1 + logVar[j]);
        }
        priorEnergy = priorEnergy / n + 0.5 * k * LOG_2PI;
        entropy /= n;
        float[] z = new float[n * k];
        float[] out = new float[n * d];
        double rec = 0;
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < n * k; j++) {
                z[j] = (float) (mean[j] + Math.exp(0.5 * logVar[j]) * rng.nextGaussian());
            }
            decoder.output(z, null, n, out);
            for (int i = 0; i < n; i++) {
                rec -= logLikelihood(x, out, i);
            }
        }
        rec /= (double) n * samples;
        double kl = priorEnergy - entropy;                 // KL(q || p) = E_q[-log p(z)] - H[q]
        return new Terms(rec, kl, rec + priorEnergy, entropy, n);
    }

    /**
     * Returns the one-sample estimate of the mean free energy (-ELBO) of a batch and adds its gradient to the
     * encoder's and decoder's gradients (callers zero them first).
     *
     * @param x The batch, n&middot;d floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param rng The source of &epsilon;. Advanced by n&middot;k Gaussian draws.
     * @return The mean of -log p(x|z) + KL(q || p) over the batch, nats.
     */
    public double lossAndGradient(float[] x, int n, RandomGenerator rng) {
        checkBatch(x, n);
        float[] enc = new float[n * 2 * k];
        encoder.output(x, null, n, enc);
        float[] eps = new float[n * k];
        float[] z = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double e = rng.nextGaussian();
                eps[i * k + j] = (float) e;
                z[i * k + j] = (float) (enc[i * 2 * k + j] + Math.exp(0.5 * enc[i * 2 * k + k + j]) * e);
            }
        }
        float[] logits = new float[n * d];
        decoder.output(z, null, n, logits);
        double loss = 0;
        float[] gOut = new float[n * d];
        for (int i = 0; i < n; i++) {
            loss -= logLikelihood(x, logits, i);
            for (int j = i * d; j < (i + 1) * d; j++) {
                double g = noiseStd == 0 ? 1 / (1 + Math.exp(-logits[j])) - x[j]
                        : (logits[j] - x[j]) / (noiseStd * noiseStd);
                gOut[j] = (float) (g / n);
            }
        }
        float[] gz = new float[n * k];
        decoder.accumulateGradient(z, null, n, gOut, null, gz);
        float[] gEnc = new float[n * 2 * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double mu = enc[i * 2 * k + j];
                double lv = enc[i * 2 * k + k + j];
                double var = Math.exp(lv);
                loss += 0.5 * (mu * mu + var - 1 - lv);
                gEnc[i * 2 * k + j] = (float) (gz[i * k + j] + mu / n);
                gEnc[i * 2 * k + k + j] = (float) (gz[i * k + j] * eps[i * k + j] * Math.sqrt(var) / 2 + (var - 1) / (2.0 * n));
            }
        }
        encoder.accumulateGradient(x, null, n, gEnc);
        return loss / n;
    }

    /**
     * Estimates log p(x) per point by importance sampling with q(z|x) as the proposal:
     * log (1/K) &sum;<sub>j</sub> p(x|z<sub>j</sub>) p(z<sub>j</sub>) / q(z<sub>j</sub>|x).
     *
     * @param x The data, n&middot;d floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param samples K &ge; 1.
     * @param rng The source of the draws. Advanced.
     * @return n estimates, nats.
     */
    public double[] importanceSampledLogLikelihood(float[] x, int n, int samples, RandomGenerator rng) {
        checkBatch(x, n);
        if (samples < 1 || rng == null) {
            throw new IllegalArgumentException("need samples >= 1 and an rng, found " + samples);
        }
        float[] mean = new float[n * k];
        float[] logVar = new float[n * k];
        encode(x, n, mean, logVar);
        double[][] logW = new double[n][samples];
        float[] z = new float[n * k];
        float[] out = new float[n * d];
        double[] logPriorMinusQ = new double[n];
        for (int s = 0; s < samples; s++) {
            java.util.Arrays.fill(logPriorMinusQ, 0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    int q = i * k + j;
                    double e = rng.nextGaussian();
                    double zz = mean[q] + Math.exp(0.5 * logVar[q]) * e;
                    z[q] = (float) zz;
                    logPriorMinusQ[i] += -0.5 * zz * zz + 0.5 * e * e + 0.5 * logVar[q];
                }
            }
            decoder.output(z, null, n, out);
            for (int i = 0; i < n; i++) {
                logW[i][s] = logLikelihood(x, out, i) + logPriorMinusQ[i];
            }
        }
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            result[i] = ThermoOps.logSumExp(logW[i]) - Math.log(samples);
        }
        return result;
    }

    /**
     * Draws samples from the model: z ~ N(0, I), then the decoder's mean (pixel probabilities or means).
     *
     * @param n The number of samples, &ge; 1.
     * @param rng The source of randomness. Advanced.
     * @return n&middot;d floats.
     */
    public float[] sampleMeans(int n, RandomGenerator rng) {
        float[] z = new float[n * k];
        for (int j = 0; j < z.length; j++) {
            z[j] = (float) rng.nextGaussian();
        }
        return decode(z, n);
    }

    /** log p(x_i | z) from the decoder outputs of row i. */
    private double logLikelihood(float[] x, float[] out, int i) {
        double s = 0;
        if (noiseStd == 0) {
            for (int j = i * d; j < (i + 1) * d; j++) {
                double l = out[j];
                double softplus = Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
                s += x[j] * l - softplus;
            }
        } else {
            double s2 = noiseStd * noiseStd;
            for (int j = i * d; j < (i + 1) * d; j++) {
                double r = x[j] - out[j];
                s -= r * r / (2 * s2);
            }
            s -= 0.5 * d * (LOG_2PI + Math.log(s2));
        }
        return s;
    }

    private void checkBatch(float[] x, int n) {
        if (n < 1 || x == null || x.length < (long) n * d) {
            throw new IllegalArgumentException("x: expected n*d = " + (long) n * d + " floats with n >= 1, found "
                    + (x == null ? "null" : x.length));
        }
    }

    /**
     * Returns the encoder (live).
     *
     * @return The encoder network.
     */
    public Mlp encoder() {
        return encoder;
    }

    /**
     * Returns the decoder (live).
     *
     * @return The decoder network.
     */
    public Mlp decoder() {
        return decoder;
    }

    /**
     * Returns the data dimension.
     *
     * @return d.
     */
    public int dataDimension() {
        return d;
    }

    /**
     * Returns the latent dimension.
     *
     * @return k.
     */
    public int latentDimension() {
        return k;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Vae[d=%d, k=%d, %s decoder, %d parameters]", d, k,
                noiseStd == 0 ? "Bernoulli" : String.format(Locale.ROOT, "Gaussian(s=%.3g)", noiseStd),
                encoder.parameterCount() + decoder.parameterCount());
    }
}
