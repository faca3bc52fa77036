package org.ebmjava.coop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ebmjava.ebm.NegativeSource;
import org.ebmjava.neural.Mlp;
import org.ebmjava.neural.Optimizer;
import org.ebmjava.sampling.BatchOps;

/**
 * Cooperative training (CoopNets, Xie et al., 2018) as a source of Langevin starting points for
 * {@code ebm.MaximumLikelihoodTrainer}: a generator proposes, the energy model revises the proposals by Langevin,
 * and the generator learns from the revisions.
 *
 * <p>Per training iteration, with a generator g: R<sup>k</sup> &rarr; R<sup>d</sup> (an engine {@link Mlp}):
 * <pre>
 *   z_i ~ N(0, I_k),   x&#771;_i = g(z_i)                     {@link #starts}: the chains start at the proposals
 *   x&#770;_i = K Langevin steps on E from x&#771;_i              (done by the trainer's sampler)
 *   EBM step on  mean E(data) - mean E(x&#770;)                 (done by the trainer)
 *   generator step on  L_g = (1/2n) &Sigma;_i |x&#770;_i - g(z_i)|^2,   &part;L_g/&part;g(z_i) = (g(z_i) - x&#770;_i)/n   {@link #keep}
 * </pre>
 * The generator regresses the revised samples on the latent codes that produced them ("MCMC teaching"): it learns
 * to jump to where Langevin would have taken it, so the EBM's chains start closer to its modes and fewer steps are
 * needed. This is the simplified form without the original paper's Langevin inference of z for the revised samples.
 * Proposals can be clamped to a box (e.g. [0, 1] for images). {@link #teachingLosses()} records
 * (1/n) &Sigma;<sub>i</sub> |x&#770;<sub>i</sub> - g(z<sub>i</sub>)|<sup>2</sup> / d per iteration: how far Langevin
 * still moves the proposals.
 *
 * <p>{@link #keep} must receive the revisions of the last {@link #starts} batch (same row count), as the trainer
 * does. Shares the generator and the optimiser; not thread-safe.
 *
 * <pre>
 * Reference: J. Xie, Y. Lu, R. Gao, S.-C. Zhu and Y. N. Wu, "Cooperative Training of Descriptor and Generator
 * Networks", IEEE TPAMI 42(1), 2018 (arXiv:1609.09408).
 * </pre>
 */
public final class GeneratorNegatives implements NegativeSource {

    private final Mlp generator;
    private final Optimizer optimizer;
    private final int latent;
    private final int d;
    private double lo = Double.NEGATIVE_INFINITY;
    private double hi = Double.POSITIVE_INFINITY;
    private float[] z;
    private float[] proposals;
    private float[] outGrad;
    private int rows;
    private final List<Double> losses = new ArrayList<>();

    /**
     * Creates the source.
     *
     * @param generator g: R<sup>k</sup> &rarr; R<sup>d</sup>, no embedding. Trained in place.
     * @param optimizer The generator's optimiser (e.g. {@code new Adam(1e-3)}), used only for the generator.
     * @throws IllegalArgumentException If an argument is null or the generator has an embedding.
     */
    public GeneratorNegatives(Mlp generator, Optimizer optimizer) {
        if (generator == null || optimizer == null) {
            throw new IllegalArgumentException("generator, optimizer: expected both, found " + generator + ", "
                    + optimizer);
        }
        if (generator.embedding() != null) {
            throw new IllegalArgumentException("generator: expected no level embedding, found "
                    + generator.architecture());
        }
        this.generator = generator;
        this.optimizer = optimizer;
        this.latent = generator.inputDim();
        this.d = generator.outputDim();
    }

    /**
     * Clamps the proposals to a box.
     *
     * @param lo The lower edge, finite.
     * @param hi The upper edge, finite, &gt; lo.
     * @return This source.
     * @throws IllegalArgumentException If the box is empty or not finite.
     */
    public GeneratorNegatives clampTo(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException("lo, hi: expected finite lo < hi, found lo = " + lo + ", hi = " + hi);
        }
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    @Override
    public int dimension() {
        return d;
    }

    /**
     * Returns the generator.
     *
     * @return The generator (shared).
     */
    public Mlp generator() {
        return generator;
    }

    /**
     * Draws m proposals g(z), z ~ N(0, I), and remembers z for the teaching step.
     *
     * @param m The number of proposals, &ge; 1.
     * @param rng The random source. Modified.
     * @return A new m&middot;d array.
     * @throws IllegalArgumentException If m &lt; 1 or rng is null.
     */
    @Override
    public float[] starts(int m, RandomGenerator rng) {
        BatchOps.requireAtLeast(m, 1, "m");
        BatchOps.requireRng(rng);
        z = new float[m * latent];
        for (int q = 0; q < z.length; q++) {
            z[q] = (float) rng.nextGaussian();
        }
        proposals = new float[m * d];
        generator.output(z, null, m, proposals);
        for (int q = 0; q < proposals.length; q++) {
            proposals[q] = (float) Math.min(Math.max(proposals[q], lo), hi);
        }
        rows = m;
        return proposals.clone();
    }

    /**
     * Takes one generator step towards the revised samples of the last batch.
     *
     * @param revised The revisions x&#770; of the last {@link #starts} batch, m&middot;d floats. Not modified.
     * @throws IllegalArgumentException If no batch was drawn or the length differs.
     */
    @Override
    public void keep(float[] revised) {
        if (z == null) {
            throw new IllegalArgumentException("revised: expected the revisions of a batch from starts(), but no "
                    + "batch was drawn");
        }
        if (revised == null || revised.length != rows * d) {
            throw new IllegalArgumentException("revised: expected " + rows * d + " floats (the last batch of "
                    + rows + "), found " + (revised == null ? "null" : revised.length));
        }
        float[] out = new float[rows * d];
        generator.output(z, null, rows, out);
        if (outGrad == null || outGrad.length != rows * d) {
            outGrad = new float[rows * d];
        }
        double se = 0.0;
        for (int q = 0; q < out.length; q++) {
            double diff = out[q] - revised[q];
            se += diff * diff;
            outGrad[q] = (float) (diff / rows);
        }
        losses.add(se / rows / d);
        generator.zeroGradients();
        generator.accumulateGradient(z, null, rows, outGrad);
        optimizer.step(generator);
        z = null;
    }

    /**
     * Returns the teaching loss of every {@link #keep} so far: the mean squared distance per coordinate between the
     * revisions and the generator's output before its step.
     *
     * @return An unmodifiable list, oldest first.
     */
    public List<Double> teachingLosses() {
        return Collections.unmodifiableList(new ArrayList<>(losses));
    }

    @Override
    public String toString() {
        return "GeneratorNegatives[" + generator.architecture() + "]";
    }
}
