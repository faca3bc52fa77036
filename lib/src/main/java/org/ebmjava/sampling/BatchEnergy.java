package org.ebmjava.sampling;

import org.ebmjava.landscape.Energy2D;

/**
 * A differentiable energy E: R<sup>d</sup> &rarr; R, evaluated on a batch of points: what gradient-based samplers
 * (Langevin, MALA, annealed Langevin) and maximum-likelihood EBM training need from a model.
 *
 * <p>Implemented by closed-form energies (a Gaussian, a mixture, the landscapes of notebook 01) and by the
 * neural engine's MLP energies, so 2D toys and images share one sampler. Conventions: p(x) &prop; exp(-E(x)),
 * lower energy more probable; a batch of n points is one row-major array of n&middot;d floats, row i holding
 * x<sub>i</sub>.
 *
 * <p>Implementations may keep internal work buffers: an instance is not required to be thread-safe, and callers
 * evaluate it from one thread at a time (an implementation may still use several threads inside one call).
 */
public interface BatchEnergy {
    /**
     * The dimension d of one point.
     *
     * @return d, at least 1.
     */
    int dimension();

    /**
     * Computes the energies E(x<sub>i</sub>) and, optionally, their gradients &nabla;<sub>x</sub>E(x<sub>i</sub>)
     * of the first n points of {@code x}.
     *
     * @param x The points, row-major, at least n&middot;d floats. Not modified.
     * @param n The number of points, at least 0.
     * @param energies Receives E(x<sub>i</sub>) in entries 0..n-1; null when only gradients are wanted. Modified.
     * @param gradient Receives &nabla;<sub>x</sub>E(x<sub>i</sub>) row-major in entries 0..n&middot;d-1; null when
     *     only energies are wanted. Modified.
     * @throws IllegalArgumentException If an array is too short for n points (the message names it and gives the
     *     lengths).
     */
    void evaluate(float[] x, int n, float[] energies, float[] gradient);

    /**
     * Views a two-dimensional landscape of notebook 01 (Rosenbrock, double well, a Gaussian mixture, ...) as a batch
     * energy, so the Langevin samplers and {@link GridDensity} work on it.
     *
     * @param landscape The landscape E(x, y), evaluated in double and rounded to float. Not modified.
     * @return A batch energy of dimension 2 (thread-safe if the landscape is).
     * @throws IllegalArgumentException If landscape is null.
     */
    static BatchEnergy of(Energy2D landscape) {
        if (landscape == null) {
            throw new IllegalArgumentException("landscape: expected an energy landscape, found null");
        }
        return new BatchEnergy() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void evaluate(float[] x, int n, float[] energies, float[] gradient) {
                BatchOps.checkEvaluation(x, n, 2, energies, gradient);
                double[] g = new double[2];
                for (int i = 0; i < n; i++) {
                    double px = x[2 * i];
                    double py = x[2 * i + 1];
                    if (energies != null) {
                        energies[i] = (float) landscape.value(px, py);
                    }
                    if (gradient != null) {
                        landscape.gradient(px, py, g);
                        gradient[2 * i] = (float) g[0];
                        gradient[2 * i + 1] = (float) g[1];
                    }
                }
            }

            @Override
            public String toString() {
                return "BatchEnergy.of(" + landscape.name() + ")";
            }
        };
    }
}
