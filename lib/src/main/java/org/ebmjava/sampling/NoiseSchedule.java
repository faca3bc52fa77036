package org.ebmjava.sampling;

import java.util.Arrays;
import java.util.Objects;

/**
 * A decreasing sequence of noise levels &sigma;<sub>1</sub> &gt; &sigma;<sub>2</sub> &gt; ... &gt;
 * &sigma;<sub>L</sub> &gt; 0: the levels a noise-conditional score network is trained on and annealed Langevin
 * dynamics walks down.
 *
 * <p>Levels are indexed from 0 in code: {@code sigma(0)} = &sigma;<sub>1</sub> is the largest, {@code sigma(L-1)}
 * = &sigma;<sub>L</sub> the smallest. Song and Ermon use a geometric sequence (a constant ratio
 * &sigma;<sub>i</sub>/&sigma;<sub>i+1</sub>), so neighbouring noisy distributions overlap equally at every scale.
 *
 * <pre>
 * Reference: Y. Song and S. Ermon, "Generative Modeling by Estimating Gradients of the Data Distribution",
 * NeurIPS 2019.
 * </pre>
 */
public final class NoiseSchedule {

    private final double[] sigmas;
    private final String kind;

    private NoiseSchedule(double[] sigmas, String kind) {
        this.sigmas = sigmas;
        this.kind = kind;
    }

    /**
     * Creates the geometric schedule &sigma;<sub>i</sub> = &sigma;<sub>max</sub> r<sup>i</sup>, i = 0, ..., L-1,
     * with r = (&sigma;<sub>min</sub>/&sigma;<sub>max</sub>)<sup>1/(L-1)</sup>; the ends are exact.
     *
     * @param sigmaMax &sigma;<sub>1</sub>, finite and &gt; sigmaMin.
     * @param sigmaMin &sigma;<sub>L</sub>, finite and &gt; 0.
     * @param levels L, at least 2.
     * @return The schedule.
     * @throws IllegalArgumentException If a level is not positive, sigmaMax &le; sigmaMin or levels &lt; 2.
     */
    public static NoiseSchedule geometric(double sigmaMax, double sigmaMin, int levels) {
        checkEnds(sigmaMax, sigmaMin, levels);
        double[] s = new double[levels];
        double logMax = Math.log(sigmaMax);
        double logStep = (Math.log(sigmaMin) - logMax) / (levels - 1);
        for (int i = 0; i < levels; i++) {
            s[i] = Math.exp(logMax + i * logStep);
        }
        s[0] = sigmaMax;
        s[levels - 1] = sigmaMin;
        return new NoiseSchedule(s, "geometric");
    }

    /**
     * Creates the linear schedule &sigma;<sub>i</sub> = &sigma;<sub>max</sub> + i (&sigma;<sub>min</sub> -
     * &sigma;<sub>max</sub>)/(L-1), i = 0, ..., L-1.
     *
     * @param sigmaMax &sigma;<sub>1</sub>, finite and &gt; sigmaMin.
     * @param sigmaMin &sigma;<sub>L</sub>, finite and &gt; 0.
     * @param levels L, at least 2.
     * @return The schedule.
     * @throws IllegalArgumentException If a level is not positive, sigmaMax &le; sigmaMin or levels &lt; 2.
     */
    public static NoiseSchedule linear(double sigmaMax, double sigmaMin, int levels) {
        checkEnds(sigmaMax, sigmaMin, levels);
        double[] s = new double[levels];
        for (int i = 0; i < levels; i++) {
            s[i] = sigmaMax + i * (sigmaMin - sigmaMax) / (levels - 1);
        }
        s[levels - 1] = sigmaMin;
        return new NoiseSchedule(s, "linear");
    }

    /**
     * Creates a schedule from explicit levels.
     *
     * @param sigmas The levels, at least one, finite, &gt; 0 and strictly decreasing. Not modified (copied).
     * @return The schedule.
     * @throws IllegalArgumentException If sigmas is null or empty, or a level is invalid or out of order (the
     *     message names the index and value).
     */
    public static NoiseSchedule of(double... sigmas) {
        if (sigmas == null || sigmas.length == 0) {
            throw new IllegalArgumentException("sigmas: expected at least one noise level, found "
                    + (sigmas == null ? "null" : "none"));
        }
        for (int i = 0; i < sigmas.length; i++) {
            BatchOps.requirePositive(sigmas[i], "sigmas[" + i + "]");
            if (i > 0 && !(sigmas[i] < sigmas[i - 1])) {
                throw new IllegalArgumentException("sigmas[" + i + "]: expected < sigmas[" + (i - 1) + "] = "
                        + sigmas[i - 1] + " (strictly decreasing), found " + sigmas[i]);
            }
        }
        return new NoiseSchedule(sigmas.clone(), "explicit");
    }

    /**
     * Returns the number of levels.
     *
     * @return L, at least 1.
     */
    public int size() {
        return sigmas.length;
    }

    /**
     * Returns one level.
     *
     * @param i The index, 0 (largest) to L-1 (smallest).
     * @return &sigma;<sub>i+1</sub>.
     * @throws IndexOutOfBoundsException If i is out of range.
     */
    public double sigma(int i) {
        return sigmas[Objects.checkIndex(i, sigmas.length)];
    }

    /**
     * Returns the largest level.
     *
     * @return &sigma;<sub>1</sub>.
     */
    public double max() {
        return sigmas[0];
    }

    /**
     * Returns the smallest level.
     *
     * @return &sigma;<sub>L</sub>.
     */
    public double min() {
        return sigmas[sigmas.length - 1];
    }

    /**
     * Returns all levels.
     *
     * @return A new array, largest first.
     */
    public double[] sigmas() {
        return sigmas.clone();
    }

    /**
     * Describes the schedule.
     *
     * @return E.g. "NoiseSchedule[geometric, L=10, 20 .. 1]".
     */
    @Override
    public String toString() {
        return "NoiseSchedule[" + kind + ", L=" + sigmas.length + ", " + BatchOps.num(max()) + " .. "
                + BatchOps.num(min()) + "]";
    }

    /**
     * Compares the levels.
     *
     * @param o The other object.
     * @return True if o is a schedule with the same levels.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof NoiseSchedule other && Arrays.equals(sigmas, other.sigmas);
    }

    /**
     * Hashes the levels.
     *
     * @return A hash consistent with equals.
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(sigmas);
    }

    private static void checkEnds(double sigmaMax, double sigmaMin, int levels) {
        BatchOps.requirePositive(sigmaMin, "sigmaMin");
        BatchOps.requirePositive(sigmaMax, "sigmaMax");
        if (!(sigmaMax > sigmaMin)) {
            throw new IllegalArgumentException("sigmaMax: expected > sigmaMin = " + sigmaMin + ", found " + sigmaMax);
        }
        BatchOps.requireAtLeast(levels, 2, "levels");
    }
}
