package org.ebmjava.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A restricted Boltzmann machine with real-valued, unit-variance Gaussian visible units and binary hidden units.
 *
 * <p>Energy (lower is more probable), for v in R<sup>nv</sup> and h in {0,1}<sup>nh</sup>, in the convention of
 * Hinton's practical guide with all visible standard deviations fixed to 1 (standardise the data first):
 * <pre>
 *   E(v, h) = |v - b|^2 / 2 - c.h - v W h
 *   p(h_j = 1 | v) = sigmoid(c_j + (v W)_j)
 *   p(v | h)       = N(b + W h, I)
 *   F(v) = |v - b|^2 / 2 - &sum;_j softplus(c_j + (v W)_j)
 *   log Z = (nv/2) log(2 pi) + log &sum;_h exp(c.h + b.(W h) + |W h|^2 / 2)
 * </pre>
 * (the last line is the Gaussian integral over v for each h; see {@link ExactPartition#logPartition(
 * GaussianBernoulliRbm)}). Batches, ownership and threading are as in {@link BernoulliRbm}.
 *
 * <pre>
 * G. E. Hinton, "A practical guide to training restricted Boltzmann machines", UTML TR 2010-003, 2010,
 * section 13.2.
 * </pre>
 */
public final class GaussianBernoulliRbm extends Rbm {
    GaussianBernoulliRbm(RbmParams params, RbmIo.Provenance provenance) {
        super(params, provenance);
    }

    /**
     * Creates a Gaussian-Bernoulli RBM with Gaussian random weights and zero biases.
     *
     * @param nv The number of visible units, &gt; 0.
     * @param nh The number of hidden units, &gt; 0.
     * @param weightStd The standard deviation of the initial weights, finite and &gt;= 0.
     * @param seed The seed of the weights.
     * @return A new RBM.
     */
    public static GaussianBernoulliRbm random(int nv, int nh, double weightStd, long seed) {
        return new GaussianBernoulliRbm(RbmParams.random(nv, nh, weightStd, seed),
                RbmIo.Provenance.of(seed, "random init, weightStd=" + weightStd, "none"));
    }

    /**
     * Creates a Gaussian-Bernoulli RBM from given parameters (copied).
     *
     * @param weights W, shape [nv, nh]. Not modified.
     * @param visibleBias b (the visible means when h = 0), length nv. Not modified.
     * @param hiddenBias c, length nh. Not modified.
     * @return A new RBM.
     */
    public static GaussianBernoulliRbm of(INDArray weights, INDArray visibleBias, INDArray hiddenBias) {
        return new GaussianBernoulliRbm(RbmParams.copyOf(weights, visibleBias, hiddenBias),
                RbmIo.Provenance.of(0L, "given parameters", "none"));
    }

    /**
     * Sets the visible bias to the data's per-unit means (the maximum-likelihood b when W = 0).
     *
     * @param data The data, [n, nv], n &gt; 0. Not modified.
     * @return This RBM (modified in place).
     */
    public GaussianBernoulliRbm initVisibleBiasFromData(INDArray data) {
        INDArray d = RbmOps.rows(data, params.nv, "data");
        if (d.rows() == 0) {
            throw new IllegalArgumentException("data must have at least one row, found 0");
        }
        params.b.assign(d.mean(0).reshape(params.nv));
        return this;
    }

    /**
     * Returns a deep copy.
     *
     * @return A new RBM with copied parameters.
     */
    public GaussianBernoulliRbm copy() {
        return new GaussianBernoulliRbm(params.copy(), provenance);
    }

    /**
     * Replaces the provenance record.
     *
     * @param provenance The new record, not null.
     * @return This RBM.
     */
    public GaussianBernoulliRbm withProvenance(RbmIo.Provenance provenance) {
        if (provenance == null) {
            throw new IllegalArgumentException("provenance must not be null");
        }
        this.provenance = provenance;
        return this;
    }

    /**
     * Computes the conditional mean E[v | h] = b + W h of the Gaussian visible units.
     *
     * @param h Hidden states or probabilities, [n, nh]. Not modified.
     * @return A new [n, nv] float32 matrix.
     */
    public INDArray visibleMean(INDArray h) {
        return params.visibleInput(h);
    }

    /**
     * Samples v ~ N(b + W h, I).
     *
     * @param h Hidden states, [n, nh]. Not modified.
     * @param seed The seed.
     * @return A new [n, nv] float32 matrix.
     */
    public INDArray sampleVisible(INDArray h, long seed) {
        return RbmOps.withRandom(seed, rng -> sampleVisible(h, rng));
    }

    /**
     * Samples v ~ N(b + W h, I) with a caller's generator.
     *
     * @param h Hidden states, [n, nh]. Not modified.
     * @param rng The generator. Advanced.
     * @return A new [n, nv] float32 matrix.
     */
    public INDArray sampleVisible(INDArray h, Random rng) {
        INDArray mean = visibleMean(h);
        INDArray noise = Nd4j.create(DataType.FLOAT, mean.shape(), 'c');
        Nd4j.getExecutioner().exec(new GaussianDistribution(noise, 0.0, 1.0), rng);
        return mean.addi(noise);
    }

    /**
     * Computes F(v) = |v - b|<sup>2</sup>/2 - &sum;<sub>j</sub> softplus(c<sub>j</sub> + (v W)<sub>j</sub>) per row,
     * so that the density is p(v) = exp(-F(v)) / Z.
     *
     * @param v Visible values, [n, nv]. Not modified.
     * @return A new [n] float64 vector (F, not -F), in nats.
     */
    public INDArray freeEnergy(INDArray v) {
        INDArray x = RbmOps.rows(v, params.nv, "v");
        return quadratic(x).subi(params.hiddenSoftplusSum(x));
    }

    /**
     * Computes E(v, h) = |v - b|<sup>2</sup>/2 - c.h - v W h for one row each.
     *
     * @param v One visible row. Not modified.
     * @param h One hidden row. Not modified.
     * @return E (not -E).
     */
    public double energy(INDArray v, INDArray h) {
        INDArray e = energies(v, h);
        if (e.length() != 1) {
            throw new IllegalArgumentException("energy takes one row each, found " + e.length()
                    + " rows; use energies for batches");
        }
        return e.getDouble(0);
    }

    /**
     * Computes E(v<sub>r</sub>, h<sub>r</sub>) per row pair.
     *
     * @param v Visible rows, [n, nv]. Not modified.
     * @param h Hidden rows, [n, nh]. Not modified.
     * @return A new [n] float64 vector (E, not -E).
     */
    public INDArray energies(INDArray v, INDArray h) {
        INDArray x = RbmOps.rows(v, params.nv, "v");
        return quadratic(x).subi(params.hiddenTerms(x, h));
    }

    /**
     * Computes the mean squared error of one mean-field pass v &rarr; p(h|v) &rarr; b + W p(h|v).
     *
     * @param v Data, [n, nv], n &gt; 0. Not modified.
     * @return The mean squared error per unit.
     */
    public double reconstructionError(INDArray v) {
        INDArray x = RbmOps.rows(v, params.nv, "v");
        if (x.rows() == 0) {
            throw new IllegalArgumentException("v must have at least one row, found 0");
        }
        return visibleMean(hiddenProbabilities(x)).squaredDistance(x) / x.length();
    }

    private INDArray quadratic(INDArray x) {
        INDArray d = x.castTo(DataType.DOUBLE).subiRowVector(params.b.castTo(DataType.DOUBLE));
        return d.muli(d).sum(1).muli(0.5);
    }

    @Override
    public String toString() {
        return "GaussianBernoulliRbm[" + params.describe() + "]";
    }
}
