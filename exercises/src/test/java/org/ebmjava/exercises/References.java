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

    static final HiddenProbabilities EX04_1 = (weights, hiddenBias, visible) -> {
        // BEGIN SOLUTION 04.1
        double[] p = new double[hiddenBias.length];
        for (int j = 0; j < p.length; j++) {
            double a = hiddenBias[j];
            for (int i = 0; i < visible.length; i++) {
                a += visible[i] * weights[i][j];
            }
            p[j] = 1.0 / (1.0 + Math.exp(-a));
        }
        return p;
        // END SOLUTION 04.1
    };

    static final GibbsStep EX04_2 = (weights, visibleBias, hiddenBias, visible, uniformsHidden, uniformsVisible) -> {
        // BEGIN SOLUTION 04.2
        int nv = visibleBias.length;
        int nh = hiddenBias.length;
        double[] h = new double[nh];
        for (int j = 0; j < nh; j++) {
            double a = hiddenBias[j];
            for (int i = 0; i < nv; i++) {
                a += visible[i] * weights[i][j];
            }
            h[j] = uniformsHidden[j] < 1.0 / (1.0 + Math.exp(-a)) ? 1 : 0;
        }
        double[] next = new double[nv];
        for (int i = 0; i < nv; i++) {
            double a = visibleBias[i];
            for (int j = 0; j < nh; j++) {
                a += weights[i][j] * h[j];
            }
            next[i] = uniformsVisible[i] < 1.0 / (1.0 + Math.exp(-a)) ? 1 : 0;
        }
        return next;
        // END SOLUTION 04.2
    };

    static final RbmFreeEnergy EX05_1 = (weights, visibleBias, hiddenBias, visible) -> {
        // BEGIN SOLUTION 05.1
        double f = 0;
        for (int i = 0; i < visible.length; i++) {
            f -= visibleBias[i] * visible[i];
        }
        for (int j = 0; j < hiddenBias.length; j++) {
            double a = hiddenBias[j];
            for (int i = 0; i < visible.length; i++) {
                a += visible[i] * weights[i][j];
            }
            f -= Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));   // stable softplus(a)
        }
        return f;
        // END SOLUTION 05.1
    };

    static final Cd1Gradient EX05_2 = (weights, visibleBias, hiddenBias, batch, uniformsHidden, uniformsVisible) -> {
        // BEGIN SOLUTION 05.2
        int nv = visibleBias.length;
        int nh = hiddenBias.length;
        double[][] dw = new double[nv][nh];
        double[] db = new double[nv];
        double[] dc = new double[nh];
        for (int r = 0; r < batch.length; r++) {
            double[] v0 = batch[r];
            double[] p0 = new double[nh];
            double[] h0 = new double[nh];
            for (int j = 0; j < nh; j++) {
                double a = hiddenBias[j];
                for (int i = 0; i < nv; i++) {
                    a += v0[i] * weights[i][j];
                }
                p0[j] = 1.0 / (1.0 + Math.exp(-a));
                h0[j] = uniformsHidden[r][j] < p0[j] ? 1 : 0;
            }
            double[] v1 = new double[nv];
            for (int i = 0; i < nv; i++) {
                double a = visibleBias[i];
                for (int j = 0; j < nh; j++) {
                    a += weights[i][j] * h0[j];
                }
                v1[i] = uniformsVisible[r][i] < 1.0 / (1.0 + Math.exp(-a)) ? 1 : 0;
            }
            double[] p1 = new double[nh];
            for (int j = 0; j < nh; j++) {
                double a = hiddenBias[j];
                for (int i = 0; i < nv; i++) {
                    a += v1[i] * weights[i][j];
                }
                p1[j] = 1.0 / (1.0 + Math.exp(-a));
            }
            for (int i = 0; i < nv; i++) {
                db[i] += (v0[i] - v1[i]) / batch.length;
                for (int j = 0; j < nh; j++) {
                    dw[i][j] += (v0[i] * p0[j] - v1[i] * p1[j]) / batch.length;
                }
            }
            for (int j = 0; j < nh; j++) {
                dc[j] += (p0[j] - p1[j]) / batch.length;
            }
        }
        return new RbmGradient(dw, db, dc);
        // END SOLUTION 05.2
    };

    static final DenoisingLoss EX06_1 = (clean, noise, sigma, a, b) -> {
        // BEGIN SOLUTION 06.1
        int n = clean.length;
        int d = b.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] noisy = new double[d];                    // x~ = x + sigma z
            for (int j = 0; j < d; j++) {
                noisy[j] = clean[i][j] + sigma * noise[i][j];
            }
            for (int j = 0; j < d; j++) {
                double s = b[j];                               // s(x~)_j = (A x~ + b)_j
                for (int k = 0; k < d; k++) {
                    s += a[j][k] * noisy[k];
                }
                double r = s + noise[i][j] / sigma;            // residual against the target -z/sigma
                total += 0.5 * r * r;
            }
        }
        return total / n;
        // END SOLUTION 06.1
    };

    static final MixtureScore EX06_2 = (weights, means, stds, x) -> {
        // BEGIN SOLUTION 06.2
        int k = weights.length;
        int d = x.length;
        double[] logTerms = new double[k];                     // log(pi_k N(x; mu_k, s_k^2 I))
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double r2 = 0;
            for (int j = 0; j < d; j++) {
                r2 += (x[j] - means[c][j]) * (x[j] - means[c][j]);
            }
            double var = stds[c] * stds[c];
            logTerms[c] = Math.log(weights[c]) - 0.5 * d * Math.log(2 * Math.PI * var) - 0.5 * r2 / var;
            max = Math.max(max, logTerms[c]);
        }
        double sum = 0;
        for (double t : logTerms) {
            sum += Math.exp(t - max);
        }
        double logP = max + Math.log(sum);                     // log-sum-exp
        double[] score = new double[d];
        for (int c = 0; c < k; c++) {
            double r = Math.exp(logTerms[c] - logP);           // responsibility r_c(x)
            for (int j = 0; j < d; j++) {
                score[j] -= r * (x[j] - means[c][j]) / (stds[c] * stds[c]);
            }
        }
        return score;
        // END SOLUTION 06.2
    };

    /** Every reference, by exercise id. */
    static final ImageLangevinStep EX07_1 = (x, gradient, stepSize, noiseScale, clip, noise, lo, hi) -> {
        // BEGIN SOLUTION 07.1
        double[][] next = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            next[i] = new double[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                double g = Math.max(-clip, Math.min(clip, gradient[i][k]));   // clip the gradient element
                double v = x[i][k] - stepSize * g + noiseScale * noise[i][k];  // step downhill, add noise
                next[i][k] = Math.max(lo, Math.min(hi, v));                   // clamp to the box
            }
        }
        return next;
        // END SOLUTION 07.1
    };

    static final ReplayDraw EX07_2 = (stored, freshFraction, uniforms, picks, noise) -> {
        // BEGIN SOLUTION 07.2
        double[][] batch = new double[uniforms.length][];
        for (int r = 0; r < uniforms.length; r++) {
            boolean fresh = stored.length == 0 || uniforms[r] < freshFraction;
            batch[r] = (fresh ? noise[r] : stored[picks[r]]).clone();           // a copy, never the same row
        }
        return batch;
        // END SOLUTION 07.2
    };

    static final ContrastiveLossGradient EX07_3 = (dataEnergies, sampleEnergies, alpha) -> {
        // BEGIN SOLUTION 07.3
        int n = dataEnergies.length;
        int m = sampleEnergies.length;
        double[] g = new double[n + m];
        for (int i = 0; i < n; i++) {
            g[i] = (1 + 2 * alpha * dataEnergies[i]) / n;        // pushes data energies down
        }
        for (int j = 0; j < m; j++) {
            g[n + j] = (-1 + 2 * alpha * sampleEnergies[j]) / m; // pushes sample energies up
        }
        return g;
        // END SOLUTION 07.3
    };

    static final MarginLoss EX08_1 = (realEnergies, fakeEnergies, margin) -> {
        // BEGIN SOLUTION 08.1
        double loss = 0;
        for (double e : realEnergies) {
            loss += e / realEnergies.length;                            // pull real energies down
        }
        for (double e : fakeEnergies) {
            loss += Math.max(0.0, margin - e) / fakeEnergies.length;    // push fakes up, only below the margin
        }
        return loss;
        // END SOLUTION 08.1
    };

    static final CalibrationError EX08_2 = (confidences, correct, bins) -> {
        // BEGIN SOLUTION 08.2
        int[] count = new int[bins];
        double[] right = new double[bins];
        double[] confSum = new double[bins];
        for (int i = 0; i < confidences.length; i++) {
            int b = (int) Math.ceil(confidences[i] * bins) - 1;        // bin b holds (b/B, (b+1)/B]
            b = Math.max(0, Math.min(bins - 1, b));                     // 0 goes to bin 0
            count[b]++;
            confSum[b] += confidences[i];
            if (correct[i]) {
                right[b]++;
            }
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {                                         // empty bins contribute nothing
                double gap = Math.abs(right[b] / count[b] - confSum[b] / count[b]);
                ece += (double) count[b] / confidences.length * gap;    // weighted by the bin's share
            }
        }
        return ece;
        // END SOLUTION 08.2
    };

    static final PullAwayTerm EX08_3 = codes -> {
        // BEGIN SOLUTION 08.3
        int n = codes.length;
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (double v : codes[i]) {
                s += v * v;
            }
            norm[i] = Math.sqrt(s);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;                                           // different samples only
                }
                double dot = 0;
                for (int k = 0; k < codes[i].length; k++) {
                    dot += codes[i][k] * codes[j][k];
                }
                double cos = dot / (norm[i] * norm[j]);
                sum += cos * cos;
            }
        }
        return sum / (n * (n - 1.0));
        // END SOLUTION 08.3
    };

    static final Auroc EX09_1 = (inDistribution, outOfDistribution) -> {
        // BEGIN SOLUTION 09.1
        double[] pos = inDistribution.clone();                 // sort copies: the inputs stay as they are
        double[] neg = outOfDistribution.clone();
        java.util.Arrays.sort(pos);
        java.util.Arrays.sort(neg);
        double wins = 0;
        int below = 0;                                         // negatives strictly below pos[i]
        int notAbove = 0;                                      // negatives <= pos[i]
        for (double s : pos) {
            while (below < neg.length && neg[below] < s) {
                below++;
            }
            while (notAbove < neg.length && neg[notAbove] <= s) {
                notAbove++;
            }
            wins += below + 0.5 * (notAbove - below);          // ties count one half
        }
        return wins / ((double) pos.length * neg.length);
        // END SOLUTION 09.1
    };

    static final PgdStep EX09_2 = (x, original, gradient, stepSize, epsilon) -> {
        // BEGIN SOLUTION 09.2
        double[][] next = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            next[i] = new double[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                double v = x[i][k] + stepSize * Math.signum(gradient[i][k]);            // ascend the loss
                v = Math.min(Math.max(v, original[i][k] - epsilon), original[i][k] + epsilon); // into the ball
                next[i][k] = Math.min(Math.max(v, 0.0), 1.0);                           // valid pixels
            }
        }
        return next;
        // END SOLUTION 09.2
    };

    static final EnergyScore EX09_3 = (logits, temperature) -> {
        // BEGIN SOLUTION 09.3
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (double f : logits[i]) {
                m = Math.max(m, f);                                  // shift by the largest logit
            }
            double s = 0;
            for (double f : logits[i]) {
                s += Math.exp((f - m) / temperature);                // every exponent <= 0: no overflow
            }
            e[i] = -(m + temperature * Math.log(s));                 // E_T = -T logsumexp(f / T)
        }
        return e;
        // END SOLUTION 09.3
    };

    /** Every reference, by exercise id. */
    static final ForwardMarginal EX10_1 = (x0, betas, t, eps) -> {
        // BEGIN SOLUTION 10.1
        double alphaBar = 1.0;                       // product of (1 - beta_s) over s = 1..t
        for (int s = 0; s < t; s++) {
            alphaBar *= 1.0 - betas[s];
        }
        double[] xt = new double[x0.length];
        for (int i = 0; i < x0.length; i++) {
            xt[i] = Math.sqrt(alphaBar) * x0[i] + Math.sqrt(1.0 - alphaBar) * eps[i];
        }
        return xt;
        // END SOLUTION 10.1
    };

    static final GaussianElbo EX10_2 = (x, w, b, noiseStd, qMean, qStd) -> {
        // BEGIN SOLUTION 10.2
        double log2pi = Math.log(2 * Math.PI);
        double s2 = noiseStd * noiseStd;
        double residual = 0;                         // |x - b - w m|^2
        double ww = 0;                               // |w|^2
        for (int i = 0; i < x.length; i++) {
            double r = x[i] - b[i] - w[i] * qMean;
            residual += r * r;
            ww += w[i] * w[i];
        }
        double logLikelihood = -0.5 * x.length * (log2pi + Math.log(s2)) - (residual + qStd * qStd * ww) / (2 * s2);
        double logPrior = -0.5 * log2pi - 0.5 * (qMean * qMean + qStd * qStd);
        double entropy = 0.5 * (log2pi + 1) + Math.log(qStd);
        return logLikelihood + logPrior + entropy;   // = -(mean energy - entropy)
        // END SOLUTION 10.2
    };

    static final PolicyFreeEnergy EX10_3 = (likelihood, transitions, belief, actions, preferences) -> {
        // BEGIN SOLUTION 10.3
        int ns = belief.length;
        int no = likelihood.length;
        double max = Double.NEGATIVE_INFINITY;       // log P(o) = C(o) - log sum exp C
        for (double c : preferences) {
            max = Math.max(max, c);
        }
        double z = 0;
        for (double c : preferences) {
            z += Math.exp(c - max);
        }
        double[] logP = new double[no];
        for (int o = 0; o < no; o++) {
            logP[o] = preferences[o] - max - Math.log(z);
        }
        double[] q = belief.clone();
        double g = 0;
        for (int a : actions) {
            double[] next = new double[ns];          // Q(s') = sum_s B[a][s'][s] Q(s)
            for (int n = 0; n < ns; n++) {
                for (int s = 0; s < ns; s++) {
                    next[n] += transitions[a][n][s] * q[s];
                }
            }
            q = next;
            for (int o = 0; o < no; o++) {
                double qo = 0;
                for (int s = 0; s < ns; s++) {
                    qo += likelihood[o][s] * q[s];
                    if (likelihood[o][s] > 0) {
                        g -= q[s] * likelihood[o][s] * Math.log(likelihood[o][s]);   // ambiguity
                    }
                }
                if (qo > 0) {
                    g += qo * (Math.log(qo) - logP[o]);                                 // risk
                }
            }
        }
        return g;
        // END SOLUTION 10.3
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
