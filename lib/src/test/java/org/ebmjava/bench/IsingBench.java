package org.ebmjava.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;
import org.ebmjava.Ebm;
import org.ebmjava.ising.IsingModel;
import org.ebmjava.ising.IsingSampler;
import org.ebmjava.ising.Onsager;
import org.ebmjava.ising.UpdateRule;

/**
 * Single-spin updates per second of {@link IsingSampler} against a plain reference loop, both
 * measured in this run.
 *
 * <p>The reference is the straightforward textbook sweep: an {@code int[][]} lattice visited in
 * typewriter order on one thread, {@code Math.exp} per update and {@link java.util.Random}, no
 * tables. Each configuration is warmed up, then timed in blocks of at least {@value #BLOCK_MILLIS}
 * ms; the median block rate is reported. Arguments: [L (default 256)] [T (default T<sub>c</sub>)]
 * [blocks (default 7)].
 */
final class IsingBench {

    private static final int BLOCK_MILLIS = 300;
    private static final int WARMUP_BLOCKS = 3;

    private IsingBench() {}

    /**
     * Runs the benchmark and prints one line per configuration.
     *
     * @param args Optional: L (even, default 256), T (default T<sub>c</sub>), number of timed blocks
     *     (default 7). Not modified.
     */
    static void run(String[] args) {
        int L = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        double t = args.length > 1 ? Double.parseDouble(args[1]) : Onsager.CRITICAL_TEMPERATURE;
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        System.out.printf(Locale.ROOT, "Ising benchmark: L = %d, T = %.4f, %d timed blocks of >= %d ms (median)%n",
                L, t, blocks, BLOCK_MILLIS);
        System.out.printf(Locale.ROOT, "machine: %d available processors, Java %s (%s), %s %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
        System.out.printf(Locale.ROOT, "system load average (1 min) before: %.2f; with other busy processes the"
                + " 2-thread figures drop (the threads meet at a barrier after every half-sweep)%n", loadAverage());
        for (UpdateRule rule : UpdateRule.values()) {
            double ref = median(timeReference(L, t, rule, blocks));
            System.out.printf(Locale.ROOT, "%-10s reference (int[][], Math.exp, Random, 1 thread): %8.1f M updates/s%n",
                    rule, ref / 1e6);
            for (int threads : new int[] {1, 2}) {
                double lib = median(timeLibrary(L, t, rule, threads, blocks));
                System.out.printf(Locale.ROOT, "%-10s IsingSampler, %d thread%s:                      %8.1f M updates/s"
                        + "  (x%.1f reference)%n", rule, threads, threads == 1 ? " " : "s", lib / 1e6, lib / ref);
            }
        }
        System.out.printf(Locale.ROOT, "system load average (1 min) after: %.2f%n", loadAverage());
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double[] timeLibrary(int L, double t, UpdateRule rule, int threads, int blocks) {
        IsingModel model = IsingModel.random(L, Ebm.DEFAULT_SEED);
        try (IsingSampler sampler = new IsingSampler(model, t, rule, Ebm.DEFAULT_SEED, threads)) {
            return time(L, blocks, sampler::sweeps);
        }
    }

    private static double[] timeReference(int L, double t, UpdateRule rule, int blocks) {
        ReferenceIsing ref = new ReferenceIsing(L, t, rule, new Random(Ebm.DEFAULT_SEED));
        return time(L, blocks, ref::sweeps);
    }

    /** Returns updates/s of each timed block; the sweep count per block is set during warm-up. */
    private static double[] time(int L, int blocks, IntConsumer sweeps) {
        long n = (long) L * L;
        int perBlock = 1;
        for (int w = 0; w < WARMUP_BLOCKS; w++) {
            long t0 = System.nanoTime();
            sweeps.accept(perBlock);
            double secs = (System.nanoTime() - t0) * 1e-9;
            double target = Math.ceil(perBlock * BLOCK_MILLIS * 1e-3 / Math.max(secs, 1e-6));
            perBlock = (int) Math.max(1, Math.min(1 << 20, target));
        }
        List<Double> rates = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            long t0 = System.nanoTime();
            sweeps.accept(perBlock);
            double secs = (System.nanoTime() - t0) * 1e-9;
            rates.add(perBlock * n / secs);
        }
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /** The textbook reference: typewriter sweep, Math.exp per update, java.util.Random. */
    private static final class ReferenceIsing {
        private final int[][] s;
        private final int size;
        private final double beta;
        private final UpdateRule rule;
        private final Random rng;

        ReferenceIsing(int L, double t, UpdateRule rule, Random rng) {
            this.size = L;
            this.beta = 1.0 / t;
            this.rule = rule;
            this.rng = rng;
            this.s = new int[L][L];
            for (int[] row : s) {
                for (int c = 0; c < L; c++) {
                    row[c] = rng.nextBoolean() ? 1 : -1;
                }
            }
        }

        void sweeps(int n) {
            int L = size;
            for (int k = 0; k < n; k++) {
                for (int r = 0; r < L; r++) {
                    for (int c = 0; c < L; c++) {
                        int nb = s[(r + L - 1) % L][c] + s[(r + 1) % L][c] + s[r][(c + L - 1) % L] + s[r][(c + 1) % L];
                        if (rule == UpdateRule.METROPOLIS) {
                            double dE = 2.0 * s[r][c] * nb;
                            if (dE <= 0 || rng.nextDouble() < Math.exp(-beta * dE)) {
                                s[r][c] = -s[r][c];
                            }
                        } else {
                            double pUp = 1.0 / (1.0 + Math.exp(-2.0 * beta * nb));
                            s[r][c] = rng.nextDouble() < pUp ? 1 : -1;
                        }
                    }
                }
            }
        }
    }
}
