package org.ebmjava.coop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.DivergenceGuard;
import org.ebmjava.neural.Mlp;
import org.ebmjava.sampling.BatchOps;

/**
 * Trains an energy-based GAN (Zhao, Mathieu and LeCun, 2017): an autoencoder discriminator
 * ({@link AutoencoderEnergy}) and a generator x = &sigma;(g(z)), z ~ N(0, I), alternating one step each.
 *
 * <p>Per iteration, with batches of n data images and n latent codes:
 * <pre>
 *   discriminator:  L_D = mean_i D(x_i) + mean_j [m - D(G(z_j))]^+                 (EbganLoss.discriminatorLoss)
 *   generator:      L_G = mean_j D(G(z_j)) + &lambda; f_PT(enc(G(z)))                (fresh z, EbganLoss.pullAway)
 *   &part;L_G/&part;G(z_j) = (1/n) &nabla;_x D(G(z_j)) + &lambda; J_enc(G(z_j))^T &part;f_PT/&part;s_j
 *   &part;L_G/&part;g(z_j) = &part;L_G/&part;G(z_j) &#8857; G(z_j)(1 - G(z_j))                     (sigmoid output)
 * </pre>
 * each followed by an Adam step on that player's parameters (one optimiser per network). The sigmoid keeps
 * generated pixels in (0, 1), like the data; {@link #sigmoidOutput(boolean)} turns it off for unbounded data (then
 * G = g). &lambda; = 0 disables the pull-away term, to show what it prevents (mode collapse). A divergence guard
 * stops non-finite losses with a named exception.
 *
 * <pre>
 * Reference: J. Zhao, M. Mathieu and Y. LeCun, "Energy-based Generative Adversarial Network", ICLR 2017.
 * </pre>
 */
public final class EbganTrainer {

    private int batchSize = 64;
    private double margin = 1.0;
    private double pullAwayWeight = 0.1;
    private double learningRate = 1e-3;
    private boolean sigmoid = true;
    private long seed = 1;

    /** Creates a trainer (batch 64, margin 1, &lambda; = 0.1, Adam 1e-3 with &beta;<sub>1</sub> = 0.5). */
    public EbganTrainer() {}

    /**
     * Sets the batch size n.
     *
     * @param n &ge; 2 (the pull-away term compares pairs).
     * @return This trainer.
     * @throws IllegalArgumentException If n &lt; 2.
     */
    public EbganTrainer batchSize(int n) {
        this.batchSize = BatchOps.requireAtLeast(n, 2, "batchSize");
        return this;
    }

    /**
     * Sets the margin m.
     *
     * @param m Finite, &gt; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If m is not positive.
     */
    public EbganTrainer margin(double m) {
        this.margin = BatchOps.requirePositive(m, "margin");
        return this;
    }

    /**
     * Sets &lambda;, the weight of the pull-away term (0: off).
     *
     * @param lambda Finite, &ge; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If lambda is negative.
     */
    public EbganTrainer pullAwayWeight(double lambda) {
        this.pullAwayWeight = BatchOps.requireNonNegative(lambda, "pullAwayWeight");
        return this;
    }

    /**
     * Sets Adam's learning rate (both players; &beta;<sub>1</sub> = 0.5, &beta;<sub>2</sub> = 0.999 as in DCGAN).
     *
     * @param lr &gt; 0.
     * @return This trainer.
     * @throws IllegalArgumentException If lr is not positive.
     */
    public EbganTrainer learningRate(double lr) {
        this.learningRate = BatchOps.requirePositive(lr, "learningRate");
        return this;
    }

    /**
     * Chooses whether the generator's output passes through a sigmoid (default true).
     *
     * @param on True for G = &sigma;(g).
     * @return This trainer.
     */
    public EbganTrainer sigmoidOutput(boolean on) {
        this.sigmoid = on;
        return this;
    }

    /**
     * Sets the seed of the batch order and the latent codes.
     *
     * @param seed The seed.
     * @return This trainer.
     */
    public EbganTrainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Returns generated samples G(z) for the given codes.
     *
     * @param generator g: R<sup>k</sup> &rarr; R<sup>d</sup>. Not modified.
     * @param z n&middot;k codes. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return A new n&middot;d array.
     */
    public float[] generate(Mlp generator, float[] z, int n) {
        float[] x = new float[n * generator.outputDim()];
        generator.output(z, null, n, x);
        if (sigmoid) {
            for (int q = 0; q < x.length; q++) {
                x[q] = (float) (1.0 / (1.0 + Math.exp(-x[q])));
            }
        }
        return x;
    }

    /**
     * Computes L<sub>G</sub> for fixed codes and adds &nabla;<sub>&theta;<sub>g</sub></sub>L<sub>G</sub> to the
     * generator's gradients (the discriminator's gradients are left alone).
     *
     * @param discriminator The autoencoder energy. Evaluated.
     * @param generator The generator. Its gradients are accumulated.
     * @param z n&middot;k codes. Not modified.
     * @param n The number of rows, &ge; 2 when &lambda; &gt; 0.
     * @param pullAwayOut Receives f<sub>PT</sub> in entry 0 (NaN when &lambda; = 0), or null. Modified.
     * @return L<sub>G</sub>.
     */
    public double accumulateGeneratorGradient(AutoencoderEnergy discriminator, Mlp generator, float[] z, int n,
            double[] pullAwayOut) {
        int d = generator.outputDim();
        float[] x = generate(generator, z, n);
        float[] e = new float[n];
        float[] grad = new float[n * d];
        discriminator.evaluate(x, n, e, grad);
        double loss = 0.0;
        for (int i = 0; i < n; i++) {
            loss += e[i] / (double) n;
        }
        for (int q = 0; q < grad.length; q++) {
            grad[q] /= n;
        }
        double pt = Double.NaN;
        if (pullAwayWeight > 0) {
            int h = discriminator.codeDimension();
            float[] codes = discriminator.codes(x, n);
            float[] codeGrad = new float[n * h];
            pt = EbganLoss.pullAway(codes, n, h, codeGrad);
            loss += pullAwayWeight * pt;
            for (int q = 0; q < codeGrad.length; q++) {
                codeGrad[q] *= (float) pullAwayWeight;
            }
            float[] viaCodes = new float[n * d];
            discriminator.codeGradientToInput(x, n, codeGrad, viaCodes);
            for (int q = 0; q < grad.length; q++) {
                grad[q] += viaCodes[q];
            }
        }
        if (sigmoid) {
            for (int q = 0; q < grad.length; q++) {
                grad[q] *= x[q] * (1f - x[q]);
            }
        }
        generator.accumulateGradient(z, null, n, grad);
        if (pullAwayOut != null) {
            pullAwayOut[0] = pt;
        }
        return loss;
    }

    /**
     * Trains both players in place.
     *
     * @param discriminator The autoencoder energy (its encoder and decoder are trained).
     * @param generator g: R<sup>k</sup> &rarr; R<sup>d</sup>, d the data dimension (trained).
     * @param data N &ge; batchSize rows of d finite floats. Not modified.
     * @param iterations &ge; 1.
     * @param listener Called after every iteration, or null.
     * @return The statistics of every iteration.
     * @throws IllegalArgumentException On a bad argument (named).
     * @throws org.ebmjava.rbm.TrainingDivergedException If a loss becomes non-finite.
     */
    public List<EbganStats> train(AutoencoderEnergy discriminator, Mlp generator, float[] data, int iterations,
            Consumer<EbganStats> listener) {
        if (discriminator == null || generator == null) {
            throw new IllegalArgumentException("discriminator, generator: expected both, found " + discriminator
                    + ", " + generator);
        }
        int d = discriminator.dimension();
        if (generator.outputDim() != d) {
            throw new IllegalArgumentException("generator: expected output dimension " + d
                    + " (the discriminator's), found " + generator.outputDim());
        }
        int rows = BatchOps.rows(data, d, "data");
        BatchOps.requireFinite(data, "data");
        if (rows < batchSize) {
            throw new IllegalArgumentException("data: expected at least batchSize = " + batchSize + " rows, found "
                    + rows);
        }
        BatchOps.requireAtLeast(iterations, 1, "iterations");
        RandomGenerator rng = new SplittableRandom(seed);
        Adam encAdam = new Adam(learningRate, 0.5, 0.999, 1e-8);
        Adam decAdam = new Adam(learningRate, 0.5, 0.999, 1e-8);
        Adam genAdam = new Adam(learningRate, 0.5, 0.999, 1e-8);
        DivergenceGuard guard = new DivergenceGuard("EBGAN loss", Double.MAX_VALUE);
        int n = batchSize;
        int k = generator.inputDim();
        float[] real = new float[n * d];
        float[] z = new float[n * k];
        float[] eReal = new float[n];
        float[] eFake = new float[n];
        float[] wReal = new float[n];
        float[] wFake = new float[n];
        double[] pt = new double[1];
        List<EbganStats> history = new ArrayList<>(iterations);
        long start = System.nanoTime();
        for (int it = 1; it <= iterations; it++) {
            for (int r = 0; r < n; r++) {
                System.arraycopy(data, rng.nextInt(rows) * d, real, r * d, d);
            }
            fillGaussian(z, rng);
            float[] fake = generate(generator, z, n);
            discriminator.evaluate(real, n, eReal, null);
            discriminator.evaluate(fake, n, eFake, null);
            double lossD = EbganLoss.discriminatorLoss(eReal, eFake, margin, wReal, wFake);
            guard.check(it, lossD);
            discriminator.encoder().zeroGradients();
            discriminator.decoder().zeroGradients();
            discriminator.accumulateGradient(real, n, wReal);
            discriminator.accumulateGradient(fake, n, wFake);
            encAdam.step(discriminator.encoder());
            decAdam.step(discriminator.decoder());

            fillGaussian(z, rng);
            generator.zeroGradients();
            double lossG = accumulateGeneratorGradient(discriminator, generator, z, n, pt);
            guard.check(it, lossG);
            genAdam.step(generator);
            EbganStats stats = new EbganStats(it, lossD, mean(eReal), mean(eFake), lossG, pt[0],
                    (System.nanoTime() - start) * 1e-9);
            history.add(stats);
            if (listener != null) {
                listener.accept(stats);
            }
        }
        return history;
    }

    private static void fillGaussian(float[] z, RandomGenerator rng) {
        for (int q = 0; q < z.length; q++) {
            z[q] = (float) rng.nextGaussian();
        }
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    @Override
    public String toString() {
        return "EbganTrainer[batch=" + batchSize + ", m=" + margin + ", lambda=" + pullAwayWeight + ", lr="
                + learningRate + ", sigmoid=" + sigmoid + ", seed=" + seed + "]";
    }
}
