package org.ebmjava.variational;

import java.util.Locale;
import org.ebmjava.stats.GaussianOps;

/**
 * The variational free energy of a latent-variable model at one data point, split as notebook 01 splits
 * F = U - TS (at T = 1).
 *
 * <p>With the energy E(x, z) = -log p(x, z) and a variational posterior q(z):
 * <pre>
 *   F[q]  = U - S = E_q[E(x, z)] - H[q]      the variational free energy, nats
 *   ELBO  = -F[q] = log p(x) - KL(q || p(z | x))  &le;  log p(x)
 * </pre>
 * Read as a code length, F[q] is the expected number of nats needed to send x with the bits-back scheme
 * (Hinton and van Camp 1993; Frey and Hinton 1997): -log p(x) nats at best, plus the KL when q is not the
 * posterior. The energy may also be split the VAE way, U - S = E<sub>q</sub>[-log p(x|z)] + KL(q || p(z)).
 *
 * @param energy U = E<sub>q</sub>[-log p(x, z)], nats.
 * @param entropy S = H[q], nats (differential entropy for continuous z; may be negative).
 */
public record VariationalFreeEnergy(double energy, double entropy) {

    /**
     * Returns the free energy F = U - S.
     *
     * @return F[q], nats.
     */
    public double freeEnergy() {
        return energy - entropy;
    }

    /**
     * Returns the evidence lower bound, -F.
     *
     * @return ELBO, nats.
     */
    public double elbo() {
        return entropy - energy;
    }

    /**
     * Returns the free energy as a code length in bits.
     *
     * @return F / log 2.
     */
    public double bits() {
        return GaussianOps.toBits(freeEnergy());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "F = U - S = %.4f - %.4f = %.4f nats (ELBO %.4f, %.3f bits)", energy, entropy,
                freeEnergy(), elbo(), bits());
    }
}
