package org.ebmjava.rbm;

import org.ebmjava.NativeMemory;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A restricted Boltzmann machine with binary visible and binary hidden units.
 *
 * <p>Energy (lower is more probable), for v in {0,1}<sup>nv</sup> and h in {0,1}<sup>nh</sup>:
 * <pre>
 *   E(v, h) = -b.v - c.h - v W h,        p(v, h) = exp(-E(v, h)) / Z
 * </pre>
 * with weights W [nv, nh], visible bias b [nv] and hidden bias c [nh]. Summing out h gives the free energy
 * <pre>
 *   F(v) = -b.v - &sum;_j softplus(c_j + (v W)_j),     p(v) = exp(-F(v)) / Z,   softplus(x) = log(1 + e^x)
 * </pre>
 * and the conditionals factorise: p(h<sub>j</sub>=1|v) = sigmoid(c<sub>j</sub> + (v W)<sub>j</sub>),
 * p(v<sub>i</sub>=1|h) = sigmoid(b<sub>i</sub> + (W h)<sub>i</sub>).
 *
 * <p>Batches are float32 matrices with one sample per row ([n, nv] or [n, nh]); a rank-1 vector counts as one
 * row. Inputs are never modified; results are new arrays. The parameter accessors return the model's own
 * arrays (not copies): writing into them changes the model, which is how {@link RbmTrainer} and notebook
 * experiments update it. Not thread-safe.
 *
 * <pre>
 * G. E. Hinton, "Training products of experts by minimizing contrastive divergence",
 * Neural Computation 14(8), 2002.
 * G. E. Hinton, "A practical guide to training restricted Boltzmann machines", UTML TR 2010-003, 2010.
 * </pre>
 */
public final class BernoulliRbm extends Rbm {
    /** The clip on data marginals used by {@link #initVisibleBiasFromData}: p is kept in [1e-3, 1 - 1e-3]. */
    public static final double MARGINAL_CLIP = 1e-3;

    BernoulliRbm(RbmParams params, RbmIo.Provenance provenance) {
        super(params, provenance);
    }

    /**
     * Creates an RBM with Gaussian random weights and zero biases.
     *
     * <p>Hinton's guide suggests weightStd = 0.01 for MNIST-sized models.
     *
     * @param nv The number of visible units, &gt; 0.
     * @param nh The number of hidden units, &gt; 0.
     * @param weightStd The standard deviation of the initial weights W<sub>ij</sub> ~ N(0, weightStd<sup>2</sup>),
     *     finite and &gt;= 0.
     * @param seed The seed of the weights.
     * @return A new RBM whose provenance records the seed.
     * @throws IllegalArgumentException If a size is not positive or weightStd is negative or not finite.
     */
    public static BernoulliRbm random(int nv, int nh, double weightStd, long seed) {
        return new BernoulliRbm(RbmParams.random(nv, nh, weightStd, seed),
                RbmIo.Provenance.of(seed, "random init, weightStd=" + weightStd, "none"));
    }

    /**
     * Creates an RBM from given parameters (copied).
     *
     * @param weights W, shape [nv, nh]. Not modified.
     * @param visibleBias b, length nv. Not modified.
     * @param hiddenBias c, length nh. Not modified.
     * @return A new RBM.
     * @throws IllegalArgumentException If the shapes do not agree.
     */
    public static BernoulliRbm of(INDArray weights, INDArray visibleBias, INDArray hiddenBias) {
        return new BernoulliRbm(RbmParams.copyOf(weights, visibleBias, hiddenBias),
                RbmIo.Provenance.of(0L, "given parameters", "none"));
    }

    /**
     * Sets the visible bias to the log-odds of the data's per-unit means, b<sub>i</sub> = log(p<sub>i</sub> / (1 -
     * p<sub>i</sub>)), with p<sub>i</sub> clipped to [{@link #MARGINAL_CLIP}, 1 - {@link #MARGINAL_CLIP}].
     *
     * <p>With W = 0 this makes the model's visible marginals equal the data's, Hinton's recommended start.
     *
     * @param data The data, [n, nv] with values in [0, 1], n &gt; 0. Not modified.
     * @return This RBM (modified in place), for chaining.
     * @throws IllegalArgumentException If data is empty or has the wrong width.
     */
    public BernoulliRbm initVisibleBiasFromData(INDArray data) {
        params.b.assign(RbmOps.logOddsOfMeans(data, params.nv, MARGINAL_CLIP));
        return this;
    }

    /**
     * Returns a deep copy (parameters and provenance).
     *
     * @return A new RBM with copied parameters.
     */
    public BernoulliRbm copy() {
        return new BernoulliRbm(params.copy(), provenance);
    }

    /**
     * Replaces the provenance record (kept with the model and written by {@link RbmIo#save}).
     *
     * @param provenance The new record, not null.
     * @return This RBM, for chaining.
     */
    public BernoulliRbm withProvenance(RbmIo.Provenance provenance) {
        if (provenance == null) {
            throw new IllegalArgumentException("provenance must not be null");
        }
        this.provenance = provenance;
        return this;
    }

    /**
     * Computes p(v<sub>i</sub> = 1 | h) = sigmoid(b<sub>i</sub> + (h W<sup>T</sup>)<sub>i</sub>) for every row of h.
     *
     * @param h Hidden states or probabilities, [n, nh]. Not modified.
     * @return A new [n, nv] float32 matrix of probabilities.
     */
    public INDArray visibleProbabilities(INDArray h) {
        return RbmOps.sigmoidInPlace(params.visibleInput(h));
    }

    /**
     * Samples v ~ p(v | h) for every row of h.
     *
     * @param h Hidden states, [n, nh]. Not modified.
     * @param seed The seed of the draw.
     * @return A new [n, nv] matrix of 0/1 values.
     */
    public INDArray sampleVisible(INDArray h, long seed) {
        return RbmOps.withRandom(seed, rng -> sampleVisible(h, rng));
    }

    /**
     * Samples v ~ p(v | h) for every row of h with a caller's generator (for chains).
     *
     * @param h Hidden states, [n, nh]. Not modified.
     * @param rng The generator. Advanced.
     * @return A new [n, nv] matrix of 0/1 values.
     */
    public INDArray sampleVisible(INDArray h, Random rng) {
        INDArray p = visibleProbabilities(h);
        return RbmOps.bernoulli(p, p, rng);
    }

    /**
     * Computes the free energy F(v) = -b.v - &sum;<sub>j</sub> softplus(c<sub>j</sub> + (v W)<sub>j</sub>) of every
     * row, so that p(v) = exp(-F(v)) / Z.
     *
     * <p>Returns F, not -F; lower free energy means more probable. The softplus is evaluated stably (no overflow
     * for large inputs); the row sums are accumulated in double.
     *
     * @param v Visible states (or values in [0, 1]), [n, nv]. Not modified.
     * @return A new [n] float64 vector of free energies, in nats.
     */
    public INDArray freeEnergy(INDArray v) {
        INDArray x = RbmOps.rows(v, params.nv, "v");
        INDArray bv = x.castTo(DataType.DOUBLE).mmul(params.b.castTo(DataType.DOUBLE).reshape(params.nv, 1))
                .reshape(x.rows());
        return bv.addi(params.hiddenSoftplusSum(x)).negi();
    }

    /**
     * Computes the energy E(v, h) = -b.v - c.h - v W h of one visible and one hidden configuration.
     *
     * @param v One visible row, [1, nv] or [nv]. Not modified.
     * @param h One hidden row, [1, nh] or [nh]. Not modified.
     * @return E(v, h) (not -E), in nats.
     * @throws IllegalArgumentException If either argument has more than one row.
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
     * Computes E(v<sub>r</sub>, h<sub>r</sub>) = -b.v<sub>r</sub> - c.h<sub>r</sub> - v<sub>r</sub> W h<sub>r</sub>
     * for every row pair r.
     *
     * @param v Visible rows, [n, nv]. Not modified.
     * @param h Hidden rows, [n, nh]. Not modified.
     * @return A new [n] float64 vector of energies (not -E).
     */
    public INDArray energies(INDArray v, INDArray h) {
        INDArray x = RbmOps.rows(v, params.nv, "v");
        INDArray bv = x.castTo(DataType.DOUBLE).mmul(params.b.castTo(DataType.DOUBLE).reshape(params.nv, 1))
                .reshape(x.rows());
        return bv.addi(params.hiddenTerms(x, h)).negi();
    }

    /**
     * Computes the mean squared error of one mean-field up-down pass: mean over rows and units of
     * (v - p(v | p(h | v)))<sup>2</sup>, where the hidden layer is set to its probabilities (not sampled).
     *
     * <p>Cheap to compute and widely printed during training, but a poor measure of likelihood (Hinton's guide,
     * section 5): use {@link AnnealedImportanceSampling} or {@link ExactPartition} for that.
     *
     * @param v Data, [n, nv], n &gt; 0. Not modified.
     * @return The mean squared error per unit.
     */
    public double reconstructionError(INDArray v) {
        INDArray x = RbmOps.rows(v, params.nv, "v");
        if (x.rows() == 0) {
            throw new IllegalArgumentException("v must have at least one row, found 0");
        }
        INDArray r = visibleProbabilities(hiddenProbabilities(x));
        return r.squaredDistance(x) / x.length();
    }

    /**
     * Runs block Gibbs sampling from v0 and returns the final visible probabilities.
     *
     * <p>Each of the {@code steps} steps draws h ~ p(h|v), then v ~ p(v|h). The result is p(v|h) of the last
     * step (the mean of the last visible sample, which looks smoother than the 0/1 sample itself). With steps =
     * 0 the result is a copy of v0. Rows are independent chains.
     *
     * @param v0 Starting visible states, [n, nv]. Not modified.
     * @param steps The number of Gibbs steps, &gt;= 0.
     * @param seed The seed of the chain.
     * @return A new [n, nv] float32 matrix.
     */
    public INDArray gibbsChain(INDArray v0, int steps, long seed) {
        List<INDArray> snaps = gibbsSnapshots(v0, new int[] {steps}, seed);
        return snaps.get(0);
    }

    /**
     * Runs block Gibbs sampling from v0 and returns the visible probabilities after given numbers of steps.
     *
     * <p>One chain per row of v0, run once up to the largest step count; snapshot i is p(v|h) after
     * {@code atSteps[i]} steps (v0 itself for 0). Useful for strips of samples along a chain.
     *
     * @param v0 Starting visible states, [n, nv]. Not modified.
     * @param atSteps Non-decreasing step counts, each &gt;= 0. Not modified.
     * @param seed The seed of the chain.
     * @return New [n, nv] float32 matrices, one per entry of atSteps.
     * @throws IllegalArgumentException If atSteps is empty, negative or decreasing.
     */
    public List<INDArray> gibbsSnapshots(INDArray v0, int[] atSteps, long seed) {
        if (atSteps == null || atSteps.length == 0) {
            throw new IllegalArgumentException("atSteps must not be empty");
        }
        for (int i = 0; i < atSteps.length; i++) {
            if (atSteps[i] < 0 || i > 0 && atSteps[i] < atSteps[i - 1]) {
                throw new IllegalArgumentException("atSteps must be non-decreasing and >= 0, found "
                        + java.util.Arrays.toString(atSteps));
            }
        }
        INDArray start = RbmOps.rows(v0, params.nv, "v0");
        return RbmOps.withRandom(seed, rng -> {
            INDArray v = start.dup('c');
            INDArray mean = v.dup('c');
            List<INDArray> out = new ArrayList<>();
            int done = 0;
            for (int target : atSteps) {
                for (; done < target; done++) {
                    NativeMemory.collectIfDue();
                    INDArray h = sampleHidden(v, rng);
                    mean = visibleProbabilities(h);
                    v = RbmOps.bernoulli(mean, Nd4j.create(DataType.FLOAT, mean.shape(), 'c'), rng);
                }
                out.add(mean.dup('c'));
            }
            return out;
        });
    }

    @Override
    public String toString() {
        return "BernoulliRbm[" + params.describe() + "]";
    }
}
