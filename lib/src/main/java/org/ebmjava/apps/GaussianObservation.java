package org.ebmjava.apps;

import org.ebmjava.sampling.BatchEnergy;
import org.ebmjava.sampling.BatchOps;

/**
 * The energy of a noisy observation given a clean image: the negative log-likelihood of y = x + &sigma; z, z ~
 * N(0, I), up to a constant, one observation per chain. Added to a prior energy (with
 * {@link ComposedEnergy#product}) it gives the posterior energy that denoising samples or descends:
 * <pre>
 *   E(x_i) = &lambda; |x_i - y_i|^2 / (2 &sigma;^2)          &nabla;_x E(x_i) = &lambda; (x_i - y_i) / &sigma;^2
 *   E_post(x | y) = E_prior(x) + E(x)                       p(x | y) &prop; p(x) p(y | x)
 * </pre>
 * Row i of a batch is compared with observation i, so a batch must have exactly as many rows as there are
 * observations. &lambda; = 1 is the exact likelihood; a prior whose energy is not calibrated (e.g. one trained with
 * low-temperature Langevin chains, whose scale is arbitrary) needs another &lambda;, a knob the caller must choose
 * and state. Lower energy = closer to the observation. Instances hold a copy of the observations and are
 * thread-safe.
 */
public final class GaussianObservation implements BatchEnergy {

    private final float[] observations;
    private final int rows;
    private final int dimension;
    private final double sigma;
    private final double weight;

    /**
     * Creates the observation energy.
     *
     * @param observations n observed points y<sub>i</sub>, row-major n&middot;d floats, finite. Copied.
     * @param dimension d &ge; 1.
     * @param sigma The noise standard deviation &sigma;, finite and &gt; 0.
     * @param weight &lambda;, finite and &ge; 0 (1 = the exact likelihood).
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public GaussianObservation(float[] observations, int dimension, double sigma, double weight) {
        BatchOps.requireAtLeast(dimension, 1, "dimension");
        if (observations == null || observations.length == 0 || observations.length % dimension != 0) {
            throw new IllegalArgumentException("observations: expected n*d values with d = " + dimension
                    + " and n >= 1, found " + (observations == null ? "null" : observations.length));
        }
        for (int q = 0; q < observations.length; q++) {
            if (!Float.isFinite(observations[q])) {
                throw new IllegalArgumentException("observations: expected finite values, found "
                        + observations[q] + " at index " + q);
            }
        }
        if (!(sigma > 0.0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma: expected a finite noise level > 0, found " + sigma);
        }
        if (!(weight >= 0.0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight: expected a finite lambda >= 0, found " + weight);
        }
        this.observations = observations.clone();
        this.dimension = dimension;
        this.rows = observations.length / dimension;
        this.sigma = sigma;
        this.weight = weight;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /**
     * Returns the number of observations n (the batch size this energy accepts).
     *
     * @return n &ge; 1.
     */
    public int size() {
        return rows;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException Also if n differs from the number of observations (row i is compared with
     *     observation i).
     */
    @Override
    public void evaluate(float[] x, int n, float[] energies, float[] gradient) {
        BatchOps.checkEvaluation(x, n, dimension, energies, gradient);
        if (n != rows) {
            throw new IllegalArgumentException("n: expected one row per observation, " + rows + " rows, found "
                    + n);
        }
        double scale = weight / (sigma * sigma);
        for (int i = 0; i < n; i++) {
            double e = 0.0;
            for (int k = 0; k < dimension; k++) {
                int q = i * dimension + k;
                double r = (double) x[q] - observations[q];
                e += r * r;
                if (gradient != null) {
                    gradient[q] = (float) (scale * r);
                }
            }
            if (energies != null) {
                energies[i] = (float) (0.5 * scale * e);
            }
        }
    }

    @Override
    public String toString() {
        return "GaussianObservation[n=" + rows + ", d=" + dimension + ", sigma=" + sigma + ", lambda=" + weight + "]";
    }
}
