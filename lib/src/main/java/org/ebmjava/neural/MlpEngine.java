package org.ebmjava.neural;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ebmjava.rbm.BlasOps;

/**
 * The hot path of an {@link Mlp}: preallocated native float buffers for one chunk of rows, matrix products by
 * {@code cblas_sgemm}, or {@code sgemv}/{@code sger} when a dimension is 1 or 2 ({@link BlasOps#sgemmThin}: a 2D
 * input layer, a scalar head), element-wise work in fused Java loops, split over a shared team of {@link Workers}.
 *
 * <p>Per call: (0) the caller copies the Java parameter vector into the native copy of the weights (the optimiser
 * may have changed them); then per chunk of at most {@code chunk} rows: (1) the forward and backward passes run on blocks of
 * rows (rows are independent); (2) if parameter gradients are wanted, blocks of the rows of every dW = A<sup>T</sup>
 * &Delta; over all rows of the chunk and blocks of the bias gradients are computed and added to the Java gradient
 * vector. Each phase is one {@link Workers#run} (its blocks are claimed by whichever worker is free, and it returns
 * when all are done). The number of blocks is 1 for small calls and one per worker above {@link #parallelMacs}
 * ({@link #blocks}); every sum is formed inside one block in a fixed order, so results depend only on the inputs,
 * the seed, the number of rows and the configured number of workers (and the BLAS build), not on timing.
 *
 * <p>OpenBLAS is set to 1 thread by each call if it is not there already (each worker calls it single-threaded) and
 * left there, since switching its thread count costs far more than a small call ({@link #run}).
 */
final class MlpEngine {
    /** A native float buffer with a Java view for the element-wise loops. */
    static final class Buf {
        final FloatPointer p;
        final FloatBuffer b;

        Buf(long n) {
            p = new FloatPointer(Math.max(1, n));
            p.zero();
            b = p.asBuffer();
        }

        /** A new non-owning pointer at element off (cheap; one per BLAS call keeps workers independent). */
        FloatPointer at(long off) {
            return new FloatPointer(p).position(off);
        }
    }

    /**
     * Calls whose forward pass needs fewer multiply-adds than this run on the caller alone (one block); larger ones
     * are split into one block of rows per worker. Measured on the course's 2-core machines, alternating the layouts
     * in one JVM (medians of 15 rounds; this VM's timings drift by 20-30 % between runs, so only interleaved
     * comparisons are meaningful): a 2-128-128-1 training step at batch 256 (4.3 million multiply-adds per forward
     * pass) takes 0.51 ms in one block and 0.35 ms split over two workers, its input gradient 0.36 and 0.24 ms; the
     * 784-512-512-1 input gradient at batch 128 (85 million) 5.1 and 3.3 ms. Below about a million multiply-adds the
     * hand-over to the helper costs as much as it saves. Splitting every layer by columns instead of rows (each
     * worker packing half of each weight matrix) was tried and measured no faster at these sizes. Helpers claim
     * blocks ({@link Workers}), so a helper that another process keeps off its core does not stall the caller for
     * long. The split depends only on the network, the number of rows and the configured thread count, so results
     * stay bit-identical for a given thread count. System property {@code ebm.neural.parallelMacs} overrides the
     * threshold (0: always split, as the tests do).
     */
    static volatile long parallelMacs = Long.getLong("ebm.neural.parallelMacs", 4_000_000L);

    final int layersCount;
    final int chunk;
    final int workers;
    /** Multiply-adds of one row's forward pass (sum of in*out over the layers). */
    final long macsPerRow;
    final int[] widths;
    final Activation[] acts;
    final int[] wOff;
    final int[] bOff;
    final int d;
    final int e;
    final int outDim;
    final SinusoidalEmbedding embedding;
    final Workers pool;

    final Buf pw;
    final Buf gw;
    /** z[k]: pre-activations (bias included) of layer k = 1..L (z[L] is the output). */
    final Buf[] z;
    /** a[k]: activations, k = 0 (input and embedding) .. L-1. */
    final Buf[] a;
    /** dv[k]: f'(z[k]) for hidden layers k = 1..L-1. */
    final Buf[] dv;
    /** delta[k]: dL/dz[k], k = 1..L. */
    final Buf[] delta;
    /** dL/da[0]. */
    final Buf gin;
    final float[][] embTmp;
    final float[][] colTmp;
    final float[][] zTmp;
    final FloatPointer[] colSum;
    final Buf ones;
    final float[][] aTmp;
    final float[][] dTmp;
    /** Second-order buffers, allocated on first use. */
    private Tangents tan;

    MlpEngine(Mlp net) {
        layersCount = net.layerCount();
        chunk = net.maxBatch();
        pool = Workers.shared(net.threads());
        workers = pool.size();
        widths = new int[layersCount + 1];
        acts = new Activation[layersCount];
        wOff = new int[layersCount];
        bOff = new int[layersCount];
        for (int k = 0; k < layersCount; k++) {
            Linear l = net.layer(k);
            widths[k] = l.inputDim();
            widths[k + 1] = l.outputDim();
            acts[k] = l.activation();
            wOff[k] = l.weightOffset();
            bOff[k] = l.biasOffset();
        }
        d = net.inputDim();
        embedding = net.embedding();
        e = embedding == null ? 0 : embedding.dim();
        outDim = net.outputDim();
        pw = new Buf(net.parameterCount());
        gw = new Buf(net.parameterCount());
        z = new Buf[layersCount + 1];
        a = new Buf[layersCount];
        dv = new Buf[layersCount];
        delta = new Buf[layersCount + 1];
        int maxWidth = 0;
        for (int k = 0; k <= layersCount; k++) {
            maxWidth = Math.max(maxWidth, widths[k]);
            long size = (long) chunk * widths[k];
            if (k >= 1) {
                z[k] = new Buf(size);
                delta[k] = new Buf(size);
            }
            if (k < layersCount) {
                a[k] = new Buf(size);
            }
            if (k >= 1 && k < layersCount) {
                dv[k] = new Buf(size);
            }
        }
        long macs = 0;
        for (int k = 0; k < layersCount; k++) {
            macs += (long) widths[k] * widths[k + 1];
        }
        macsPerRow = macs;
        gin = new Buf((long) chunk * widths[0]);
        embTmp = new float[workers][Math.max(1, e)];
        colTmp = new float[workers][maxWidth];
        colSum = new FloatPointer[workers];
        for (int w = 0; w < workers; w++) {
            colSum[w] = new FloatPointer(maxWidth);
        }
        ones = new Buf(chunk);
        for (int r = 0; r < chunk; r++) {
            ones.b.put(r, 1f);
        }
        // worker 0 (the caller) may run a whole chunk as one block; helpers run blocks of at most ceil(chunk / P)
        int rowsPerWorker = (chunk + workers - 1) / workers;
        zTmp = new float[workers][];
        aTmp = new float[workers][];
        dTmp = new float[workers][];
        for (int w = 0; w < workers; w++) {
            int len = (w == 0 ? chunk : rowsPerWorker) * maxWidth;
            zTmp[w] = new float[len];
            aTmp[w] = new float[len];
            dTmp[w] = new float[len];
        }
    }

    /** The start of block i of n near-equal blocks of 0..size-1. */
    static int split(int size, int n, int i) {
        return (int) ((long) size * i / n);
    }

    /**
     * The number of blocks (of rows, of parameter-gradient rows) a call on m rows of a chunk is split into: 1 below
     * {@link #parallelMacs}, else one per worker (never more than m).
     */
    int blocks(int m) {
        if (workers == 1 || (long) m * macsPerRow < parallelMacs) {
            return 1;
        }
        return Math.min(workers, m);
    }

    /**
     * Runs a task with OpenBLAS single-threaded (each worker calls it on its own block). OpenBLAS is switched to one
     * thread if it is not there already, and left there: switching costs 0.3-2 ms per call on the course's machines
     * (measured with the bundled OpenBLAS 0.3.19), more than a whole training step of a small network, so restoring
     * the old count after every call (as an earlier version did) dominated small calls. ND4J code that wants
     * OpenBLAS's own threads afterwards sets them with {@code Nd4j.factory().blas().setMaxThreads(n)}; the next
     * engine call switches back to one (a single cheap check per call when nothing changed).
     */
    void run(Runnable task) {
        if (openblas_nolapack.blas_get_num_threads() != 1) {
            openblas_nolapack.blas_set_num_threads(1);
        }
        task.run();
    }

    /**
     * The first-order pass: forward; optionally backward from outGrad (or from 1 for a scalar head when outGrad is
     * null), input gradients and parameter gradients.
     */
    void firstOrder(float[] params, float[] x, float[] level, int n, float[] out, boolean backward, float[] outGrad,
            float[] inputGrad, float[] grads) {
        run(() -> {
            // on the caller: a separate phase would cost one more hand-over to the helpers (copying the 784-512-512-1
            // network's 2.6 MB takes about 70 us)
            copyParams(params, 0, 1);
            for (int c0 = 0; c0 < n; c0 += chunk) {
                int m = Math.min(chunk, n - c0);
                int nb = blocks(m);
                int cs = c0;
                pool.run(nb, (b, w) -> {
                    int r0 = split(m, nb, b);
                    int rows = split(m, nb, b + 1) - r0;
                    if (rows == 0) {
                        return;
                    }
                    load(x, level, cs, r0, rows, w);
                    forward(params, r0, rows, backward, false, w);
                    if (out != null) {
                        z[layersCount].b.get(r0 * outDim, out, (cs + r0) * outDim, rows * outDim);
                    }
                    if (backward) {
                        FloatBuffer top = delta[layersCount].b;
                        if (outGrad != null) {
                            top.put(r0 * outDim, outGrad, (cs + r0) * outDim, rows * outDim);
                        } else {
                            for (int q = r0 * outDim; q < (r0 + rows) * outDim; q++) {
                                top.put(q, 1f);
                            }
                        }
                        backward(r0, rows, inputGrad != null, w);
                        if (inputGrad != null) {
                            copyInputGradient(gin, inputGrad, cs, r0, rows);
                        }
                    }
                });
                if (grads != null) {
                    pool.run(nb, (b, w) -> parameterGradients(b, nb, w, m, grads));
                }
            }
        });
    }

    /** Copies block b of nb of the parameter vector into the native weights (the optimiser may have changed them). */
    void copyParams(float[] params, int b, int nb) {
        int from = split(params.length, nb, b);
        int to = split(params.length, nb, b + 1);
        pw.b.put(from, params, from, to - from);
    }

    void load(float[] x, float[] level, int c0, int r0, int rows, int w) {
        FloatBuffer a0 = a[0].b;
        int w0 = widths[0];
        if (e == 0) {
            a0.put(r0 * w0, x, (c0 + r0) * d, rows * d);
            return;
        }
        float[] tmp = embTmp[w];
        for (int r = r0; r < r0 + rows; r++) {
            a0.put(r * w0, x, (c0 + r) * d, d);
            embedding.embed(level[c0 + r], tmp, 0);
            a0.put(r * w0 + d, tmp, 0, e);
        }
    }

    void copyInputGradient(Buf g, float[] inputGrad, int c0, int r0, int rows) {
        int w0 = widths[0];
        if (e == 0) {
            g.b.get(r0 * w0, inputGrad, (c0 + r0) * d, rows * d);
            return;
        }
        for (int r = r0; r < r0 + rows; r++) {
            g.b.get(r * w0, inputGrad, (c0 + r) * d, d);
        }
    }

    /** z[k+1] = a[k] W + b, a[k+1] = f(z[k+1]) (and dv = f') for this worker's rows. */
    void forward(float[] params, int r0, int rows, boolean keepDerivative, boolean keepPre, int w) {
        for (int k = 0; k < layersCount; k++) {
            int in = widths[k];
            int out = widths[k + 1];
            BlasOps.sgemmThin(false, false, rows, out, in, 1f, a[k].at((long) r0 * in), in, pw.at(wOff[k]), out, 0f,
                    z[k + 1].at((long) r0 * out), out);
            if (k < layersCount - 1) {
                activate(acts[k], z[k + 1], a[k + 1], keepDerivative ? dv[k + 1] : null, keepPre, r0 * out, rows, out,
                        params, bOff[k], w);
            } else {
                addBias(z[k + 1].b, r0 * out, rows, out, params, bOff[k]);
            }
        }
    }

    /** delta[k] = (delta[k+1] W<sup>T</sup>) * f'(z[k]) down to layer 1; gin = delta[1] W<sub>1</sub><sup>T</sup>. */
    void backward(int r0, int rows, boolean inputGradient, int w) {
        for (int k = layersCount - 1; k >= 0; k--) {
            int in = widths[k];
            int out = widths[k + 1];
            if (k > 0) {
                BlasOps.sgemmThin(false, true, rows, in, out, 1f, delta[k + 1].at((long) r0 * out), out, pw.at(wOff[k]),
                        out, 0f, delta[k].at((long) r0 * in), in);
                multiply(delta[k], dv[k], r0 * in, rows * in, w);
            } else if (inputGradient) {
                BlasOps.sgemmThin(false, true, rows, in, out, 1f, delta[1].at((long) r0 * out), out, pw.at(wOff[0]), out,
                        0f, gin.at((long) r0 * in), in);
            }
        }
    }

    /**
     * Block b of nb of the parameter gradients of the chunk's m rows (run by worker w): rows i0..i1 of every dW =
     * a<sup>T</sup> delta and entries j0..j1 of every db = column sums of delta, added into grads.
     */
    void parameterGradients(int b, int nb, int w, int m, float[] grads) {
        for (int k = 0; k < layersCount; k++) {
            weightGradient(b, nb, m, k, a[k], delta[k + 1], 0f);
            flushWeightGradient(b, nb, w, grads, k);
            biasGradient(b, nb, w, m, grads, k, delta[k + 1]);
        }
    }

    /** gw rows i0..i1 (block b of nb) of layer k = beta gw + src<sup>T</sup> adj over the chunk's m rows. */
    void weightGradient(int b, int nb, int m, int k, Buf src, Buf adj, float beta) {
        int in = widths[k];
        int out = widths[k + 1];
        int i0 = split(in, nb, b);
        int ni = split(in, nb, b + 1) - i0;
        if (ni == 0) {
            return;
        }
        BlasOps.sgemmThin(true, false, ni, out, m, 1f, src.at(i0), in, adj.at(0), out, beta,
                gw.at(wOff[k] + (long) i0 * out), out);
    }

    /** Adds gw rows i0..i1 of layer k into grads (bulk copy into the worker's array, then a vectorised add). */
    void flushWeightGradient(int b, int nb, int w, float[] grads, int k) {
        int in = widths[k];
        int out = widths[k + 1];
        int i0 = split(in, nb, b);
        int ni = split(in, nb, b + 1) - i0;
        int base = wOff[k] + i0 * out;
        float[] tmp = zTmp[w];
        for (int done = 0; done < ni * out; done += tmp.length) {
            int len = Math.min(tmp.length, ni * out - done);
            gw.b.get(base + done, tmp, 0, len);
            int g0 = base + done;
            for (int q = 0; q < len; q++) {
                grads[g0 + q] += tmp[q];
            }
        }
    }

    /** Adds this worker's block j0..j1 of the column sums of adj (the bias gradient of layer k) into grads. */
    void biasGradient(int b, int nb, int w, int m, float[] grads, int k, Buf adj) {
        int out = widths[k + 1];
        int j0 = split(out, nb, b);
        int j1 = split(out, nb, b + 1);
        if (j1 == j0) {
            return;
        }
        FloatPointer col = colSum[w];
        openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasTrans, m, j1 - j0, 1f,
                adj.at(j0), out, ones.p, 1, 0f, col, 1);
        float[] s = colTmp[w];
        col.get(s, 0, j1 - j0);
        for (int j = j0; j < j1; j++) {
            grads[bOff[k] + j] += s[j - j0];
        }
    }

    // ------------------------------------------------------------------ second order

    /**
     * Buffers of the tangent systems: zt = z-dot, at = a-dot (k = 0: the direction), zs = z-ddot, as = a-ddot, and
     * the adjoints ztb of z-dot and zsb of z-ddot (the adjoint of z itself is {@link #delta}).
     */
    private final class Tangents {
        final Buf[] zt = new Buf[layersCount + 1];
        final Buf[] at = new Buf[layersCount];
        final Buf[] zs = new Buf[layersCount + 1];
        final Buf[] as = new Buf[layersCount];
        final Buf[] ztb = new Buf[layersCount + 1];
        final Buf[] zsb = new Buf[layersCount + 1];

        Tangents() {
            for (int k = 0; k <= layersCount; k++) {
                long size = (long) chunk * widths[k];
                if (k >= 1) {
                    zt[k] = new Buf(size);
                    zs[k] = new Buf(size);
                    ztb[k] = new Buf(size);
                    zsb[k] = new Buf(size);
                }
                if (k < layersCount) {
                    at[k] = new Buf(size);
                    as[k] = new Buf(size);
                }
            }
        }
    }

    /**
     * Seeds of the reverse pass over the tangent systems, per sample i: the adjoint of f is cp, of f-dot is ct +
     * ctf f-dot<sub>i</sub>, of f-ddot is cs (scalar head).
     *
     * @param cp The adjoint of f.
     * @param ct The constant part of the adjoint of f-dot.
     * @param ctf The factor of f-dot in the adjoint of f-dot.
     * @param cs The adjoint of f-ddot.
     */
    record Seeds(float cp, float ct, float ctf, float cs) {
        boolean any() {
            return cp != 0 || ct != 0 || ctf != 0 || cs != 0;
        }
    }

    /**
     * Forward mode along a direction u, optionally of second order, and reverse mode over it.
     *
     * <p>Forward, per hidden layer k (&phi; = &phi;<sub>k</sub>, derivatives at z<sub>k</sub>): zt<sub>k</sub> =
     * at<sub>k-1</sub> W<sub>k</sub>, at<sub>k</sub> = &phi;' zt<sub>k</sub>; zs<sub>k</sub> = as<sub>k-1</sub>
     * W<sub>k</sub>, as<sub>k</sub> = &phi;' zs<sub>k</sub> + &phi;'' zt<sub>k</sub><sup>2</sup>; at<sub>0</sub> =
     * [u, 0], as<sub>0</sub> = 0 (t: first-order tangent, s: second-order tangent). At the output
     * zt<sub>L</sub> = u&middot;&nabla;<sub>x</sub>f and zs<sub>L</sub> = u<sup>T</sup>H u.
     *
     * <p>Reverse, with adjoints Z, T, S of z, zt, zs (the adjoints propagated through W<sup>T</sup> first: A =
     * Z<sub>k+1</sub> W<sup>T</sup>, B = T<sub>k+1</sub> W<sup>T</sup>, C = S<sub>k+1</sub> W<sup>T</sup>):
     * <pre>
     *   Z_k = A f' + B f'' zt + C (f'' zs + f''' zt^2),   T_k = B f' + 2 C f'' zt,   S_k = C f';
     *   dW_k = a_{k-1}^T Z_k + at_{k-1}^T T_k + as_{k-1}^T S_k,   db_k = column sums of Z_k;
     * </pre>
     * the input adjoint is Z<sub>1</sub> W<sub>1</sub><sup>T</sup> (with seeds (0, 1, 0, 0) it is H u, since
     * d(u&middot;&nabla;f)/dx = H u).
     *
     * @param u The directions (n&middot;d), or null to use the unit vector e<sub>unit</sub> for every row.
     * @param unit The coordinate of the unit direction when u is null.
     * @param order 1 (tangent) or 2 (also the second-order tangent).
     * @param seeds The reverse seeds, or null for forward mode only.
     * @param f Receives f (n&middot;m) or null.
     * @param fdot Receives zt<sub>L</sub> (n&middot;m) or null.
     * @param fddot Receives zs<sub>L</sub> (n&middot;m) or null (order 2).
     * @param inputAdj Receives the input adjoint (n&middot;d) or null.
     * @param grads Receives the parameter gradients (added) or null.
     */
    void tangent(float[] params, float[] x, float[] level, int n, float[] u, int unit, int order, Seeds seeds,
            float[] f, float[] fdot, float[] fddot, float[] inputAdj, float[] grads) {
        if (tan == null) {
            tan = new Tangents();
        }
        Tangents t = tan;
        boolean reverse = seeds != null && seeds.any();
        run(() -> {
            // on the caller: a separate phase would cost one more hand-over to the helpers (copying the 784-512-512-1
            // network's 2.6 MB takes about 70 us)
            copyParams(params, 0, 1);
            for (int c0 = 0; c0 < n; c0 += chunk) {
                int m = Math.min(chunk, n - c0);
                int nb = blocks(m);
                int cs = c0;
                pool.run(nb, (b, w) -> {
                    int r0 = split(m, nb, b);
                    int rows = split(m, nb, b + 1) - r0;
                    if (rows == 0) {
                        return;
                    }
                    load(x, level, cs, r0, rows, w);
                    forward(params, r0, rows, true, true, w);
                    loadDirection(t, u, unit, cs, r0, rows);
                    tangentForward(t, r0, rows, order);
                    int off = r0 * outDim;
                    int len = rows * outDim;
                    int dst = (cs + r0) * outDim;
                    if (f != null) {
                        z[layersCount].b.get(off, f, dst, len);
                    }
                    if (fdot != null) {
                        t.zt[layersCount].b.get(off, fdot, dst, len);
                    }
                    if (fddot != null) {
                        t.zs[layersCount].b.get(off, fddot, dst, len);
                    }
                    if (reverse) {
                        FloatBuffer top = delta[layersCount].b;
                        FloatBuffer topT = t.ztb[layersCount].b;
                        FloatBuffer topS = t.zsb[layersCount].b;
                        FloatBuffer fd = t.zt[layersCount].b;
                        for (int q = off; q < off + len; q++) {
                            top.put(q, seeds.cp);
                            topT.put(q, seeds.ct + seeds.ctf * fd.get(q));
                            topS.put(q, seeds.cs);
                        }
                        tangentReverse(t, r0, rows, order);
                        if (inputAdj != null) {
                            BlasOps.sgemmThin(false, true, rows, widths[0], widths[1], 1f, delta[1].at((long) r0
                                    * widths[1]), widths[1], pw.at(wOff[0]), widths[1], 0f,
                                    gin.at((long) r0 * widths[0]), widths[0]);
                            copyInputGradient(gin, inputAdj, cs, r0, rows);
                        }
                    }
                });
                if (grads != null && reverse) {
                    pool.run(nb, (b, w) -> {
                        for (int k = 0; k < layersCount; k++) {
                            weightGradient(b, nb, m, k, a[k], delta[k + 1], 0f);
                            weightGradient(b, nb, m, k, t.at[k], t.ztb[k + 1], 1f);
                            if (order == 2 && k > 0) {
                                weightGradient(b, nb, m, k, t.as[k], t.zsb[k + 1], 1f);
                            }
                            flushWeightGradient(b, nb, w, grads, k);
                            biasGradient(b, nb, w, m, grads, k, delta[k + 1]);
                        }
                    });
                }
            }
        });
    }

    private void loadDirection(Tangents t, float[] u, int unit, int c0, int r0, int rows) {
        FloatBuffer a0 = t.at[0].b;
        int w0 = widths[0];
        for (int q = r0 * w0; q < (r0 + rows) * w0; q++) {
            a0.put(q, 0f);
        }
        for (int r = r0; r < r0 + rows; r++) {
            if (u != null) {
                a0.put(r * w0, u, (c0 + r) * d, d);
            } else {
                a0.put(r * w0 + unit, 1f);
            }
        }
    }

    private void tangentForward(Tangents t, int r0, int rows, int order) {
        float[] der = new float[3];
        for (int k = 0; k < layersCount; k++) {
            int in = widths[k];
            int out = widths[k + 1];
            int ro = r0 * out;
            BlasOps.sgemmThin(false, false, rows, out, in, 1f, t.at[k].at((long) r0 * in), in, pw.at(wOff[k]), out, 0f,
                    t.zt[k + 1].at(ro), out);
            FloatBuffer zs = t.zs[k + 1].b;
            if (order == 2) {
                if (k == 0) {
                    for (int q = ro; q < ro + rows * out; q++) {
                        zs.put(q, 0f);
                    }
                } else {
                    BlasOps.sgemmThin(false, false, rows, out, in, 1f, t.as[k].at((long) r0 * in), in, pw.at(wOff[k]),
                            out, 0f, t.zs[k + 1].at(ro), out);
                }
            }
            if (k == layersCount - 1) {
                break;
            }
            FloatBuffer zz = z[k + 1].b;
            FloatBuffer zt = t.zt[k + 1].b;
            FloatBuffer at = t.at[k + 1].b;
            FloatBuffer as = t.as[k + 1].b;
            Activation act = acts[k];
            for (int q = ro; q < ro + rows * out; q++) {
                derivatives(act, zz.get(q), der);
                float zd = zt.get(q);
                at.put(q, der[0] * zd);
                if (order == 2) {
                    as.put(q, der[0] * zs.get(q) + der[1] * zd * zd);
                }
            }
        }
    }

    private void tangentReverse(Tangents t, int r0, int rows, int order) {
        float[] der = new float[3];
        for (int k = layersCount - 1; k >= 1; k--) {
            int in = widths[k];
            int out = widths[k + 1];
            int ri = r0 * in;
            int ro = r0 * out;
            BlasOps.sgemmThin(false, true, rows, in, out, 1f, delta[k + 1].at(ro), out, pw.at(wOff[k]), out, 0f,
                    delta[k].at(ri), in);
            BlasOps.sgemmThin(false, true, rows, in, out, 1f, t.ztb[k + 1].at(ro), out, pw.at(wOff[k]), out, 0f,
                    t.ztb[k].at(ri), in);
            if (order == 2) {
                BlasOps.sgemmThin(false, true, rows, in, out, 1f, t.zsb[k + 1].at(ro), out, pw.at(wOff[k]), out, 0f,
                        t.zsb[k].at(ri), in);
            }
            FloatBuffer zz = z[k].b;
            FloatBuffer zt = t.zt[k].b;
            FloatBuffer zs = t.zs[k].b;
            FloatBuffer ab = delta[k].b;
            FloatBuffer tb = t.ztb[k].b;
            FloatBuffer sb = t.zsb[k].b;
            Activation act = acts[k - 1];
            for (int q = ri; q < ri + rows * in; q++) {
                derivatives(act, zz.get(q), der);
                float zd = zt.get(q);
                float aBar = ab.get(q);
                float tBar = tb.get(q);
                if (order == 2) {
                    float sBar = sb.get(q);
                    ab.put(q, aBar * der[0] + tBar * der[1] * zd + sBar * (der[1] * zs.get(q) + der[2] * zd * zd));
                    tb.put(q, tBar * der[0] + 2f * sBar * der[1] * zd);
                    sb.put(q, sBar * der[0]);
                } else {
                    ab.put(q, aBar * der[0] + tBar * der[1] * zd);
                    tb.put(q, tBar * der[0]);
                }
            }
        }
    }

    /** Writes f'(z), f''(z), f'''(z) into der (float versions of {@link Activation}'s formulas). */
    static void derivatives(Activation act, float z, float[] der) {
        switch (act) {
            case IDENTITY:
                der[0] = 1f;
                der[1] = 0f;
                der[2] = 0f;
                return;
            case RELU:
                der[0] = z > 0 ? 1f : 0f;
                der[1] = 0f;
                der[2] = 0f;
                return;
            case LEAKY_RELU:
                der[0] = z > 0 ? 1f : Activation.LEAKY_SLOPE;
                der[1] = 0f;
                der[2] = 0f;
                return;
            case TANH: {
                float th = tanh(z);
                float s = 1f - th * th;
                der[0] = s;
                der[1] = -2f * th * s;
                der[2] = s * (6f * th * th - 2f);
                return;
            }
            case SOFTPLUS: {
                float sg = FastMath.sigmoid(z);
                float s1 = sg * (1f - sg);
                der[0] = sg;
                der[1] = s1;
                der[2] = s1 * (1f - 2f * sg);
                return;
            }
            case SIGMOID: {
                float sg = FastMath.sigmoid(z);
                float s1 = sg * (1f - sg);
                der[0] = s1;
                der[1] = s1 * (1f - 2f * sg);
                der[2] = s1 * (1f - 6f * sg + 6f * sg * sg);
                return;
            }
            case SWISH: {
                float sg = FastMath.sigmoid(z);
                float s1 = sg * (1f - sg);
                der[0] = sg * (1f + z * (1f - sg));
                der[1] = s1 * (2f + z * (1f - 2f * sg));
                der[2] = 3f * s1 * (1f - 2f * sg) + z * s1 * (1f - 6f * sg + 6f * sg * sg);
                return;
            }
            default:
                throw new AssertionError(act);
        }
    }

    // ------------------------------------------------------------------ fused element-wise loops

    static void addBias(FloatBuffer z, int off, int rows, int width, float[] p, int bo) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * width;
            for (int j = 0; j < width; j++) {
                z.put(row + j, z.get(row + j) + p[bo + j]);
            }
        }
    }

    /** x *= y element-wise on a block (through the worker's arrays, so that the loop is vectorised). */
    void multiply(Buf x, Buf y, int off, int len, int w) {
        float[] xs = aTmp[w];
        float[] ys = dTmp[w];
        x.b.get(off, xs, 0, len);
        y.b.get(off, ys, 0, len);
        for (int q = 0; q < len; q++) {
            xs[q] *= ys[q];
        }
        x.b.put(off, xs, 0, len);
    }

    /**
     * Adds the bias to z, writes a = f(z) and, if dv is not null, dv = f'(z), for a block of rows; z with its bias
     * is written back only if keepPre (the second-order passes read it; the first-order ones need only a and dv,
     * and the write-back cost about 4 &micro;s per 256 x 128 block). The block is
     * copied into the worker's Java arrays first: the JIT vectorises the loops over arrays (with the rational
     * {@link FastMath#tanh}), not over direct buffers, and the copies cost far less than the scalar loops did.
     */
    void activate(Activation act, Buf zb, Buf ab, Buf db, boolean keepPre, int off, int rows, int width, float[] p,
            int bo, int w) {
        int len = rows * width;
        float[] zs = zTmp[w];
        float[] as = aTmp[w];
        float[] ds = dTmp[w];
        zb.b.get(off, zs, 0, len);
        for (int r = 0; r < rows; r++) {
            int row = r * width;
            for (int j = 0; j < width; j++) {
                zs[row + j] += p[bo + j];
            }
        }
        apply(act, zs, as, ds, len);
        if (keepPre) {
            zb.b.put(off, zs, 0, len);
        }
        ab.b.put(off, as, 0, len);
        if (db != null) {
            db.b.put(off, ds, 0, len);
        }
    }

    /** a = f(z) and dv = f'(z) on the first len entries of the worker's scratch arrays. */
    static void apply(Activation act, float[] zs, float[] as, float[] ds, int len) {
        switch (act) {
            case SWISH:
                swish(zs, as, ds, len);
                break;
            case SIGMOID:
                sigmoid(zs, as, ds, len);
                break;
            case TANH:
                tanh(zs, as, ds, len);
                break;
            case SOFTPLUS:
                softplus(zs, as, ds, len);
                break;
            case RELU:
                relu(zs, as, ds, len);
                break;
            case LEAKY_RELU:
                leakyRelu(zs, as, ds, len);
                break;
            case IDENTITY:
                identity(zs, as, ds, len);
                break;
            default:
                throw new AssertionError(act);
        }
    }

    // One small method per activation: C2 vectorises these loops reliably; inside one large method with all seven
    // loops the same loops ran 2-2.5x slower (measured: swish on a 256 x 128 block, 47 us inside, 20 us alone).

    private static void swish(float[] zs, float[] as, float[] ds, int len) {
        for (int q = 0; q < len; q++) {
            float v = zs[q];
            float s = 0.5f + 0.5f * FastMath.tanh(0.5f * v);
            as[q] = v * s;
            ds[q] = s + v * s * (1f - s);
        }
    }

    private static void sigmoid(float[] zs, float[] as, float[] ds, int len) {
        for (int q = 0; q < len; q++) {
            float s = 0.5f + 0.5f * FastMath.tanh(0.5f * zs[q]);
            as[q] = s;
            ds[q] = s * (1f - s);
        }
    }

    private static void tanh(float[] zs, float[] as, float[] ds, int len) {
        for (int q = 0; q < len; q++) {
            float t = FastMath.tanh(zs[q]);
            as[q] = t;
            ds[q] = 1f - t * t;
        }
    }

    private static void softplus(float[] zs, float[] as, float[] ds, int len) {
        for (int q = 0; q < len; q++) {
            float v = zs[q];
            float ex = FastMath.exp(-Math.abs(v));
            as[q] = Math.max(v, 0f) + (float) Math.log1p(ex);
            float s = 1f / (1f + ex);
            ds[q] = v >= 0 ? s : ex * s;
        }
    }

    private static void relu(float[] zs, float[] as, float[] ds, int len) {
        for (int q = 0; q < len; q++) {
            float v = zs[q];
            as[q] = Math.max(v, 0f);
            ds[q] = v > 0 ? 1f : 0f;
        }
    }

    private static void leakyRelu(float[] zs, float[] as, float[] ds, int len) {
        for (int q = 0; q < len; q++) {
            float v = zs[q];
            as[q] = v > 0 ? v : Activation.LEAKY_SLOPE * v;
            ds[q] = v > 0 ? 1f : Activation.LEAKY_SLOPE;
        }
    }

    private static void identity(float[] zs, float[] as, float[] ds, int len) {
        System.arraycopy(zs, 0, as, 0, len);
        java.util.Arrays.fill(ds, 0, len, 1f);
    }

    /** tanh by {@link FastMath#tanh}. */
    static float tanh(float v) {
        return FastMath.tanh(v);
    }
}
