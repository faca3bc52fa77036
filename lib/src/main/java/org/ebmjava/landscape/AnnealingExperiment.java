package org.ebmjava.landscape;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Compares cooling schedules by how often an optimiser finds the global minimum from random starts.
 */
public final class AnnealingExperiment {

    private AnnealingExperiment() {}

    /**
     * Runs every schedule from the same random starts and tabulates its success rate.
     *
     * <p>Randomness: a {@link SplittableRandom} seeded with {@code seed} is split once per run
     * index r, and the child's first long seeds run r. Run r of every schedule uses a fresh
     * generator from that same run seed (common random numbers): it starts from the same point,
     * drawn uniformly from {@code energy.domain()} (x then y), and sees the same noise stream, so
     * differences between rows come from the schedules, not from luck. The table is therefore a
     * deterministic function of the arguments.
     *
     * <p>A run succeeds when the best point it visited lies within {@code successRadius}
     * (Euclidean) of {@code energy.globalMinimum()}.
     *
     * @param energy The landscape. Must not be null.
     * @param schedules The schedules to compare, one row each, in this order. Non-empty, no nulls.
     *     Not modified.
     * @param optimizerFactory Builds the optimiser for a schedule; called once per schedule, and the
     *     optimiser is reused for all its runs. Must not be null or return null.
     * @param runsPerSchedule The number of runs per schedule. Must be &ge; 1.
     * @param seed The seed of the whole experiment.
     * @param successRadius The success radius, in coordinate units. Must be finite and &gt; 0.
     * @return A table named "NAME: success rates" with columns "schedule" (string), "runs",
     *     "successes" (int), "success rate" (successes / runs), "mean best energy" (the mean over runs
     *     of each run's lowest energy) and "median final energy" (double).
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static Table successRates(Energy2D energy, List<CoolingSchedule> schedules,
            Function<CoolingSchedule, Optimizer2D> optimizerFactory, int runsPerSchedule, long seed,
            double successRadius) {
        if (energy == null) {
            throw new IllegalArgumentException("energy must not be null");
        }
        if (schedules == null || schedules.isEmpty()) {
            throw new IllegalArgumentException("schedules must be a non-empty list, found " + schedules);
        }
        for (int i = 0; i < schedules.size(); i++) {
            if (schedules.get(i) == null) {
                throw new IllegalArgumentException("schedules[" + i + "] must not be null");
            }
        }
        if (optimizerFactory == null) {
            throw new IllegalArgumentException("optimizerFactory must not be null");
        }
        if (runsPerSchedule < 1) {
            throw new IllegalArgumentException("runsPerSchedule must be >= 1, found " + runsPerSchedule);
        }
        Params.requirePositive(successRadius, "successRadius");

        SplittableRandom root = new SplittableRandom(seed);
        long[] runSeeds = new long[runsPerSchedule];
        for (int r = 0; r < runsPerSchedule; r++) {
            runSeeds[r] = root.split().nextLong();
        }
        double[] target = energy.globalMinimum();
        Domain domain = energy.domain();

        StringColumn names = StringColumn.create("schedule");
        IntColumn runs = IntColumn.create("runs");
        IntColumn successes = IntColumn.create("successes");
        DoubleColumn rates = DoubleColumn.create("success rate");
        DoubleColumn meanBest = DoubleColumn.create("mean best energy");
        DoubleColumn medianFinal = DoubleColumn.create("median final energy");
        for (CoolingSchedule schedule : schedules) {
            Optimizer2D optimizer = optimizerFactory.apply(schedule);
            if (optimizer == null) {
                throw new IllegalArgumentException(
                        "optimizerFactory returned null for schedule " + schedule.name());
            }
            int hits = 0;
            double bestSum = 0.0;
            double[] finals = new double[runsPerSchedule];
            for (int r = 0; r < runsPerSchedule; r++) {
                SplittableRandom rng = new SplittableRandom(runSeeds[r]);
                double[] start = domain.uniformPoint(rng);
                Trajectory t = optimizer.run(energy, start[0], start[1], rng);
                double[] best = t.best();
                if (Math.hypot(best[0] - target[0], best[1] - target[1]) <= successRadius) {
                    hits++;
                }
                bestSum += t.bestEnergy();
                finals[r] = t.finalEnergy();
            }
            names.append(schedule.name());
            runs.append(runsPerSchedule);
            successes.append(hits);
            rates.append((double) hits / runsPerSchedule);
            meanBest.append(bestSum / runsPerSchedule);
            medianFinal.append(median(finals));
        }
        return Table.create(energy.name() + ": success rates",
                names, runs, successes, rates, meanBest, medianFinal);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
