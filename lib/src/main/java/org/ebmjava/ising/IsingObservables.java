package org.ebmjava.ising;

/**
 * Thermal averages of the Ising model at one temperature, estimated from a Markov chain.
 *
 * <p>With e = E/N and m = M/N the per-spin energy and signed magnetisation of a sample,
 * N = L<sup>2</sup> and &lt;.&gt; the average over the recorded samples:
 * <pre>
 *   specific heat per spin   c   = N (&lt;e^2&gt; - &lt;e&gt;^2) / T^2
 *   susceptibility per spin  chi = N (&lt;m^2&gt; - &lt;|m|&gt;^2) / T
 *   Binder cumulant          U4  = 1 - &lt;m^4&gt; / (3 &lt;m^2&gt;^2)
 * </pre>
 * chi uses |m| because on a finite lattice without field &lt;m&gt; = 0 by symmetry; U4 tends to 2/3
 * in the ordered phase and to 0 in the disordered phase, and curves for different L cross near
 * T<sub>c</sub>. Variances are computed in two passes over the stored samples. Standard errors are
 * batch-means estimates: the samples are cut into B = min(20, n) consecutive batches of equal size
 * (the remainder of n / B samples is left out of the error, not out of the means) and
 * se = sd(batch means) / &radic;B, which accounts for autocorrelation when batches are much longer
 * than the autocorrelation time.
 *
 * <pre>
 * Reference: K. Binder, "Finite size scaling analysis of Ising model block distribution
 * functions", Z. Phys. B 43, 119, 1981; H. Flyvbjerg and H. G. Petersen, "Error estimates on
 * averages of correlated data", J. Chem. Phys. 91, 461, 1989.
 * </pre>
 *
 * @param temperature The temperature T of the chain.
 * @param size The linear size L.
 * @param energyPerSpin &lt;e&gt;, the mean energy per spin (E/N, not -E/N).
 * @param absMagnetisation &lt;|m|&gt;, the mean absolute magnetisation per spin.
 * @param specificHeat c, the specific heat per spin.
 * @param susceptibility chi, the susceptibility per spin (from |m|).
 * @param binderCumulant U4; NaN if every sample had m = 0.
 * @param energyStdError The batch-means standard error of &lt;e&gt;; NaN with fewer than 2 samples.
 * @param magnetisationStdError The batch-means standard error of &lt;|m|&gt;; NaN with fewer than 2
 *     samples.
 */
public record IsingObservables(double temperature, int size, double energyPerSpin, double absMagnetisation,
        double specificHeat, double susceptibility, double binderCumulant, double energyStdError,
        double magnetisationStdError) {

    /** The largest number of batches for the batch-means standard errors. */
    public static final int MAX_BATCHES = 20;

    /**
     * Equilibrates a sampler, then records e and m every {@code thin} sweeps and averages them.
     *
     * <p>Runs equilibrationSweeps + measurementSweeps sweeps at the sampler's temperature and
     * records n = floor(measurementSweeps / thin) samples, each after a block of thin sweeps.
     *
     * @param sampler The sampler; its model is advanced in place. Must not be null.
     * @param equilibrationSweeps Sweeps to discard first. Must be &ge; 0.
     * @param measurementSweeps Sweeps during which samples are recorded. Must be &ge; thin.
     * @param thin Sweeps between samples. Must be &ge; 1.
     * @return The estimates.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static IsingObservables measure(IsingSampler sampler, int equilibrationSweeps, int measurementSweeps,
            int thin) {
        if (sampler == null) {
            throw new IllegalArgumentException("sampler must not be null");
        }
        if (equilibrationSweeps < 0) {
            throw new IllegalArgumentException("equilibrationSweeps must be >= 0, found " + equilibrationSweeps);
        }
        if (thin < 1) {
            throw new IllegalArgumentException("thin must be >= 1, found " + thin);
        }
        if (measurementSweeps < thin) {
            throw new IllegalArgumentException("measurementSweeps must be >= thin = " + thin + ", found "
                    + measurementSweeps);
        }
        IsingModel model = sampler.model();
        int n = measurementSweeps / thin;
        double[] e = new double[n];
        double[] m = new double[n];
        sampler.sweeps(equilibrationSweeps);
        for (int k = 0; k < n; k++) {
            sampler.sweeps(thin);
            e[k] = model.energyPerSpin();
            m[k] = model.magnetisationPerSpin();
        }
        return fromSamples(sampler.temperature(), model.size(), e, m);
    }

    /**
     * Computes the observables from recorded per-spin samples.
     *
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @param size The linear size L. Must be &ge; 1.
     * @param e Energies per spin, in chain order. Must be non-empty, finite. Not modified.
     * @param m Signed magnetisations per spin, same length as e, finite. Not modified.
     * @return The estimates.
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static IsingObservables fromSamples(double temperature, int size, double[] e, double[] m) {
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, found " + temperature);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, found " + size);
        }
        if (e == null || m == null || e.length == 0 || e.length != m.length) {
            throw new IllegalArgumentException("e and m must be non-empty and of equal length, found "
                    + (e == null ? "null" : e.length) + " and " + (m == null ? "null" : m.length));
        }
        int n = e.length;
        double[] absM = new double[n];
        double m2 = 0.0;
        double m4 = 0.0;
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(e[k]) || !Double.isFinite(m[k])) {
                throw new IllegalArgumentException("samples must be finite, found e[" + k + "] = " + e[k]
                        + ", m[" + k + "] = " + m[k]);
            }
            absM[k] = Math.abs(m[k]);
            double sq = m[k] * m[k];
            m2 += sq;
            m4 += sq * sq;
        }
        m2 /= n;
        m4 /= n;
        double spins = (double) size * size;
        double meanE = mean(e);
        double meanAbsM = mean(absM);
        double c = spins * variance(e, meanE) / (temperature * temperature);
        double chi = spins * variance(absM, meanAbsM) / temperature;
        double u4 = m2 == 0.0 ? Double.NaN : 1.0 - m4 / (3.0 * m2 * m2);
        return new IsingObservables(temperature, size, meanE, meanAbsM, c, chi, u4, batchMeansStdError(e),
                batchMeansStdError(absM));
    }

    /**
     * Returns the batch-means standard error of the mean of a series.
     *
     * @param x The series, in chain order. Not modified.
     * @return sd(batch means) / &radic;B with B = min({@value #MAX_BATCHES}, n) batches of
     *     floor(n / B) samples; NaN if n &lt; 2.
     */
    public static double batchMeansStdError(double[] x) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        int batches = Math.min(MAX_BATCHES, n);
        int len = n / batches;
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            double s = 0.0;
            for (int k = b * len; k < (b + 1) * len; k++) {
                s += x[k];
            }
            means[b] = s / len;
        }
        double mu = mean(means);
        double ss = 0.0;
        for (double v : means) {
            ss += (v - mu) * (v - mu);
        }
        return Math.sqrt(ss / (batches - 1) / batches);
    }

    private static double mean(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Population variance (divides by n) about a given mean. */
    private static double variance(double[] x, double mean) {
        double s = 0.0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / x.length;
    }
}
