package org.ebmjava.apps;

import org.ebmjava.neural.Mlp;

/**
 * Vector-Jacobian products of a neural engine {@link Mlp} with respect to its input, for any head width:
 * <pre>
 *   inputGrad_i = J(x_i)^T g_i = &nabla;_x &lang;g_i, f(x_i)&rang;,   J = &part;f/&part;x
 * </pre>
 * the backward pass that attacks, classifier energies and generator updates need. The engine's
 * {@code Mlp.inputGradient} covers scalar heads only; for any head this adapter calls
 * {@link Mlp#accumulateGradient(float[], float[], int, float[], float[], float[])}, which returns dL/dx together
 * with the parameter gradient, and saves and restores {@code mlp.gradients()} around it, so the caller's training
 * state is untouched. The parameter-gradient work is wasted (roughly a third of the backward pass); that is the
 * price of not adding a vector-Jacobian method to the engine. Networks with a level embedding are rejected. Not
 * thread-safe (it holds a buffer of the network's size).
 */
public final class VectorJacobian {

    private final Mlp mlp;
    private float[] saved;

    /**
     * Creates the adapter.
     *
     * @param mlp The network, without a level embedding. Shared.
     * @throws IllegalArgumentException If mlp is null or has an embedding.
     */
    public VectorJacobian(Mlp mlp) {
        if (mlp == null) {
            throw new IllegalArgumentException("mlp: expected a network, found null");
        }
        if (mlp.embedding() != null) {
            throw new IllegalArgumentException("mlp: expected a network without a level embedding, found "
                    + mlp.architecture());
        }
        this.mlp = mlp;
    }

    /**
     * Computes J(x<sub>i</sub>)<sup>T</sup> g<sub>i</sub> for n rows, leaving the parameter gradients as they were.
     *
     * @param x n&middot;d inputs. Not modified.
     * @param n The number of rows, &ge; 1.
     * @param outGrad g, n&middot;m finite floats (m the output width). Not modified.
     * @param inputGrad Receives n&middot;d values. Modified.
     * @throws IllegalArgumentException On a bad argument (named by the engine).
     */
    public void apply(float[] x, int n, float[] outGrad, float[] inputGrad) {
        float[] grads = mlp.gradients();
        if (saved == null || saved.length != grads.length) {
            saved = new float[grads.length];
        }
        System.arraycopy(grads, 0, saved, 0, grads.length);
        try {
            mlp.accumulateGradient(x, null, n, outGrad, null, inputGrad);
        } finally {
            System.arraycopy(saved, 0, grads, 0, grads.length);
        }
    }
}
