package org.ebmjava.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ebmjava.neural.Mlp;

/**
 * A RealNVP normalising flow (Dinh et al. 2017): a stack of {@link AffineCoupling} layers f = f<sub>L</sub>
 * &#8728; ... &#8728; f<sub>1</sub> mapping data x to a latent z = f(x) with a standard normal base density, so
 * that the log-likelihood is exact (the change of variables):
 * <pre>
 *   log p(x) = log N(f(x); 0, I) + &sum;_l log |det d f_l / d x_{l-1}|
 * </pre>
 * No partition function appears: the model is normalised by construction, unlike an EBM. Sampling runs the
 * layers' inverses on base samples. Masks alternate, so every coordinate is transformed by every other layer.
 *
 * <p>{@link #nllAndGradient} returns the mean negative log-likelihood of a batch and adds its parameter
 * gradient to every layer's network: dL/dz = z/n and dL/d(log det) = -1/n per row, propagated back through the
 * layers by {@link AffineCoupling#backward}.
 *
 * <pre>
 * L. Dinh, J. Sohl-Dickstein and S. Bengio, "Density estimation using Real NVP", ICLR 2017.
 * G. Papamakarios, E. Nalisnick, D. J. Rezende, S. Mohamed and B. Lakshminarayanan, "Normalizing Flows for
 * Probabilistic Modeling and Inference", JMLR 22(57), 2021.
 * </pre>
 */
public final class RealNvp {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final List<AffineCoupling> layers;
    private final int d;

    /**
     * Creates a flow from layers (applied in list order from data to latent).
     *
     * @param layers The coupling layers, at least one, all of one dimension. Not modified (copied).
     * @throws IllegalArgumentException If the list is empty or the dimensions differ.
     */
    public RealNvp(List<AffineCoupling> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers: expected at least one coupling layer");
        }
        this.d = layers.get(0).dimension();
        for (AffineCoupling l : layers) {
            if (l.dimension() != d) {
                throw new IllegalArgumentException("layers: expected dimension " + d + " throughout, found " + l);
            }
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * Builds a flow with alternating masks (even coordinates condition in layers 1, 3, ...; odd ones in 2, 4, ...).
     *
     * @param dimension d, &ge; 2.
     * @param couplings The number of layers, &ge; 1 (use an even number so every coordinate is transformed).
     * @param width The hidden width of each layer's network, &ge; 1.
     * @param hiddenLayers The number of hidden layers per network, &ge; 1.
     * @param scaleBound The bound c on each log-scale, &gt; 0 (2 is a safe choice for standardised data).
     * @param seed The seed; layer l's network gets seed + l.
     * @return The flow.
     */
    public static RealNvp create(int dimension, int couplings, int width, int hiddenLayers, double scaleBound,
            long seed) {
        if (dimension < 2 || couplings < 1) {
            throw new IllegalArgumentException("need dimension >= 2 and couplings >= 1, found " + dimension + ", "
                    + couplings);
        }
        List<AffineCoupling> ls = new ArrayList<>();
        for (int l = 0; l < couplings; l++) {
            boolean[] mask = new boolean[dimension];
            for (int i = 0; i < dimension; i++) {
                mask[i] = (i + l) % 2 == 0;
            }
            ls.add(new AffineCoupling(mask, width, hiddenLayers, scaleBound, seed + l));
        }
        return new RealNvp(ls);
    }

    /**
     * Maps data to the latent space.
     *
     * @param x The data, n&middot;d floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param z Receives f(x), n&middot;d floats. Modified.
     * @param logDet Receives &sum;<sub>l</sub> log |det| per row (n entries, overwritten). Modified.
     */
    public void toLatent(float[] x, int n, float[] z, float[] logDet) {
        check(x, n);
        java.util.Arrays.fill(logDet, 0, n, 0f);
        System.arraycopy(x, 0, z, 0, n * d);
        for (AffineCoupling l : layers) {
            l.forward(z, n, z, logDet);
        }
    }

    /**
     * Computes the exact log density.
     *
     * @param x The points, n&middot;d floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param out Receives log p(x<sub>i</sub>), nats (n entries). Modified.
     */
    public void logDensity(float[] x, int n, float[] out) {
        float[] z = new float[n * d];
        toLatent(x, n, z, out);
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                sq += z[i * d + j] * z[i * d + j];
            }
            out[i] = (float) (out[i] - 0.5 * (d * LOG_2PI + sq));
        }
    }

    /**
     * Returns the mean negative log-likelihood of a batch and adds its gradient to every network's gradients
     * (callers zero them first; see {@link RealNvpTrainer}).
     *
     * @param x The batch, n&middot;d floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return -(1/n) &sum;<sub>i</sub> log p(x<sub>i</sub>), nats.
     */
    public double nllAndGradient(float[] x, int n) {
        check(x, n);
        int nl = layers.size();
        float[][] inputs = new float[nl][];
        float[] logDet = new float[n];
        float[] cur = java.util.Arrays.copyOf(x, n * d);
        for (int l = 0; l < nl; l++) {
            inputs[l] = cur.clone();
            layers.get(l).forward(cur, n, cur, logDet);
        }
        double nll = 0;
        float[] g = new float[n * d];
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                float z = cur[i * d + j];
                sq += z * z;
                g[i * d + j] = z / n;
            }
            nll += 0.5 * (d * LOG_2PI + sq) - logDet[i];
        }
        float[] gLogDet = new float[n];
        java.util.Arrays.fill(gLogDet, -1f / n);
        for (int l = nl - 1; l >= 0; l--) {
            layers.get(l).backward(inputs[l], n, g, gLogDet, g);
        }
        return nll / n;
    }

    /**
     * Draws samples: z ~ N(0, I) mapped through the inverse layers.
     *
     * @param n The number of samples, &ge; 1.
     * @param rng The source of randomness. Advanced by n&middot;d Gaussian draws.
     * @return n&middot;d floats, row-major.
     */
    public float[] sample(int n, RandomGenerator rng) {
        float[] z = new float[n * d];
        for (int j = 0; j < z.length; j++) {
            z[j] = (float) rng.nextGaussian();
        }
        return fromLatent(z, n);
    }

    /**
     * Maps latent points back to data space (the inverse flow).
     *
     * @param z The latent points, n&middot;d floats. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return f<sup>-1</sup>(z), a new array.
     */
    public float[] fromLatent(float[] z, int n) {
        check(z, n);
        float[] x = java.util.Arrays.copyOf(z, n * d);
        for (int l = layers.size() - 1; l >= 0; l--) {
            layers.get(l).inverse(x, n, x);
        }
        return x;
    }

    private void check(float[] x, int n) {
        if (n < 1 || x == null || x.length < (long) n * d) {
            throw new IllegalArgumentException("x: expected n*d = " + (long) n * d + " floats with n >= 1, found "
                    + (x == null ? "null" : x.length));
        }
    }

    /**
     * Returns the layers' networks, in layer order (live).
     *
     * @return One network per layer.
     */
    public List<Mlp> networks() {
        return layers.stream().map(AffineCoupling::network).toList();
    }

    /**
     * Returns the layers.
     *
     * @return An unmodifiable list.
     */
    public List<AffineCoupling> layers() {
        return layers;
    }

    /**
     * Returns the dimension.
     *
     * @return d.
     */
    public int dimension() {
        return d;
    }

    /**
     * Returns the total number of trainable parameters.
     *
     * @return The sum over the networks.
     */
    public int parameterCount() {
        return networks().stream().mapToInt(Mlp::parameterCount).sum();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RealNvp[d=%d, %d coupling layers, %d parameters]", d, layers.size(),
                parameterCount());
    }
}
