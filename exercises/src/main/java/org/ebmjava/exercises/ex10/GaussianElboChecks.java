package org.ebmjava.exercises.ex10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.exercises.check.CheckData;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 10.2 ({@link GaussianElbo}). */
@DisplayName("10.2 ELBO of a linear-Gaussian model")
public class GaussianElboChecks {
    private static final double TOL = 1e-9;
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final GaussianElbo impl = Submissions.get(GaussianElbo.class);

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** log N(x; b, sigma^2 I + w w^T) by the matrix determinant lemma and Sherman-Morrison. */
    static double logEvidence(double[] x, double[] w, double[] b, double sigma) {
        int d = x.length;
        double s2 = sigma * sigma;
        double[] r = new double[d];
        for (int i = 0; i < d; i++) {
            r[i] = x[i] - b[i];
        }
        double ww = dot(w, w);
        double logDet = d * Math.log(s2) + Math.log(1 + ww / s2);
        double quad = dot(r, r) / s2 - Math.pow(dot(w, r) / s2, 2) / (1 + ww / s2);
        return -0.5 * (d * LOG_2PI + logDet + quad);
    }

    /** The exact posterior p(z | x) = N(mean, var): returns {mean, var}. */
    static double[] posterior(double[] x, double[] w, double[] b, double sigma) {
        double precision = 1 + dot(w, w) / (sigma * sigma);
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] - b[i];
        }
        return new double[] {dot(w, r) / (sigma * sigma) / precision, 1 / precision};
    }

    @Test
    @DisplayName("by hand: with w = 0, ELBO = log N(x; b, sigma^2) - KL(q || N(0, 1))")
    void noLoading() {
        double m = 0.5;
        double s = 2.0;
        double kl = 0.5 * (s * s + m * m - 1) - Math.log(s);
        double expected = -0.5 * LOG_2PI - Math.log(0.5) - 0.5 * Math.pow((1.2 - 0.2) / 0.5, 2) - kl;
        assertEquals(expected, impl.elbo(new double[] {1.2}, new double[] {0.0}, new double[] {0.2}, 0.5, m, s), TOL);
    }

    @Test
    @DisplayName("equals log p(x) when q is the exact posterior")
    void exactPosteriorIsTight() {
        Random rng = new Random(102);
        for (int trial = 0; trial < 5; trial++) {
            int d = 1 + rng.nextInt(6);
            double[] x = CheckData.gaussian(d, rng);
            double[] w = CheckData.gaussian(d, rng);
            double[] b = CheckData.gaussian(d, rng);
            double sigma = 0.3 + rng.nextDouble();
            double[] post = posterior(x, w, b, sigma);
            assertEquals(logEvidence(x, w, b, sigma), impl.elbo(x, w, b, sigma, post[0], Math.sqrt(post[1])), 1e-9,
                    "trial " + trial + " (d = " + d + ")");
        }
    }

    @Test
    @DisplayName("any other q falls short of log p(x) by exactly KL(q || p(z | x))")
    void gapIsTheKl() {
        Random rng = new Random(103);
        double[] x = CheckData.gaussian(4, rng);
        double[] w = CheckData.gaussian(4, rng);
        double[] b = CheckData.gaussian(4, rng);
        double sigma = 0.7;
        double[] post = posterior(x, w, b, sigma);
        double logP = logEvidence(x, w, b, sigma);
        for (int trial = 0; trial < 6; trial++) {
            double m = post[0] + rng.nextGaussian();
            double s = Math.sqrt(post[1]) * Math.exp(rng.nextGaussian());
            double kl = Math.log(Math.sqrt(post[1]) / s) + (s * s + Math.pow(m - post[0], 2)) / (2 * post[1]) - 0.5;
            double elbo = impl.elbo(x, w, b, sigma, m, s);
            assertTrue(elbo < logP, "the ELBO must stay below log p(x) = " + logP + ", got " + elbo);
            assertEquals(logP - kl, elbo, 1e-9, "q = N(" + m + ", " + s + "^2)");
        }
    }

    @Test
    @DisplayName("agrees with a Monte Carlo average of log p(x, z) - log q(z), z = m + s eps")
    void matchesMonteCarlo() {
        Random rng = new Random(104);
        double[] x = {0.5, -1.0};
        double[] w = {1.5, 0.5};
        double[] b = {0.0, 0.2};
        double sigma = 0.8;
        double m = 0.3;
        double s = 0.6;
        int samples = 200_000;
        double sum = 0;
        for (int k = 0; k < samples; k++) {
            double e = rng.nextGaussian();
            double z = m + s * e;
            double logJoint = -0.5 * LOG_2PI - 0.5 * z * z;
            for (int i = 0; i < x.length; i++) {
                double r = x[i] - w[i] * z - b[i];
                logJoint += -0.5 * LOG_2PI - Math.log(sigma) - 0.5 * r * r / (sigma * sigma);
            }
            double logQ = -0.5 * LOG_2PI - Math.log(s) - 0.5 * e * e;
            sum += logJoint - logQ;
        }
        assertEquals(sum / samples, impl.elbo(x, w, b, sigma, m, s), 0.01, "200,000 reparameterised samples");
    }

    @Test
    @DisplayName("a wider q gains entropy: with w = 0 the best s is 1 (the prior's)")
    void entropyTerm() {
        double[] x = {0.4};
        double[] zero = {0.0};
        double at1 = impl.elbo(x, zero, zero, 1.0, 0.0, 1.0);
        assertTrue(at1 > impl.elbo(x, zero, zero, 1.0, 0.0, 0.5), "s = 1 beats s = 0.5");
        assertTrue(at1 > impl.elbo(x, zero, zero, 1.0, 0.0, 2.0), "s = 1 beats s = 2");
    }
}
