package org.ebmjava.ising;

/**
 * A counter-based random number generator: uniform bits as a pure function of (seed, counter).
 *
 * <p>The key is the SplitMix64 finaliser of the seed; the bits for counter c are the SplitMix64
 * finaliser of key + (c + 1) &middot; 0x9E3779B97F4A7C15, i.e. the c-th output of the SplitMix64
 * stream that starts at the key. Because nothing depends on the order of evaluation, threads may
 * draw the numbers for any counters in any order and the result is the same as a serial run.
 *
 * <pre>
 * Reference: G. L. Steele, D. Lea and C. H. Flood, "Fast Splittable Pseudorandom Number
 * Generators", OOPSLA 2014; J. K. Salmon, M. A. Moraes, R. O. Dror and D. E. Shaw, "Parallel
 * random numbers: as easy as 1, 2, 3", SC 2011.
 * </pre>
 */
final class CounterRandom {

    /** The SplitMix64 increment (odd, 2^64 / golden ratio). */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** 2<sup>53</sup>: the number of distinct values of {@link #bits53}. */
    static final double TWO_POW_53 = 0x1p53;

    private CounterRandom() {}

    /**
     * Returns the SplitMix64 finaliser (variant 13 of Stafford's mixers) of z, a bijection on longs.
     *
     * @param z The input.
     * @return The mixed value.
     */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns the key of a seed: the value added to counter multiples of {@link #GOLDEN}.
     *
     * @param seed The seed.
     * @return mix64(seed).
     */
    static long key(long seed) {
        return mix64(seed);
    }

    /**
     * Returns 53 uniform bits for (key, counter).
     *
     * @param key The key from {@link #key}.
     * @param counter The counter.
     * @return A value in [0, 2^53).
     */
    static long bits53(long key, long counter) {
        return mix64(key + (counter + 1) * GOLDEN) >>> 11;
    }

    /**
     * Returns the integer threshold t with P(bits53 &lt; t) = p, rounded down to a multiple of
     * 2<sup>-53</sup>.
     *
     * @param p A probability in [0, 1].
     * @return A value in [0, 2^53].
     */
    static long threshold(double p) {
        if (p >= 1.0) {
            return 1L << 53;
        }
        if (!(p > 0.0)) {
            return 0L;
        }
        return (long) (p * TWO_POW_53);
    }
}
