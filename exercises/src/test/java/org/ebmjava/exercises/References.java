package org.ebmjava.exercises;

import java.util.Map;
import org.ebmjava.exercises.ex01.BoltzmannProbabilities;
import org.ebmjava.exercises.ex01.FreeEnergy;
import org.ebmjava.exercises.ex01.LangevinStep;
import org.ebmjava.exercises.ex02.AsyncSweep;
import org.ebmjava.exercises.ex02.HopfieldEnergy;
import org.ebmjava.exercises.ex03.MetropolisAcceptance;
import org.ebmjava.exercises.ex03.UnitConditional;

/**
 * Reference solutions, one per exercise.
 *
 * <p>The lines between {@code // BEGIN SOLUTION NN.k} and {@code // END SOLUTION NN.k} are the single source of
 * each solution body: the notebook tool ({@code notebooks/tools/run_notebooks.py}) splices them into the notebook's
 * solution cell in place of the stub, to make the instructor version and to run the notebook test with all checks
 * passing (as nbgrader's autograde does). They must therefore compile both here and in a notebook cell after
 * {@code setup.jsh}: use only what both import, or fully qualified names.
 */
public final class References {
    private References() {}

    static final BoltzmannProbabilities EX01_1 = (energies, temperature) -> {
        // BEGIN SOLUTION 01.1
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, found " + temperature);
        }
        double eMin = Double.POSITIVE_INFINITY;
        for (double e : energies) {
            eMin = Math.min(eMin, e);
        }
        double[] p = new double[energies.length];
        double z = 0;                                  // Z * exp(eMin / T), at least 1: no overflow
        for (int i = 0; i < energies.length; i++) {
            p[i] = Math.exp(-(energies[i] - eMin) / temperature);
            z += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= z;
        }
        return p;
        // END SOLUTION 01.1
    };

    static final FreeEnergy EX01_2 = (energies, temperature) -> {
        // BEGIN SOLUTION 01.2
        double eMin = Double.POSITIVE_INFINITY;
        for (double e : energies) {
            eMin = Math.min(eMin, e);
        }
        double shiftedZ = 0;                           // sum of exp(-(E_i - eMin)/T) >= 1
        for (double e : energies) {
            shiftedZ += Math.exp(-(e - eMin) / temperature);
        }
        return eMin - temperature * Math.log(shiftedZ);
        // END SOLUTION 01.2
    };

    static final LangevinStep EX01_3 = (x, gradient, learningRate, temperature, noise) -> {
        // BEGIN SOLUTION 01.3
        double scale = Math.sqrt(2 * learningRate * temperature);
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - learningRate * gradient[i] + scale * noise[i];
        }
        return next;
        // END SOLUTION 01.3
    };

    static final HopfieldEnergy EX02_1 = (weights, biases, state) -> {
        // BEGIN SOLUTION 02.1
        double e = 0;
        for (int i = 0; i < state.length; i++) {
            double field = 0;                          // sum_j W_ij s_j
            for (int j = 0; j < state.length; j++) {
                field += weights[i][j] * state[j];
            }
            e -= 0.5 * state[i] * field + biases[i] * state[i];
        }
        return e;
        // END SOLUTION 02.1
    };

    static final AsyncSweep EX02_2 = (weights, biases, state, order) -> {
        // BEGIN SOLUTION 02.2
        int flips = 0;
        for (int i : order) {
            double h = biases[i];
            for (int j = 0; j < state.length; j++) {
                h += weights[i][j] * state[j];         // uses spins already updated in this sweep
            }
            int next = h > 0 ? 1 : h < 0 ? -1 : state[i];
            if (next != state[i]) {
                state[i] = next;
                flips++;
            }
        }
        return flips;
        // END SOLUTION 02.2
    };

    static final UnitConditional EX03_1 = (weights, biases, state, i, temperature) -> {
        // BEGIN SOLUTION 03.1
        double field = biases[i];
        for (int j = 0; j < state.length; j++) {
            if (j != i) {
                field += weights[i][j] * state[j];
            }
        }
        return 1.0 / (1.0 + Math.exp(-field / temperature));   // exp overflow gives 1/inf = 0: no NaN
        // END SOLUTION 03.1
    };

    static final MetropolisAcceptance EX03_2 = (deltaE, temperature, u) -> {
        // BEGIN SOLUTION 03.2
        if (deltaE <= 0) {
            return true;
        }
        if (temperature == 0) {
            return false;
        }
        return u < Math.exp(-deltaE / temperature);
        // END SOLUTION 03.2
    };

    /** Every reference, by exercise id. */
    static final Map<String, Object> ALL = Map.of(
            "01.1", EX01_1,
            "01.2", EX01_2,
            "01.3", EX01_3,
            "02.1", EX02_1,
            "02.2", EX02_2,
            "03.1", EX03_1,
            "03.2", EX03_2);
}
