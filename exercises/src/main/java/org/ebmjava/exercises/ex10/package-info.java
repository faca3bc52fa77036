/**
 * Exercises of notebook 10 (diffusion, flows and free energy), each a spec interface and its JUnit 5 checks.
 *
 * <ul>
 *   <li>10.1 {@link org.ebmjava.exercises.ex10.ForwardMarginal}: a sample of the diffusion's forward marginal
 *       q(x<sub>t</sub> | x<sub>0</sub>) in one jump.</li>
 *   <li>10.2 {@link org.ebmjava.exercises.ex10.GaussianElbo}: the ELBO (negative variational free energy) of a
 *       linear-Gaussian latent-variable model, written as energy minus entropy.</li>
 *   <li>10.3 {@link org.ebmjava.exercises.ex10.PolicyFreeEnergy}: the expected free energy (risk plus ambiguity)
 *       of a policy on a small discrete model.</li>
 * </ul>
 * Arguments are primitives and arrays only, so the grader can call a solution across a process boundary.
 */
package org.ebmjava.exercises.ex10;
