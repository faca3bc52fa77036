package org.ebmjava.neural;

import java.util.SplittableRandom;

/**
 * A double-precision reference forward pass of an {@link Mlp}, written independently of the engine (plain loops,
 * activations from their textbook formulas), and central differences on it.
 */
final class Reference {
    final Mlp net;

    Reference(Mlp net) {
        this.net = net;
    }

    static double act(Activation a, double z) {
        switch (a) {
            case IDENTITY: return z;
            case RELU: return Math.max(0, z);
            case LEAKY_RELU: return z > 0 ? z : 0.01 * z;
            case TANH: return Math.tanh(z);
            case SOFTPLUS: return Math.log(1 + Math.exp(z));
            case SWISH: return z / (1 + Math.exp(-z));
            case SIGMOID: return 1 / (1 + Math.exp(-z));
            default: throw new AssertionError(a);
        }
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** f(x_i) for one row, with parameters p (double) and input x (double, d entries) and a level. */
    double[] forward(double[] p, double[] x, double level) {
        double[] a = new double[net.layer(0).inputDim()];
        System.arraycopy(x, 0, a, 0, net.inputDim());
        if (net.embedding() != null) {
            float[] e = new float[net.embedding().dim()];
            net.embedding().embed(level, e, 0);
            for (int k = 0; k < e.length; k++) {
                a[net.inputDim() + k] = e[k];
            }
        }
        for (Linear l : net.layers()) {
            double[] z = new double[l.outputDim()];
            for (int j = 0; j < l.outputDim(); j++) {
                double s = p[l.biasOffset() + j];
                for (int i = 0; i < l.inputDim(); i++) {
                    s += a[i] * p[l.weightOffset() + i * l.outputDim() + j];
                }
                z[j] = act(l.activation(), s);
            }
            a = z;
        }
        return a;
    }

    double[] row(float[] x, int i) {
        double[] r = new double[net.inputDim()];
        for (int k = 0; k < r.length; k++) {
            r[k] = x[i * r.length + k];
        }
        return r;
    }

    /** L(p) = sum_i <g_i, f(x_i; p)>. */
    double loss(double[] p, float[] x, float[] level, int n, float[] g) {
        double s = 0;
        int m = net.outputDim();
        for (int i = 0; i < n; i++) {
            double[] f = forward(p, row(x, i), level == null ? 0 : level[i]);
            for (int j = 0; j < m; j++) {
                s += g[i * m + j] * f[j];
            }
        }
        return s;
    }

    /** Central differences of the loss over every parameter. */
    double[] parameterGradient(float[] x, float[] level, int n, float[] g, double h) {
        double[] p = toDouble(net.parameters());
        double[] out = new double[p.length];
        for (int q = 0; q < p.length; q++) {
            double old = p[q];
            p[q] = old + h;
            double up = loss(p, x, level, n, g);
            p[q] = old - h;
            double down = loss(p, x, level, n, g);
            p[q] = old;
            out[q] = (up - down) / (2 * h);
        }
        return out;
    }

    /** Scalar head: central differences of f(x_i) over x_i. */
    double[] inputGradient(float[] x, float[] level, int n, double h) {
        double[] p = toDouble(net.parameters());
        int d = net.inputDim();
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            double[] r = row(x, i);
            double lv = level == null ? 0 : level[i];
            for (int k = 0; k < d; k++) {
                double old = r[k];
                r[k] = old + h;
                double up = forward(p, r, lv)[0];
                r[k] = old - h;
                double down = forward(p, r, lv)[0];
                r[k] = old;
                out[i * d + k] = (up - down) / (2 * h);
            }
        }
        return out;
    }

    static double dact(Activation a, double z) {
        switch (a) {
            case IDENTITY: return 1;
            case RELU: return z > 0 ? 1 : 0;
            case LEAKY_RELU: return z > 0 ? 1 : 0.01;
            case TANH: return 1 - Math.tanh(z) * Math.tanh(z);
            case SOFTPLUS: return 1 / (1 + Math.exp(-z));
            case SWISH: { double s = 1 / (1 + Math.exp(-z)); return s + z * s * (1 - s); }
            case SIGMOID: { double s = 1 / (1 + Math.exp(-z)); return s * (1 - s); }
            default: throw new AssertionError(a);
        }
    }

    /** Scalar head: the exact input gradient of f at one row by double-precision backpropagation. */
    double[] gradient(double[] p, double[] x, double level) {
        int layers = net.layerCount();
        double[][] as = new double[layers + 1][];
        double[][] zs = new double[layers + 1][];
        double[] a = new double[net.layer(0).inputDim()];
        System.arraycopy(x, 0, a, 0, net.inputDim());
        if (net.embedding() != null) {
            float[] e = new float[net.embedding().dim()];
            net.embedding().embed(level, e, 0);
            for (int k = 0; k < e.length; k++) {
                a[net.inputDim() + k] = e[k];
            }
        }
        as[0] = a;
        for (int k = 0; k < layers; k++) {
            Linear l = net.layer(k);
            double[] z = new double[l.outputDim()];
            double[] o = new double[l.outputDim()];
            for (int j = 0; j < l.outputDim(); j++) {
                double s = p[l.biasOffset() + j];
                for (int i = 0; i < l.inputDim(); i++) {
                    s += as[k][i] * p[l.weightOffset() + i * l.outputDim() + j];
                }
                z[j] = s;
                o[j] = act(l.activation(), s);
            }
            zs[k + 1] = z;
            as[k + 1] = o;
        }
        double[] delta = {1.0};
        for (int k = layers - 1; k >= 0; k--) {
            Linear l = net.layer(k);
            double[] back = new double[l.inputDim()];
            for (int i = 0; i < l.inputDim(); i++) {
                double s = 0;
                for (int j = 0; j < l.outputDim(); j++) {
                    s += delta[j] * p[l.weightOffset() + i * l.outputDim() + j];
                }
                back[i] = k > 0 ? s * dact(net.layer(k - 1).activation(), zs[k][i]) : s;
            }
            delta = back;
        }
        return java.util.Arrays.copyOf(delta, net.inputDim());
    }

    /** Scalar head: the Hessian at one row by central differences (step h) of the exact double gradient. */
    double[][] hessian(double[] p, double[] x, double level, double h) {
        int d = net.inputDim();
        double[][] hs = new double[d][];
        for (int k = 0; k < d; k++) {
            double old = x[k];
            x[k] = old + h;
            double[] up = gradient(p, x, level);
            x[k] = old - h;
            double[] down = gradient(p, x, level);
            x[k] = old;
            hs[k] = new double[d];
            for (int j = 0; j < d; j++) {
                hs[k][j] = (up[j] - down[j]) / (2 * h);
            }
        }
        return hs;
    }

    /** Exact SM loss mean_i [0.5 |grad f|^2 - tr H] in double. */
    double exactSm(double[] p, float[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double[] r = row(x, i);
            double[] g = gradient(p, r, 0);
            double[][] hs = hessian(p, r, 0, 1e-4);
            for (int k = 0; k < g.length; k++) {
                s += 0.5 * g[k] * g[k] - hs[k][k];
            }
        }
        return s / n;
    }

    /** Sliced SM loss mean_i [0.5 (v.grad f)^2 - v^T H v] in double. */
    double slicedSm(double[] p, float[] x, int n, float[] v) {
        double s = 0;
        int d = net.inputDim();
        for (int i = 0; i < n; i++) {
            double[] r = row(x, i);
            double[] g = gradient(p, r, 0);
            double[][] hs = hessian(p, r, 0, 1e-4);
            double vg = 0;
            double vhv = 0;
            for (int k = 0; k < d; k++) {
                vg += v[i * d + k] * g[k];
                for (int j = 0; j < d; j++) {
                    vhv += v[i * d + k] * hs[k][j] * v[i * d + j];
                }
            }
            s += 0.5 * vg * vg - vhv;
        }
        return s / n;
    }

    /** Central differences (step h) of a loss of the parameters. */
    double[] lossGradient(java.util.function.ToDoubleFunction<double[]> loss, double h) {
        double[] p = toDouble(net.parameters());
        double[] out = new double[p.length];
        for (int q = 0; q < p.length; q++) {
            double old = p[q];
            p[q] = old + h;
            double up = loss.applyAsDouble(p);
            p[q] = old - h;
            double down = loss.applyAsDouble(p);
            p[q] = old;
            out[q] = (up - down) / (2 * h);
        }
        return out;
    }

    static float[] gaussian(int n, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            double v = r.nextDouble();
            a[i] = (float) (scale * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v));
        }
        return a;
    }

    /** max |a - b| / (1 + max |b|). */
    static double relError(float[] a, double[] b) {
        double max = 0;
        double scale = 0;
        for (int i = 0; i < b.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return max / Math.max(1e-3, scale);
    }
}
