package org.ebmjava.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test reference: an RBM in plain double loops, with brute-force enumeration of every joint state. Kept out of
 * the library on purpose (it is the naive reference that the ND4J code is checked against).
 */
final class NaiveRbm {
    final double[][] w;
    final double[] b;
    final double[] c;
    final int nv;
    final int nh;

    NaiveRbm(double[][] w, double[] b, double[] c) {
        this.w = w;
        this.b = b;
        this.c = c;
        this.nv = b.length;
        this.nh = c.length;
    }

    static NaiveRbm of(BernoulliRbm rbm) {
        return new NaiveRbm(rbm.weights().castTo(DataType.DOUBLE).toDoubleMatrix(), rbm.visibleBias().toDoubleVector(),
                rbm.hiddenBias().toDoubleVector());
    }

    static NaiveRbm of(GaussianBernoulliRbm rbm) {
        return new NaiveRbm(rbm.weights().castTo(DataType.DOUBLE).toDoubleMatrix(), rbm.visibleBias().toDoubleVector(),
                rbm.hiddenBias().toDoubleVector());
    }

    /** A random model with N(0, std^2) weights and biases, exactly representable in float. */
    static BernoulliRbm randomBernoulli(int nv, int nh, double std, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[][] w = new float[nv][nh];
        float[] b = new float[nv];
        float[] c = new float[nh];
        for (int i = 0; i < nv; i++) {
            b[i] = (float) (std * r.nextGaussian());
            for (int j = 0; j < nh; j++) {
                w[i][j] = (float) (std * r.nextGaussian());
            }
        }
        for (int j = 0; j < nh; j++) {
            c[j] = (float) (std * r.nextGaussian());
        }
        return BernoulliRbm.of(Nd4j.create(w), Nd4j.createFromArray(b), Nd4j.createFromArray(c));
    }

    /** Bit i of index as unit i. */
    static double[] bits(long index, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = (index >>> i) & 1L;
        }
        return s;
    }

    static INDArray row(double[] x) {
        return Nd4j.createFromArray(x).reshape(1, x.length).castTo(DataType.FLOAT);
    }

    static INDArray rows(double[][] x) {
        return Nd4j.create(x).castTo(DataType.FLOAT);
    }

    /** E(v, h) = -b.v - c.h - v W h (Bernoulli). */
    double energy(double[] v, double[] h) {
        double e = 0;
        for (int i = 0; i < nv; i++) {
            e -= b[i] * v[i];
            for (int j = 0; j < nh; j++) {
                e -= v[i] * w[i][j] * h[j];
            }
        }
        for (int j = 0; j < nh; j++) {
            e -= c[j] * h[j];
        }
        return e;
    }

    /** E(v, h) = |v - b|^2 / 2 - c.h - v W h (Gaussian visibles). */
    double gaussianEnergy(double[] v, double[] h) {
        double e = 0;
        for (int i = 0; i < nv; i++) {
            e += 0.5 * (v[i] - b[i]) * (v[i] - b[i]);
            for (int j = 0; j < nh; j++) {
                e -= v[i] * w[i][j] * h[j];
            }
        }
        for (int j = 0; j < nh; j++) {
            e -= c[j] * h[j];
        }
        return e;
    }

    /** log sum over all (v, h) of exp(-E), by brute force over 2^(nv+nh) states. */
    double logZJoint() {
        double[] t = new double[1 << (nv + nh)];
        for (int s = 0; s < t.length; s++) {
            t[s] = -energy(bits(s, nv), bits(s >>> nv, nh));
        }
        return RbmOps.logSumExp(t);
    }

    /** F(v) = -log sum_h exp(-E(v, h)) by enumerating h; gaussian selects the energy. */
    double freeEnergy(double[] v, boolean gaussian) {
        double[] t = new double[1 << nh];
        for (int s = 0; s < t.length; s++) {
            double[] h = bits(s, nh);
            t[s] = -(gaussian ? gaussianEnergy(v, h) : energy(v, h));
        }
        return -RbmOps.logSumExp(t);
    }

    /** p(h_j = 1 | v) as the marginal of the enumerated conditional p(h | v). */
    double[] hiddenMarginals(double[] v, boolean gaussian) {
        double fe = freeEnergy(v, gaussian);
        double[] m = new double[nh];
        for (int s = 0; s < 1 << nh; s++) {
            double[] h = bits(s, nh);
            double p = Math.exp(-(gaussian ? gaussianEnergy(v, h) : energy(v, h)) + fe);
            for (int j = 0; j < nh; j++) {
                m[j] += p * h[j];
            }
        }
        return m;
    }

    /** p(v_i = 1 | h) as the marginal of the enumerated conditional p(v | h) (Bernoulli). */
    double[] visibleMarginals(double[] h) {
        double[] t = new double[1 << nv];
        for (int s = 0; s < t.length; s++) {
            t[s] = -energy(bits(s, nv), h);
        }
        double lz = RbmOps.logSumExp(t);
        double[] m = new double[nv];
        for (int s = 0; s < t.length; s++) {
            double p = Math.exp(t[s] - lz);
            double[] v = bits(s, nv);
            for (int i = 0; i < nv; i++) {
                m[i] += p * v[i];
            }
        }
        return m;
    }

    /** Exact mean log-likelihood of binary rows: mean of -F(v) - log Z (brute force). */
    double averageLogLikelihood(double[][] data) {
        double lz = logZJoint();
        double s = 0;
        for (double[] v : data) {
            s += -freeEnergy(v, false) - lz;
        }
        return s / data.length;
    }
}
