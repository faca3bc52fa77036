/**
 * Active inference on a discrete POMDP: perception as variational free-energy minimisation, action as
 * expected free-energy minimisation (notebook 10).
 *
 * <p>Perception: after each outcome the agent's belief q(s) minimises F[q] = E<sub>q</sub>[E] - H[q] with
 * E(s) = -log p(o|s) - log p(s), notebook 01's F = U - TS at T = 1; the minimum is the exact posterior
 * and its value is the surprise -log p(o). Action: each policy is scored by its expected free energy
 * G = risk + ambiguity = -(epistemic value) - (pragmatic value), and policies are chosen by
 * softmax(-&gamma; G). Conventions: natural logarithms (nats), indices for states, outcomes and actions,
 * randomness from a {@link java.util.random.RandomGenerator} passed in.
 *
 * <p>Members:
 * <ul>
 *   <li>{@link org.ebmjava.activeinference.Pomdp}: the generative model A, B, C, D.</li>
 *   <li>{@link org.ebmjava.activeinference.StateInference}: exact posterior (through
 *       {@link org.ebmjava.thermo.BoltzmannDistribution}), F[q], and gradient descent on F.</li>
 *   <li>{@link org.ebmjava.activeinference.ExpectedFreeEnergy}: risk, ambiguity, epistemic and pragmatic
 *       value of a policy.</li>
 *   <li>{@link org.ebmjava.activeinference.Policy} and
 *       {@link org.ebmjava.activeinference.ActiveInferenceAgent}: policy posterior, action probabilities,
 *       policy tables, simulated episodes and exact success probabilities; a reward-only variant drops
 *       the epistemic term.</li>
 *   <li>{@link org.ebmjava.activeinference.TMaze}: the T-maze with an ambiguous cue, its five policies and
 *       success statistics.</li>
 * </ul>
 */
package org.ebmjava.activeinference;
