package org.ebmjava.activeinference;

import java.util.List;
import org.ebmjava.thermo.ThermoOps;

/**
 * A discrete partially observable Markov decision process as the generative model of an active-inference
 * agent: hidden states s, outcomes o, actions a, and the four arrays of the literature.
 * <pre>
 *   A[o][s]     = p(o | s)                likelihood; each column s sums to 1
 *   B[a][s'][s] = p(s' | s, a)            transitions per action; each column s sums to 1
 *   C[&tau;][o]     = log preference for outcome o at step &tau; (1-based), up to a constant
 *   D[s]        = p(s_0)                  prior over the initial state
 * </pre>
 * Preferences are turned into a prior over outcomes by a softmax, log P<sub>&tau;</sub>(o) =
 * C<sub>&tau;</sub>[o] - log &sum;<sub>o'</sub> exp C<sub>&tau;</sub>[o'], which is notebook 01's Boltzmann
 * distribution with energy -C at T = 1 ({@link ThermoOps#logBoltzmannProbabilities}). Steps beyond the last
 * row of C use the last row. A single hidden-state factor is used (joint states, e.g. context &times;
 * location), so state inference is exact. Instances are immutable.
 *
 * <pre>
 * R. Smith, K. J. Friston and C. J. Whyte, "A step-by-step tutorial on active inference and its
 * application to empirical data", Journal of Mathematical Psychology 107, 2022.
 * </pre>
 */
public final class Pomdp {

    /** How far from 1 a probability column may sum. */
    public static final double NORMALISATION_TOLERANCE = 1e-9;

    private final double[][] likelihood;
    private final double[][][] transitions;
    private final double[][] preferences;
    private final double[] initialPrior;
    private final double[] outcomeEntropies;
    private final double[][] logPreferences;
    private final List<String> stateNames;
    private final List<String> outcomeNames;
    private final List<String> actionNames;

    /**
     * Creates a model and checks that every distribution is normalised.
     *
     * @param a The likelihood A[o][s]. Not modified (copied).
     * @param b The transitions B[a][s'][s]. Not modified (copied).
     * @param c The log preferences C[&tau; - 1][o], at least one row, finite. Not modified (copied).
     * @param d The initial-state prior D[s]. Not modified (copied).
     * @param stateNames One name per state.
     * @param outcomeNames One name per outcome.
     * @param actionNames One name per action.
     * @throws IllegalArgumentException If a shape does not match, an entry is negative or not finite, or a
     *     distribution does not sum to 1 (the message names the array and the column).
     */
    public Pomdp(double[][] a, double[][][] b, double[][] c, double[] d, List<String> stateNames,
            List<String> outcomeNames, List<String> actionNames) {
        if (a == null || b == null || c == null || d == null || stateNames == null || outcomeNames == null
                || actionNames == null) {
            throw new IllegalArgumentException("A, B, C, D and the name lists must not be null");
        }
        int ns = stateNames.size();
        int no = outcomeNames.size();
        int na = actionNames.size();
        if (ns == 0 || no == 0 || na == 0) {
            throw new IllegalArgumentException("need at least one state, outcome and action");
        }
        if (a.length != no || b.length != na || d.length != ns || c.length == 0) {
            throw new IllegalArgumentException(String.format(
                    "shapes: A needs %d rows (found %d), B %d actions (found %d), D %d states (found %d),"
                            + " C at least one row (found %d)", no, a.length, na, b.length, ns, d.length, c.length));
        }
        this.likelihood = new double[no][];
        for (int o = 0; o < no; o++) {
            likelihood[o] = checkedRow(a[o], ns, "A[" + o + "]");
        }
        checkColumns(likelihood, "A");
        this.transitions = new double[na][ns][];
        for (int k = 0; k < na; k++) {
            if (b[k] == null || b[k].length != ns) {
                throw new IllegalArgumentException("B[" + k + "] must be " + ns + " x " + ns);
            }
            for (int s = 0; s < ns; s++) {
                transitions[k][s] = checkedRow(b[k][s], ns, "B[" + k + "][" + s + "]");
            }
            checkColumns(transitions[k], "B[" + k + "]");
        }
        this.preferences = new double[c.length][];
        for (int t = 0; t < c.length; t++) {
            if (c[t] == null || c[t].length != no) {
                throw new IllegalArgumentException("C[" + t + "] must have " + no + " entries");
            }
            for (int o = 0; o < no; o++) {
                if (!Double.isFinite(c[t][o])) {
                    throw new IllegalArgumentException("C[" + t + "][" + o + "] must be finite, found " + c[t][o]);
                }
            }
            preferences[t] = c[t].clone();
        }
        this.initialPrior = checkedRow(d, ns, "D");
        checkSum(initialPrior, "D");
        this.outcomeEntropies = new double[ns];
        double[] column = new double[no];
        for (int s = 0; s < ns; s++) {
            for (int o = 0; o < no; o++) {
                column[o] = likelihood[o][s];
            }
            outcomeEntropies[s] = ThermoOps.entropy(column);
        }
        this.logPreferences = new double[preferences.length][];
        for (int t = 0; t < preferences.length; t++) {
            double[] energies = new double[no];
            for (int o = 0; o < no; o++) {
                energies[o] = -preferences[t][o];
            }
            logPreferences[t] = ThermoOps.logBoltzmannProbabilities(energies, 1.0);
        }
        this.stateNames = List.copyOf(stateNames);
        this.outcomeNames = List.copyOf(outcomeNames);
        this.actionNames = List.copyOf(actionNames);
    }

    /**
     * Returns the number of hidden states.
     *
     * @return |S|.
     */
    public int states() {
        return initialPrior.length;
    }

    /**
     * Returns the number of outcomes.
     *
     * @return |O|.
     */
    public int outcomes() {
        return likelihood.length;
    }

    /**
     * Returns the number of actions.
     *
     * @return |A|.
     */
    public int actions() {
        return transitions.length;
    }

    /**
     * Returns p(o | s).
     *
     * @param o The outcome.
     * @param s The state.
     * @return A[o][s].
     */
    public double likelihood(int o, int s) {
        return likelihood[o][s];
    }

    /**
     * Returns p(s' | s, a).
     *
     * @param action The action a.
     * @param next The next state s'.
     * @param s The current state s.
     * @return B[a][s'][s].
     */
    public double transition(int action, int next, int s) {
        return transitions[action][next][s];
    }

    /**
     * Returns the prior over the initial state.
     *
     * @return A copy of D.
     */
    public double[] initialPrior() {
        return initialPrior.clone();
    }

    /**
     * Predicts the next state distribution under an action: B[a] q.
     *
     * @param q The current state distribution. Not modified.
     * @param action The action a.
     * @return A new array, &sum;<sub>s</sub> B[a][s'][s] q[s].
     */
    public double[] predictStates(double[] q, int action) {
        double[][] bk = transitions[action];
        double[] out = new double[q.length];
        for (int next = 0; next < out.length; next++) {
            double v = 0.0;
            for (int s = 0; s < q.length; s++) {
                v += bk[next][s] * q[s];
            }
            out[next] = v;
        }
        return out;
    }

    /**
     * Predicts the outcome distribution: A q.
     *
     * @param q The state distribution. Not modified.
     * @return A new array, &sum;<sub>s</sub> A[o][s] q[s].
     */
    public double[] predictOutcomes(double[] q) {
        double[] out = new double[likelihood.length];
        for (int o = 0; o < out.length; o++) {
            double v = 0.0;
            for (int s = 0; s < q.length; s++) {
                v += likelihood[o][s] * q[s];
            }
            out[o] = v;
        }
        return out;
    }

    /**
     * Returns the entropy of the outcome given each state, H[p(o | s)]: what "ambiguity" averages.
     *
     * @return A new array of entropies in nats, one per state.
     */
    public double[] outcomeEntropies() {
        return outcomeEntropies.clone();
    }

    /**
     * Returns the normalised log preferences at a step: log P<sub>&tau;</sub>(o) = log softmax(C<sub>&tau;</sub>).
     *
     * @param step The 1-based step &tau;; steps past the last row of C use the last row.
     * @return A new array of log prior probabilities of the outcomes.
     * @throws IllegalArgumentException If step &lt; 1.
     */
    public double[] logPreferences(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step is 1-based, found " + step);
        }
        return logPreferences[Math.min(step, preferences.length) - 1].clone();
    }

    /**
     * Returns the state names.
     *
     * @return An unmodifiable list.
     */
    public List<String> stateNames() {
        return stateNames;
    }

    /**
     * Returns the outcome names.
     *
     * @return An unmodifiable list.
     */
    public List<String> outcomeNames() {
        return outcomeNames;
    }

    /**
     * Returns the action names.
     *
     * @return An unmodifiable list.
     */
    public List<String> actionNames() {
        return actionNames;
    }

    @Override
    public String toString() {
        return "Pomdp[" + states() + " states, " + outcomes() + " outcomes, " + actions() + " actions]";
    }

    private static double[] checkedRow(double[] row, int n, String name) {
        if (row == null || row.length != n) {
            throw new IllegalArgumentException(name + " must have " + n + " entries, found "
                    + (row == null ? "null" : row.length));
        }
        for (int i = 0; i < n; i++) {
            if (!(row[i] >= 0.0) || Double.isInfinite(row[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite and >= 0, found " + row[i]);
            }
        }
        return row.clone();
    }

    private static void checkColumns(double[][] m, String name) {
        for (int s = 0; s < m[0].length; s++) {
            double sum = 0.0;
            for (double[] row : m) {
                sum += row[s];
            }
            if (Math.abs(sum - 1.0) > NORMALISATION_TOLERANCE) {
                throw new IllegalArgumentException("column " + s + " of " + name + " must sum to 1, found " + sum);
            }
        }
    }

    private static void checkSum(double[] v, String name) {
        double sum = 0.0;
        for (double x : v) {
            sum += x;
        }
        if (Math.abs(sum - 1.0) > NORMALISATION_TOLERANCE) {
            throw new IllegalArgumentException(name + " must sum to 1, found " + sum);
        }
    }
}
