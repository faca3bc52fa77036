package org.ebmjava.viz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** "Nice" tick positions (1, 2 or 5 times a power of ten apart) and their labels. */
final class AxisTicks {
    private AxisTicks() {}

    /** The tick spacing: the smallest of 1, 2, 5 x 10^k that gives at most maxTicks intervals. */
    static double step(double lo, double hi, int maxTicks) {
        double raw = (hi - lo) / Math.max(1, maxTicks);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** Tick positions inside [lo, hi]; empty if the range is not finite or not increasing. */
    static double[] ticks(double lo, double hi, int maxTicks) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            return new double[0];
        }
        double step = step(lo, hi, maxTicks);
        double first = Math.ceil(lo / step - 1e-9);
        double last = Math.floor(hi / step + 1e-9);
        int n = (int) (last - first) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            double v = (first + i) * step;
            t[i] = Math.abs(v) < step * 1e-9 ? 0.0 : v;
        }
        return t;
    }

    /** Formats a tick value with as many decimals as the spacing needs. */
    static String format(double v, double step) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || step < 1e-5)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** Labels for all ticks of an axis. */
    static String[] labels(double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.max(Math.abs(ticks.length == 1 ? ticks[0] : 1), 1e-300);
        String[] s = new String[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            s[i] = format(ticks[i], step);
        }
        return s;
    }
}
