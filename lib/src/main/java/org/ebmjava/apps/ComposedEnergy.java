package org.ebmjava.apps;

import java.util.Arrays;
import org.ebmjava.sampling.BatchEnergy;
import org.ebmjava.sampling.BatchOps;

/**
 * Energies composed from other energies (Du, Li and Mordatch, 2020): product, mixture and negation, as
 * {@link BatchEnergy} combinators with exact gradients, so the Langevin samplers run on the composition.
 *
 * <p>With p<sub>i</sub>(x) &prop; exp(-E<sub>i</sub>(x)):
 * <pre>
 *   product     E(x) = &Sigma;_i w_i E_i(x)                      p &prop; &Pi;_i p_i^(w_i)         (w_i = 1: "and")
 *               &nabla;E = &Sigma;_i w_i &nabla;E_i
 *   mixture     E(x) = -log &Sigma;_i exp(-E_i(x))              p &prop; &Sigma;_i exp(-E_i)       ("or")
 *               &nabla;E = &Sigma;_i &pi;_i(x) &nabla;E_i,   &pi;_i(x) = softmax_i(-E_i(x))
 *   difference  E(x) = E_a(x) - &beta; E_b(x)                    p &prop; p_a / p_b^&beta;            ("a and not b")
 *               &nabla;E = &nabla;E_a - &beta; &nabla;E_b
 * </pre>
 * The mixture of unnormalised densities weights component i by its partition function Z<sub>i</sub> (the mixture
 * weights are Z<sub>i</sub> / &Sigma;<sub>j</sub>Z<sub>j</sub>), so two energies of unequal normalisation do not
 * mix evenly; the log-sum-exp is computed around the minimum energy and never overflows. A difference with
 * &beta; &gt; 0 may be improper (exp(-E) not integrable) where p<sub>b</sub> decays faster than p<sub>a</sub>: keep
 * &beta; &lt; 1 for Gaussian-like tails, or sample in a box (a clamped Langevin sampler).
 *
 * <p>All parts must have the same dimension. Parts are evaluated in order into work buffers (not thread-safe).
 *
 * <pre>
 * Reference: Y. Du, S. Li and I. Mordatch, "Compositional Visual Generation with Energy Based Models",
 * NeurIPS 2020.
 * </pre>
 */
public final class ComposedEnergy implements BatchEnergy {

    private enum Kind { PRODUCT, MIXTURE }

    private final Kind kind;
    private final BatchEnergy[] parts;
    private final double[] weights;
    private final String description;
    private final int dimension;
    private float[][] partEnergies;
    private float[][] partGradients;

    private ComposedEnergy(Kind kind, BatchEnergy[] parts, double[] weights, String description) {
        this.kind = kind;
        this.parts = parts;
        this.weights = weights;
        this.description = description;
        this.dimension = parts[0].dimension();
        this.partEnergies = new float[parts.length][];
        this.partGradients = new float[parts.length][];
    }

    /**
     * The product p &prop; &Pi; p<sub>i</sub>: E = &Sigma; E<sub>i</sub>.
     *
     * @param parts At least one energy, all of one dimension. Not modified (evaluated).
     * @return The composed energy.
     * @throws IllegalArgumentException If parts is empty, holds null, or the dimensions differ (named).
     */
    public static ComposedEnergy product(BatchEnergy... parts) {
        BatchEnergy[] p = checkParts(parts);
        double[] w = new double[p.length];
        Arrays.fill(w, 1.0);
        return new ComposedEnergy(Kind.PRODUCT, p, w, "product");
    }

    /**
     * The weighted product p &prop; &Pi; p<sub>i</sub><sup>w<sub>i</sub></sup>: E = &Sigma; w<sub>i</sub>
     * E<sub>i</sub> (w<sub>i</sub> acts as an inverse temperature of part i).
     *
     * @param weights One finite weight per part. Copied.
     * @param parts The energies, all of one dimension. Not modified (evaluated).
     * @return The composed energy.
     * @throws IllegalArgumentException If the counts differ, a weight is not finite, or the parts are invalid.
     */
    public static ComposedEnergy product(double[] weights, BatchEnergy... parts) {
        BatchEnergy[] p = checkParts(parts);
        if (weights == null || weights.length != p.length) {
            throw new IllegalArgumentException("weights: expected " + p.length + " (one per part), found "
                    + (weights == null ? "null" : weights.length));
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "]: expected a finite weight, found "
                        + weights[i]);
            }
        }
        return new ComposedEnergy(Kind.PRODUCT, p, weights.clone(), "weighted product " + Arrays.toString(weights));
    }

    /**
     * The mixture p &prop; &Sigma; exp(-E<sub>i</sub>): E = -log &Sigma; exp(-E<sub>i</sub>).
     *
     * @param parts At least one energy, all of one dimension. Not modified (evaluated).
     * @return The composed energy.
     * @throws IllegalArgumentException If parts is empty, holds null, or the dimensions differ (named).
     */
    public static ComposedEnergy mixture(BatchEnergy... parts) {
        BatchEnergy[] p = checkParts(parts);
        return new ComposedEnergy(Kind.MIXTURE, p, null, "mixture");
    }

    /**
     * The negation "a and not b": E = E<sub>a</sub> - &beta; E<sub>b</sub>, p &prop; p<sub>a</sub> /
     * p<sub>b</sub><sup>&beta;</sup>.
     *
     * @param a The energy to keep. Not modified (evaluated).
     * @param b The energy to avoid. Not modified (evaluated).
     * @param beta The strength &beta;, finite and &ge; 0.
     * @return The composed energy.
     * @throws IllegalArgumentException If an energy is null, the dimensions differ, or beta is out of range.
     */
    public static ComposedEnergy difference(BatchEnergy a, BatchEnergy b, double beta) {
        BatchEnergy[] p = checkParts(new BatchEnergy[] {a, b});
        if (!(beta >= 0.0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta: expected a finite strength >= 0, found " + beta);
        }
        return new ComposedEnergy(Kind.PRODUCT, p, new double[] {1.0, -beta}, "difference, beta=" + beta);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void evaluate(float[] x, int n, float[] energies, float[] gradient) {
        BatchOps.checkEvaluation(x, n, dimension, energies, gradient);
        if (n == 0) {
            return;
        }
        int m = n * dimension;
        boolean needEnergies = energies != null || kind == Kind.MIXTURE;
        for (int i = 0; i < parts.length; i++) {
            if (needEnergies && (partEnergies[i] == null || partEnergies[i].length < n)) {
                partEnergies[i] = new float[n];
            }
            if (gradient != null && (partGradients[i] == null || partGradients[i].length < m)) {
                partGradients[i] = new float[m];
            }
            parts[i].evaluate(x, n, needEnergies ? partEnergies[i] : null, gradient != null ? partGradients[i] : null);
        }
        if (kind == Kind.PRODUCT) {
            if (energies != null) {
                for (int s = 0; s < n; s++) {
                    double e = 0.0;
                    for (int i = 0; i < parts.length; i++) {
                        e += weights[i] * partEnergies[i][s];
                    }
                    energies[s] = (float) e;
                }
            }
            if (gradient != null) {
                for (int q = 0; q < m; q++) {
                    double g = 0.0;
                    for (int i = 0; i < parts.length; i++) {
                        g += weights[i] * partGradients[i][q];
                    }
                    gradient[q] = (float) g;
                }
            }
            return;
        }
        // mixture: E = min - log sum exp(-(E_i - min)); weights pi_i = exp(-(E_i - min)) / sum
        double[] pi = new double[parts.length];
        for (int s = 0; s < n; s++) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < parts.length; i++) {
                min = Math.min(min, partEnergies[i][s]);
            }
            double sum = 0.0;
            for (int i = 0; i < parts.length; i++) {
                pi[i] = Math.exp(-(partEnergies[i][s] - min));
                sum += pi[i];
            }
            if (energies != null) {
                energies[s] = (float) (min - Math.log(sum));
            }
            if (gradient != null) {
                for (int k = 0; k < dimension; k++) {
                    int q = s * dimension + k;
                    double g = 0.0;
                    for (int i = 0; i < parts.length; i++) {
                        g += pi[i] / sum * partGradients[i][q];
                    }
                    gradient[q] = (float) g;
                }
            }
        }
    }

    /**
     * Returns the number of parts.
     *
     * @return At least 1.
     */
    public int size() {
        return parts.length;
    }

    /**
     * Describes the composition.
     *
     * @return E.g. "ComposedEnergy[mixture of 2, d=2]".
     */
    @Override
    public String toString() {
        return "ComposedEnergy[" + description + " of " + parts.length + ", d=" + dimension + "]";
    }

    private static BatchEnergy[] checkParts(BatchEnergy[] parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException("parts: expected at least one energy, found "
                    + (parts == null ? "null" : "none"));
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new IllegalArgumentException("parts[" + i + "]: expected an energy, found null");
            }
            if (parts[i].dimension() != parts[0].dimension()) {
                throw new IllegalArgumentException("parts[" + i + "]: expected dimension " + parts[0].dimension()
                        + " (that of parts[0]), found " + parts[i].dimension());
            }
        }
        return parts.clone();
    }
}
