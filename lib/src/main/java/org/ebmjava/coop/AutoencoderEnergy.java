package org.ebmjava.coop;

import org.ebmjava.apps.VectorJacobian;
import org.ebmjava.neural.Mlp;
import org.ebmjava.sampling.BatchEnergy;
import org.ebmjava.sampling.BatchOps;

/**
 * An autoencoder's reconstruction error as an energy, EBGAN's discriminator (Zhao, Mathieu and LeCun, 2017):
 * <pre>
 *   s = enc(x),   r = dec(s),   D(x) = (1/d) |r - x|^2
 *   &nabla;_x D = J_enc(x)^T J_dec(s)^T (2/d)(r - x) - (2/d)(r - x)
 * </pre>
 * Images the autoencoder has learned to reconstruct get low energy. The encoder and decoder are two engine
 * {@link Mlp}s (encoder d &rarr; h, decoder h &rarr; d), so the codes s are available for the pull-away term
 * ({@link EbganLoss#pullAway}). {@link #accumulateGradient} adds &Sigma;<sub>i</sub> w<sub>i</sub>
 * &nabla;<sub>&theta;</sub>D(x<sub>i</sub>) to both networks' gradients (weights from
 * {@link EbganLoss#discriminatorLoss}); the caller steps one optimiser per network. Input gradients go through
 * {@link VectorJacobian} and leave the parameter gradients alone. Shares the networks; not thread-safe.
 */
public final class AutoencoderEnergy implements BatchEnergy {

    private final Mlp encoder;
    private final Mlp decoder;
    private final int d;
    private final int h;
    private final VectorJacobian encoderVjp;
    private final VectorJacobian decoderVjp;
    private float[] code;
    private float[] recon;
    private float[] reconGrad;
    private float[] codeGrad;

    /**
     * Pairs an encoder and a decoder.
     *
     * @param encoder d &rarr; h, no embedding. Shared.
     * @param decoder h &rarr; d, no embedding. Shared.
     * @throws IllegalArgumentException If a network is null, has an embedding, or the widths do not chain.
     */
    public AutoencoderEnergy(Mlp encoder, Mlp decoder) {
        if (encoder == null || decoder == null) {
            throw new IllegalArgumentException("encoder, decoder: expected two networks, found " + encoder + ", "
                    + decoder);
        }
        if (decoder.inputDim() != encoder.outputDim() || decoder.outputDim() != encoder.inputDim()) {
            throw new IllegalArgumentException("decoder: expected " + encoder.outputDim() + " -> "
                    + encoder.inputDim() + " (to invert the encoder " + encoder.inputDim() + " -> "
                    + encoder.outputDim() + "), found " + decoder.inputDim() + " -> " + decoder.outputDim());
        }
        this.encoder = encoder;
        this.decoder = decoder;
        this.d = encoder.inputDim();
        this.h = encoder.outputDim();
        this.encoderVjp = new VectorJacobian(encoder);
        this.decoderVjp = new VectorJacobian(decoder);
    }

    @Override
    public int dimension() {
        return d;
    }

    /**
     * Returns the code width h.
     *
     * @return h.
     */
    public int codeDimension() {
        return h;
    }

    /**
     * Returns the encoder.
     *
     * @return The encoder (shared).
     */
    public Mlp encoder() {
        return encoder;
    }

    /**
     * Returns the decoder.
     *
     * @return The decoder (shared).
     */
    public Mlp decoder() {
        return decoder;
    }

    @Override
    public void evaluate(float[] x, int n, float[] energies, float[] gradient) {
        BatchOps.checkEvaluation(x, n, d, energies, gradient);
        if (n == 0) {
            return;
        }
        forward(x, n, null);
        if (energies != null) {
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int k = i * d; k < (i + 1) * d; k++) {
                    double e = recon[k] - x[k];
                    s += e * e;
                }
                energies[i] = (float) (s / d);
            }
        }
        if (gradient != null) {
            decoderVjp.apply(code, n, reconGrad, codeGrad);
            encoderVjp.apply(x, n, codeGrad, gradient);
            for (int k = 0; k < n * d; k++) {
                gradient[k] -= reconGrad[k];
            }
        }
    }

    /**
     * Returns the reconstructions dec(enc(x)).
     *
     * @param x n&middot;d inputs. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return A new n&middot;d array.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public float[] reconstruct(float[] x, int n) {
        forward(x, n, null);
        return java.util.Arrays.copyOf(recon, n * d);
    }

    /**
     * Returns the codes enc(x).
     *
     * @param x n&middot;d inputs. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return A new n&middot;h array.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public float[] codes(float[] x, int n) {
        float[] s = new float[n * h];
        encoder.output(x, null, n, s);
        return s;
    }

    /**
     * Pulls a gradient on the codes back to the input: J<sub>enc</sub>(x)<sup>T</sup> g (for the pull-away term's
     * path to the generator), leaving the parameter gradients alone.
     *
     * @param x n&middot;d inputs. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param codeGradient g, n&middot;h. Not modified.
     * @param inputGrad Receives n&middot;d values. Modified.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public void codeGradientToInput(float[] x, int n, float[] codeGradient, float[] inputGrad) {
        encoderVjp.apply(x, n, codeGradient, inputGrad);
    }

    /**
     * Adds &Sigma;<sub>i</sub> w<sub>i</sub> &nabla;<sub>&theta;</sub>D(x<sub>i</sub>) to the encoder's and the
     * decoder's gradients.
     *
     * @param x n&middot;d inputs. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param weights n weights w<sub>i</sub>. Not modified.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public void accumulateGradient(float[] x, int n, float[] weights) {
        BatchOps.requireLength(weights, n, "weights");
        forward(x, n, weights);
        decoder.accumulateGradient(code, null, n, reconGrad, null, codeGrad);
        encoder.accumulateGradient(x, null, n, codeGrad);
    }

    /** Computes code, recon and reconGrad = w_i (2/d)(r - x) (w = 1 when weights is null). */
    private void forward(float[] x, int n, float[] weights) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least 1 row, found " + n);
        }
        if (code == null || code.length != n * h) {
            code = new float[n * h];
            codeGrad = new float[n * h];
            recon = new float[n * d];
            reconGrad = new float[n * d];
        }
        encoder.output(x, null, n, code);
        decoder.output(code, null, n, recon);
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1.0 : weights[i];
            for (int k = i * d; k < (i + 1) * d; k++) {
                reconGrad[k] = (float) (w * 2.0 / d * (recon[k] - x[k]));
            }
        }
    }

    @Override
    public String toString() {
        return "AutoencoderEnergy[" + encoder.architecture() + " | " + decoder.architecture() + "]";
    }
}
