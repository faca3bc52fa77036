package org.ebmjava.apps;

import java.util.random.RandomGenerator;
import org.ebmjava.sampling.BatchSampler;
import org.ebmjava.sampling.LangevinSampler;

/**
 * Langevin sampling of some coordinates given the others: the clamped coordinates (observed pixels) keep the
 * values they have when the run starts, the free ones follow Langevin dynamics on the energy with the clamped ones
 * held fixed. This is how an energy model denoises or inpaints: clamp what is known, sample the rest.
 *
 * <p>Math: split x = (x<sub>F</sub>, x<sub>C</sub>) into free and clamped coordinates. The conditional density
 * p(x<sub>F</sub> | x<sub>C</sub>) &prop; exp(-E(x<sub>F</sub>, x<sub>C</sub>)) has the energy E with x<sub>C</sub>
 * fixed, and its gradient is the F-part of &nabla;<sub>x</sub>E. One step runs the wrapped {@link LangevinSampler}
 * on the whole vector, then writes the clamped values back:
 * <pre>
 *   x_F &larr; x_F - a &nabla;_F E(x_F, x_C) + s xi_F        x_C &larr; x_C (unchanged)
 * </pre>
 * Because a Langevin step moves each coordinate using only the current state, this equals Langevin dynamics on the
 * conditional energy (the moves proposed for clamped coordinates are simply discarded), with the sampler's options
 * (gradient clip, box) applying to the free coordinates. Only {@link LangevinSampler} is accepted: an
 * accept/reject sampler (MALA) would judge the discarded moves too, and would not target the conditional.
 *
 * <p>The mask is either one row of d flags shared by every chain (e.g. "the bottom half of the image is unknown")
 * or n rows of d flags, one per chain (e.g. randomly dropped pixels); true means clamped. The clamped values are
 * read from x when {@link #run} starts. Instances hold buffers and are not thread-safe.
 */
public final class ConditionalLangevin extends BatchSampler {

    private final LangevinSampler sampler;
    private final boolean[] clamped;
    private float[] observed;

    /**
     * Wraps a Langevin sampler with a clamping mask.
     *
     * @param sampler The dynamics for the free coordinates. Not modified (run).
     * @param clamped d flags (shared by all chains) or n&middot;d flags (one row per chain); true = clamped. Copied.
     * @throws IllegalArgumentException If an argument is null, or the mask's length is not a multiple of d (named).
     */
    public ConditionalLangevin(LangevinSampler sampler, boolean[] clamped) {
        super(requireSampler(sampler).dimension());
        if (clamped == null || clamped.length == 0 || clamped.length % sampler.dimension() != 0) {
            throw new IllegalArgumentException("clamped: expected d = " + sampler.dimension()
                    + " flags (shared) or n*d (one row per chain), found "
                    + (clamped == null ? "null" : clamped.length));
        }
        this.sampler = sampler;
        this.clamped = clamped.clone();
    }

    /**
     * Returns the number of clamped coordinates in the mask.
     *
     * @return The count of true flags.
     */
    public int clampedCount() {
        int c = 0;
        for (boolean b : clamped) {
            c += b ? 1 : 0;
        }
        return c;
    }

    @Override
    protected void begin(float[] x, int n) {
        int d = dimension();
        if (clamped.length != d && clamped.length != n * d) {
            throw new IllegalArgumentException("clamped: expected d = " + d + " or n*d = " + (n * d)
                    + " flags for n = " + n + " chains, found " + clamped.length);
        }
        if (observed == null || observed.length != x.length) {
            observed = new float[x.length];
        }
        System.arraycopy(x, 0, observed, 0, x.length);
    }

    @Override
    protected void step(float[] x, int n, int t, RandomGenerator rng) {
        sampler.run(x, 1, rng);
        int d = dimension();
        boolean shared = clamped.length == d;
        for (int q = 0; q < n * d; q++) {
            if (clamped[shared ? q % d : q]) {
                x[q] = observed[q];
            }
        }
    }

    /**
     * Describes the settings.
     *
     * @return E.g. "ConditionalLangevin[392 of 784 clamped, LangevinSampler[...]]".
     */
    @Override
    public String toString() {
        return "ConditionalLangevin[" + clampedCount() + " of " + clamped.length + " clamped, " + sampler + "]";
    }

    private static LangevinSampler requireSampler(LangevinSampler sampler) {
        if (sampler == null) {
            throw new IllegalArgumentException("sampler: expected a Langevin sampler, found null");
        }
        return sampler;
    }
}
