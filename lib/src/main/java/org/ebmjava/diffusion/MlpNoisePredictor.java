package org.ebmjava.diffusion;

import java.util.Locale;
import org.ebmjava.neural.Mlp;

/**
 * A noise predictor &epsilon;<sub>&theta;</sub>(x<sub>t</sub>, t) computed by the course's neural engine: an
 * {@link Mlp} with d inputs, d outputs and a sinusoidal embedding of the step t (passed as the level, 1-based
 * as everywhere in this package), as in Ho et al. (2020) with an MLP in place of the U-Net.
 *
 * <p>The network is shared, not copied: training it (see {@link DdpmTrainer}) changes this predictor.
 */
public final class MlpNoisePredictor implements NoisePredictor {

    private final Mlp network;
    private final int steps;
    private float[] levels = new float[0];

    /**
     * Wraps a network.
     *
     * @param network The network: input and output dimension d, with an embedding. Must not be null.
     * @param steps The number of diffusion steps T the predictor serves (steps outside 1..T are rejected).
     * @throws IllegalArgumentException If the network does not map d to d, has no embedding, or steps &lt; 1.
     */
    public MlpNoisePredictor(Mlp network, int steps) {
        if (network == null || network.inputDim() != network.outputDim() || network.embedding() == null) {
            throw new IllegalArgumentException("network: expected an Mlp with outputDim = inputDim and a time embedding, found "
                    + network);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, found " + steps);
        }
        this.network = network;
        this.steps = steps;
    }

    /**
     * Builds the usual 2D network: d + embedding inputs, hidden SiLU layers of one width, d outputs.
     *
     * @param dimension d, &ge; 1.
     * @param width The width of each hidden layer, &ge; 1.
     * @param layers The number of hidden layers, &ge; 1.
     * @param embeddingDim The dimension of the time embedding, even, &ge; 2.
     * @param steps T, &ge; 1 (the embedding's slowest period is scaled to it).
     * @param seed The initialisation seed.
     * @return A new predictor around a new network.
     */
    public static MlpNoisePredictor create(int dimension, int width, int layers, int embeddingDim, int steps, long seed) {
        Mlp.Builder b = Mlp.builder(dimension)
                .embedding(org.ebmjava.neural.SinusoidalEmbedding.of(embeddingDim, Math.max(2.0, 4.0 * steps)));
        for (int k = 0; k < layers; k++) {
            b.hidden(width, org.ebmjava.neural.Activation.SWISH);
        }
        return new MlpNoisePredictor(b.output(dimension).seed(seed).build(), steps);
    }

    @Override
    public int dimension() {
        return network.inputDim();
    }

    @Override
    public void predict(float[] x, int n, int[] t, float[] out) {
        if (n == 0) {
            return;
        }
        network.output(x, levels(t, n), n, out);
    }

    /**
     * Converts steps to the network's level array (reused buffer), checking the range.
     *
     * @param t The steps. Not modified.
     * @param n How many.
     * @return The levels t<sub>i</sub> as floats, at least n entries.
     */
    float[] levels(int[] t, int n) {
        if (t == null || t.length < n) {
            throw new IllegalArgumentException("t: expected at least " + n + " steps, found "
                    + (t == null ? "null" : t.length));
        }
        if (levels.length < n) {
            levels = new float[n];
        }
        for (int i = 0; i < n; i++) {
            if (t[i] < 1 || t[i] > steps) {
                throw new IllegalArgumentException("t[" + i + "] must be in [1, " + steps + "], found " + t[i]);
            }
            levels[i] = t[i];
        }
        return levels;
    }

    /**
     * Returns the network (live, not a copy).
     *
     * @return The network.
     */
    public Mlp network() {
        return network;
    }

    /**
     * Returns T.
     *
     * @return The number of steps served.
     */
    public int steps() {
        return steps;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MlpNoisePredictor[T=%d, %s]", steps, network);
    }
}
