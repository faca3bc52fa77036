/**
 * The neural engine of lessons 06-10: MLP energies, score and noise-prediction networks with first- and
 * second-order gradients, optimisers and checkpoints, written by hand on float buffers and BLAS.
 *
 * <p>See {@link org.ebmjava.neural.Mlp} (the network and its first-order passes), {@link
 * org.ebmjava.neural.Adam} and {@link org.ebmjava.neural.Sgd} (optimisers). The full rationale with measured
 * numbers is in the package documentation of the final stage.
 */
package org.ebmjava.neural;
