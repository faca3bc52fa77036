package org.ebmjava.landscape;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.random.RandomGenerator;

/**
 * Parameter checks and formatting of parameters in names: at most 6 significant digits, no trailing zeros ("2",
 * "0.999", "0.996552").
 */
final class Params {

    private Params() {}

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0.0) {
            return "0";
        }
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static void requireFinite(double v, String name) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, found " + v);
        }
    }

    static void requirePositive(double v, String name) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, found " + v);
        }
    }

    static void requireNonNegative(double v, String name) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, found " + v);
        }
    }

    /** Checks the arguments shared by every {@link Optimizer2D#run}. */
    static void checkRun(Energy2D e, double x0, double y0, RandomGenerator rng) {
        if (e == null) {
            throw new IllegalArgumentException("e must not be null");
        }
        requireFinite(x0, "x0");
        requireFinite(y0, "y0");
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
    }

    /** Checks the hyperparameters shared by the optimisers. */
    static void checkOptimizer(int steps, CoolingSchedule schedule) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, found " + steps);
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
    }

    /** Tabulates T_0..T_steps and checks that every temperature is finite and >= 0. */
    static double[] temperatures(CoolingSchedule schedule, int steps) {
        double[] t = schedule.temperatures(steps);
        for (int k = 0; k < t.length; k++) {
            if (!(t[k] >= 0.0) || Double.isInfinite(t[k])) {
                throw new IllegalArgumentException("schedule " + schedule.name()
                        + " must give finite temperatures >= 0, found " + t[k] + " at step " + k);
            }
        }
        return t;
    }
}
