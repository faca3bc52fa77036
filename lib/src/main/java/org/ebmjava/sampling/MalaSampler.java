package org.ebmjava.sampling;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The Metropolis-adjusted Langevin algorithm (MALA) on a batch of chains: a ULA step used as a proposal, then a
 * Metropolis-Hastings accept/reject per chain, so that p &prop; exp(-E) is sampled exactly for any step size.
 *
 * <p>Performs, for each chain with state x, g(x) = &nabla;<sub>x</sub>E(x), xi ~ N(0, I):
 * <pre>
 *   y = x - (&epsilon;/2) g(x) + sqrt(&epsilon;) xi                                  (proposal, as in ULA)
 *   log q(y | x) = -|y - x + (&epsilon;/2) g(x)|^2 / (2&epsilon;) + const               (its Gaussian density)
 *   log &alpha; = -E(y) + E(x) + log q(x | y) - log q(y | x)
 *   accept (x &larr; y) iff u &lt; &alpha;, u ~ U[0, 1); otherwise the chain stays at x
 * </pre>
 * The proposal is not symmetric, so the density ratio q(x | y)/q(y | x) is needed for detailed balance. The
 * acceptance rate tends to 1 as &epsilon; &rarr; 0 (the ULA bias vanishes too); for a larger &epsilon; MALA stays
 * exact while ULA is biased, at the price of rejections. Roberts and Rosenthal show that about 57 % acceptance is
 * optimal in high dimension.
 *
 * <p>Each step costs one energy-and-gradient evaluation at the proposals: the energy and gradient at the current
 * states are kept from the previous step. Energies come in float (from {@link BatchEnergy}); the acceptance ratio is
 * computed in double. A proposal with a non-finite energy or gradient is rejected. Work buffers make an instance not
 * thread-safe.
 *
 * <pre>
 * References: G. O. Roberts and R. L. Tweedie, "Exponential convergence of Langevin distributions and their
 * discrete approximations", Bernoulli 2(4), 341-363, 1996.
 * G. O. Roberts and J. S. Rosenthal, "Optimal scaling of discrete approximations to Langevin diffusions",
 * J. R. Statist. Soc. B 60(1), 255-268, 1998.
 * </pre>
 */
public final class MalaSampler extends BatchSampler {

    private final BatchEnergy energy;
    private final double epsilon;
    private final double halfStep;
    private final double noise;
    private float[] energyX;
    private float[] gradX;
    private float[] proposal;
    private float[] energyY;
    private float[] gradY;
    private float[] noiseBuffer;
    private long[] accepted = new long[0];
    private long steps;

    /**
     * Creates MALA with step size &epsilon; (the ULA convention: drift &epsilon;/2, noise sqrt(&epsilon;)).
     *
     * @param energy The energy, p &prop; exp(-E). Not modified (evaluated).
     * @param epsilon The step size &epsilon;, finite and &gt; 0.
     * @throws IllegalArgumentException If energy is null or epsilon is not finite and positive.
     */
    public MalaSampler(BatchEnergy energy, double epsilon) {
        super(LangevinSampler.checkEnergy(energy).dimension());
        this.energy = energy;
        this.epsilon = BatchOps.requirePositive(epsilon, "epsilon");
        this.halfStep = epsilon / 2.0;
        this.noise = Math.sqrt(epsilon);
    }

    /**
     * Returns the step size.
     *
     * @return &epsilon;.
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Returns the fraction of proposals accepted in the most recent run, over all chains and steps.
     *
     * @return The acceptance rate in [0, 1]; NaN before any step has been run.
     */
    public double acceptanceRate() {
        if (steps == 0) {
            return Double.NaN;
        }
        long total = 0;
        for (long a : accepted) {
            total += a;
        }
        return (double) total / ((double) steps * accepted.length);
    }

    /**
     * Returns each chain's fraction of accepted proposals in the most recent run.
     *
     * @return A new array of n rates (NaN entries before any step has been run).
     */
    public double[] chainAcceptanceRates() {
        double[] r = new double[accepted.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = steps == 0 ? Double.NaN : (double) accepted[i] / steps;
        }
        return r;
    }

    @Override
    protected void begin(float[] x, int n) {
        int m = n * dimension();
        energyX = ensure(energyX, n);
        energyY = ensure(energyY, n);
        gradX = ensure(gradX, m);
        gradY = ensure(gradY, m);
        proposal = ensure(proposal, m);
        noiseBuffer = ensure(noiseBuffer, m);
        energy.evaluate(x, n, energyX, gradX);
        accepted = new long[n];
        steps = 0;
    }

    @Override
    protected void step(float[] x, int n, int t, RandomGenerator rng) {
        int d = dimension();
        int m = n * d;
        GaussianNoise.fill(noiseBuffer, m, rng);
        for (int k = 0; k < m; k++) {
            proposal[k] = (float) (x[k] - halfStep * gradX[k] + noise * noiseBuffer[k]);
        }
        energy.evaluate(proposal, n, energyY, gradY);
        for (int i = 0; i < n; i++) {
            double forward = 0.0;
            double backward = 0.0;
            for (int k = i * d; k < (i + 1) * d; k++) {
                double f = proposal[k] - x[k] + halfStep * gradX[k];
                double b = x[k] - proposal[k] + halfStep * gradY[k];
                forward += f * f;
                backward += b * b;
            }
            double logAlpha = -((double) energyY[i] - energyX[i]) - (backward - forward) / (2.0 * epsilon);
            double u = rng.nextDouble();
            if (logAlpha >= 0.0 || Math.log(u) < logAlpha) {
                System.arraycopy(proposal, i * d, x, i * d, d);
                System.arraycopy(gradY, i * d, gradX, i * d, d);
                energyX[i] = energyY[i];
                accepted[i]++;
            }
        }
        steps++;
    }

    /**
     * Describes the settings and the last acceptance rate.
     *
     * @return E.g. "MalaSampler[epsilon=0.5, d=2, acceptance=0.912]".
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MalaSampler[epsilon=%s, d=%d, acceptance=%.3f]", BatchOps.num(epsilon),
                dimension(),
                acceptanceRate());
    }
}
