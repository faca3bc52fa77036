package org.ebmjava.apps;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Projected gradient descent (PGD) on the loss, an L<sub>&infin;</sub> adversarial attack (Madry et al., 2018), and
 * its one-step special case FGSM (Goodfellow et al., 2015).
 *
 * <p>Given a classifier with loss L(x, y) and an input x with label y, the attack looks for x' in the box
 * B = {x' : |x' - x|<sub>&infin;</sub> &le; &epsilon;, lo &le; x' &le; hi} (pixels stay valid images, [0, 1] by
 * default) that maximises the loss:
 * <pre>
 *   x^0     = x                          or  x^0 = &Pi;_B(x + u), u ~ U[-&epsilon;, &epsilon;]^d   (random start)
 *   x^(t+1) = &Pi;_B( x^t + &alpha; sign(&nabla;_x L(x^t, y)) ),   t = 0 .. T-1
 *   &Pi;_B(v)_k = min(max(v_k, max(lo, x_k - &epsilon;)), min(hi, x_k + &epsilon;))
 * </pre>
 * The projection onto the L<sub>&infin;</sub> ball and the clamp to [lo, hi] are both per-coordinate boxes, so
 * their composition is the projection onto B. sign(0) = 0. FGSM is T = 1, &alpha; = &epsilon;, no random start:
 * x' = &Pi;_B(x + &epsilon; sign &nabla;<sub>x</sub>L). Each sample is attacked with the gradient of its own loss.
 * The result is rounded to float so that |x' - x| &le; &epsilon; holds exactly in the float values returned.
 *
 * <p>Settings are immutable; methods returning a changed setting return a new attack. Bad settings (&epsilon;
 * &lt; 0, &alpha; &lt; 0, T &lt; 0, an empty box) and inputs outside the box are rejected by name.
 *
 * <pre>
 * References: I. J. Goodfellow, J. Shlens and C. Szegedy, "Explaining and Harnessing Adversarial Examples",
 * ICLR 2015.
 * A. Madry, A. Makelov, L. Schmidt, D. Tsipras and A. Vladu, "Towards Deep Learning Models Resistant to
 * Adversarial Attacks", ICLR 2018.
 * </pre>
 */
public final class PgdAttack {

    private final double epsilon;
    private final double stepSize;
    private final int steps;
    private final boolean randomStart;
    private final double lo;
    private final double hi;

    private PgdAttack(double epsilon, double stepSize, int steps, boolean randomStart, double lo, double hi) {
        if (!(epsilon >= 0.0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon: expected a finite radius >= 0, found " + epsilon);
        }
        if (!(stepSize >= 0.0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("stepSize: expected a finite step >= 0, found " + stepSize);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps: expected T >= 0, found " + steps);
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException("lo, hi: expected finite lo < hi, found lo = " + lo + ", hi = " + hi);
        }
        this.epsilon = epsilon;
        this.stepSize = stepSize;
        this.steps = steps;
        this.randomStart = randomStart;
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * Creates a PGD attack without random start, with pixels clamped to [0, 1].
     *
     * @param epsilon The L<sub>&infin;</sub> radius &epsilon; &ge; 0.
     * @param stepSize The step &alpha; &ge; 0 (2.5 &epsilon;/T is Madry et al.'s rule of thumb).
     * @param steps T &ge; 0.
     * @return The attack.
     * @throws IllegalArgumentException If a setting is out of range (named).
     */
    public static PgdAttack of(double epsilon, double stepSize, int steps) {
        return new PgdAttack(epsilon, stepSize, steps, false, 0.0, 1.0);
    }

    /**
     * Creates FGSM: one step of size &epsilon;, no random start, pixels clamped to [0, 1].
     *
     * @param epsilon The radius &epsilon; &ge; 0.
     * @return The attack.
     * @throws IllegalArgumentException If epsilon &lt; 0 (named).
     */
    public static PgdAttack fgsm(double epsilon) {
        return new PgdAttack(epsilon, epsilon, 1, false, 0.0, 1.0);
    }

    /**
     * Returns an attack that starts from a uniform random point of the box (or not).
     *
     * @param on Whether to start at &Pi;<sub>B</sub>(x + u), u ~ U[-&epsilon;, &epsilon;]<sup>d</sup>.
     * @return A new attack with the other settings unchanged.
     */
    public PgdAttack randomStart(boolean on) {
        return new PgdAttack(epsilon, stepSize, steps, on, lo, hi);
    }

    /**
     * Returns an attack that clamps coordinates to [lo, hi] instead of [0, 1].
     *
     * @param lo The lower edge, finite.
     * @param hi The upper edge, finite, &gt; lo.
     * @return A new attack with the other settings unchanged.
     * @throws IllegalArgumentException If the box is empty or not finite.
     */
    public PgdAttack clampTo(double lo, double hi) {
        return new PgdAttack(epsilon, stepSize, steps, randomStart, lo, hi);
    }

    /**
     * Attacks n inputs (deterministic: no random start allowed).
     *
     * @param classifier The classifier. Evaluated.
     * @param x n&middot;d clean inputs in [lo, hi]. Not modified.
     * @param labels n true labels. Not modified.
     * @param n The number of rows, &ge; 1.
     * @return A new n&middot;d array of adversarial inputs.
     * @throws IllegalArgumentException On a bad argument, or if the attack has a random start (pass an rng).
     */
    public float[] attack(DifferentiableClassifier classifier, float[] x, int[] labels, int n) {
        if (randomStart) {
            throw new IllegalArgumentException("rng: expected a random source for the random start, found none");
        }
        return attack(classifier, x, labels, n, null);
    }

    /**
     * Attacks n inputs.
     *
     * @param classifier The classifier. Evaluated.
     * @param x n&middot;d clean inputs in [lo, hi]. Not modified.
     * @param labels n true labels in [0, K). Not modified.
     * @param n The number of rows, &ge; 1.
     * @param rng The random source of the random start (may be null without one). Modified.
     * @return A new n&middot;d array of adversarial inputs x' with |x' - x|<sub>&infin;</sub> &le; &epsilon; and lo
     *     &le; x' &le; hi.
     * @throws IllegalArgumentException On a bad argument (named).
     */
    public float[] attack(DifferentiableClassifier classifier, float[] x, int[] labels, int n, RandomGenerator rng) {
        if (classifier == null) {
            throw new IllegalArgumentException("classifier: expected a classifier, found null");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least 1 row, found " + n);
        }
        int d = classifier.inputDim();
        int m = n * d;
        if (x == null || x.length < m) {
            throw new IllegalArgumentException("x: expected at least n*d = " + m + " floats, found "
                    + (x == null ? "null" : x.length));
        }
        for (int k = 0; k < m; k++) {
            if (!(x[k] >= lo && x[k] <= hi)) {
                throw new IllegalArgumentException("x[" + k + "] (row " + k / d + ", coordinate " + k % d
                        + "): expected a value in [" + lo + ", " + hi + "], found " + x[k]);
            }
        }
        LogitScores.checkLabels(labels, n, classifier.classes());
        if (randomStart && rng == null) {
            throw new IllegalArgumentException("rng: expected a random source for the random start, found null");
        }
        float[] adv = new float[m];
        System.arraycopy(x, 0, adv, 0, m);
        if (randomStart) {
            for (int k = 0; k < m; k++) {
                adv[k] = project(x[k], adv[k] + epsilon * (2.0 * rng.nextDouble() - 1.0));
            }
        }
        float[] grad = new float[m];
        for (int t = 0; t < steps; t++) {
            classifier.lossAndInputGradient(adv, labels, n, null, grad);
            for (int k = 0; k < m; k++) {
                adv[k] = project(x[k], adv[k] + stepSize * Math.signum(grad[k]));
            }
        }
        return adv;
    }

    /** Projects v onto [max(lo, x - eps), min(hi, x + eps)] and rounds so that |f - x| <= eps holds in float. */
    private float project(float x, double v) {
        double a = Math.max(lo, x - epsilon);
        double b = Math.min(hi, x + epsilon);
        float f = (float) Math.min(Math.max(v, a), b);
        if (f - (double) x > epsilon || f > hi) {
            f = Math.nextDown(f);
        } else if ((double) x - f > epsilon || f < lo) {
            f = Math.nextUp(f);
        }
        return f;
    }

    /**
     * Returns &epsilon;.
     *
     * @return The radius.
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Returns &alpha;.
     *
     * @return The step.
     */
    public double stepSize() {
        return stepSize;
    }

    /**
     * Returns T.
     *
     * @return The number of steps.
     */
    public int steps() {
        return steps;
    }

    /**
     * Describes the settings.
     *
     * @return E.g. "PgdAttack[eps=0.1, alpha=0.025, T=10, random start, box=[0, 1]]".
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PgdAttack[eps=%s, alpha=%s, T=%d, %s, box=[%s, %s]]", num(epsilon),
                num(stepSize), steps, randomStart ? "random start" : "start at x", num(lo), num(hi));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
