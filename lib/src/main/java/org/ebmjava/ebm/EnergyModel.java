package org.ebmjava.ebm;

import org.ebmjava.neural.Mlp;
import org.ebmjava.neural.Parameterized;
import org.ebmjava.sampling.BatchEnergy;

/**
 * A trainable energy E<sub>&theta;</sub>: R<sup>d</sup> &rarr; R: what {@link MaximumLikelihoodTrainer} needs from a
 * model. It is a live {@link BatchEnergy} view for the sampler, a flat parameter vector &theta; with its gradient
 * accumulator for the optimiser, and the parameter gradient of a weighted sum of energies.
 *
 * <p>Implemented by the neural engine's scalar-head MLP ({@link #of(org.ebmjava.neural.Mlp)}) and, in the tests, by
 * closed-form energies whose maximum-likelihood fixed point is known. Conventions as {@link BatchEnergy}: p(x)
 * &prop; exp(-E(x)), lower energy more probable, batches row-major.
 */
public interface EnergyModel extends Parameterized {

    /**
     * Returns the energy as a batch energy for samplers. The view is live: it evaluates the current parameters, so
     * a sampler built on it once follows the model as it trains.
     *
     * @return The energy view (the same instance on every call).
     */
    BatchEnergy energy();

    /**
     * Adds the parameter gradient of a weighted sum of energies to {@link #gradients()}:
     * <pre>
     *   gradients += &sum;_i w_i &nabla;_&theta; E_&theta;(x_i)
     * </pre>
     *
     * @param x The points, row-major, at least n&middot;d floats. Not modified.
     * @param n The number of points, at least 1.
     * @param weights The weights w<sub>i</sub>, at least n of them. Not modified.
     * @throws IllegalArgumentException If an array is too short for n points.
     */
    void accumulateGradient(float[] x, int n, float[] weights);

    /**
     * Returns the dimension d of one point.
     *
     * @return d, the energy's dimension.
     */
    default int dimension() {
        return energy().dimension();
    }

    /**
     * Views a scalar-head MLP of the neural engine as a trainable energy E<sub>&theta;</sub>(x) = f(x): the energy is
     * {@link Mlp#asEnergy()}, the parameter gradient {@link Mlp#accumulateGradient(float[], float[], int, float[])}
     * with the weights as dL/df, and the parameters are the network's live arrays.
     *
     * @param mlp The network: output dimension 1, no level embedding. Modified by training.
     * @return A view sharing the network (not thread-safe, as the network).
     * @throws IllegalArgumentException If mlp is null, its head is not scalar or it embeds a level.
     */
    static EnergyModel of(Mlp mlp) {
        if (mlp == null) {
            throw new IllegalArgumentException("mlp: expected a network, found null");
        }
        if (mlp.outputDim() != 1) {
            throw new IllegalArgumentException("mlp: expected a scalar head (output dimension 1), found output "
                    + "dimension " + mlp.outputDim());
        }
        if (mlp.embedding() != null) {
            throw new IllegalArgumentException("mlp: expected no level embedding, found " + mlp.embedding());
        }
        BatchEnergy view = mlp.asEnergy();
        return new EnergyModel() {
            @Override
            public BatchEnergy energy() {
                return view;
            }

            @Override
            public void accumulateGradient(float[] x, int n, float[] weights) {
                mlp.accumulateGradient(x, null, n, weights);
            }

            @Override
            public int parameterCount() {
                return mlp.parameterCount();
            }

            @Override
            public float[] parameters() {
                return mlp.parameters();
            }

            @Override
            public float[] gradients() {
                return mlp.gradients();
            }

            @Override
            public void zeroGradients() {
                mlp.zeroGradients();
            }

            @Override
            public String toString() {
                return "EnergyModel.of(" + mlp + ")";
            }
        };
    }
}
