package org.ebmjava.neural;

import java.util.Locale;

/**
 * The sinusoidal embedding of a per-sample scalar (a noise level &sigma; or a diffusion time step t) that an
 * {@link Mlp} concatenates to its input, as in the Transformer's positional encoding and DDPM's time embedding.
 *
 * <p>For a scalar s and dimension D = 2H the embedding is
 * <pre>
 *   e_k(s)     = sin(s w_k),   e_{H+k}(s) = cos(s w_k),   w_k = maxPeriod^(-k/H),   k = 0..H-1,
 * </pre>
 * so the frequencies run geometrically from 1 down to 1/maxPeriod (the slowest period is 2 pi maxPeriod). The
 * scalar s is the level as given ({@link #of}) or its natural logarithm ({@link #ofLog}, for noise levels
 * &sigma; that span several decades, as NCSN conditions on log &sigma;). The embedding has no trainable parameters.
 */
public final class SinusoidalEmbedding {
    private final int dim;
    private final double maxPeriod;
    private final boolean log;
    private final double[] freq;

    private SinusoidalEmbedding(int dim, double maxPeriod, boolean log) {
        if (dim < 2 || dim % 2 != 0) {
            throw new IllegalArgumentException("dim: expected an even number >= 2, found " + dim);
        }
        if (!(maxPeriod > 1) || Double.isInfinite(maxPeriod)) {
            throw new IllegalArgumentException("maxPeriod: expected a finite number > 1, found " + maxPeriod);
        }
        this.dim = dim;
        this.maxPeriod = maxPeriod;
        this.log = log;
        int h = dim / 2;
        freq = new double[h];
        for (int k = 0; k < h; k++) {
            freq[k] = Math.exp(-Math.log(maxPeriod) * k / h);
        }
    }

    /**
     * Creates an embedding of the level as given (e.g. a time step t = 0..T-1, with maxPeriod 10000 as in DDPM).
     *
     * @param dim The embedding dimension D, even, &ge; 2.
     * @param maxPeriod The ratio of the fastest to the slowest frequency, &gt; 1.
     * @return The embedding.
     * @throws IllegalArgumentException If dim is odd or &lt; 2, or maxPeriod &le; 1 or not finite.
     */
    public static SinusoidalEmbedding of(int dim, double maxPeriod) {
        return new SinusoidalEmbedding(dim, maxPeriod, false);
    }

    /**
     * Creates an embedding of log(level), for positive noise levels &sigma; spread over decades.
     *
     * @param dim The embedding dimension D, even, &ge; 2.
     * @param maxPeriod The ratio of the fastest to the slowest frequency, &gt; 1.
     * @return The embedding; {@link #embed} then requires level &gt; 0.
     * @throws IllegalArgumentException If dim is odd or &lt; 2, or maxPeriod &le; 1 or not finite.
     */
    public static SinusoidalEmbedding ofLog(int dim, double maxPeriod) {
        return new SinusoidalEmbedding(dim, maxPeriod, true);
    }

    /**
     * Returns the embedding dimension.
     *
     * @return D.
     */
    public int dim() {
        return dim;
    }

    /**
     * Returns the ratio of the fastest to the slowest frequency.
     *
     * @return maxPeriod.
     */
    public double maxPeriod() {
        return maxPeriod;
    }

    /**
     * Whether the embedding takes the logarithm of the level first.
     *
     * @return True for {@link #ofLog}.
     */
    public boolean isLog() {
        return log;
    }

    /**
     * Writes the embedding of one level.
     *
     * @param level The level (finite; positive for {@link #ofLog}).
     * @param out Receives D values from offset off. Modified.
     * @param off The offset in out.
     * @throws IllegalArgumentException If the level is not finite, or not positive for a log embedding.
     */
    public void embed(double level, float[] out, int off) {
        if (!Double.isFinite(level) || (log && !(level > 0))) {
            throw new IllegalArgumentException("level: expected a finite" + (log ? ", positive" : "")
                    + " number for " + this + ", found " + level);
        }
        double s = log ? Math.log(level) : level;
        int h = dim / 2;
        for (int k = 0; k < h; k++) {
            double a = s * freq[k];
            out[off + k] = (float) Math.sin(a);
            out[off + h + k] = (float) Math.cos(a);
        }
    }

    /**
     * Describes the embedding.
     *
     * @return E.g. "SinusoidalEmbedding[dim=16, maxPeriod=10000, log]".
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SinusoidalEmbedding[dim=%d, maxPeriod=%s%s]", dim,
                maxPeriod == Math.rint(maxPeriod) ? String.valueOf((long) maxPeriod) : String.valueOf(maxPeriod),
                log ? ", log" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SinusoidalEmbedding e && e.dim == dim && e.maxPeriod == maxPeriod && e.log == log;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(maxPeriod) * 31 + dim * 2 + (log ? 1 : 0);
    }
}
