package org.ebmjava.diffusion;

/**
 * The fixed variance &sigma;<sub>t</sub><sup>2</sup> of the reverse step p<sub>&theta;</sub>(x<sub>t-1</sub> |
 * x<sub>t</sub>) = N(&mu;<sub>&theta;</sub>(x<sub>t</sub>, t), &sigma;<sub>t</sub><sup>2</sup> I).
 *
 * <p>Ho et al. (section 3.2) found both choices to work equally well for samples: &beta;<sub>t</sub> is optimal for
 * x<sub>0</sub> ~ N(0, I), &beta;&#771;<sub>t</sub> for a single data point. They are the upper and lower limits of the
 * reverse variance, and they differ in the variational bound.
 */
public enum ReverseVariance {
    /** &sigma;<sub>t</sub><sup>2</sup> = &beta;<sub>t</sub>. */
    BETA,
    /** &sigma;<sub>t</sub><sup>2</sup> = &beta;&#771;<sub>t</sub>, the forward posterior's variance (0 at t = 1). */
    POSTERIOR;

    /**
     * Returns &sigma;<sub>t</sub><sup>2</sup> for a schedule.
     *
     * @param schedule The schedule.
     * @param t The step, 1 &le; t &le; T.
     * @return &beta;<sub>t</sub> or &beta;&#771;<sub>t</sub>.
     */
    public double variance(VarianceSchedule schedule, int t) {
        return this == BETA ? schedule.beta(t) : schedule.posteriorVariance(t);
    }
}
