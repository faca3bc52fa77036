package org.ebmjava.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Entry point of {@code ./course bench NAME [ARGS...]}: runs the named benchmark, or lists the names.
 *
 * <p>Benchmarks live in the test sources so that their naive reference implementations stay out of
 * the library. Each is a class with {@code static void run(String[] args)}; register it in
 * {@link #BENCHMARKS}. They print timings and ratios against a reference measured in the same run;
 * they are not tests.
 */
public final class Bench {

    /** Benchmark name to its entry point; the arguments after the name are passed on. */
    static final Map<String, Consumer<String[]>> BENCHMARKS = new TreeMap<>(Map.of(
            "ising", IsingBench::run,
            "neural", NeuralBench::run,
            "rbm", RbmBench::run));

    private Bench() {}

    /**
     * Runs a benchmark.
     *
     * @param args The benchmark name followed by its own arguments; none, or an unknown name,
     *     prints the list of names.
     */
    public static void main(String[] args) {
        Consumer<String[]> bench = args.length == 0 ? null : BENCHMARKS.get(args[0]);
        if (bench == null) {
            if (args.length > 0) {
                System.out.println("unknown benchmark '" + args[0] + "'");
            }
            System.out.println("usage: ./course bench NAME [ARGS...]; benchmarks: "
                    + String.join(", ", BENCHMARKS.keySet()));
            return;
        }
        bench.accept(Arrays.copyOfRange(args, 1, args.length));
    }
}
