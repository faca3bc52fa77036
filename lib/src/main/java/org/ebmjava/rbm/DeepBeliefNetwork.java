package org.ebmjava.rbm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * A deep belief network: a stack of Bernoulli RBMs trained greedily, layer by layer (Hinton, Osindero and Teh
 * 2006).
 *
 * <p>Layer 1 is trained on the data; layer l + 1 on the hidden probabilities p(h|v) that layer l gives for the
 * data. As a generative model the top RBM is an undirected associative memory and the lower layers are directed
 * top-down: to sample, run Gibbs sampling in the top RBM, then go down once with p(v|h) of each lower layer.
 *
 * <pre>
 * G. E. Hinton, S. Osindero and Y.-W. Teh, "A fast learning algorithm for deep belief nets",
 * Neural Computation 18(7), 2006.
 * </pre>
 */
public final class DeepBeliefNetwork {
    /** The standard deviation of each layer's initial weights in {@link #trainGreedy}. */
    public static final double INIT_WEIGHT_STD = 0.01;

    private final List<BernoulliRbm> layers;
    private final List<Table> histories;

    /**
     * Creates a DBN from trained layers (the models are shared, not copied).
     *
     * @param layers The RBMs from the bottom up; each layer's hidden size must equal the next one's visible size.
     * @throws IllegalArgumentException If the list is empty or the sizes do not chain.
     */
    public DeepBeliefNetwork(List<BernoulliRbm> layers) {
        this(layers, List.of());
    }

    private DeepBeliefNetwork(List<BernoulliRbm> layers, List<Table> histories) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers must not be empty");
        }
        for (int i = 0; i + 1 < layers.size(); i++) {
            if (layers.get(i).hiddenSize() != layers.get(i + 1).visibleSize()) {
                throw new IllegalArgumentException("layer " + (i + 1) + " has " + layers.get(i).hiddenSize()
                        + " hidden units but layer " + (i + 2) + " has " + layers.get(i + 1).visibleSize()
                        + " visible units; they must be equal");
            }
        }
        this.layers = List.copyOf(layers);
        this.histories = List.copyOf(histories);
    }

    /**
     * Trains a DBN greedily: each layer is a {@link BernoulliRbm} with weights ~ N(0, {@link #INIT_WEIGHT_STD}
     * <sup>2</sup>) (seed = trainer seed + layer index) and visible bias from its input's marginals, trained by
     * {@code trainer} on the previous layer's hidden probabilities.
     *
     * @param data The training data, [n, nv], values in [0, 1]. Not modified.
     * @param hiddenSizes The hidden sizes from the bottom up, each &gt; 0. Not modified.
     * @param trainer The trainer used for every layer. Not modified.
     * @param listener Progress callback (called for each layer's training in turn), or null.
     * @return The trained DBN, with one history table per layer.
     */
    public static DeepBeliefNetwork trainGreedy(INDArray data, int[] hiddenSizes, RbmTrainer trainer,
            ProgressListener listener) {
        if (hiddenSizes == null || hiddenSizes.length == 0) {
            throw new IllegalArgumentException("hiddenSizes must not be empty");
        }
        if (trainer == null) {
            throw new IllegalArgumentException("trainer must not be null");
        }
        if (data == null || data.rank() != 2) {
            throw new IllegalArgumentException("data must be a matrix [n, nv]");
        }
        INDArray input = RbmOps.rows(data, (int) data.columns(), "data");
        List<BernoulliRbm> trained = new ArrayList<>();
        List<Table> hist = new ArrayList<>();
        for (int l = 0; l < hiddenSizes.length; l++) {
            RbmOps.requirePositive(hiddenSizes[l], "hiddenSizes[" + l + "]");
            BernoulliRbm init = BernoulliRbm.random((int) input.columns(), hiddenSizes[l], INIT_WEIGHT_STD,
                    trainer.seed() + l).initVisibleBiasFromData(input);
            TrainingResult r = trainer.train(init, input, listener);
            trained.add(r.model());
            hist.add(r.history().setName("layer " + (l + 1)));
            if (l + 1 < hiddenSizes.length) {
                input = r.model().hiddenProbabilities(input);
            }
        }
        return new DeepBeliefNetwork(trained, hist);
    }

    /**
     * Returns the layers from the bottom up.
     *
     * @return An unmodifiable list of the (live) models.
     */
    public List<BernoulliRbm> layers() {
        return layers;
    }

    /**
     * Returns the training histories of {@link #trainGreedy}, one per layer (empty for a DBN built from layers).
     *
     * @return An unmodifiable list of tables.
     */
    public List<Table> histories() {
        return histories;
    }

    /**
     * Returns the number of layers.
     *
     * @return The number of RBMs.
     */
    public int depth() {
        return layers.size();
    }

    /**
     * Computes the top layer's features by a deterministic up pass: each layer's p(h|v) feeds the next.
     *
     * @param v Data, [n, nv of layer 1]. Not modified.
     * @return A new [n, nh of the top layer] matrix of probabilities.
     */
    public INDArray features(INDArray v) {
        INDArray x = v;
        for (BernoulliRbm rbm : layers) {
            x = rbm.hiddenProbabilities(x);
        }
        return x;
    }

    /**
     * Samples from the DBN: Gibbs sampling in the top RBM, then one pass down.
     *
     * <p>The top RBM's chains start from independent Bernoulli draws with its visible units' bias probabilities
     * sigmoid(b), run {@code gibbsSteps} steps, and are then sampled once more; every lower layer samples its
     * visible units from p(v|h) given the sample above, except the bottom layer, which returns p(v|h) itself
     * (smoother images).
     *
     * @param n The number of samples, &gt; 0.
     * @param gibbsSteps Gibbs steps in the top RBM, &gt;= 0.
     * @param seed The seed.
     * @return A new [n, nv of layer 1] matrix of probabilities.
     */
    public INDArray sample(int n, int gibbsSteps, long seed) {
        RbmOps.requirePositive(n, "n");
        if (gibbsSteps < 0) {
            throw new IllegalArgumentException("gibbsSteps must be >= 0, found " + gibbsSteps);
        }
        BernoulliRbm top = layers.get(layers.size() - 1);
        return RbmOps.withRandom(seed, rng -> {
            INDArray start = RbmOps.sigmoidInPlace(top.visibleBias().reshape(1, top.visibleSize())
                    .broadcast(n, top.visibleSize()).dup('c'));
            INDArray state = RbmOps.bernoulli(start, start, rng);
            INDArray p = top.gibbsChain(state, gibbsSteps, rng.nextLong());
            if (layers.size() == 1) {
                return p;
            }
            INDArray h = RbmOps.bernoulli(p, Nd4j.create(DataType.FLOAT, p.shape(), 'c'), rng);
            for (int l = layers.size() - 2; l >= 0; l--) {
                INDArray probs = layers.get(l).visibleProbabilities(h);
                if (l == 0) {
                    return probs;
                }
                h = RbmOps.bernoulli(probs, probs, rng);
            }
            throw new IllegalStateException("unreachable");
        });
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DeepBeliefNetwork[");
        for (int i = 0; i < layers.size(); i++) {
            s.append(i == 0 ? "" : " -> ").append(layers.get(i).visibleSize());
        }
        return s.append(" -> ").append(layers.get(layers.size() - 1).hiddenSize()).append("]").toString();
    }
}
