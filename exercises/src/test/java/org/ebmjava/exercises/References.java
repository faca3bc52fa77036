package org.ebmjava.exercises;

import java.util.Map;
import org.ebmjava.exercises.ex01.BoltzmannProbabilities;
import org.ebmjava.exercises.ex01.FreeEnergy;
import org.ebmjava.exercises.ex01.LangevinStep;

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

    /** Every reference, by exercise id. */
    static final Map<String, Object> ALL = Map.of(
            "01.1", EX01_1,
            "01.2", EX01_2,
            "01.3", EX01_3);
}
