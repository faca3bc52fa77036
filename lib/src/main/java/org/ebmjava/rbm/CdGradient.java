package org.ebmjava.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Log-likelihood gradients of a Bernoulli RBM: the CD-k estimate and, for tiny models, the exact gradient, so a
 * notebook can show how biased contrastive divergence is (cosine similarity, norms).
 *
 * <p>Sign convention: both return the ascent direction of the average log-likelihood,
 * <pre>
 *   dL/dW = &lt;v h^T&gt;_data - &lt;v h^T&gt;_model,   dL/db = &lt;v&gt;_data - &lt;v&gt;_model,   dL/dc = &lt;h&gt;_data - &lt;h&gt;_model
 * </pre>
 * where the hidden statistics use p(h|v) (Rao-Blackwellised). CD-k replaces the model expectation by the end of
 * a k-step Gibbs chain started at each data row.
 */
public final class CdGradient {
    /** The largest visible layer {@link #expectedCdk} enumerates. */
    public static final int MAX_EXPECTED_VISIBLE = 12;
    /** The largest total number of units {@link #expectedCdk} enumerates. */
    public static final int MAX_EXPECTED_UNITS = 20;

    private CdGradient() {}

    /**
     * A gradient with respect to (W, b, c), in double precision.
     *
     * @param weights dL/dW, [nv, nh].
     * @param visibleBias dL/db, [nv].
     * @param hiddenBias dL/dc, [nh].
     */
    public record Gradient(INDArray weights, INDArray visibleBias, INDArray hiddenBias) {
        /**
         * Returns all components in one array: W row by row, then b, then c.
         *
         * @return A new array of length nv nh + nv + nh.
         */
        public double[] flatten() {
            double[] w = weights.dup('c').reshape(weights.length()).toDoubleVector();
            double[] b = visibleBias.toDoubleVector();
            double[] c = hiddenBias.toDoubleVector();
            double[] out = new double[w.length + b.length + c.length];
            System.arraycopy(w, 0, out, 0, w.length);
            System.arraycopy(b, 0, out, w.length, b.length);
            System.arraycopy(c, 0, out, w.length + b.length, c.length);
            return out;
        }

        /**
         * Returns the Euclidean norm over all components.
         *
         * @return sqrt(|dW|<sup>2</sup> + |db|<sup>2</sup> + |dc|<sup>2</sup>).
         */
        public double norm() {
            double s = 0;
            for (double x : flatten()) {
                s += x * x;
            }
            return Math.sqrt(s);
        }

        /**
         * Returns the cosine of the angle between two gradients over all components.
         *
         * @param other The other gradient, same shapes.
         * @return g.o / (|g| |o|), in [-1, 1]; NaN if either is zero.
         */
        public double cosineSimilarity(Gradient other) {
            double[] a = flatten();
            double[] b = other.flatten();
            if (a.length != b.length) {
                throw new IllegalArgumentException("gradients must have the same size, found " + a.length + " and "
                        + b.length);
            }
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int i = 0; i < a.length; i++) {
                dot += a[i] * b[i];
                na += a[i] * a[i];
                nb += b[i] * b[i];
            }
            return dot / Math.sqrt(na * nb);
        }

        /**
         * Returns this minus another gradient.
         *
         * @param other The other gradient, same shapes.
         * @return A new gradient.
         */
        public Gradient minus(Gradient other) {
            return new Gradient(weights.sub(other.weights), visibleBias.sub(other.visibleBias),
                    hiddenBias.sub(other.hiddenBias));
        }

        /**
         * Returns this gradient scaled by a factor.
         *
         * @param factor The factor, e.g. -1 to flip the sign.
         * @return A new gradient.
         */
        public Gradient scale(double factor) {
            return new Gradient(weights.mul(factor), visibleBias.mul(factor), hiddenBias.mul(factor));
        }
    }

    /**
     * Estimates the gradient by CD-k on a batch: one Gibbs chain per row, started at the row.
     *
     * <p>Each step samples h ~ p(h|v) and then v ~ p(v|h) (sampled visibles, so for large k the estimate tends to
     * the exact gradient); the statistics use v<sub>0</sub>, p(h|v<sub>0</sub>), v<sub>k</sub> and
     * p(h|v<sub>k</sub>), averaged over rows.
     *
     * @param rbm The model. Not modified.
     * @param batch Data rows, [n, nv], n &gt; 0. Not modified.
     * @param k Gibbs steps, &gt;= 1.
     * @param seed The seed of the chains.
     * @return The estimate (ascent direction).
     */
    public static Gradient cdk(BernoulliRbm rbm, INDArray batch, int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, found " + k);
        }
        INDArray v0 = RbmOps.rows(batch, rbm.visibleSize(), "batch");
        if (v0.rows() == 0) {
            throw new IllegalArgumentException("batch must have at least one row, found 0");
        }
        return RbmOps.withRandom(seed, rng -> {
            INDArray h0 = rbm.hiddenProbabilities(v0);
            INDArray h = RbmOps.bernoulli(h0, h0.dup(), rng);
            INDArray v = null;
            INDArray hk = null;
            for (int s = 1; s <= k; s++) {
                v = rbm.sampleVisible(h, rng);
                hk = rbm.hiddenProbabilities(v);
                if (s < k) {
                    h = RbmOps.bernoulli(hk, hk.dup(), rng);
                }
            }
            return statistics(v0, h0, v, hk);
        });
    }

    /**
     * Computes the exact gradient of the average log-likelihood of data, with the model expectation by
     * enumerating the smaller layer (at most {@link ExactPartition#MAX_BITS} units).
     *
     * @param rbm The model. Not modified.
     * @param data Data rows, [n, nv], n &gt; 0. Not modified.
     * @return The exact gradient (ascent direction).
     */
    public static Gradient exact(BernoulliRbm rbm, INDArray data) {
        INDArray v0 = RbmOps.rows(data, rbm.visibleSize(), "data");
        if (v0.rows() == 0) {
            throw new IllegalArgumentException("data must have at least one row, found 0");
        }
        Gradient positive = statistics(v0, rbm.hiddenProbabilities(v0), null, null);
        Gradient model = modelExpectation(rbm.params);
        return positive.minus(model);
    }

    /**
     * Computes the exact expectation of {@link #cdk}'s estimate over its Gibbs chains, for RBMs small enough to
     * enumerate both layers ({@value #MAX_EXPECTED_VISIBLE} visible units at most, and nv + nh &le;
     * {@value #MAX_EXPECTED_UNITS}).
     *
     * <p>CD-k's chain on the visible layer has the transition matrix T(v' | v) = &sum;<sub>h</sub> p(h | v)
     * p(v' | h). With D<sub>0</sub> the data's empirical distribution and D<sub>k</sub> = D<sub>0</sub>
     * T<sup>k</sup> the distribution of the chains after k steps, the expected estimate is
     * <pre>
     *   E[dW] = &sum;<sub>v</sub> (D<sub>0</sub>(v) - D<sub>k</sub>(v)) v p(h | v)<sup>T</sup>,
     *   E[db] = &sum;<sub>v</sub> (D<sub>0</sub>(v) - D<sub>k</sub>(v)) v,
     *   E[dc] = &sum;<sub>v</sub> (D<sub>0</sub>(v) - D<sub>k</sub>(v)) p(h | v).
     * </pre>
     * Its difference from {@link #exact} is CD-k's bias, free of sampling noise. As k grows, D<sub>k</sub> tends to
     * the model's marginal p(v) and the bias vanishes, geometrically at the rate of the chain's second-largest
     * eigenvalue (Carreira-Perpi&ntilde;&aacute;n and Hinton, "On contrastive divergence learning", AISTATS 2005).
     *
     * @param rbm The model. Not modified.
     * @param data Data rows of 0/1 values, [n, nv], n &gt; 0. Not modified.
     * @param k Gibbs steps, &gt;= 0 (0 gives the zero gradient).
     * @return The expected CD-k gradient (ascent direction), in double precision.
     * @throws IllegalArgumentException If the RBM is too large to enumerate, k is negative or a data value is not
     *     0 or 1.
     */
    public static Gradient expectedCdk(BernoulliRbm rbm, INDArray data, int k) {
        int nv = rbm.visibleSize();
        int nh = rbm.hiddenSize();
        if (nv > MAX_EXPECTED_VISIBLE || nv + nh > MAX_EXPECTED_UNITS) {
            throw new IllegalArgumentException("expectedCdk enumerates both layers: needs nv <= " + MAX_EXPECTED_VISIBLE
                    + " and nv + nh <= " + MAX_EXPECTED_UNITS + ", found nv = " + nv + ", nh = " + nh);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, found " + k);
        }
        INDArray v0 = RbmOps.rows(data, nv, "data");
        if (v0.rows() == 0) {
            throw new IllegalArgumentException("data must have at least one row, found 0");
        }
        double[][] w = rbm.weights().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] b = rbm.visibleBias().castTo(DataType.DOUBLE).toDoubleVector();
        double[] c = rbm.hiddenBias().castTo(DataType.DOUBLE).toDoubleVector();
        int sv = 1 << nv;
        int sh = 1 << nh;
        double[][] onH = new double[sv][nh];            // p(h_j = 1 | v) for every visible state v
        double[][] onV = new double[sh][nv];            // p(v_i = 1 | h) for every hidden state h
        for (int v = 0; v < sv; v++) {
            for (int j = 0; j < nh; j++) {
                double a = c[j];
                for (int i = 0; i < nv; i++) {
                    a += ((v >> i) & 1) * w[i][j];
                }
                onH[v][j] = RbmOps.sigmoid(a);
            }
        }
        for (int h = 0; h < sh; h++) {
            for (int i = 0; i < nv; i++) {
                double a = b[i];
                for (int j = 0; j < nh; j++) {
                    a += ((h >> j) & 1) * w[i][j];
                }
                onV[h][i] = RbmOps.sigmoid(a);
            }
        }
        INDArray hGivenV = Nd4j.create(factorised(onH, sh));      // [sv, sh]
        INDArray vGivenH = Nd4j.create(factorised(onV, sv));      // [sh, sv]
        INDArray transition = hGivenV.mmul(vGivenH);              // T(v' | v), rows sum to 1
        double[] d0 = new double[sv];
        double[][] rows = v0.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int r = 0; r < rows.length; r++) {
            int code = 0;
            for (int i = 0; i < nv; i++) {
                double x = rows[r][i];
                if (x != 0 && x != 1) {
                    throw new IllegalArgumentException("data must hold 0/1 values, found " + x + " at row " + r
                            + ", column " + i);
                }
                code |= (int) x << i;
            }
            d0[code] += 1.0 / rows.length;
        }
        INDArray dk = Nd4j.create(d0, new long[] {1, sv});
        for (int s = 0; s < k; s++) {
            dk = dk.mmul(transition);
        }
        double[] diff = dk.toDoubleVector();
        for (int v = 0; v < sv; v++) {
            diff[v] = d0[v] - diff[v];
        }
        double[][] gw = new double[nv][nh];
        double[] gb = new double[nv];
        double[] gc = new double[nh];
        for (int v = 0; v < sv; v++) {
            if (diff[v] == 0) {
                continue;
            }
            for (int j = 0; j < nh; j++) {
                gc[j] += diff[v] * onH[v][j];
            }
            for (int i = 0; i < nv; i++) {
                if (((v >> i) & 1) == 1) {
                    gb[i] += diff[v];
                    for (int j = 0; j < nh; j++) {
                        gw[i][j] += diff[v] * onH[v][j];
                    }
                }
            }
        }
        return new Gradient(Nd4j.create(gw), Nd4j.create(gb), Nd4j.create(gc));
    }

    /** The full conditional table p(y | x) = prod_j on[x][j]^y_j (1 - on[x][j])^(1 - y_j) over all states y. */
    private static double[][] factorised(double[][] on, int states) {
        double[][] table = new double[on.length][states];
        for (int x = 0; x < on.length; x++) {
            for (int y = 0; y < states; y++) {
                double p = 1;
                for (int j = 0; j < on[x].length; j++) {
                    p *= ((y >> j) & 1) == 1 ? on[x][j] : 1 - on[x][j];
                }
                table[x][y] = p;
            }
        }
        return table;
    }

    /** Data statistics minus (optional) negative statistics, averaged over rows, in double. */
    static Gradient statistics(INDArray v0, INDArray h0, INDArray vk, INDArray hk) {
        double n = v0.rows();
        INDArray a = v0.castTo(DataType.DOUBLE);
        INDArray p = h0.castTo(DataType.DOUBLE);
        INDArray w = a.transpose().mmul(p).divi(n);
        INDArray b = a.mean(0);
        INDArray c = p.mean(0);
        if (vk != null) {
            INDArray ak = vk.castTo(DataType.DOUBLE);
            INDArray pk = hk.castTo(DataType.DOUBLE);
            w.subi(ak.transpose().mmul(pk).divi(n));
            b.subi(ak.mean(0));
            c.subi(pk.mean(0));
        }
        return new Gradient(w, b, c);
    }

    /** The model expectations (&lt;v h^T&gt;, &lt;v&gt;, &lt;h&gt;) by enumeration. */
    static Gradient modelExpectation(RbmParams p) {
        boolean byHidden = p.nh <= p.nv;
        int bits = byHidden ? p.nh : p.nv;
        ExactPartition.checkBits(bits, byHidden ? "hidden" : "visible");
        double logZ = ExactPartition.logSumExp(byHidden ? ExactPartition.hiddenTerms(p, false)
                : ExactPartition.visibleTerms(p));
        INDArray w = p.w.castTo(DataType.DOUBLE);
        INDArray bRow = p.b.castTo(DataType.DOUBLE).reshape(1, p.nv);
        INDArray cRow = p.c.castTo(DataType.DOUBLE).reshape(1, p.nh);
        INDArray ew = Nd4j.zeros(DataType.DOUBLE, p.nv, p.nh);
        INDArray eb = Nd4j.zeros(DataType.DOUBLE, p.nv);
        INDArray ec = Nd4j.zeros(DataType.DOUBLE, p.nh);
        Iterable<double[]> terms = byHidden ? ExactPartition.hiddenTerms(p, false) : ExactPartition.visibleTerms(p);
        long total = 1L << bits;
        long start = 0;
        for (double[] t : terms) {
            int count = t.length;
            double[] prob = new double[count];
            for (int i = 0; i < count; i++) {
                prob[i] = Math.exp(t[i] - logZ);
            }
            INDArray pr = Nd4j.create(prob, new long[] {count, 1}, 'c');
            INDArray s = ExactPartition.states(start, count, bits);
            start += count;
            if (byHidden) {
                INDArray meanV = Transforms.sigmoid(s.mmul(w.transpose()).addiRowVector(bRow), false);
                ew.addi(meanV.mulColumnVector(pr).transpose().mmul(s));
                eb.addi(meanV.transpose().mmul(pr).reshape(p.nv));
                ec.addi(s.transpose().mmul(pr).reshape(p.nh));
            } else {
                INDArray meanH = Transforms.sigmoid(s.mmul(w).addiRowVector(cRow), false);
                ew.addi(s.mulColumnVector(pr).transpose().mmul(meanH));
                eb.addi(s.transpose().mmul(pr).reshape(p.nv));
                ec.addi(meanH.transpose().mmul(pr).reshape(p.nh));
            }
        }
        if (start != total) {
            throw new IllegalStateException("enumerated " + start + " of " + total + " states");
        }
        return new Gradient(ew, eb, ec);
    }
}
