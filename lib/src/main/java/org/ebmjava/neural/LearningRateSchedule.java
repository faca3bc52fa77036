package org.ebmjava.neural;

import java.util.Locale;

/**
 * A learning rate as a function of the optimiser step t = 0, 1, 2, ...
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /**
     * Returns the learning rate of step t.
     *
     * @param step t &ge; 0.
     * @return The rate, &gt; 0.
     */
    double rate(int step);

    /**
     * A constant rate.
     *
     * @param lr The rate, &gt; 0.
     * @return The schedule.
     * @throws IllegalArgumentException If lr is not positive and finite.
     */
    static LearningRateSchedule constant(double lr) {
        Adam.requireRate(lr);
        return new LearningRateSchedule() {
            @Override
            public double rate(int step) {
                return lr;
            }

            @Override
            public String toString() {
                return "constant(" + lr + ")";
            }
        };
    }

    /**
     * Cosine decay from lr to minLr over totalSteps steps, then minLr (Loshchilov and Hutter 2017, no restarts):
     * rate(t) = minLr + (lr - minLr) (1 + cos(&pi; t / totalSteps)) / 2 for t &le; totalSteps.
     *
     * @param lr The initial rate, &gt; 0.
     * @param minLr The final rate, in [0, lr].
     * @param totalSteps The length of the decay, &ge; 1.
     * @return The schedule.
     * @throws IllegalArgumentException If a setting is out of range.
     */
    static LearningRateSchedule cosine(double lr, double minLr, int totalSteps) {
        Adam.requireRate(lr);
        if (!(minLr >= 0 && minLr <= lr)) {
            throw new IllegalArgumentException("minLr: expected a value in [0, " + lr + "], found " + minLr);
        }
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps: expected >= 1, found " + totalSteps);
        }
        return new LearningRateSchedule() {
            @Override
            public double rate(int step) {
                int t = Math.min(Math.max(step, 0), totalSteps);
                return minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * t / totalSteps));
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "cosine(%s -> %s over %d steps)", lr, minLr, totalSteps);
            }
        };
    }

    /**
     * Step decay: rate(t) = lr &middot; factor<sup>floor(t / every)</sup>.
     *
     * @param lr The initial rate, &gt; 0.
     * @param factor The factor per period, in (0, 1].
     * @param every The period in steps, &ge; 1.
     * @return The schedule.
     * @throws IllegalArgumentException If a setting is out of range.
     */
    static LearningRateSchedule step(double lr, double factor, int every) {
        Adam.requireRate(lr);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor: expected a value in (0, 1], found " + factor);
        }
        if (every < 1) {
            throw new IllegalArgumentException("every: expected >= 1, found " + every);
        }
        return new LearningRateSchedule() {
            @Override
            public double rate(int step) {
                return lr * Math.pow(factor, Math.max(step, 0) / every);
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "step(%s x %s every %d steps)", lr, factor, every);
            }
        };
    }

    /**
     * Linear warm-up from lr/warmupSteps to this schedule's rate over the first warmupSteps steps.
     *
     * @param warmupSteps &ge; 1.
     * @return The schedule with warm-up.
     * @throws IllegalArgumentException If warmupSteps &lt; 1.
     */
    default LearningRateSchedule withWarmup(int warmupSteps) {
        if (warmupSteps < 1) {
            throw new IllegalArgumentException("warmupSteps: expected >= 1, found " + warmupSteps);
        }
        LearningRateSchedule base = this;
        return step -> step < warmupSteps ? base.rate(step) * (step + 1) / warmupSteps : base.rate(step);
    }
}
