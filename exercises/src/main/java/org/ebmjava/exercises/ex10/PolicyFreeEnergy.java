package org.ebmjava.exercises.ex10;

/**
 * Exercise 10.3: the expected free energy G of a policy on a small discrete model (active inference).
 *
 * <p>Roll the belief forward open-loop (no imagined observations): Q(s<sub>1</sub>) = B[a<sub>1</sub>] q,
 * Q(s<sub>&tau;</sub>) = B[a<sub>&tau;</sub>] Q(s<sub>&tau;-1</sub>), i.e. Q(s') = &sum;<sub>s</sub> B[a][s'][s] Q(s).
 * At every step &tau; predict the outcomes Q(o) = &sum;<sub>s</sub> A[o][s] Q(s) and add
 * <pre>
 *   risk      = KL( Q(o) || P(o) ) = sum_o Q(o) (log Q(o) - log P(o)),     P(o) = softmax(C)(o)
 *   ambiguity = sum_s Q(s) H[A[.][s]],  H[p] = -sum_o p(o) log p(o)   (0 log 0 = 0)
 * </pre>
 * G = &sum;<sub>&tau;</sub> (risk + ambiguity), in nats; lower is better. It equals minus the expected information
 * gain minus the expected log preference.
 */
@FunctionalInterface
public interface PolicyFreeEnergy {
    /**
     * The expected free energy of a sequence of actions.
     *
     * @param likelihood A[o][s] = p(o | s); each column sums to 1. Not modified.
     * @param transitions B[a][s'][s] = p(s' | s, a); each column sums to 1. Not modified.
     * @param belief The current belief q(s), summing to 1. Not modified.
     * @param actions The policy's actions, in order (possibly empty: G = 0). Not modified.
     * @param preferences The log preferences C[o] in nats (any real numbers; P(o) = softmax(C)). Not modified.
     * @return G in nats.
     */
    double expectedFreeEnergy(double[][] likelihood, double[][][] transitions, double[] belief, int[] actions,
            double[] preferences);
}
