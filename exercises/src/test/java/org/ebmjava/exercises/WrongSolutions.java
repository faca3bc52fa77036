package org.ebmjava.exercises;

import java.util.Map;
import org.ebmjava.exercises.ex01.BoltzmannProbabilities;
import org.ebmjava.exercises.ex01.FreeEnergy;
import org.ebmjava.exercises.ex01.LangevinStep;

/**
 * Plausible wrong solutions (the mistakes learners make), one per exercise: the checks must catch each.
 */
final class WrongSolutions {
    private WrongSolutions() {}

    /** Sign error in the exponent: favours high energies. */
    static final BoltzmannProbabilities EX01_1 = (energies, temperature) -> {
        double[] p = new double[energies.length];
        double z = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(energies[i] / temperature);
            z += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= z;
        }
        return p;
    };

    /** Naive formula: right for small energies, overflows to infinity at T = 0.01. */
    static final FreeEnergy EX01_2 = (energies, temperature) -> {
        double z = 0;
        for (double e : energies) {
            z += Math.exp(-e / temperature);
        }
        return -temperature * Math.log(z);
    };

    /** Noise scaled by sqrt(lr T): samples at half the temperature. */
    static final LangevinStep EX01_3 = (x, gradient, learningRate, temperature, noise) -> {
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - learningRate * gradient[i] + Math.sqrt(learningRate * temperature) * noise[i];
        }
        return next;
    };

    static final Map<String, Object> ALL = Map.of(
            "01.1", EX01_1,
            "01.2", EX01_2,
            "01.3", EX01_3);
}
