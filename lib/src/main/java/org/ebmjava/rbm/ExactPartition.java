package org.ebmjava.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact log partition functions of small RBMs by enumerating the smaller layer, in double precision.
 *
 * <p>Summing out the other layer analytically leaves 2<sup>min(nv, nh)</sup> terms:
 * <pre>
 *   log Z = logsumexp over h of [ c.h + &sum;_i softplus(b_i + (W h)_i) ]      (enumerate h)
 *         = logsumexp over v of [ b.v + &sum;_j softplus(c_j + (v W)_j) ]      (enumerate v; this is -F(v))
 * </pre>
 * States are processed in batches of {@value #CHUNK} rows with ND4J double-precision products; the log-sum-exp is
 * accumulated in a streaming, max-shifted form. At most {@value #MAX_BITS} enumerated units (about 16 million
 * states) are allowed; 20 units with nv = 784 take about a second.
 */
public final class ExactPartition {
    /** The largest number of enumerated units. */
    public static final int MAX_BITS = 24;
    /** States per batch. */
    static final int CHUNK = 4096;

    private ExactPartition() {}

    /**
     * Returns log Z of a Bernoulli RBM, enumerating its smaller layer.
     *
     * @param rbm The model. Not modified.
     * @return log Z in nats.
     * @throws IllegalArgumentException If min(nv, nh) exceeds {@link #MAX_BITS}.
     */
    public static double logPartition(BernoulliRbm rbm) {
        return rbm.hiddenSize() <= rbm.visibleSize() ? logPartitionByHidden(rbm) : logPartitionByVisible(rbm);
    }

    /**
     * Returns log Z of a Bernoulli RBM by enumerating all 2<sup>nh</sup> hidden states.
     *
     * @param rbm The model. Not modified.
     * @return log Z in nats.
     * @throws IllegalArgumentException If nh exceeds {@link #MAX_BITS}.
     */
    public static double logPartitionByHidden(BernoulliRbm rbm) {
        return logSumExp(hiddenTerms(rbm.params, false));
    }

    /**
     * Returns log Z of a Bernoulli RBM by enumerating all 2<sup>nv</sup> visible states.
     *
     * @param rbm The model. Not modified.
     * @return log Z in nats.
     * @throws IllegalArgumentException If nv exceeds {@link #MAX_BITS}.
     */
    public static double logPartitionByVisible(BernoulliRbm rbm) {
        return logSumExp(visibleTerms(rbm.params));
    }

    /**
     * Returns log Z of a Gaussian-Bernoulli RBM by enumerating its hidden states, with the Gaussian integral over v
     * in closed form: log Z = (nv/2) log(2 pi) + logsumexp over h of [c.h + b.(W h) + |W h|<sup>2</sup>/2].
     *
     * @param rbm The model. Not modified.
     * @return log Z in nats (of a density over R<sup>nv</sup>).
     * @throws IllegalArgumentException If nh exceeds {@link #MAX_BITS}.
     */
    public static double logPartition(GaussianBernoulliRbm rbm) {
        return 0.5 * rbm.visibleSize() * Math.log(2 * Math.PI) + logSumExp(hiddenTerms(rbm.params, true));
    }

    /**
     * Returns the exact average log-likelihood of data, mean over rows of -F(v) - log Z, in nats.
     *
     * @param rbm The model. Not modified.
     * @param data Rows of visible states, [n, nv], n &gt; 0. Not modified.
     * @return The mean log-likelihood per row (&lt;= 0 for binary data).
     */
    public static double averageLogLikelihood(BernoulliRbm rbm, INDArray data) {
        return AnnealedImportanceSampling.averageLogLikelihood(rbm, data, logPartition(rbm));
    }

    /** Streaming log-sum-exp over the chunks. */
    static double logSumExp(Iterable<double[]> chunks) {
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double[] t : chunks) {
            for (double x : t) {
                if (x > max) {
                    sum = sum * Math.exp(max - x) + 1.0;
                    max = x;
                } else {
                    sum += Math.exp(x - max);
                }
            }
        }
        return max + Math.log(sum);
    }

    static void checkBits(int bits, String layer) {
        if (bits > MAX_BITS) {
            throw new IllegalArgumentException("exact enumeration of the " + layer + " layer needs 2^" + bits
                    + " states; at most " + MAX_BITS + " units are allowed, found " + bits);
        }
    }

    /** Returns the states start..start+count-1 as rows of 0/1 doubles (bit i of the index is unit i). */
    static INDArray states(long start, int count, int bits) {
        double[] s = new double[count * bits];
        for (int r = 0; r < count; r++) {
            long idx = start + r;
            for (int i = 0; i < bits; i++) {
                s[r * bits + i] = (idx >>> i) & 1L;
            }
        }
        return Nd4j.create(s, new long[] {count, bits}, 'c');
    }

    /** The number of states of a chunk starting at {@code start}. */
    static int chunkSize(long start, long total) {
        return (int) Math.min(CHUNK, total - start);
    }

    /**
     * Per-hidden-state terms c.h + &sum;<sub>i</sub> softplus(b<sub>i</sub> + (W h)<sub>i</sub>) (Bernoulli) or
     * c.h + b.(W h) + |W h|<sup>2</sup>/2 (Gaussian), chunk by chunk.
     */
    static Iterable<double[]> hiddenTerms(RbmParams p, boolean gaussian) {
        checkBits(p.nh, "hidden");
        INDArray w = p.w.castTo(DataType.DOUBLE);
        INDArray b = p.b.castTo(DataType.DOUBLE).reshape(1, p.nv);
        INDArray c = p.c.castTo(DataType.DOUBLE).reshape(p.nh, 1);
        return chunked(p.nh, h -> {
            int count = (int) h.rows();
            INDArray wh = h.mmul(w.transpose());
            INDArray scratch = null;
            try {
                INDArray terms;
                if (gaussian) {
                    INDArray quad = wh.mul(wh).sum(1).muli(0.5);
                    terms = quad.addi(wh.mmul(b.transpose()).reshape(count));
                } else {
                    INDArray x = wh.addiRowVector(b);
                    scratch = Nd4j.create(DataType.DOUBLE, x.shape(), 'c');
                    terms = RbmOps.softplusInPlace(x, scratch).sum(1);
                }
                return terms.addi(h.mmul(c).reshape(count)).toDoubleVector();
            } finally {
                release(wh, scratch, h);
            }
        });
    }

    /** Per-visible-state terms -F(v) = b.v + &sum;<sub>j</sub> softplus(c<sub>j</sub> + (v W)<sub>j</sub>). */
    static Iterable<double[]> visibleTerms(RbmParams p) {
        checkBits(p.nv, "visible");
        INDArray w = p.w.castTo(DataType.DOUBLE);
        INDArray b = p.b.castTo(DataType.DOUBLE).reshape(p.nv, 1);
        INDArray c = p.c.castTo(DataType.DOUBLE).reshape(1, p.nh);
        return chunked(p.nv, v -> {
            INDArray x = v.mmul(w).addiRowVector(c);
            INDArray scratch = Nd4j.create(DataType.DOUBLE, x.shape(), 'c');
            try {
                INDArray sp = RbmOps.softplusInPlace(x, scratch).sum(1);
                return sp.addi(v.mmul(b).reshape((int) v.rows())).toDoubleVector();
            } finally {
                release(x, scratch, v);
            }
        });
    }

    /**
     * Frees the native memory of per-chunk temporaries at once. Without this, a 15-hidden-unit MNIST RBM left about
     * 50 MB of native garbage per chunk of 4,096 states until the next garbage collection, and one enumeration
     * raised a notebook kernel's resident memory by some 400 MB.
     */
    private static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable() && !a.wasClosed()) {
                a.close();
            }
        }
    }

    /**
     * Enumerates all 2<sup>bits</sup> binary states chunk by chunk and maps each chunk (rows = states, in
     * binary-counting order) to its per-state terms.
     */
    private static Iterable<double[]> chunked(int bits, java.util.function.Function<INDArray, double[]> termsOf) {
        long total = 1L << bits;
        return () -> new java.util.Iterator<>() {
            long start = 0;

            @Override
            public boolean hasNext() {
                return start < total;
            }

            @Override
            public double[] next() {
                int count = chunkSize(start, total);
                INDArray states = states(start, count, bits);
                start += count;
                return termsOf.apply(states);
            }
        };
    }
}
