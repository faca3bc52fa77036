package org.ebmjava.exercises.ex10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ebmjava.activeinference.ExpectedFreeEnergy;
import org.ebmjava.activeinference.Pomdp;
import org.ebmjava.activeinference.TMaze;
import org.ebmjava.exercises.check.Submissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks for exercise 10.3 ({@link PolicyFreeEnergy}). */
@DisplayName("10.3 expected free energy of a policy")
public class PolicyFreeEnergyChecks {
    private static final double TOL = 1e-10;
    private final PolicyFreeEnergy impl = Submissions.get(PolicyFreeEnergy.class);

    /** The two-state model worked by hand: A = [[0.9, 0.2], [0.1, 0.8]], one action that keeps the state. */
    private static final double[][] A = {{0.9, 0.2}, {0.1, 0.8}};
    private static final double[][][] STAY = {{{1, 0}, {0, 1}}};
    private static final double[] C = {Math.log(0.8), Math.log(0.2)};

    private static double h(double p) {
        return p <= 0 || p >= 1 ? 0 : -p * Math.log(p) - (1 - p) * Math.log(1 - p);
    }

    @Test
    @DisplayName("by hand on a two-state model: risk = KL(Q(o) || P(o)) plus ambiguity = E_Q(s) H[p(o|s)]")
    void twoStatesByHand() {
        // Q(o) = A q = (0.55, 0.45) for q = (1/2, 1/2); P(o) = (0.8, 0.2).
        double risk = 0.55 * Math.log(0.55 / 0.8) + 0.45 * Math.log(0.45 / 0.2);
        double ambiguity = 0.5 * h(0.9) + 0.5 * h(0.2);
        double[] q = {0.5, 0.5};
        assertEquals(risk + ambiguity, impl.expectedFreeEnergy(A, STAY, q, new int[] {0}, C), TOL, "one step");
        assertEquals(2 * (risk + ambiguity), impl.expectedFreeEnergy(A, STAY, q, new int[] {0, 0}, C), TOL,
                "two steps of the same prediction add up");
        assertEquals(0.0, impl.expectedFreeEnergy(A, STAY, q, new int[0], C), TOL, "no steps: G = 0");
    }

    @Test
    @DisplayName("ambiguity counts: a noisy observation costs its entropy even when it is preferred")
    void ambiguityCounts() {
        // Preferences equal to the predicted outcomes make the risk 0; G is then the ambiguity alone.
        double[][] noisy = {{0.7, 0.7}, {0.3, 0.3}};
        double[] c = {Math.log(0.7), Math.log(0.3)};
        double g = impl.expectedFreeEnergy(noisy, STAY, new double[] {0.4, 0.6}, new int[] {0}, c);
        assertEquals(h(0.7), g, TOL, "risk 0, ambiguity H(0.7, 0.3)");
    }

    @Test
    @DisplayName("B[a][s'][s] moves the belief before the outcomes are predicted; C is normalised by softmax")
    void transitionsAndSoftmax() {
        // Action 0 moves every state to s1; action 1 moves every state to s2. Start certain in s1.
        double[][][] b = {{{1, 1}, {0, 0}}, {{0, 0}, {1, 1}}};
        double[] q = {1.0, 0.0};
        double[] c = {2.0, 0.0};                      // P(o) = softmax(2, 0)
        double p1 = Math.exp(2) / (Math.exp(2) + 1);
        double toS2 = 0.2 * Math.log(0.2 / p1) + 0.8 * Math.log(0.8 / (1 - p1)) + h(0.2);
        assertEquals(toS2, impl.expectedFreeEnergy(A, b, q, new int[] {1}, c), TOL, "one move to s2");
        double[] shifted = {12.0, 10.0};              // same softmax
        assertEquals(toS2, impl.expectedFreeEnergy(A, b, q, new int[] {1}, shifted), TOL,
                "adding a constant to C changes nothing");
        double toS1 = 0.9 * Math.log(0.9 / p1) + 0.1 * Math.log(0.1 / (1 - p1)) + h(0.9);
        assertEquals(toS1 + toS2, impl.expectedFreeEnergy(A, b, q, new int[] {0, 1}, c), TOL, "s1 then s2");
    }

    @Test
    @DisplayName("in the T-maze, reading the cue first has lower G than entering an arm (the epistemic action)")
    void tMaze() {
        TMaze maze = new TMaze(TMaze.Config.DEFAULT);
        Pomdp m = maze.model();
        double[][] a = new double[m.outcomes()][m.states()];
        for (int o = 0; o < m.outcomes(); o++) {
            for (int s = 0; s < m.states(); s++) {
                a[o][s] = m.likelihood(o, s);
            }
        }
        double[][][] b = new double[m.actions()][m.states()][m.states()];
        for (int k = 0; k < m.actions(); k++) {
            for (int n = 0; n < m.states(); n++) {
                for (int s = 0; s < m.states(); s++) {
                    b[k][n][s] = m.transition(k, n, s);
                }
            }
        }
        double[] c = m.logPreferences(1);
        double[] q = maze.initialBelief();
        int[] cueThenLeft = {TMaze.CUE, TMaze.LEFT};
        int[] leftArm = {TMaze.LEFT, TMaze.LEFT};
        double gCue = impl.expectedFreeEnergy(a, b, q, cueThenLeft, c);
        double gArm = impl.expectedFreeEnergy(a, b, q, leftArm, c);
        assertEquals(ExpectedFreeEnergy.evaluate(m, q, cueThenLeft, 1).g(), gCue, 1e-9, "G(cue, then left)");
        assertEquals(ExpectedFreeEnergy.evaluate(m, q, leftArm, 1).g(), gArm, 1e-9, "G(left arm)");
        assertTrue(gCue < gArm, "G(cue, then left) = " + gCue + " should be below G(left arm) = " + gArm);
    }

    @Test
    @DisplayName("random models: G = -(information gain) - (expected log preference), summed over steps")
    void randomModels() {
        Random rng = new Random(105);
        for (int trial = 0; trial < 5; trial++) {
            int ns = 2 + rng.nextInt(3);
            int no = 2 + rng.nextInt(3);
            int na = 1 + rng.nextInt(2);
            double[][] a = columns(no, ns, rng);
            double[][][] b = new double[na][][];
            for (int k = 0; k < na; k++) {
                b[k] = columns(ns, ns, rng);
            }
            double[] q = flat(columns(ns, 1, rng));
            double[] c = new double[no];
            for (int o = 0; o < no; o++) {
                c[o] = rng.nextGaussian();
            }
            int[] actions = new int[1 + rng.nextInt(3)];
            for (int i = 0; i < actions.length; i++) {
                actions[i] = rng.nextInt(na);
            }
            // Reference by the other decomposition: G = sum_tau [ -(H[Q(o)] - ambiguity) - E_Q(o)[log P(o)] ].
            double max = Double.NEGATIVE_INFINITY;
            for (double v : c) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (double v : c) {
                z += Math.exp(v - max);
            }
            double g = 0;
            double[] belief = q.clone();
            for (int action : actions) {
                double[] next = new double[ns];
                for (int n = 0; n < ns; n++) {
                    for (int s = 0; s < ns; s++) {
                        next[n] += b[action][n][s] * belief[s];
                    }
                }
                belief = next;
                double entropy = 0;
                double ambiguity = 0;
                double pragmatic = 0;
                for (int o = 0; o < no; o++) {
                    double qo = 0;
                    for (int s = 0; s < ns; s++) {
                        qo += a[o][s] * belief[s];
                        ambiguity -= belief[s] * a[o][s] * Math.log(a[o][s]);
                    }
                    entropy -= qo * Math.log(qo);
                    pragmatic += qo * (c[o] - max - Math.log(z));
                }
                g += -(entropy - ambiguity) - pragmatic;
            }
            assertEquals(g, impl.expectedFreeEnergy(a, b, q, actions, c), 1e-9, "trial " + trial);
        }
    }

    /** A rows x cols matrix whose columns are random positive distributions. */
    private static double[][] columns(int rows, int cols, Random rng) {
        double[][] m = new double[rows][cols];
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                m[i][j] = 0.05 + rng.nextDouble();
                sum += m[i][j];
            }
            for (int i = 0; i < rows; i++) {
                m[i][j] /= sum;
            }
        }
        return m;
    }

    private static double[] flat(double[][] column) {
        double[] v = new double[column.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = column[i][0];
        }
        return v;
    }
}
