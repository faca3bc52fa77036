package org.ebmjava.flow;

import java.util.Arrays;
import java.util.Locale;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Mlp;

/**
 * One affine coupling layer of RealNVP (Dinh et al. 2017): the coordinates are split by a mask into a
 * conditioning part x<sub>a</sub>, copied unchanged, and a transformed part x<sub>b</sub>, scaled and shifted by
 * functions of x<sub>a</sub>:
 * <pre>
 *   y_a = x_a,     y_b = x_b &#8857; exp(s(x_a)) + t(x_a),     log |det dy/dx| = &sum;_k s_k(x_a)
 *   x_b = (y_b - t(y_a)) &#8857; exp(-s(y_a))                                          (the inverse)
 * </pre>
 * The Jacobian is triangular, so its log-determinant is the sum of the scales, whatever s and t are. Here s
 * and t are the two halves of one engine {@link Mlp} with |a| inputs and 2|b| outputs, and the raw scale output r
 * is bounded smoothly, s = c tanh(r / c) with the scale bound c, which keeps exp(s) finite early in training.
 *
 * <p>Reverse mode ({@link #backward}): given dL/dy and dL/d(log det) per row,
 * <pre>
 *   dL/dx_b = dL/dy_b &#8857; exp(s),   dL/ds = dL/dy_b &#8857; x_b &#8857; exp(s) + dL/dlogdet,   dL/dt = dL/dy_b,
 *   dL/dr = dL/ds &#8857; (1 - tanh^2(r / c)),   dL/dx_a = dL/dy_a + J_net(x_a)^T [dL/dr, dL/dt]
 * </pre>
 * where the last product (a vector-Jacobian product of the network) and the parameter gradient come from one
 * call of the engine's reverse mode.
 *
 * <pre>
 * L. Dinh, J. Sohl-Dickstein and S. Bengio, "Density estimation using Real NVP", ICLR 2017.
 * </pre>
 */
public final class AffineCoupling {

    private final boolean[] mask;
    private final int[] cond;
    private final int[] trans;
    private final double scaleBound;
    private final Mlp net;
    private float[] xa = new float[0];
    private float[] out = new float[0];
    private float[] outGrad = new float[0];
    private float[] gxa = new float[0];

    /**
     * Creates a layer with a new network.
     *
     * @param mask mask[i] true if coordinate i conditions (passes through), false if it is transformed; at least
     *     one of each. Not modified (copied).
     * @param width The width of each hidden layer of the network, &ge; 1.
     * @param hiddenLayers The number of hidden (SiLU) layers, &ge; 1.
     * @param scaleBound The bound c on |s|, &gt; 0.
     * @param seed The network's initialisation seed.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public AffineCoupling(boolean[] mask, int width, int hiddenLayers, double scaleBound, long seed) {
        this(mask, build(mask, width, hiddenLayers, seed), scaleBound);
    }

    /**
     * Creates a layer around a given network.
     *
     * @param mask As above. Not modified (copied).
     * @param network A network with |a| inputs, 2|b| outputs and no embedding (first |b| outputs: raw scales; last
     *     |b|: shifts). Must not be null.
     * @param scaleBound The bound c on |s|, &gt; 0.
     * @throws IllegalArgumentException If the shapes do not fit.
     */
    public AffineCoupling(boolean[] mask, Mlp network, double scaleBound) {
        if (mask == null || mask.length < 2) {
            throw new IllegalArgumentException("mask: expected at least 2 coordinates, found "
                    + (mask == null ? "null" : mask.length));
        }
        int na = 0;
        for (boolean m : mask) {
            na += m ? 1 : 0;
        }
        if (na == 0 || na == mask.length) {
            throw new IllegalArgumentException("mask: expected both conditioning and transformed coordinates, found "
                    + Arrays.toString(mask));
        }
        if (!(scaleBound > 0) || Double.isInfinite(scaleBound)) {
            throw new IllegalArgumentException("scaleBound must be finite and > 0, found " + scaleBound);
        }
        this.mask = mask.clone();
        this.cond = new int[na];
        this.trans = new int[mask.length - na];
        for (int i = 0, ia = 0, ib = 0; i < mask.length; i++) {
            if (mask[i]) {
                cond[ia++] = i;
            } else {
                trans[ib++] = i;
            }
        }
        if (network == null || network.inputDim() != na || network.outputDim() != 2 * trans.length
                || network.embedding() != null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "network: expected %d inputs, %d outputs and no embedding, found %s", na, 2 * trans.length, network));
        }
        this.net = network;
        this.scaleBound = scaleBound;
    }

    private static Mlp build(boolean[] mask, int width, int hiddenLayers, long seed) {
        if (mask == null) {
            throw new IllegalArgumentException("mask must not be null");
        }
        int na = 0;
        for (boolean m : mask) {
            na += m ? 1 : 0;
        }
        if (hiddenLayers < 1 || width < 1) {
            throw new IllegalArgumentException("width and hiddenLayers must be >= 1, found " + width + ", " + hiddenLayers);
        }
        Mlp.Builder b = Mlp.builder(Math.max(1, na));
        for (int k = 0; k < hiddenLayers; k++) {
            b.hidden(width, Activation.SWISH);
        }
        return b.output(2 * Math.max(1, mask.length - na)).seed(seed).build();
    }

    /**
     * Maps x to y and adds each row's log-determinant.
     *
     * @param x The inputs, n&middot;d floats. Not modified (unless it is also y).
     * @param n The number of rows, &ge; 1.
     * @param y Receives y, n&middot;d floats; may be x. Modified.
     * @param logDet Receives log |det dy/dx| added to its first n entries. Modified.
     */
    public void forward(float[] x, int n, float[] y, float[] logDet) {
        int d = mask.length;
        int nb = trans.length;
        evaluate(x, n);
        if (y != x) {
            System.arraycopy(x, 0, y, 0, n * d);
        }
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < nb; k++) {
                double s = scale(out[i * 2 * nb + k]);
                double t = out[i * 2 * nb + nb + k];
                int j = i * d + trans[k];
                y[j] = (float) (x[j] * Math.exp(s) + t);
                sum += s;
            }
            logDet[i] += (float) sum;
        }
    }

    /**
     * Maps y back to x (the inverse of {@link #forward}).
     *
     * @param y The outputs, n&middot;d floats. Not modified (unless it is also x).
     * @param n The number of rows, &ge; 1.
     * @param x Receives x; may be y. Modified.
     */
    public void inverse(float[] y, int n, float[] x) {
        int d = mask.length;
        int nb = trans.length;
        evaluate(y, n);
        if (x != y) {
            System.arraycopy(y, 0, x, 0, n * d);
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nb; k++) {
                double s = scale(out[i * 2 * nb + k]);
                double t = out[i * 2 * nb + nb + k];
                int j = i * d + trans[k];
                x[j] = (float) ((y[j] - t) * Math.exp(-s));
            }
        }
    }

    /**
     * Reverse mode: from dL/dy and dL/d(log det) to dL/dx, adding dL/d&theta; to the network's gradients.
     *
     * @param x The inputs of the forward pass, n&middot;d floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param gy dL/dy, n&middot;d floats. Not modified (unless it is also gx).
     * @param gLogDet dL/d(log det) per row, n entries. Not modified.
     * @param gx Receives dL/dx, n&middot;d floats; may be gy. Modified.
     */
    public void backward(float[] x, int n, float[] gy, float[] gLogDet, float[] gx) {
        int d = mask.length;
        int nb = trans.length;
        int na = cond.length;
        evaluate(x, n);
        if (outGrad.length < n * 2 * nb) {
            outGrad = new float[n * 2 * nb];
        }
        if (gxa.length < n * na) {
            gxa = new float[n * na];
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nb; k++) {
                double r = out[i * 2 * nb + k];
                double th = Math.tanh(r / scaleBound);
                double s = scaleBound * th;
                double e = Math.exp(s);
                int j = i * d + trans[k];
                double g = gy[j];
                double gs = g * x[j] * e + gLogDet[i];
                outGrad[i * 2 * nb + k] = (float) (gs * (1 - th * th));
                outGrad[i * 2 * nb + nb + k] = (float) g;
                gx[j] = (float) (g * e);
            }
        }
        net.accumulateGradient(xa, null, n, outGrad, null, gxa);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < na; k++) {
                int j = i * d + cond[k];
                gx[j] = gy[j] + gxa[i * na + k];
            }
        }
    }

    /** Gathers the conditioning coordinates and evaluates the network into {@link #out}. */
    private void evaluate(float[] x, int n) {
        int d = mask.length;
        int na = cond.length;
        if (n < 1 || x == null || x.length < (long) n * d) {
            throw new IllegalArgumentException("x: expected n*d = " + (long) n * d + " floats with n >= 1, found "
                    + (x == null ? "null" : x.length));
        }
        if (xa.length < n * na) {
            xa = new float[n * na];
        }
        if (out.length < n * 2 * trans.length) {
            out = new float[n * 2 * trans.length];
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < na; k++) {
                xa[i * na + k] = x[i * d + cond[k]];
            }
        }
        net.output(xa, null, n, out);
    }

    private double scale(float raw) {
        return scaleBound * Math.tanh(raw / scaleBound);
    }

    /**
     * Returns the network (live).
     *
     * @return The s-and-t network.
     */
    public Mlp network() {
        return net;
    }

    /**
     * Returns the mask.
     *
     * @return A copy: true for conditioning coordinates.
     */
    public boolean[] mask() {
        return mask.clone();
    }

    /**
     * Returns the dimension d.
     *
     * @return d.
     */
    public int dimension() {
        return mask.length;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AffineCoupling[mask=%s, c=%.3g, %s]", Arrays.toString(mask), scaleBound, net);
    }
}
