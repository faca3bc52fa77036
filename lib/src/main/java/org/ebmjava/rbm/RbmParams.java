package org.ebmjava.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The parameters shared by both RBM kinds: weights W [nv, nh], visible bias b [nv], hidden bias c [nh], all
 * float32, C order, owned by the model; plus the hidden-side computations that do not depend on the visible
 * units' type.
 */
final class RbmParams {
    final int nv;
    final int nh;
    final INDArray w;
    final INDArray b;
    final INDArray c;

    RbmParams(INDArray w, INDArray b, INDArray c) {
        this.w = w;
        this.b = b;
        this.c = c;
        this.nv = (int) w.rows();
        this.nh = (int) w.columns();
    }

    static RbmParams random(int nv, int nh, double weightStd, long seed) {
        RbmOps.requirePositive(nv, "nv");
        RbmOps.requirePositive(nh, "nh");
        if (!(weightStd >= 0) || Double.isInfinite(weightStd)) {
            throw new IllegalArgumentException("weightStd must be finite and >= 0, found " + weightStd);
        }
        INDArray w = Nd4j.create(DataType.FLOAT, new long[] {nv, nh}, 'c');
        if (weightStd > 0) {
            RbmOps.withRandom(seed, rng -> Nd4j.getExecutioner().exec(new GaussianDistribution(w, 0.0, weightStd), rng));
        }
        return new RbmParams(w, Nd4j.zeros(DataType.FLOAT, nv), Nd4j.zeros(DataType.FLOAT, nh));
    }

    static RbmParams copyOf(INDArray weights, INDArray visibleBias, INDArray hiddenBias) {
        if (weights == null || weights.rank() != 2) {
            throw new IllegalArgumentException("weights must be a matrix [nv, nh], found "
                    + (weights == null ? "null" : java.util.Arrays.toString(weights.shape())));
        }
        RbmOps.requirePositive(weights.rows(), "weights.rows (nv)");
        RbmOps.requirePositive(weights.columns(), "weights.columns (nh)");
        INDArray w = weights.castTo(DataType.FLOAT).dup('c');
        INDArray b = RbmOps.vectorCopy(visibleBias, weights.rows(), "visibleBias");
        INDArray c = RbmOps.vectorCopy(hiddenBias, weights.columns(), "hiddenBias");
        return new RbmParams(w, b, c);
    }

    RbmParams copy() {
        return new RbmParams(w.dup('c'), b.dup(), c.dup());
    }

    /** Returns x = v W + c, a new [n, nh] matrix (the hidden units' total input). */
    INDArray hiddenInput(INDArray v) {
        INDArray x = RbmOps.rows(v, nv, "v");
        INDArray out = Nd4j.create(DataType.FLOAT, new long[] {x.rows(), nh}, 'c');
        if (x.rows() == 0) {
            return out;
        }
        BlasOps.gemm(false, false, 1.0, x, w, 0.0, out);
        return out.addiRowVector(c);
    }

    /** Returns h W<sup>T</sup> + b, a new [n, nv] matrix (the visible units' total input or mean). */
    INDArray visibleInput(INDArray h) {
        INDArray x = RbmOps.rows(h, nh, "h");
        INDArray out = Nd4j.create(DataType.FLOAT, new long[] {x.rows(), nv}, 'c');
        if (x.rows() == 0) {
            return out;
        }
        BlasOps.gemm(false, true, 1.0, x, w, 0.0, out);
        return out.addiRowVector(b);
    }

    INDArray hiddenProbabilities(INDArray v) {
        return RbmOps.sigmoidInPlace(hiddenInput(v));
    }

    /** Returns &sum;<sub>j</sub> softplus(c<sub>j</sub> + (v W)<sub>j</sub>) per row, as a new [n] double vector. */
    INDArray hiddenSoftplusSum(INDArray v) {
        INDArray x = hiddenInput(v);
        INDArray scratch = Nd4j.create(DataType.FLOAT, x.shape(), 'c');
        RbmOps.softplusInPlace(x, scratch);
        return x.castTo(DataType.DOUBLE).sum(1);
    }

    /** Returns c.h + v.W.h per row (the interaction and hidden-bias part of -E), as a new [n] double vector. */
    INDArray hiddenTerms(INDArray v, INDArray h) {
        INDArray x = RbmOps.rows(v, nv, "v");
        INDArray y = RbmOps.rows(h, nh, "h");
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("v and h must have the same number of rows, found " + x.rows() + " and "
                    + y.rows());
        }
        INDArray xw = hiddenInput(x).castTo(DataType.DOUBLE);
        return xw.muli(y.castTo(DataType.DOUBLE)).sum(1);
    }

    void checkFinite(String what) {
        double s = w.norm2Number().doubleValue() + b.norm2Number().doubleValue() + c.norm2Number().doubleValue();
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException(what + " must have finite parameters, found a NaN or infinite entry");
        }
    }

    String describe() {
        return nv + " visible x " + nh + " hidden, |W| = " + String.format(java.util.Locale.ROOT, "%.4g",
                w.norm2Number().doubleValue());
    }
}
