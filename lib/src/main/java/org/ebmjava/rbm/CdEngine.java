package org.ebmjava.rbm;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One contrastive-divergence update on preallocated buffers, split over the machine's cores: the training
 * loop's hot path.
 *
 * <p>Memory: every buffer is allocated once, in the constructor; {@link #step} allocates nothing. Matrix
 * products go straight to {@code cblas_sgemm} (see {@link BlasOps}); a bias is written into the output first
 * by a rank-1 product ones c<sup>T</sup> and the main product accumulates onto it (beta = 1), so there is no
 * broadcast-add pass. The momentum is folded into the gradient products: vel = momentum vel + (lr/B)
 * v0<sup>T</sup> h0 is one {@code sgemm} with beta = momentum. Bias gradients are {@code sgemv} against a ones
 * vector. ND4J does only the element-wise sigmoid and sampling.
 *
 * <p>Parallelism: instead of letting OpenBLAS split each product over threads, the step is split by data. With
 * P workers (the calling thread plus P - 1 helpers), worker w first runs the whole chain (v0 -&gt; h0 -&gt; hs
 * -&gt; v1 -&gt; h1) for its own rows of the mini-batch, with single-threaded BLAS and ND4J (rows are
 * independent, so no synchronisation is needed); after a barrier it updates its own block of visible units (rows
 * of W, entries of b) and of hidden units (entries of c) from the whole batch; a second barrier ends the step.
 * This parallelises the element-wise work too and avoids OpenBLAS's per-call thread hand-off. Each worker has its
 * own seeded generator, so results are deterministic for a given seed and number of workers.
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

    private final INDArray h0;
    private final INDArray hs;
    private final INDArray v1;
    private final INDArray h1;
    private final INDArray velW;
    private final INDArray velB;
    private final INDArray velC;
    private final INDArray ones;
    private final INDArray meanV;
    private final INDArray meanH;
    private final INDArray q;
    private final INDArray noise;
    private final INDArray data;
    private final FloatPointer pW;
    private final FloatPointer pB;
    private final FloatPointer pC;
    private final FloatPointer pH0;
    private final FloatPointer pV1;
    private final FloatPointer pH1;
    private final FloatPointer pVelW;
    private final FloatPointer pVelC;
    private final FloatPointer pOnes;
    private final FloatPointer pMeanV;
    private final FloatPointer pMeanH;
    private final FloatPointer pQ;
    private final FloatPointer pData;
    private final long dataPos;

    private final List<Part> parts = new ArrayList<>();
    private final List<Thread> helpers = new ArrayList<>();
    private final SpinBarrier start;
    private final SpinBarrier mid;
    private final SpinBarrier end;

    // The current step's settings, published to the helpers by the start barrier.
    private long row0;
    private float a;
    private float mom;
    private double lr;
    private double weightDecay;
    private double sparsityTarget;
    private double sparsityCost;
    private double sparsityDecay;
    private volatile boolean closed;
    private volatile Throwable failure;

    private boolean chainStarted;
    private boolean qStarted;

    /**
     * Allocates the buffers and starts the helper threads.
     *
     * @param p The parameters, updated in place by each step.
     * @param gaussian Whether the visible units are Gaussian (unit variance) rather than binary.
     * @param data The training rows the steps read from: [n, nv], C order, contiguous. Not modified.
     * @param batch Rows per step.
     * @param k Gibbs steps per update.
     * @param persistent PCD (true) or CD (false).
     * @param sampleVisibles Whether CD samples the reconstructed visibles.
     * @param seed The seed of the workers' generators.
     * @param workers The number of workers P, &gt;= 1 (capped so that each has at least one row).
     */
    CdEngine(RbmParams p, boolean gaussian, INDArray data, int batch, int k, boolean persistent,
            boolean sampleVisibles, long seed, int workers) {
        this.p = p;
        this.gaussian = gaussian;
        this.data = data;
        this.batch = batch;
        this.nv = p.nv;
        this.nh = p.nh;
        this.k = k;
        this.persistent = persistent;
        this.sampleVisibles = sampleVisibles || persistent;
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
        pV1 = BlasOps.pointer(v1);
        pH1 = BlasOps.pointer(h1);
        pVelW = BlasOps.pointer(velW);
        pVelC = BlasOps.pointer(velC);
        pOnes = BlasOps.pointer(ones);
        pMeanV = BlasOps.pointer(meanV);
        pMeanH = BlasOps.pointer(meanH);
        pQ = BlasOps.pointer(q);
        pData = BlasOps.pointer(data);
        dataPos = pData.position();

        int n = Math.max(1, Math.min(workers, Math.min(batch, Math.min(nv, nh))));
        for (int w = 0; w < n; w++) {
            parts.add(new Part(w, n, seed + 0x9E3779B97F4A7C15L * w));
        }
        start = new SpinBarrier(n);
        mid = new SpinBarrier(n);
        end = new SpinBarrier(n);
        for (int w = 1; w < n; w++) {
            Part part = parts.get(w);
            Thread t = new Thread(() -> helperLoop(part), "rbm-cd-worker-" + w);
            t.setDaemon(true);
            helpers.add(t);
            t.start();
        }
    }

    /**
     * Returns the number of workers.
     *
     * @return P.
     */
    int workers() {
        return parts.size();
    }

    /**
     * Performs one CD-k or PCD-k update of the parameters from the mini-batch of rows row0..row0+batch-1 of the
     * data.
     *
     * @param firstRow The first row of the mini-batch in the data.
     * @param learningRate The learning rate.
     * @param momentum The momentum.
     * @param decay The L2 coefficient on W (not on the biases).
     * @param target The target mean activation of each hidden unit.
     * @param cost The sparsity penalty's weight; 0 turns it off.
     * @param qDecay The decay of the running mean activation q.
     */
    void step(long firstRow, double learningRate, double momentum, double decay, double target, double cost,
            double qDecay) {
        row0 = firstRow;
        lr = learningRate;
        a = (float) (learningRate / batch);
        mom = (float) momentum;
        weightDecay = decay;
        sparsityTarget = target;
        sparsityCost = cost;
        sparsityDecay = qDecay;
        boolean firstOfChain = !persistent || !chainStarted;
        chainStarted = true;
        Part me = parts.get(0);
        me.firstOfChain = firstOfChain;
        for (int w = 1; w < parts.size(); w++) {
            parts.get(w).firstOfChain = firstOfChain;
        }
        start.await();
        run(me);
        Throwable t = failure;
        if (t != null) {
            failure = null;
            throw new IllegalStateException("a CD worker thread failed", t);
        }
    }

    private void helperLoop(Part part) {
        while (true) {
            start.await();
            if (closed) {
                return;
            }
            run(part);
        }
    }

    /** One worker's share of a step; every worker passes every barrier even after a failure. */
    private void run(Part part) {
        try {
            part.chain();
        } catch (Throwable e) {
            failure = e;
        }
        mid.await();
        if (sparsityCost != 0) {
            if (part.index == 0) {
                try {
                    sparsityStatistics();
                } catch (Throwable e) {
                    failure = e;
                }
            }
            mid.await();
        }
        try {
            part.update();
        } catch (Throwable e) {
            failure = e;
        }
        end.await();
    }

    /** q = decay q + (1 - decay) mean(h0); meanH := q - target; meanV := mean(v0) (Hinton's guide, section 11). */
    private void sparsityStatistics() {
        float inv = 1f / batch;
        FloatPointer v0 = parts.get(0).v0All.position(dataPos + row0 * nv);
        BlasOps.sgemv(true, batch, nh, inv, pH0, nh, pOnes, 0f, pMeanH);
        if (!qStarted) {
            openblas_nolapack.cblas_scopy(nh, pMeanH, 1, pQ, 1);
            qStarted = true;
        } else {
            openblas_nolapack.cblas_sscal(nh, (float) sparsityDecay, pQ, 1);
            BlasOps.saxpy(nh, (float) (1 - sparsityDecay), pMeanH, pQ);
        }
        meanH.assign(q).subi(sparsityTarget);
        BlasOps.sgemv(true, batch, nv, inv, v0, nv, pOnes, 0f, pMeanV);
    }

    /** A worker: its rows of the batch, its visible and hidden units, its views, pointers and generator. */
    private final class Part {
        final int index;
        final int r0;
        final int rows;
        final int i0;
        final int vis;
        final int j0;
        final int hid;
        final Random rng;
        final INDArray h0Rows;
        final INDArray hsRows;
        final INDArray v1Rows;
        final INDArray h1Rows;
        final INDArray noiseRows;
        final FloatPointer v0Rows;
        final FloatPointer v0Cols;
        final FloatPointer v0All;
        final FloatPointer h0Rp;
        final FloatPointer hsRp;
        final FloatPointer v1Rp;
        final FloatPointer h1Rp;
        final FloatPointer v1Cols;
        final FloatPointer h0Cols;
        final FloatPointer h1Cols;
        final FloatPointer wRows;
        final FloatPointer velWRows;
        final FloatPointer bPart;
        final FloatPointer velBPart;
        final FloatPointer cPart;
        final FloatPointer velCPart;
        final FloatPointer meanVPart;
        final FloatPointer meanHPart;
        boolean firstOfChain;

        Part(int index, int count, long seed) {
            this.index = index;
            this.r0 = split(batch, count, index);
            this.rows = split(batch, count, index + 1) - r0;
            this.i0 = split(nv, count, index);
            this.vis = split(nv, count, index + 1) - i0;
            this.j0 = split(nh, count, index);
            this.hid = split(nh, count, index + 1) - j0;
            this.rng = RbmOps.newRandom(seed);
            h0Rows = rowBlock(h0);
            hsRows = rowBlock(hs);
            v1Rows = rowBlock(v1);
            h1Rows = rowBlock(h1);
            noiseRows = noise == null ? null : rowBlock(noise);
            v0Rows = new FloatPointer(pData);
            v0Cols = new FloatPointer(pData);
            v0All = new FloatPointer(pData);
            h0Rp = BlasOps.pointer(h0Rows);
            hsRp = BlasOps.pointer(hsRows);
            v1Rp = BlasOps.pointer(v1Rows);
            h1Rp = BlasOps.pointer(h1Rows);
            v1Cols = offset(pV1, i0);
            h0Cols = offset(pH0, j0);
            h1Cols = offset(pH1, j0);
            wRows = offset(pW, (long) i0 * nh);
            velWRows = offset(pVelW, (long) i0 * nh);
            bPart = offset(pB, i0);
            velBPart = offset(BlasOps.pointer(velB), i0);
            cPart = offset(pC, j0);
            velCPart = offset(pVelC, j0);
            meanVPart = offset(pMeanV, i0);
            meanHPart = offset(pMeanH, j0);
        }

        private INDArray rowBlock(INDArray m) {
            return m.get(NDArrayIndex.interval(r0, r0 + rows), NDArrayIndex.all());
        }

        /** The negative chain for this worker's rows: h0, hs, then k times v1 and h1. */
        void chain() {
            FloatPointer v0 = v0Rows.position(dataPos + (row0 + r0) * nv);
            hidden(v0, h0Rp, h0Rows);
            if (firstOfChain) {
                RbmOps.bernoulli(h0Rows, hsRows, rng);
            }
            for (int s = 1; s <= k; s++) {
                visible();
                hidden(v1Rp, h1Rp, h1Rows);
                if (s < k || persistent) {
                    RbmOps.bernoulli(h1Rows, hsRows, rng);
                }
            }
        }

        /** out = sigmoid(v W + c) for this worker's rows, the bias written first by a rank-1 product. */
        private void hidden(FloatPointer v, FloatPointer out, INDArray outRows) {
            BlasOps.sgemm(false, false, rows, nh, 1, 1f, pOnes, 1, pC, nh, 0f, out, nh);
            BlasOps.sgemm(false, false, rows, nh, nv, 1f, v, nv, pW, nh, 1f, out, nh);
            RbmOps.sigmoidInPlace(outRows);
        }

        /** v1 = p(v | hs) (Bernoulli) or its mean b + W hs (Gaussian) for this worker's rows, sampled if asked. */
        private void visible() {
            BlasOps.sgemm(false, false, rows, nv, 1, 1f, pOnes, 1, pB, nv, 0f, v1Rp, nv);
            BlasOps.sgemm(false, true, rows, nv, nh, 1f, hsRp, nh, pW, nh, 1f, v1Rp, nv);
            if (gaussian) {
                if (sampleVisibles) {
                    Nd4j.getExecutioner().exec(new GaussianDistribution(noiseRows, 0.0, 1.0), rng);
                    v1Rows.addi(noiseRows);
                }
            } else {
                RbmOps.sigmoidInPlace(v1Rows);
                if (sampleVisibles) {
                    RbmOps.bernoulli(v1Rows, v1Rows, rng);
                }
            }
        }

        /** Updates this worker's rows of W and entries of b and c from the whole batch. */
        void update() {
            FloatPointer v0 = v0Cols.position(dataPos + row0 * nv + i0);
            // velW[i0:i0+vis] = mom velW + a (v0^T h0 - v1^T h1) - lr wd W, for this block of visible units
            BlasOps.sgemm(true, false, vis, nh, batch, a, v0, nv, pH0, nh, mom, velWRows, nh);
            BlasOps.sgemm(true, false, vis, nh, batch, -a, v1Cols, nv, pH1, nh, 1f, velWRows, nh);
            if (weightDecay != 0) {
                BlasOps.saxpy(vis * nh, (float) (-lr * weightDecay), wRows, velWRows);
            }
            BlasOps.sgemv(true, batch, vis, a, v0, nv, pOnes, mom, velBPart);
            BlasOps.sgemv(true, batch, vis, -a, v1Cols, nv, pOnes, 1f, velBPart);
            BlasOps.sgemv(true, batch, hid, a, h0Cols, nh, pOnes, mom, velCPart);
            BlasOps.sgemv(true, batch, hid, -a, h1Cols, nh, pOnes, 1f, velCPart);
            if (sparsityCost != 0) {
                BlasOps.saxpy(hid, (float) (-lr * sparsityCost), meanHPart, velCPart);
                BlasOps.sger(vis, nh, (float) (-lr * sparsityCost), meanVPart, pMeanH, velWRows, nh);
            }
            BlasOps.saxpy(vis * nh, 1f, velWRows, wRows);
            BlasOps.saxpy(vis, 1f, velBPart, bPart);
            BlasOps.saxpy(hid, 1f, velCPart, cPart);
        }
    }

    /** The start of block i of n equal blocks of 0..size-1. */
    static int split(int size, int n, int i) {
        return (int) ((long) size * i / n);
    }

    private static FloatPointer offset(FloatPointer base, long elements) {
        return new FloatPointer(base).position(base.position() + elements);
    }

    /**
     * Returns the sum of squares of the weights, computed with {@code sdot} (NaN and Infinity propagate).
     *
     * @return |W|<sup>2</sup>.
     */
    double weightSquaredNorm() {
        return openblas_nolapack.cblas_sdot(nv * nh, pW, 1, pW, 1);
    }

    /**
     * Returns the sum of squares of the biases.
     *
     * @return |b|<sup>2</sup> + |c|<sup>2</sup>.
     */
    double biasSquaredNorm() {
        return openblas_nolapack.cblas_sdot(nv, pB, 1, pB, 1) + openblas_nolapack.cblas_sdot(nh, pC, 1, pC, 1);
    }

    /** Stops the helper threads and frees the generators. */
    @Override
    public void close() {
        closed = true;
        if (!helpers.isEmpty()) {
            start.await();
        }
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Part part : parts) {
            RbmOps.close(part.rng);
        }
        // The cached pointers do not own memory: the buffers must outlive every native call made through them.
        RbmOps.keepAlive(p.w, p.b, p.c, data, h0, hs, v1, h1, velW, velB, velC, ones, meanV, meanH, q, noise);
    }
}
