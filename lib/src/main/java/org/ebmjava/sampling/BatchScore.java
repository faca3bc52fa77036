package org.ebmjava.sampling;

/**
 * A score field s(x, &sigma;) &asymp; &nabla;<sub>x</sub> log p<sub>&sigma;</sub>(x), evaluated on a batch of
 * points: what score-based samplers (Langevin with a learned score, annealed Langevin over noise levels) need.
 *
 * <p>For an unconditional score the noise level is ignored. For a noise-conditional score network (Song and Ermon,
 * 2019), p<sub>&sigma;</sub> is the data density convolved with N(0, &sigma;<sup>2</sup> I). An energy defines a
 * score by s = -&nabla;<sub>x</sub>E ({@link #of(BatchEnergy)}). Layout and threading conventions as in
 * {@link BatchEnergy}.
 */
public interface BatchScore {
    /**
     * The dimension d of one point.
     *
     * @return d, at least 1.
     */
    int dimension();

    /**
     * Computes s(x<sub>i</sub>, &sigma;) for the first n points of {@code x}.
     *
     * @param x The points, row-major, at least n&middot;d floats. Not modified.
     * @param n The number of points, at least 0.
     * @param sigma The noise level &sigma; &gt; 0 (ignored by an unconditional score).
     * @param out Receives the scores row-major in entries 0..n&middot;d-1. Modified.
     * @throws IllegalArgumentException If an array is too short for n points, or sigma is not positive for a
     *     noise-conditional score.
     */
    void score(float[] x, int n, double sigma, float[] out);

    /**
     * The score of the density p &prop; exp(-E): s(x) = -&nabla;<sub>x</sub>E(x), for any noise level.
     *
     * @param energy The energy. Not modified.
     * @return A score view of the energy (not thread-safe when the energy is not).
     */
    static BatchScore of(BatchEnergy energy) {
        return new BatchScore() {
            @Override
            public int dimension() {
                return energy.dimension();
            }

            @Override
            public void score(float[] x, int n, double sigma, float[] out) {
                energy.evaluate(x, n, null, out);
                int m = n * energy.dimension();
                for (int i = 0; i < m; i++) {
                    out[i] = -out[i];
                }
            }
        };
    }
}
