package org.ebmjava.exercises;

import java.util.Map;
import org.ebmjava.exercises.ex01.BoltzmannProbabilities;
import org.ebmjava.exercises.ex01.FreeEnergy;
import org.ebmjava.exercises.ex01.LangevinStep;
import org.ebmjava.exercises.ex02.AsyncSweep;
import org.ebmjava.exercises.ex02.HopfieldEnergy;
import org.ebmjava.exercises.ex03.MetropolisAcceptance;
import org.ebmjava.exercises.ex03.UnitConditional;
import org.ebmjava.exercises.ex04.GibbsStep;
import org.ebmjava.exercises.ex04.HiddenProbabilities;
import org.ebmjava.exercises.ex05.Cd1Gradient;
import org.ebmjava.exercises.ex05.RbmFreeEnergy;
import org.ebmjava.exercises.ex05.RbmGradient;
import org.ebmjava.exercises.ex06.DenoisingLoss;
import org.ebmjava.exercises.ex06.MixtureScore;
import org.ebmjava.exercises.ex07.ContrastiveLossGradient;
import org.ebmjava.exercises.ex07.ImageLangevinStep;
import org.ebmjava.exercises.ex07.ReplayDraw;
import org.ebmjava.exercises.ex08.CalibrationError;
import org.ebmjava.exercises.ex08.MarginLoss;
import org.ebmjava.exercises.ex08.PullAwayTerm;
import org.ebmjava.exercises.ex09.Auroc;
import org.ebmjava.exercises.ex09.EnergyScore;
import org.ebmjava.exercises.ex09.PgdStep;
import org.ebmjava.exercises.ex10.ForwardMarginal;
import org.ebmjava.exercises.ex10.GaussianElbo;
import org.ebmjava.exercises.ex10.PolicyFreeEnergy;

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

    /** Missing the factor 1/2: counts every pair twice. */
    static final HopfieldEnergy EX02_1 = (weights, biases, state) -> {
        double e = 0;
        for (int i = 0; i < state.length; i++) {
            e -= biases[i] * state[i];
            for (int j = 0; j < state.length; j++) {
                e -= weights[i][j] * state[i] * state[j];
            }
        }
        return e;
    };

    /** Synchronous update: every field computed from the old state. */
    static final AsyncSweep EX02_2 = (weights, biases, state, order) -> {
        int[] old = state.clone();
        int flips = 0;
        for (int i : order) {
            double h = biases[i];
            for (int j = 0; j < old.length; j++) {
                h += weights[i][j] * old[j];
            }
            int next = h > 0 ? 1 : h < 0 ? -1 : old[i];
            if (next != state[i]) {
                state[i] = next;
                flips++;
            }
        }
        return flips;
    };

    /** Forgets the temperature. */
    static final UnitConditional EX03_1 = (weights, biases, state, i, temperature) -> {
        double field = biases[i];
        for (int j = 0; j < state.length; j++) {
            if (j != i) {
                field += weights[i][j] * state[j];
            }
        }
        return 1.0 / (1.0 + Math.exp(-field));
    };

    /** Sign error in the exponent: exp(+dE/T) is at least 1 for uphill moves, so every move is accepted. */
    static final MetropolisAcceptance EX03_2 = (deltaE, temperature, u) -> u < Math.min(1, Math.exp(deltaE / temperature));

    /** Transposed weights: uses W[j][i], which fails (or throws) unless W is square and symmetric. */
    static final HiddenProbabilities EX04_1 = (weights, hiddenBias, visible) -> {
        double[] p = new double[hiddenBias.length];
        for (int j = 0; j < p.length; j++) {
            double a = hiddenBias[j];
            for (int i = 0; i < visible.length && j < weights.length && i < weights[j].length; i++) {
                a += visible[i] * weights[j][i];
            }
            p[j] = 1.0 / (1.0 + Math.exp(-a));
        }
        return p;
    };

    /** Returns the visible probabilities instead of a sample. */
    static final GibbsStep EX04_2 = (weights, visibleBias, hiddenBias, visible, uniformsHidden, uniformsVisible) -> {
        double[] h = new double[hiddenBias.length];
        for (int j = 0; j < h.length; j++) {
            double a = hiddenBias[j];
            for (int i = 0; i < visible.length; i++) {
                a += visible[i] * weights[i][j];
            }
            h[j] = uniformsHidden[j] < 1.0 / (1.0 + Math.exp(-a)) ? 1 : 0;
        }
        double[] next = new double[visibleBias.length];
        for (int i = 0; i < next.length; i++) {
            double a = visibleBias[i];
            for (int j = 0; j < h.length; j++) {
                a += weights[i][j] * h[j];
            }
            next[i] = 1.0 / (1.0 + Math.exp(-a));
        }
        return next;
    };

    /** Naive softplus log(1 + exp(a)): overflows to infinity for large a. */
    static final RbmFreeEnergy EX05_1 = (weights, visibleBias, hiddenBias, visible) -> {
        double f = 0;
        for (int i = 0; i < visible.length; i++) {
            f -= visibleBias[i] * visible[i];
        }
        for (int j = 0; j < hiddenBias.length; j++) {
            double a = hiddenBias[j];
            for (int i = 0; i < visible.length; i++) {
                a += visible[i] * weights[i][j];
            }
            f -= Math.log(1 + Math.exp(a));
        }
        return f;
    };

    /** Negative phase minus positive phase: a descent direction on the likelihood. */
    static final Cd1Gradient EX05_2 = (weights, visibleBias, hiddenBias, batch, uniformsHidden, uniformsVisible) -> {
        RbmGradient g = ((Cd1Gradient) References.EX05_2).gradient(weights, visibleBias, hiddenBias, batch,
                uniformsHidden, uniformsVisible);
        double[][] dw = new double[g.weights().length][];
        for (int i = 0; i < dw.length; i++) {
            dw[i] = java.util.Arrays.stream(g.weights()[i]).map(x -> -x).toArray();
        }
        return new RbmGradient(dw, java.util.Arrays.stream(g.visibleBias()).map(x -> -x).toArray(),
                java.util.Arrays.stream(g.hiddenBias()).map(x -> -x).toArray());
    };

    /** Evaluates the model at the clean point instead of the noisy one. */
    static final DenoisingLoss EX06_1 = (clean, noise, sigma, a, b) -> {
        double total = 0;
        for (int i = 0; i < clean.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = b[j];
                for (int k = 0; k < b.length; k++) {
                    s += a[j][k] * clean[i][k];
                }
                double r = s + noise[i][j] / sigma;
                total += 0.5 * r * r;
            }
        }
        return total / clean.length;
    };

    /** Responsibilities from plain exponentials: 0/0 = NaN far from every component. */
    static final MixtureScore EX06_2 = (weights, means, stds, x) -> {
        int d = x.length;
        double[] p = new double[weights.length];
        double z = 0;
        for (int c = 0; c < p.length; c++) {
            double r2 = 0;
            for (int j = 0; j < d; j++) {
                r2 += (x[j] - means[c][j]) * (x[j] - means[c][j]);
            }
            double var = stds[c] * stds[c];
            p[c] = weights[c] * Math.pow(2 * Math.PI * var, -0.5 * d) * Math.exp(-0.5 * r2 / var);
            z += p[c];
        }
        double[] score = new double[d];
        for (int c = 0; c < p.length; c++) {
            for (int j = 0; j < d; j++) {
                score[j] -= p[c] / z * (x[j] - means[c][j]) / (stds[c] * stds[c]);
            }
        }
        return score;
    };

    /** Clips the whole step a*g instead of the gradient element g. */
    static final ImageLangevinStep EX07_1 = (x, gradient, stepSize, noiseScale, clip, noise, lo, hi) -> {
        double[][] next = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            next[i] = new double[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                double v = x[i][k] - Math.max(-clip, Math.min(clip, stepSize * gradient[i][k])) + noiseScale * noise[i][k];
                next[i][k] = Math.max(lo, Math.min(hi, v));
            }
        }
        return next;
    };

    /** Returns the buffer's own rows (no copy): the chains then overwrite the buffer. */
    static final ReplayDraw EX07_2 = (stored, freshFraction, uniforms, picks, noise) -> {
        double[][] batch = new double[uniforms.length][];
        for (int r = 0; r < uniforms.length; r++) {
            batch[r] = stored.length == 0 || uniforms[r] < freshFraction ? noise[r] : stored[picks[r]];
        }
        return batch;
    };

    /** The contrastive sign reversed: pushes data energies up and sample energies down. */
    static final ContrastiveLossGradient EX07_3 = (dataEnergies, sampleEnergies, alpha) -> {
        int n = dataEnergies.length;
        int m = sampleEnergies.length;
        double[] g = new double[n + m];
        for (int i = 0; i < n; i++) {
            g[i] = (-1 + 2 * alpha * dataEnergies[i]) / n;
        }
        for (int j = 0; j < m; j++) {
            g[n + j] = (1 + 2 * alpha * sampleEnergies[j]) / m;
        }
        return g;
    };

    /** Forgets the hinge: fakes above the margin lower the loss, so the discriminator pushes fakes up forever. */
    static final MarginLoss EX08_1 = (realEnergies, fakeEnergies, margin) -> {
        double loss = 0;
        for (double e : realEnergies) {
            loss += e / realEnergies.length;
        }
        for (double e : fakeEnergies) {
            loss += (margin - e) / fakeEnergies.length;
        }
        return loss;
    };

    /** Averages |acc - conf| over the non-empty bins without weighting them by their share of the samples. */
    static final CalibrationError EX08_2 = (confidences, correct, bins) -> {
        int[] count = new int[bins];
        double[] right = new double[bins];
        double[] confSum = new double[bins];
        for (int i = 0; i < confidences.length; i++) {
            int b = Math.max(0, Math.min(bins - 1, (int) Math.ceil(confidences[i] * bins) - 1));
            count[b]++;
            confSum[b] += confidences[i];
            right[b] += correct[i] ? 1 : 0;
        }
        double total = 0;
        int used = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                total += Math.abs(right[b] / count[b] - confSum[b] / count[b]);
                used++;
            }
        }
        return total / used;
    };

    /** Averages over all N^2 pairs, including each code with itself (always 1): never reaches 0. */
    static final PullAwayTerm EX08_3 = codes -> {
        int n = codes.length;
        double sum = 0;
        for (double[] a : codes) {
            for (double[] b : codes) {
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int k = 0; k < a.length; k++) {
                    dot += a[k] * b[k];
                    na += a[k] * a[k];
                    nb += b[k] * b[k];
                }
                sum += dot * dot / (na * nb);
            }
        }
        return sum / ((double) n * n);
    };

    /** Counts only strict wins: ties count 0 instead of one half. */
    static final Auroc EX09_1 = (inDistribution, outOfDistribution) -> {
        double wins = 0;
        for (double a : inDistribution) {
            for (double b : outOfDistribution) {
                wins += a > b ? 1 : 0;
            }
        }
        return wins / ((double) inDistribution.length * outOfDistribution.length);
    };

    /** Clips to [0, 1] but forgets the projection onto the epsilon-ball around the original. */
    static final PgdStep EX09_2 = (x, original, gradient, stepSize, epsilon) -> {
        double[][] next = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            next[i] = new double[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                next[i][k] = Math.min(Math.max(x[i][k] + stepSize * Math.signum(gradient[i][k]), 0.0), 1.0);
            }
        }
        return next;
    };

    /** The textbook formula without the shift: exp(f / T) overflows for large logits or small T. */
    static final EnergyScore EX09_3 = (logits, temperature) -> {
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double s = 0;
            for (double f : logits[i]) {
                s += Math.exp(f / temperature);
            }
            e[i] = -temperature * Math.log(s);
        }
        return e;
    };

    /** Uses alpha_t = 1 - beta_t of step t alone instead of the product alpha-bar_t over steps 1..t. */
    static final ForwardMarginal EX10_1 = (x0, betas, t, eps) -> {
        double alpha = 1.0 - betas[t - 1];
        double[] xt = new double[x0.length];
        for (int i = 0; i < x0.length; i++) {
            xt[i] = Math.sqrt(alpha) * x0[i] + Math.sqrt(1.0 - alpha) * eps[i];
        }
        return xt;
    };

    /** Evaluates the likelihood at the mean of q only: drops the s^2 |w|^2 term, so the bound is never tight. */
    static final GaussianElbo EX10_2 = (x, w, b, noiseStd, qMean, qStd) -> {
        double ww = 0;
        for (double wi : w) {
            ww += wi * wi;
        }
        double full = ((GaussianElbo) References.EX10_2).elbo(x, w, b, noiseStd, qMean, qStd);
        return full + qStd * qStd * ww / (2 * noiseStd * noiseStd);
    };

    /** Risk only: forgets the ambiguity term, the reward-only agent's mistake. */
    static final PolicyFreeEnergy EX10_3 = (likelihood, transitions, belief, actions, preferences) -> {
        double g = ((PolicyFreeEnergy) References.EX10_3).expectedFreeEnergy(likelihood, transitions, belief, actions,
                preferences);
        double[] q = belief.clone();
        for (int a : actions) {
            double[] next = new double[q.length];
            for (int n = 0; n < q.length; n++) {
                for (int s = 0; s < q.length; s++) {
                    next[n] += transitions[a][n][s] * q[s];
                }
            }
            q = next;
            for (double[] row : likelihood) {
                for (int s = 0; s < q.length; s++) {
                    if (row[s] > 0) {
                        g += q[s] * row[s] * Math.log(row[s]);
                    }
                }
            }
        }
        return g;
    };

    static final Map<String, Object> ALL = Map.ofEntries(
            Map.entry("01.1", EX01_1),
            Map.entry("01.2", EX01_2),
            Map.entry("01.3", EX01_3),
            Map.entry("02.1", EX02_1),
            Map.entry("02.2", EX02_2),
            Map.entry("03.1", EX03_1),
            Map.entry("03.2", EX03_2),
            Map.entry("04.1", EX04_1),
            Map.entry("04.2", EX04_2),
            Map.entry("05.1", EX05_1),
            Map.entry("05.2", EX05_2),
            Map.entry("06.1", EX06_1),
            Map.entry("06.2", EX06_2),
            Map.entry("07.1", EX07_1),
            Map.entry("07.2", EX07_2),
            Map.entry("07.3", EX07_3),
            Map.entry("08.1", EX08_1),
            Map.entry("08.2", EX08_2),
            Map.entry("08.3", EX08_3),
            Map.entry("09.1", EX09_1),
            Map.entry("09.2", EX09_2),
            Map.entry("09.3", EX09_3),
            Map.entry("10.1", EX10_1),
            Map.entry("10.2", EX10_2),
            Map.entry("10.3", EX10_3));
}
