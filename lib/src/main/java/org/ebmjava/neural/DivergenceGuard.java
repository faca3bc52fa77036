package org.ebmjava.neural;

import java.util.Locale;
import org.ebmjava.rbm.TrainingDivergedException;

/**
 * Stops a training loop when a monitored quantity (a loss, the energies of a batch, a gradient norm) becomes NaN
 * or infinite or exceeds a bound in magnitude, with a {@link TrainingDivergedException} (shared with the RBM
 * trainer) that names the iteration, the quantity, its value and a hint.
 *
 * <p>Typical use in an EBM loop: {@code guard.check(it, energies, n)} after computing the energies of positives
 * and negatives. Neural EBMs diverge by letting energies run off (no energy-magnitude penalty, or a Langevin step
 * too large for the energy's curvature); the default hint says so.
 */
public final class DivergenceGuard {
    /** The default hint appended to the message. */
    public static final String DEFAULT_HINT = "lower the learning rate or the Langevin step size, add or raise the "
            + "energy-magnitude penalty (alpha * mean E^2), or clip the gradient norm";

    private final String what;
    private final double maxAbs;
    private String hint = DEFAULT_HINT;

    /**
     * Creates a guard.
     *
     * @param what The monitored quantity, for the message (e.g. "energy").
     * @param maxAbs The largest magnitude allowed, &gt; 0 (may be infinite: then only NaN and infinities stop).
     * @throws IllegalArgumentException If what is null or maxAbs is not positive.
     */
    public DivergenceGuard(String what, double maxAbs) {
        if (what == null) {
            throw new IllegalArgumentException("what: expected a name for the monitored quantity, found null");
        }
        if (!(maxAbs > 0)) {
            throw new IllegalArgumentException("maxAbs: expected a bound > 0, found " + maxAbs);
        }
        this.what = what;
        this.maxAbs = maxAbs;
    }

    /**
     * Replaces the hint of the message.
     *
     * @param text The hint.
     * @return This guard.
     */
    public DivergenceGuard hint(String text) {
        this.hint = text == null ? DEFAULT_HINT : text;
        return this;
    }

    /**
     * Checks one value.
     *
     * @param iteration The training iteration (for the message).
     * @param value The value.
     * @throws TrainingDivergedException If the value is NaN, infinite or larger than maxAbs in magnitude.
     */
    public void check(int iteration, double value) {
        if (!Double.isFinite(value) || Math.abs(value) > maxAbs) {
            throw new TrainingDivergedException(iteration, what, value, detail(value));
        }
    }

    /**
     * Checks the first n values of an array (e.g. the energies of a batch); reports the first offending one.
     *
     * @param iteration The training iteration.
     * @param values The values. Not modified.
     * @param n How many to check.
     * @throws TrainingDivergedException If one is NaN, infinite or too large.
     * @throws IllegalArgumentException If values is null or shorter than n.
     */
    public void check(int iteration, float[] values, int n) {
        if (values == null || values.length < n) {
            throw new IllegalArgumentException("values: expected at least " + n + " floats, found "
                    + (values == null ? "null" : values.length));
        }
        for (int i = 0; i < n; i++) {
            float v = values[i];
            if (!Float.isFinite(v) || Math.abs(v) > maxAbs) {
                throw new TrainingDivergedException(iteration, what + "[" + i + "]", v, detail(v));
            }
        }
    }

    /**
     * Checks that every parameter of a model is finite.
     *
     * @param iteration The training iteration.
     * @param model The model. Not modified.
     * @throws TrainingDivergedException If a parameter is NaN or infinite.
     */
    public void checkParameters(int iteration, Parameterized model) {
        float[] p = model.parameters();
        for (int q = 0; q < p.length; q++) {
            if (!Float.isFinite(p[q])) {
                throw new TrainingDivergedException(iteration, "parameter[" + q + "]", p[q],
                        "parameters must stay finite; hint: " + hint);
            }
        }
    }

    private String detail(double value) {
        String bound = Double.isFinite(value) ? String.format(Locale.ROOT, "allowed |%s| <= %s", what, maxAbs)
                : "expected a finite value";
        return bound + "; hint: " + hint;
    }

    @Override
    public String toString() {
        return "DivergenceGuard[" + what + ", maxAbs=" + maxAbs + "]";
    }
}
