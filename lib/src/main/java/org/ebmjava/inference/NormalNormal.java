package org.ebmjava.inference;

import java.util.Locale;

/**
 * The mean &theta; of Gaussian data with known noise, under a Gaussian prior: the conjugate model whose
 * posterior is exactly Gaussian, so variational inference with a Gaussian family can be exact.
 *
 * <p>Data x<sub>1..n</sub> ~ N(&theta;, &sigma;<sup>2</sup>) i.i.d., prior &theta; ~ N(&mu;<sub>0</sub>,
 * &tau;<sub>0</sub><sup>2</sup>). The energy, with all normalising constants, is
 * <pre>
 *   E(&theta;) = &sum;_i (x_i - &theta;)^2 / (2 &sigma;^2) + (n/2) log(2 &pi; &sigma;^2) + (&theta; - &mu;_0)^2 / (2 &tau;_0^2) + log(2 &pi; &tau;_0^2)/2,
 * </pre>
 * a parabola with curvature &lambda;<sub>n</sub> = 1/&tau;<sub>0</sub><sup>2</sup> + n/&sigma;<sup>2</sup>
 * (the posterior precision) and minimum at &mu;<sub>n</sub> = (&mu;<sub>0</sub>/&tau;<sub>0</sub><sup>2</sup>
 * + &sum;x<sub>i</sub>/&sigma;<sup>2</sup>) / &lambda;<sub>n</sub>. Hence
 * <pre>
 *   p_T = N(&mu;_n, T/&lambda;_n)           tempering scales the posterior variance by T
 *   log Z_T = -E(&mu;_n)/T + log(2 &pi; T/&lambda;_n)/2
 *   U_T = E(&mu;_n) + T/2                 equipartition: T/2 per quadratic degree of freedom
 * </pre>
 * {@link #logEvidence()} is computed independently, as the density of the data under their marginal
 * N(&mu;<sub>0</sub> 1, &sigma;<sup>2</sup> I + &tau;<sub>0</sub><sup>2</sup> 1 1<sup>T</sup>):
 * <pre>
 *   log p(D) = -(n/2) log(2 &pi; &sigma;^2) - log(1 + n &tau;_0^2/&sigma;^2)/2
 *              - ( &sum;(x_i - &mu;_0)^2 - &tau;_0^2 (&sum;(x_i - &mu;_0))^2 / (&sigma;^2 + n &tau;_0^2) ) / (2 &sigma;^2).
 * </pre>
 *
 * <pre>
 * C. M. Bishop, "Pattern Recognition and Machine Learning", Springer, 2006, section 2.3.6 and
 * exercise 3.18 (the evidence).
 * </pre>
 */
public final class NormalNormal implements ConjugateModel {

    /** Half-width of {@link #gridRange} in posterior standard deviations. */
    public static final double GRID_HALF_WIDTH_SDS = 12.0;

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private final double priorMean;
    private final double priorStd;
    private final double noiseStd;
    private final double[] data;
    private final double sum;
    private final double sumSquares;
    private final double precision;
    private final double posteriorMean;

    /**
     * Creates the model.
     *
     * @param priorMean The prior mean &mu;<sub>0</sub>. Must be finite.
     * @param priorStd The prior standard deviation &tau;<sub>0</sub>. Must be finite and &gt; 0.
     * @param noiseStd The known noise standard deviation &sigma;. Must be finite and &gt; 0.
     * @param data The observations x<sub>i</sub>, finite; may be empty (the posterior is then the prior).
     *     Not modified (copied).
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public NormalNormal(double priorMean, double priorStd, double noiseStd, double[] data) {
        Checks.finite(priorMean, "priorMean");
        Checks.positive(priorStd, "priorStd");
        Checks.positive(noiseStd, "noiseStd");
        if (data == null) {
            throw new IllegalArgumentException("data must not be null (use an empty array for no data)");
        }
        double s = 0.0;
        double s2 = 0.0;
        for (int i = 0; i < data.length; i++) {
            Checks.finite(data[i], "data[" + i + "]");
            s += data[i];
            s2 += data[i] * data[i];
        }
        this.priorMean = priorMean;
        this.priorStd = priorStd;
        this.noiseStd = noiseStd;
        this.data = data.clone();
        this.sum = s;
        this.sumSquares = s2;
        double v0 = priorStd * priorStd;
        double vn = noiseStd * noiseStd;
        this.precision = 1.0 / v0 + data.length / vn;
        this.posteriorMean = (priorMean / v0 + s / vn) / precision;
    }

    @Override
    public double value(double theta) {
        int n = data.length;
        double v = noiseStd * noiseStd;
        double v0 = priorStd * priorStd;
        double sq = sumSquares - 2.0 * theta * sum + n * theta * theta;
        double d = theta - priorMean;
        return sq / (2.0 * v) + 0.5 * n * (LOG_2PI + Math.log(v)) + d * d / (2.0 * v0)
                + 0.5 * (LOG_2PI + Math.log(v0));
    }

    @Override
    public double derivative(double theta) {
        return (data.length * theta - sum) / (noiseStd * noiseStd) + (theta - priorMean) / (priorStd * priorStd);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "NormalNormal(prior N(%.4g, %.4g^2), noise sd %.4g, n=%d)", priorMean,
                priorStd, noiseStd, data.length);
    }

    @Override
    public NormalDensity temperedPosterior(double temperature) {
        Checks.temperature(temperature);
        return new NormalDensity(posteriorMean, Math.sqrt(temperature / precision));
    }

    @Override
    public double logPartition(double temperature) {
        Checks.temperature(temperature);
        return -value(posteriorMean) / temperature + 0.5 * (LOG_2PI + Math.log(temperature / precision));
    }

    @Override
    public double logEvidence() {
        int n = data.length;
        double v = noiseStd * noiseStd;
        double v0 = priorStd * priorStd;
        double centred = sum - n * priorMean;
        double centredSquares = sumSquares - 2.0 * priorMean * sum + n * priorMean * priorMean;
        double quad = (centredSquares - v0 * centred * centred / (v + n * v0)) / v;
        return -0.5 * n * (LOG_2PI + Math.log(v)) - 0.5 * Math.log1p(n * v0 / v) - 0.5 * quad;
    }

    @Override
    public double meanEnergy(double temperature) {
        Checks.temperature(temperature);
        return value(posteriorMean) + 0.5 * temperature;
    }

    @Override
    public double map() {
        return posteriorMean;
    }

    /**
     * Returns &mu;<sub>n</sub> &plusmn; {@link #GRID_HALF_WIDTH_SDS} sqrt(T/&lambda;<sub>n</sub>).
     *
     * @param temperature The temperature T. Must be finite and &gt; 0.
     * @return {lo, hi}.
     */
    @Override
    public double[] gridRange(double temperature) {
        double sd = temperedPosterior(temperature).std();
        return new double[] {posteriorMean - GRID_HALF_WIDTH_SDS * sd, posteriorMean + GRID_HALF_WIDTH_SDS * sd};
    }

    /**
     * Returns the prior N(&mu;<sub>0</sub>, &tau;<sub>0</sub><sup>2</sup>).
     *
     * @return The prior density.
     */
    public NormalDensity prior() {
        return new NormalDensity(priorMean, priorStd);
    }

    /**
     * Returns the number of observations.
     *
     * @return n.
     */
    public int size() {
        return data.length;
    }

    @Override
    public String toString() {
        return name();
    }
}
