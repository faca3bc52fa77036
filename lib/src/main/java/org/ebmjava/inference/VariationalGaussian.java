package org.ebmjava.inference;

import java.util.Locale;

/**
 * A Gaussian approximation q = N(m, s<sup>2</sup>) to a posterior, produced by
 * {@link VariationalGaussianTrainer}: the fitted density, its variational free energy and the optimisation
 * trace. Immutable.
 *
 * <p>The free energy is F<sub>T</sub>[q] = E<sub>q</sub>[E] - T h[q] as estimated by the trainer's
 * expectation rule; compare it with -T log Z (for example {@link GridPosterior#freeEnergy()}): the gap is T
 * KL(q || p<sub>T</sub>) &ge; 0.
 */
public final class VariationalGaussian {

    private final NormalDensity q;
    private final double temperature;
    private final double freeEnergy;
    private final double[] trace;
    private final String provenance;

    VariationalGaussian(NormalDensity q, double temperature, double freeEnergy, double[] trace, String provenance) {
        this.q = q;
        this.temperature = temperature;
        this.freeEnergy = freeEnergy;
        this.trace = trace.clone();
        this.provenance = provenance;
    }

    /**
     * Returns the fitted density.
     *
     * @return q = N(m, s<sup>2</sup>).
     */
    public NormalDensity q() {
        return q;
    }

    /**
     * Returns the fitted mean.
     *
     * @return m.
     */
    public double mean() {
        return q.mean();
    }

    /**
     * Returns the fitted standard deviation.
     *
     * @return s &gt; 0.
     */
    public double std() {
        return q.std();
    }

    /**
     * Returns the temperature the fit was made at.
     *
     * @return T.
     */
    public double temperature() {
        return temperature;
    }

    /**
     * Returns the variational free energy at the fit.
     *
     * @return F<sub>T</sub>[q] = E<sub>q</sub>[E] - T h[q], by the trainer's expectation rule.
     */
    public double freeEnergy() {
        return freeEnergy;
    }

    /**
     * Returns F<sub>T</sub>[q] after each iteration, starting with the initial q.
     *
     * @return A copy of the trace (iterations + 1 values).
     */
    public double[] trace() {
        return trace.clone();
    }

    /**
     * Returns where the fit came from: the trainer's settings and the energy's name.
     *
     * @return A one-line description.
     */
    public String provenance() {
        return provenance;
    }

    /**
     * Summarises the fit.
     *
     * @return q, F and the provenance.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VariationalGaussian[q=%s, T=%.4g, F[q]=%.6g, %s]", q, temperature,
                freeEnergy, provenance);
    }
}
