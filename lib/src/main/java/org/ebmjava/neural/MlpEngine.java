package org.ebmjava.neural;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ebmjava.rbm.BlasOps;

/**
 * The hot path of an {@link Mlp}: preallocated native float buffers for one chunk of rows, matrix products by
 * {@code cblas_sgemm} ({@link BlasOps#sgemm}), element-wise work in fused Java loops, split over a shared team of
 * {@link Workers}.
 *
 * <p>Per call: (0) each worker copies its slice of the Java parameter vector into the native copy of the weights
 * (the optimiser may have changed them), barrier; then per chunk of at most {@code chunk} rows: (1) each worker
 * runs the forward and backward passes for its own block of rows (rows are independent); (2) if parameter
 * gradients are wanted, after a barrier each worker computes its block of the rows of every dW = A<sup>T</sup>
 * &Delta; over all rows of the chunk and its block of the bias gradients, and adds them to the Java gradient
 * vector. Every sum is formed by one worker in a fixed order, so results depend only on the inputs, the seed and
 * the number of workers (and the BLAS build), not on timing.
 *
 * <p>OpenBLAS is set to 1 thread for the duration of each call (each worker calls it single-threaded) and
 * restored afterwards, so code that relies on OpenBLAS's own threads elsewhere (the RBM notebooks) is unaffected.
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

    final int layersCount;
    final int chunk;
    final int workers;
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
        gin = new Buf((long) chunk * widths[0]);
        embTmp = new float[workers][Math.max(1, e)];
        colTmp = new float[workers][maxWidth];
    }

    /** The start of block i of n near-equal blocks of 0..size-1. */
    static int split(int size, int n, int i) {
        return (int) ((long) size * i / n);
    }

    /** Runs a task with OpenBLAS single-threaded, restoring its thread count afterwards. */
    void run(java.util.function.IntConsumer task) {
        int saved = openblas_nolapack.blas_get_num_threads();
        if (saved != 1) {
            openblas_nolapack.blas_set_num_threads(1);
        }
        try {
            pool.run(task);
        } finally {
            if (saved != 1) {
                openblas_nolapack.blas_set_num_threads(saved);
            }
        }
    }

    /**
     * The first-order pass: forward; optionally backward from outGrad (or from 1 for a scalar head when outGrad is
     * null), input gradients and parameter gradients.
     */
    void firstOrder(float[] params, float[] x, float[] level, int n, float[] out, boolean backward, float[] outGrad,
            float[] inputGrad, float[] grads) {
        run(w -> {
            copyParams(params, w);
            pool.barrier();
            for (int c0 = 0; c0 < n; c0 += chunk) {
                int m = Math.min(chunk, n - c0);
                if (c0 > 0 && m < chunk && grads == null) {
                    // the last, shorter chunk splits its rows differently: wait until every worker is done with
                    // the rows it owned in the previous chunk
                    pool.barrier();
                }
                int r0 = split(m, workers, w);
                int rows = split(m, workers, w + 1) - r0;
                if (rows > 0) {
                    load(x, level, c0, r0, rows, w);
                    forward(params, r0, rows, backward);
                    if (out != null) {
                        z[layersCount].b.get(r0 * outDim, out, (c0 + r0) * outDim, rows * outDim);
                    }
                    if (backward) {
                        FloatBuffer top = delta[layersCount].b;
                        if (outGrad != null) {
                            top.put(r0 * outDim, outGrad, (c0 + r0) * outDim, rows * outDim);
                        } else {
                            for (int q = r0 * outDim; q < (r0 + rows) * outDim; q++) {
                                top.put(q, 1f);
                            }
                        }
                        backward(r0, rows, inputGrad != null);
                        if (inputGrad != null) {
                            copyInputGradient(gin, inputGrad, c0, r0, rows);
                        }
                    }
                }
                if (grads != null) {
                    pool.barrier();
                    parameterGradients(w, m, grads);
                    if (c0 + chunk < n) {
                        pool.barrier();
                    }
                }
            }
        });
    }

    void copyParams(float[] params, int w) {
        int from = split(params.length, workers, w);
        int to = split(params.length, workers, w + 1);
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
    void forward(float[] params, int r0, int rows, boolean keepDerivative) {
        for (int k = 0; k < layersCount; k++) {
            int in = widths[k];
            int out = widths[k + 1];
            BlasOps.sgemm(false, false, rows, out, in, 1f, a[k].at((long) r0 * in), in, pw.at(wOff[k]), out, 0f,
                    z[k + 1].at((long) r0 * out), out);
            if (k < layersCount - 1) {
                activate(acts[k], z[k + 1].b, a[k + 1].b, keepDerivative ? dv[k + 1].b : null, r0 * out, rows, out,
                        params, bOff[k]);
            } else {
                addBias(z[k + 1].b, r0 * out, rows, out, params, bOff[k]);
            }
        }
    }

    /** delta[k] = (delta[k+1] W<sup>T</sup>) * f'(z[k]) down to layer 1; gin = delta[1] W<sub>1</sub><sup>T</sup>. */
    void backward(int r0, int rows, boolean inputGradient) {
        for (int k = layersCount - 1; k >= 0; k--) {
            int in = widths[k];
            int out = widths[k + 1];
            if (k > 0) {
                BlasOps.sgemm(false, true, rows, in, out, 1f, delta[k + 1].at((long) r0 * out), out, pw.at(wOff[k]),
                        out, 0f, delta[k].at((long) r0 * in), in);
                multiply(delta[k].b, dv[k].b, r0 * in, rows * in);
            } else if (inputGradient) {
                BlasOps.sgemm(false, true, rows, in, out, 1f, delta[1].at((long) r0 * out), out, pw.at(wOff[0]), out,
                        0f, gin.at((long) r0 * in), in);
            }
        }
    }

    /**
     * This worker's block of the parameter gradients of the chunk's m rows: rows i0..i1 of every dW = a<sup>T</sup>
     * delta and entries j0..j1 of every db = column sums of delta, added into grads.
     */
    void parameterGradients(int w, int m, float[] grads) {
        for (int k = 0; k < layersCount; k++) {
            weightGradient(w, m, k, a[k], delta[k + 1], 0f);
            flushWeightGradient(w, grads, k);
            biasGradient(w, m, grads, k, delta[k + 1]);
        }
    }

    /** gw rows i0..i1 of layer k = beta gw + src<sup>T</sup> adj over the chunk's m rows. */
    void weightGradient(int w, int m, int k, Buf src, Buf adj, float beta) {
        int in = widths[k];
        int out = widths[k + 1];
        int i0 = split(in, workers, w);
        int ni = split(in, workers, w + 1) - i0;
        if (ni == 0) {
            return;
        }
        BlasOps.sgemm(true, false, ni, out, m, 1f, src.at(i0), in, adj.at(0), out, beta,
                gw.at(wOff[k] + (long) i0 * out), out);
    }

    /** Adds gw rows i0..i1 of layer k into grads. */
    void flushWeightGradient(int w, float[] grads, int k) {
        int in = widths[k];
        int out = widths[k + 1];
        int i0 = split(in, workers, w);
        int ni = split(in, workers, w + 1) - i0;
        int base = wOff[k] + i0 * out;
        FloatBuffer g = gw.b;
        for (int q = base; q < base + ni * out; q++) {
            grads[q] += g.get(q);
        }
    }

    void biasGradient(int w, int m, float[] grads, int k, Buf adj) {
        int out = widths[k + 1];
        int j0 = split(out, workers, w);
        int j1 = split(out, workers, w + 1);
        if (j1 == j0) {
            return;
        }
        float[] s = colTmp[w];
        java.util.Arrays.fill(s, j0, j1, 0f);
        FloatBuffer g = adj.b;
        for (int r = 0; r < m; r++) {
            int row = r * out;
            for (int j = j0; j < j1; j++) {
                s[j] += g.get(row + j);
            }
        }
        for (int j = j0; j < j1; j++) {
            grads[bOff[k] + j] += s[j];
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

    static void multiply(FloatBuffer x, FloatBuffer y, int off, int len) {
        for (int q = off; q < off + len; q++) {
            x.put(q, x.get(q) * y.get(q));
        }
    }

    /** Adds the bias to z, writes a = f(z) and, if dv is not null, dv = f'(z). */
    static void activate(Activation act, FloatBuffer z, FloatBuffer a, FloatBuffer dv, int off, int rows, int width,
            float[] p, int bo) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * width;
            switch (act) {
                case SWISH:
                    for (int j = 0; j < width; j++) {
                        float v = z.get(row + j) + p[bo + j];
                        z.put(row + j, v);
                        float s = FastMath.sigmoid(v);
                        a.put(row + j, v * s);
                        if (dv != null) {
                            dv.put(row + j, s * (1f + v * (1f - s)));
                        }
                    }
                    break;
                case SOFTPLUS:
                    for (int j = 0; j < width; j++) {
                        float v = z.get(row + j) + p[bo + j];
                        z.put(row + j, v);
                        float ex = FastMath.exp(-Math.abs(v));
                        a.put(row + j, Math.max(v, 0f) + (float) Math.log1p(ex));
                        if (dv != null) {
                            float s = 1f / (1f + ex);
                            dv.put(row + j, v >= 0 ? s : ex * s);
                        }
                    }
                    break;
                case TANH:
                    for (int j = 0; j < width; j++) {
                        float v = z.get(row + j) + p[bo + j];
                        z.put(row + j, v);
                        float t = tanh(v);
                        a.put(row + j, t);
                        if (dv != null) {
                            dv.put(row + j, 1f - t * t);
                        }
                    }
                    break;
                case SIGMOID:
                    for (int j = 0; j < width; j++) {
                        float v = z.get(row + j) + p[bo + j];
                        z.put(row + j, v);
                        float s = FastMath.sigmoid(v);
                        a.put(row + j, s);
                        if (dv != null) {
                            dv.put(row + j, s * (1f - s));
                        }
                    }
                    break;
                case RELU:
                    for (int j = 0; j < width; j++) {
                        float v = z.get(row + j) + p[bo + j];
                        z.put(row + j, v);
                        a.put(row + j, v > 0 ? v : 0f);
                        if (dv != null) {
                            dv.put(row + j, v > 0 ? 1f : 0f);
                        }
                    }
                    break;
                case LEAKY_RELU:
                    for (int j = 0; j < width; j++) {
                        float v = z.get(row + j) + p[bo + j];
                        z.put(row + j, v);
                        a.put(row + j, v > 0 ? v : Activation.LEAKY_SLOPE * v);
                        if (dv != null) {
                            dv.put(row + j, v > 0 ? 1f : Activation.LEAKY_SLOPE);
                        }
                    }
                    break;
                case IDENTITY:
                    for (int j = 0; j < width; j++) {
                        float v = z.get(row + j) + p[bo + j];
                        z.put(row + j, v);
                        a.put(row + j, v);
                        if (dv != null) {
                            dv.put(row + j, 1f);
                        }
                    }
                    break;
                default:
                    throw new AssertionError(act);
            }
        }
    }

    /** tanh z = sign(z) (1 - e<sup>-2|z|</sup>) / (1 + e<sup>-2|z|</sup>). */
    static float tanh(float v) {
        float ex = FastMath.exp(-2f * Math.abs(v));
        float t = (1f - ex) / (1f + ex);
        return v >= 0 ? t : -t;
    }
}
