package org.ebmjava.exercises.ex10;

/**
 * Exercise 10.2: the evidence lower bound of a linear-Gaussian latent-variable model, in closed form.
 *
 * <p>Model: one latent z ~ N(0, 1) and d-dimensional data x | z ~ N(w z + b, &sigma;<sup>2</sup> I). The
 * variational posterior is q(z) = N(m, s<sup>2</sup>). The ELBO is the negative variational free energy of
 * notebook 01 with the energy E(x, z) = -log p(x, z) at T = 1:
 * <pre>
 *   ELBO(q) = -F[q] = -( E_q[E(x, z)] - H[q] ) = E_q[log p(x | z)] + E_q[log p(z)] + H[q],
 *   E_q[log p(x | z)] = -(d/2) log(2 pi sigma^2) - ( |x - b - w m|^2 + s^2 |w|^2 ) / (2 sigma^2),
 *   E_q[log p(z)]     = -(1/2) log(2 pi) - (m^2 + s^2) / 2,
 *   H[q]              = (1/2) log(2 pi e s^2).
 * </pre>
 * ELBO(q) = log p(x) - KL(q || p(z | x)) &le; log p(x), with equality exactly when q is the posterior.
 */
@FunctionalInterface
public interface GaussianElbo {
    /**
     * The ELBO in nats.
     *
     * @param x The data point, d entries. Not modified.
     * @param w The loading vector w, d entries. Not modified.
     * @param b The offset b, d entries. Not modified.
     * @param noiseStd The noise standard deviation &sigma; &gt; 0.
     * @param qMean The mean m of q(z).
     * @param qStd The standard deviation s &gt; 0 of q(z).
     * @return E<sub>q</sub>[log p(x, z)] + H[q], nats.
     */
    double elbo(double[] x, double[] w, double[] b, double noiseStd, double qMean, double qStd);
}
