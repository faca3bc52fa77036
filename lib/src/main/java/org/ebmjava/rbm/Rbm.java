package org.ebmjava.rbm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * What every RBM of this package shares: the parameters W (nv x nh), b (visible) and c (hidden), the provenance
 * record, and the hidden conditional p(h<sub>j</sub> = 1 | v) = sigmoid(c<sub>j</sub> + (v W)<sub>j</sub>), which is
 * the same for binary and for unit-variance Gaussian visible units.
 *
 * <p>The two kinds, {@link BernoulliRbm} and {@link GaussianBernoulliRbm}, differ in the visible conditional, the
 * energy and the free energy.
 */
public abstract sealed class Rbm permits BernoulliRbm, GaussianBernoulliRbm {
    final RbmParams params;
    RbmIo.Provenance provenance;

    Rbm(RbmParams params, RbmIo.Provenance provenance) {
        this.params = params;
        this.provenance = provenance;
    }

    /**
     * Returns the number of visible units.
     *
     * @return nv.
     */
    public int visibleSize() {
        return params.nv;
    }

    /**
     * Returns the number of hidden units.
     *
     * @return nh.
     */
    public int hiddenSize() {
        return params.nh;
    }

    /**
     * Returns the weights W (the model's own array, not a copy).
     *
     * @return The float32 C-order matrix [nv, nh]; writing into it changes the model.
     */
    public INDArray weights() {
        return params.w;
    }

    /**
     * Returns the visible bias b (the model's own array, not a copy).
     *
     * @return The float32 vector [nv]; writing into it changes the model.
     */
    public INDArray visibleBias() {
        return params.b;
    }

    /**
     * Returns the hidden bias c (the model's own array, not a copy).
     *
     * @return The float32 vector [nh]; writing into it changes the model.
     */
    public INDArray hiddenBias() {
        return params.c;
    }

    /**
     * Returns where this model came from: seed, hyperparameters, data source and library version.
     *
     * @return The provenance recorded by the trainer or loader.
     */
    public RbmIo.Provenance provenance() {
        return provenance;
    }

    /**
     * Computes p(h<sub>j</sub> = 1 | v) = sigmoid(c<sub>j</sub> + (v W)<sub>j</sub>) for every row of v.
     *
     * @param v Visible states or probabilities, [n, nv]. Not modified.
     * @return A new [n, nh] float32 matrix of probabilities.
     */
    public INDArray hiddenProbabilities(INDArray v) {
        return params.hiddenProbabilities(v);
    }

    /**
     * Samples h ~ p(h | v) for every row of v.
     *
     * @param v Visible states, [n, nv]. Not modified.
     * @param seed The seed of the draw.
     * @return A new [n, nh] matrix of 0/1 values.
     */
    public INDArray sampleHidden(INDArray v, long seed) {
        return RbmOps.withRandom(seed, rng -> sampleHidden(v, rng));
    }

    /**
     * Samples h ~ p(h | v) for every row of v with a caller's generator (for chains).
     *
     * @param v Visible states, [n, nv]. Not modified.
     * @param rng The generator, e.g. from {@link RbmOps#newRandom(long)}. Advanced.
     * @return A new [n, nh] matrix of 0/1 values.
     */
    public INDArray sampleHidden(INDArray v, Random rng) {
        INDArray p = hiddenProbabilities(v);
        return RbmOps.bernoulli(p, p, rng);
    }
}
