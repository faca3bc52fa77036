package org.ebmjava.coop;

/**
 * The losses of the energy-based GAN (Zhao, Mathieu and LeCun, 2017), with their gradients with respect to the
 * energies and codes, for a training loop to push through the networks.
 *
 * <p>The discriminator is an energy D(x) &ge; 0 (an autoencoder's reconstruction error, {@link AutoencoderEnergy});
 * the generator G maps noise z to images. With a margin m &gt; 0, over a batch of n real images and n' generated
 * ones:
 * <pre>
 *   L_D = (1/n) &Sigma;_i D(x_i) + (1/n') &Sigma;_j [m - D(G(z_j))]^+       (pull data energy down, push fakes up to m)
 *   L_G = (1/n') &Sigma;_j D(G(z_j)) + &lambda; f_PT                            (fakes should look like data)
 *   &part;L_D/&part;D(x_i) = 1/n,   &part;L_D/&part;D(G(z_j)) = -1/n' if D(G(z_j)) &lt; m, else 0
 * </pre>
 * The hinge stops the discriminator from spending capacity on fakes it already rejects: energies above m cost
 * nothing. The pull-away term of the encoder codes s<sub>1..N</sub> of a generated batch,
 * <pre>
 *   f_PT = 1/(N(N-1)) &Sigma;_i &Sigma;_{j&ne;i} (u_i &middot; u_j)^2,   u_i = s_i / |s_i|
 *   &part;f_PT/&part;s_i = (1/|s_i|) (I - u_i u_i^T) g_i,   g_i = 4/(N(N-1)) &Sigma;_{j&ne;i} (u_i &middot; u_j) u_j
 * </pre>
 * is the mean squared cosine similarity between different samples' codes: 0 for mutually orthogonal codes, 1 when
 * all point the same way. Adding it to L_G penalises a generator whose samples collapse onto one mode.
 *
 * <pre>
 * Reference: J. Zhao, M. Mathieu and Y. LeCun, "Energy-based Generative Adversarial Network", ICLR 2017.
 * </pre>
 */
public final class EbganLoss {

    private EbganLoss() {}

    /**
     * The discriminator's margin loss L<sub>D</sub> and its derivatives with respect to each energy.
     *
     * @param realEnergy D(x<sub>i</sub>) of n &ge; 1 real images. Not modified.
     * @param fakeEnergy D(G(z<sub>j</sub>)) of n' &ge; 1 generated images. Not modified.
     * @param margin m, finite and &gt; 0.
     * @param realWeights Receives &part;L<sub>D</sub>/&part;D(x<sub>i</sub>) (n entries), or null. Modified.
     * @param fakeWeights Receives &part;L<sub>D</sub>/&part;D(G(z<sub>j</sub>)) (n' entries), or null. Modified.
     * @return L<sub>D</sub>.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static double discriminatorLoss(float[] realEnergy, float[] fakeEnergy, double margin,
            float[] realWeights, float[] fakeWeights) {
        requireEnergies(realEnergy, "realEnergy");
        requireEnergies(fakeEnergy, "fakeEnergy");
        if (!(margin > 0.0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin: expected a finite m > 0, found " + margin);
        }
        requireOut(realWeights, realEnergy.length, "realWeights");
        requireOut(fakeWeights, fakeEnergy.length, "fakeWeights");
        int n = realEnergy.length;
        int nf = fakeEnergy.length;
        double loss = 0.0;
        for (int i = 0; i < n; i++) {
            loss += realEnergy[i] / (double) n;
            if (realWeights != null) {
                realWeights[i] = (float) (1.0 / n);
            }
        }
        for (int j = 0; j < nf; j++) {
            double gap = margin - fakeEnergy[j];
            if (gap > 0.0) {
                loss += gap / nf;
            }
            if (fakeWeights != null) {
                fakeWeights[j] = gap > 0.0 ? (float) (-1.0 / nf) : 0f;
            }
        }
        return loss;
    }

    /**
     * The pull-away term f<sub>PT</sub> of N codes and, optionally, its gradient.
     *
     * @param codes N&middot;h codes, row-major, none all zero. Not modified.
     * @param n N &ge; 2.
     * @param h The code width, &ge; 1.
     * @param grad Receives &part;f<sub>PT</sub>/&part;s (N&middot;h), or null. Modified.
     * @return f<sub>PT</sub> in [0, 1].
     * @throws IllegalArgumentException On a bad argument, or a zero code (its direction is undefined).
     */
    public static double pullAway(float[] codes, int n, int h, float[] grad) {
        if (n < 2) {
            throw new IllegalArgumentException("n: expected at least 2 codes (pairs are compared), found " + n);
        }
        if (h < 1) {
            throw new IllegalArgumentException("h: expected a code width >= 1, found " + h);
        }
        if (codes == null || codes.length < n * h) {
            throw new IllegalArgumentException("codes: expected at least n*h = " + n * h + " values, found "
                    + (codes == null ? "null" : codes.length));
        }
        requireOut(grad, n * h, "grad");
        double[] u = new double[n * h];
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int k = 0; k < h; k++) {
                double v = codes[i * h + k];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("codes[" + (i * h + k) + "]: expected a finite value, found " + v);
                }
                s += v * v;
            }
            if (s == 0.0) {
                throw new IllegalArgumentException("codes: expected non-zero codes, found row " + i + " all zero");
            }
            norm[i] = Math.sqrt(s);
            for (int k = 0; k < h; k++) {
                u[i * h + k] = codes[i * h + k] / norm[i];
            }
        }
        double scale = 1.0 / ((double) n * (n - 1));
        double total = 0.0;
        double[] g = new double[h];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(g, 0.0);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double c = 0.0;
                for (int k = 0; k < h; k++) {
                    c += u[i * h + k] * u[j * h + k];
                }
                total += c * c;
                for (int k = 0; k < h; k++) {
                    g[k] += 4.0 * scale * c * u[j * h + k];
                }
            }
            if (grad != null) {
                double gu = 0.0;
                for (int k = 0; k < h; k++) {
                    gu += g[k] * u[i * h + k];
                }
                for (int k = 0; k < h; k++) {
                    grad[i * h + k] = (float) ((g[k] - gu * u[i * h + k]) / norm[i]);
                }
            }
        }
        return total * scale;
    }

    private static void requireEnergies(float[] e, String name) {
        if (e == null || e.length == 0) {
            throw new IllegalArgumentException(name + ": expected at least one energy, found "
                    + (e == null ? "null" : "none"));
        }
        for (int i = 0; i < e.length; i++) {
            if (!Float.isFinite(e[i])) {
                throw new IllegalArgumentException(name + "[" + i + "]: expected a finite energy, found " + e[i]);
            }
        }
    }

    private static void requireOut(float[] out, int length, String name) {
        if (out != null && out.length < length) {
            throw new IllegalArgumentException(name + ": expected at least " + length + " entries, found "
                    + out.length);
        }
    }
}
