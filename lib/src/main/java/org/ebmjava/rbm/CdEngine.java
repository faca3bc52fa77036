package org.ebmjava.rbm;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One contrastive-divergence update on preallocated buffers: the training loop's hot path.
 *
 * <p>Every buffer is allocated once, in the constructor; {@link #step} allocates no native memory. Matrix
 * products go straight to {@code cblas_sgemm} (see {@link BlasOps}); bias terms are written into the output
 * first by a rank-1 product ones<sub>B</sub> c<sup>T</sup> and the main product accumulates onto it (beta = 1),
 * so no separate broadcast-add pass is needed. The momentum update is folded into the gradient products:
 * vel = momentum vel + (lr/B) v0<sup>T</sup> h0 is one {@code sgemm} with beta = momentum, and
 * vel -= (lr/B) v1<sup>T</sup> h1 a second with beta = 1. Bias gradients are {@code sgemv} against a ones vector.
 * The element-wise work left to ND4J is the sigmoid and the Bernoulli (or Gaussian) sampling.
 *
 * <p>Sampling conventions (Hinton's guide, section 3): the hidden states that drive the reconstruction are
 * sampled; the statistics use hidden probabilities; the reconstructed visibles are probabilities (Bernoulli) or
 * means (Gaussian) unless {@code sampleVisibles} is set. PCD always samples visibles, because its negative
 * chain must be a proper Markov chain.
 */
final class CdEngine implements AutoCloseable {
    private final RbmParams p;
    private final boolean gaussian;
    private final int batch;
    private final int nv;
    private final int nh;
    private final int k;
    private final boolean persistent;
    private final boolean sampleVisibles;
    private final Random rng;

    final INDArray h0;
    final INDArray hs;
    final INDArray v1;
    final INDArray h1;
    private final INDArray velW;
    private final INDArray velB;
    private final INDArray velC;
    private final INDArray ones;
    private final INDArray meanV;
    private final INDArray meanH;
    private final INDArray q;
    private final INDArray noise;

    private final FloatPointer pW;
    private final FloatPointer pB;
    private final FloatPointer pC;
    private final FloatPointer pH0;
    private final FloatPointer pHs;
    private final FloatPointer pV1;
    private final FloatPointer pH1;
    private final FloatPointer pVelW;
    private final FloatPointer pVelB;
    private final FloatPointer pVelC;
    private final FloatPointer pOnes;
    private final FloatPointer pMeanV;
    private final FloatPointer pMeanH;
    private final FloatPointer pQ;

    private boolean chainStarted;
    private boolean qStarted;

    CdEngine(RbmParams p, boolean gaussian, int batch, int k, boolean persistent, boolean sampleVisibles, long seed) {
        this.p = p;
        this.gaussian = gaussian;
        this.batch = batch;
        this.nv = p.nv;
        this.nh = p.nh;
        this.k = k;
        this.persistent = persistent;
        this.sampleVisibles = sampleVisibles || persistent;
        this.rng = RbmOps.newRandom(seed);
        h0 = Nd4j.create(DataType.FLOAT, new long[] {batch, nh}, 'c');
        hs = Nd4j.create(DataType.FLOAT, new long[] {batch, nh}, 'c');
        v1 = Nd4j.create(DataType.FLOAT, new long[] {batch, nv}, 'c');
        h1 = Nd4j.create(DataType.FLOAT, new long[] {batch, nh}, 'c');
        velW = Nd4j.zeros(DataType.FLOAT, nv, nh);
        velB = Nd4j.zeros(DataType.FLOAT, nv);
        velC = Nd4j.zeros(DataType.FLOAT, nh);
        ones = Nd4j.ones(DataType.FLOAT, batch);
        meanV = Nd4j.zeros(DataType.FLOAT, nv);
        meanH = Nd4j.zeros(DataType.FLOAT, nh);
        q = Nd4j.zeros(DataType.FLOAT, nh);
        noise = gaussian ? Nd4j.create(DataType.FLOAT, new long[] {batch, nv}, 'c') : null;
        pW = BlasOps.pointer(p.w);
        pB = BlasOps.pointer(p.b);
        pC = BlasOps.pointer(p.c);
        pH0 = BlasOps.pointer(h0);
        pHs = BlasOps.pointer(hs);
        pV1 = BlasOps.pointer(v1);
        pH1 = BlasOps.pointer(h1);
        pVelW = BlasOps.pointer(velW);
        pVelB = BlasOps.pointer(velB);
        pVelC = BlasOps.pointer(velC);
        pOnes = BlasOps.pointer(ones);
        pMeanV = BlasOps.pointer(meanV);
        pMeanH = BlasOps.pointer(meanH);
        pQ = BlasOps.pointer(q);
    }

    /**
     * Performs one CD-k or PCD-k update of the parameters from a mini-batch.
     *
     * @param v0 Pointer to the batch: {@code batch} contiguous rows of nv floats. Not modified.
     * @param lr The learning rate.
     * @param momentum The momentum.
     * @param weightDecay The L2 coefficient on W (not on the biases).
     * @param sparsityTarget The target mean activation of each hidden unit.
     * @param sparsityCost The sparsity penalty's weight; 0 turns it off.
     * @param sparsityDecay The decay of the running mean activation q.
     */
    void step(FloatPointer v0, double lr, double momentum, double weightDecay, double sparsityTarget,
            double sparsityCost, double sparsityDecay) {
        // Positive phase: h0 = sigmoid(v0 W + c).
        hiddenProbabilities(v0, pH0, h0);
        // Start of the negative chain: the data's hidden sample (CD) or the persistent chain (PCD).
        if (!persistent || !chainStarted) {
            RbmOps.bernoulli(h0, hs, rng);
            chainStarted = true;
        }
        for (int s = 1; s <= k; s++) {
            visibleFromHidden();
            hiddenProbabilities(pV1, pH1, h1);
            if (s < k || persistent) {
                RbmOps.bernoulli(h1, hs, rng);
            }
        }
        float a = (float) (lr / batch);
        float m = (float) momentum;
        // velW = m velW + a (v0^T h0 - v1^T h1) - lr wd W
        BlasOps.sgemm(true, false, nv, nh, batch, a, v0, nv, pH0, nh, m, pVelW, nh);
        BlasOps.sgemm(true, false, nv, nh, batch, -a, pV1, nv, pH1, nh, 1f, pVelW, nh);
        if (weightDecay != 0) {
            BlasOps.saxpy(nv * nh, (float) (-lr * weightDecay), pW, pVelW);
        }
        // velB = m velB + a (v0 - v1)^T 1,  velC = m velC + a (h0 - h1)^T 1
        BlasOps.sgemv(true, batch, nv, a, v0, nv, pOnes, m, pVelB);
        BlasOps.sgemv(true, batch, nv, -a, pV1, nv, pOnes, 1f, pVelB);
        BlasOps.sgemv(true, batch, nh, a, pH0, nh, pOnes, m, pVelC);
        BlasOps.sgemv(true, batch, nh, -a, pH1, nh, pOnes, 1f, pVelC);
        if (sparsityCost != 0) {
            sparsity(v0, lr, sparsityTarget, sparsityCost, sparsityDecay);
        }
        BlasOps.saxpy(nv * nh, 1f, pVelW, pW);
        BlasOps.saxpy(nv, 1f, pVelB, pB);
        BlasOps.saxpy(nh, 1f, pVelC, pC);
    }

    /**
     * Hinton's sparsity penalty (guide, section 11): q = decay q + (1 - decay) mean(h0); the cross-entropy
     * penalty's gradient cost (q - target) is applied to c and, through the mean visible state, to W.
     */
    private void sparsity(FloatPointer v0, double lr, double target, double cost, double decay) {
        float inv = 1f / batch;
        BlasOps.sgemv(true, batch, nh, inv, pH0, nh, pOnes, 0f, pMeanH);
        if (!qStarted) {
            openblas_nolapack.cblas_scopy(nh, pMeanH, 1, pQ, 1);
            qStarted = true;
        } else {
            openblas_nolapack.cblas_sscal(nh, (float) decay, pQ, 1);
            BlasOps.saxpy(nh, (float) (1 - decay), pMeanH, pQ);
        }
        meanH.assign(q).subi(target);
        BlasOps.saxpy(nh, (float) (-lr * cost), pMeanH, pVelC);
        BlasOps.sgemv(true, batch, nv, inv, v0, nv, pOnes, 0f, pMeanV);
        BlasOps.sger(nv, nh, (float) (-lr * cost), pMeanV, pMeanH, pVelW, nh);
    }

    /** out = sigmoid(v W + c), the bias written first by a rank-1 product. */
    private void hiddenProbabilities(FloatPointer v, FloatPointer out, INDArray outArray) {
        BlasOps.sgemm(false, false, batch, nh, 1, 1f, pOnes, 1, pC, nh, 0f, out, nh);
        BlasOps.sgemm(false, false, batch, nh, nv, 1f, v, nv, pW, nh, 1f, out, nh);
        RbmOps.sigmoidInPlace(outArray);
    }

    /** v1 = p(v | hs) (Bernoulli) or its mean b + W hs (Gaussian), sampled if requested. */
    private void visibleFromHidden() {
        BlasOps.sgemm(false, false, batch, nv, 1, 1f, pOnes, 1, pB, nv, 0f, pV1, nv);
        BlasOps.sgemm(false, true, batch, nv, nh, 1f, pHs, nh, pW, nh, 1f, pV1, nv);
        if (gaussian) {
            if (sampleVisibles) {
                Nd4j.getExecutioner().exec(new GaussianDistribution(noise, 0.0, 1.0), rng);
                v1.addi(noise);
            }
        } else {
            RbmOps.sigmoidInPlace(v1);
            if (sampleVisibles) {
                RbmOps.bernoulli(v1, v1, rng);
            }
        }
    }

    /**
     * Returns the sum of squares of all parameters, computed with {@code sdot} (NaN and Infinity propagate).
     *
     * @return |W|^2 + |b|^2 + |c|^2.
     */
    double weightSquaredNorm() {
        return openblas_nolapack.cblas_sdot(nv * nh, pW, 1, pW, 1);
    }

    double biasSquaredNorm() {
        return openblas_nolapack.cblas_sdot(nv, pB, 1, pB, 1) + openblas_nolapack.cblas_sdot(nh, pC, 1, pC, 1);
    }

    @Override
    public void close() {
        RbmOps.close(rng);
        // The cached pointers do not own memory: the buffers must outlive every native call made through them.
        RbmOps.keepAlive(p.w, p.b, p.c, h0, hs, v1, h1, velW, velB, velC, ones, meanV, meanH, q, noise);
    }
}
