package org.ebmjava.apps;

import java.util.random.RandomGenerator;
import org.ebmjava.NativeMemory;
import org.ebmjava.rbm.BernoulliRbm;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Block Gibbs sampling of a Bernoulli RBM with some visible units clamped: denoising and inpainting with the RBM of
 * notebook 04, the discrete counterpart of {@link ConditionalLangevin}.
 *
 * <p>With observed pixels v<sub>O</sub> fixed, one step is
 * <pre>
 *   h   ~ p(h | v),         p(h_j = 1 | v) = sigmoid(c_j + (v W)_j)
 *   v_F ~ p(v_F | h),       p(v_i = 1 | h) = sigmoid(b_i + (h W^T)_i)   for the free units only;  v_O unchanged
 * </pre>
 * Because the RBM's visible units are conditionally independent given h, this is exact Gibbs sampling of
 * p(v<sub>F</sub>, h | v<sub>O</sub>), whose stationary distribution is the conditional p(v<sub>F</sub> |
 * v<sub>O</sub>). The result is the last step's p(v<sub>F</sub> | h) for the free units (a grey-level restoration
 * rather than a binary sample) with the observed units as given. Bernoulli draws use the caller's random source, so a
 * seed reproduces the run; the matrix products are the RBM's (ND4J), and long runs call
 * {@code NativeMemory.collectIfDue()} to keep their native temporaries bounded.
 */
public final class ClampedGibbs {

    private ClampedGibbs() {}

    /**
     * Runs n chains of clamped block Gibbs sampling.
     *
     * @param rbm The model. Not modified.
     * @param v0 n starting images of nv values in [0, 1] (the observed units keep these; the free ones start here
     *     too). Not modified.
     * @param n The number of chains, &ge; 1.
     * @param observed nv flags (shared) or n&middot;nv flags (one row per chain); true = clamped. Not modified.
     * @param steps The number of Gibbs steps, &ge; 1.
     * @param rng The random source. Modified.
     * @return A new n&middot;nv array: v0 at observed units, p(v | h) of the last step at free units.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public static float[] run(BernoulliRbm rbm, float[] v0, int n, boolean[] observed, int steps,
            RandomGenerator rng) {
        if (rbm == null) {
            throw new IllegalArgumentException("rbm: expected a Bernoulli RBM, found null");
        }
        int nv = rbm.visibleSize();
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least 1 chain, found " + n);
        }
        if (v0 == null || v0.length != n * nv) {
            throw new IllegalArgumentException("v0: expected n*nv = " + (n * nv) + " values, found "
                    + (v0 == null ? "null" : v0.length));
        }
        if (observed == null || (observed.length != nv && observed.length != n * nv)) {
            throw new IllegalArgumentException("observed: expected nv = " + nv + " or n*nv = " + (n * nv)
                    + " flags, found " + (observed == null ? "null" : observed.length));
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps: expected at least 1, found " + steps);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng: expected a random source, found null");
        }
        float[] v = v0.clone();
        float[] pv = null;
        for (int t = 0; t < steps; t++) {
            float[] ph = probabilities(rbm.hiddenProbabilities(Nd4j.create(v, new long[] {n, nv}, 'c')));
            for (int q = 0; q < ph.length; q++) {
                ph[q] = rng.nextDouble() < ph[q] ? 1f : 0f;
            }
            pv = probabilities(rbm.visibleProbabilities(Nd4j.create(ph, new long[] {n, rbm.hiddenSize()}, 'c')));
            for (int q = 0; q < v.length; q++) {
                if (!observed[observed.length == nv ? q % nv : q]) {
                    v[q] = rng.nextDouble() < pv[q] ? 1f : 0f;
                }
            }
            NativeMemory.collectIfDue(); // the per-step ND4J temporaries are freed only by the collector
        }
        float[] out = v0.clone();
        for (int q = 0; q < out.length; q++) {
            if (!observed[observed.length == nv ? q % nv : q]) {
                out[q] = pv[q];
            }
        }
        return out;
    }

    private static float[] probabilities(INDArray m) {
        return m.dup('c').data().asFloat();
    }
}
