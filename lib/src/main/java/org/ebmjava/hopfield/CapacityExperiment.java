package org.ebmjava.hopfield;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Measures how the recall rate of a Hopfield network falls as more random patterns are stored.
 *
 * <p>For each load &alpha; the experiment stores P = max(1, round(&alpha; N)) random patterns, cues
 * the network with (corrupted copies of) stored patterns, runs asynchronous recall and counts a
 * success when the final overlap with the cued pattern is at least {@link #SUCCESS_OVERLAP}. For the
 * Hebbian rule the recall rate collapses near the critical load &alpha;<sub>c</sub> &asymp; 0.138:
 * <pre>
 * D. J. Amit, H. Gutfreund and H. Sompolinsky, "Storing infinite numbers of patterns in a
 * spin-glass model of neural networks", Physical Review Letters 55(14), 1530-1533, 1985.
 * </pre>
 */
public final class CapacityExperiment {

    /** The final overlap m &ge; 0.95 (at most 2.5% of the bits wrong) that counts as a recall. */
    public static final double SUCCESS_OVERLAP = 0.95;

    /**
     * The most stored patterns cued per seed: the first min(P, 20) patterns. Random patterns are
     * exchangeable, so this bounds the time at high load without biasing the rate.
     */
    public static final int MAX_CUES_PER_SEED = 20;

    /** The most asynchronous sweeps per recall; recall from a nearby cue usually stops within 5. */
    public static final int MAX_SWEEPS = 50;

    /** The storage rule under test. */
    public enum Rule {
        /** {@link HopfieldNetwork#hebbian(List)}. */
        HEBBIAN,
        /** {@link HopfieldNetwork#storkey(List)}. */
        STORKEY;

        /**
         * Stores patterns with this rule.
         *
         * @param patterns The patterns, as for the rule's factory. Not modified.
         * @return The network.
         * @throws IllegalArgumentException If the patterns are invalid.
         */
        public HopfieldNetwork store(List<int[]> patterns) {
            return this == HEBBIAN ? HopfieldNetwork.hebbian(patterns) : HopfieldNetwork.storkey(patterns);
        }

        /** Adds one more pattern to weights w in place, as the rule's factory does. */
        void add(double[][] w, int[] xi, double[] scratch) {
            if (this == HEBBIAN) {
                HopfieldNetwork.addHebbian(w, xi);
            } else {
                HopfieldNetwork.addStorkey(w, xi, scratch);
            }
        }
    }

    /** An odd constant (2^64 / golden ratio) that spreads the per-load cue seeds apart. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private CapacityExperiment() {}

    /**
     * Runs the capacity experiment and returns one table row per load.
     *
     * <p>Randomness: a {@link SplittableRandom} seeded with {@code seed} is split once per seed
     * index r, and the child's first long is the seed R<sub>r</sub> of replicate r. Replicate r draws
     * its patterns from a generator seeded with R<sub>r</sub>, so the P patterns of a smaller load are
     * the first P of a larger one, and both rules see the same patterns (the weights are built
     * incrementally, one pass for all loads). The corruptions and update orders of the cues at a load
     * come from a generator seeded with R<sub>r</sub> XOR (0x9E3779B97F4A7C15 * (P + 1)). The table is
     * a deterministic function of the arguments and does not depend on the order of {@code loads}.
     *
     * <p>Cost: about seeds x loads x min(P, {@value #MAX_CUES_PER_SEED}) recalls of
     * O(N<sup>2</sup> + flips N) each (local fields are updated incrementally), plus the storage,
     * O(P<sub>max</sub> N<sup>2</sup>) per seed; N = 200 to 400 with 12 loads and 5 seeds takes
     * about a second or two.
     *
     * @param n The number of neurons N, &ge; 2.
     * @param loads The loads &alpha; = P/N to test, each finite and &gt; 0, one row each in this order.
     *     Not modified.
     * @param seeds The number of independent replicates (pattern sets) per load, &ge; 1.
     * @param seed The seed of the whole experiment.
     * @param rule The storage rule. Must not be null.
     * @param flipFraction The fraction of bits flipped in each cue, in [0, 0.5); 0 tests whether the
     *     stored patterns themselves are stable.
     * @return A table named "Hopfield capacity (RULE, N=n, flip=f)" with columns "rule" (string, the
     *     enum name), "load" (double, the realised P/N), "patterns" (int, P), "recall rate" (the
     *     fraction of successful recalls over all seeds and cues), "recall rate sd" (the sample
     *     standard deviation of the per-seed rates, 0 for one seed) and "mean final overlap" (the
     *     mean over all cues of the final overlap with the cued pattern).
     * @throws IllegalArgumentException If an argument is invalid.
     */
    public static Table run(int n, double[] loads, int seeds, long seed, Rule rule, double flipFraction) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, found " + n);
        }
        if (loads == null || loads.length == 0) {
            throw new IllegalArgumentException("loads must be a non-empty array, found "
                    + (loads == null ? "null" : "length 0"));
        }
        for (int k = 0; k < loads.length; k++) {
            if (!(loads[k] > 0.0) || Double.isInfinite(loads[k])) {
                throw new IllegalArgumentException(
                        "loads[" + k + "] must be finite and > 0, found " + loads[k]);
            }
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, found " + seeds);
        }
        Spins.requireNonNull(rule, "rule");
        if (!(flipFraction >= 0.0 && flipFraction < 0.5)) {
            throw new IllegalArgumentException("flipFraction must be in [0, 0.5), found " + flipFraction);
        }

        SplittableRandom root = new SplittableRandom(seed);
        long[] runSeeds = new long[seeds];
        for (int r = 0; r < seeds; r++) {
            runSeeds[r] = root.split().nextLong();
        }

        int loadCount = loads.length;
        int[] ps = new int[loadCount];
        int maxP = 0;
        for (int k = 0; k < loadCount; k++) {
            ps[k] = (int) Math.max(1L, Math.round(loads[k] * n));
            maxP = Math.max(maxP, ps[k]);
        }
        // Loads in increasing P: both rules are incremental, so one pass over the patterns serves all.
        Integer[] byP = new Integer[loadCount];
        for (int k = 0; k < loadCount; k++) {
            byP[k] = k;
        }
        Arrays.sort(byP, Comparator.comparingInt(k -> ps[k]));

        double[][] rates = new double[loadCount][seeds];
        double[] overlapSums = new double[loadCount];
        double[] scratch = new double[n];
        for (int r = 0; r < seeds; r++) {
            List<int[]> patterns = Patterns.random(maxP, n, new SplittableRandom(runSeeds[r]));
            double[][] w = new double[n][n];
            int stored = 0;
            for (int k : byP) {
                int p = ps[k];
                while (stored < p) {
                    rule.add(w, patterns.get(stored++), scratch);
                }
                HopfieldNetwork net = HopfieldNetwork.sharing(w, rule.name());
                SplittableRandom rng = new SplittableRandom(runSeeds[r] ^ (GOLDEN * (p + 1L)));
                int cues = Math.min(p, MAX_CUES_PER_SEED);
                int hits = 0;
                for (int c = 0; c < cues; c++) {
                    int[] target = patterns.get(c);
                    int[] s = Patterns.corrupt(target, flipFraction, rng);
                    net.recallInPlace(s, MAX_SWEEPS, rng);
                    double m = Patterns.overlap(s, target);
                    overlapSums[k] += m;
                    if (m >= SUCCESS_OVERLAP) {
                        hits++;
                    }
                }
                rates[k][r] = (double) hits / cues;
            }
        }

        StringColumn rules = StringColumn.create("rule");
        DoubleColumn loadCol = DoubleColumn.create("load");
        IntColumn patternCol = IntColumn.create("patterns");
        DoubleColumn rateCol = DoubleColumn.create("recall rate");
        DoubleColumn sdCol = DoubleColumn.create("recall rate sd");
        DoubleColumn overlapCol = DoubleColumn.create("mean final overlap");
        for (int k = 0; k < loadCount; k++) {
            int cues = Math.min(ps[k], MAX_CUES_PER_SEED);
            rules.append(rule.name());
            loadCol.append((double) ps[k] / n);
            patternCol.append(ps[k]);
            rateCol.append(mean(rates[k]));
            sdCol.append(sampleSd(rates[k]));
            overlapCol.append(overlapSums[k] / ((double) seeds * cues));
        }
        return Table.create("Hopfield capacity (" + rule.name() + ", N=" + n + ", flip=" + flipFraction + ")",
                rules, loadCol, patternCol, rateCol, sdCol, overlapCol);
    }

    private static double mean(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sampleSd(double[] v) {
        if (v.length < 2) {
            return 0.0;
        }
        double m = mean(v);
        double ss = 0.0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
