package org.ebmjava.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ebmjava.neural.Activation;
import org.ebmjava.neural.Adam;
import org.ebmjava.neural.Mlp;
import org.ebmjava.rbm.BlasOps;
import org.ebmjava.sampling.LangevinSampler;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of the neural engine ({@code org.ebmjava.neural}) against Debian's PyTorch (1 and 2 threads, run by
 * {@code lib/src/test/resources/bench/neural_torch.py} with /usr/bin/python3; skipped with a note when torch is
 * missing) and SameDiff on the same shapes, in one run:
 * <ul>
 *   <li>(a) MLP 2-128-128-1 (swish), batch 256: one training step (forward, backward, Adam) and one input gradient;
 *   <li>(b) MLP 784-512-512-1 (swish), batch 128: one EBM iteration = 60 Langevin steps (input gradient, noise,
 *       clamp; the library's {@code LangevinSampler.sgld}) + one parameter update on 128 positives and 128
 *       negatives (mean E(pos) - mean E(neg) + 0.1 mean E<sup>2</sup>, Adam with beta1 = 0).
 * </ul>
 * Prints times (medians of blocks; best block beside), GFLOP/s from the multiply-adds of the matrix products, and %
 * of the fp32 peak. Two peaks are printed: the nominal one (cores x 2 FMA units x SIMD lanes x 2 flops x the
 * clock in /proc/cpuinfo) and the measured one (single-threaded OpenBLAS sgemm 1024<sup>3</sup> times the
 * cores): the % is of the nominal peak. Targets (issue 8): (a) &le; 0.25x the faster PyTorch; (b) &le; 0.7x the
 * faster PyTorch and &ge; 40 % of peak. The library (2 threads) and PyTorch are measured in 3 alternating rounds
 * (1 with {@code --quick}); the table shows each row's median over rounds, each round's ratios are printed, and the
 * verdicts use the median of the rounds' ratios. The verdicts are printed; nothing is asserted.
 *
 * <p>Options: {@code --quick} (fewer repetitions), {@code --no-torch}, {@code --no-samediff}.
 */
public final class NeuralBench {
    static final double ALPHA = 0.1;
    static final double STEP = 10.0;
    static final double NOISE = 0.005;

    private NeuralBench() {}

    /**
     * Runs the benchmark on its own.
     *
     * @param args As for {@link #run(String[])}.
     */
    public static void main(String[] args) {
        run(args);
    }

    /** Multiply-add flops of the products of an MLP: forward, backward to the input and dW, for batch b. */
    static double forwardFlops(int[] w, int b) {
        double s = 0;
        for (int k = 0; k + 1 < w.length; k++) {
            s += 2.0 * b * w[k] * w[k + 1];
        }
        return s;
    }

    /** Backward through every layer except the first (no input gradient). */
    static double hiddenBackFlops(int[] w, int b) {
        double s = 0;
        for (int k = 1; k + 1 < w.length; k++) {
            s += 2.0 * b * w[k] * w[k + 1];
        }
        return s;
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args {@code --quick}, {@code --no-torch}, {@code --no-samediff}.
     */
    public static void run(String[] args) {
        List<String> opts = List.of(args);
        boolean quick = opts.contains("--quick");
        RbmBench.Peak peak = RbmBench.Peak.detect();
        System.out.println("neural engine benchmark; load average " + RbmBench.loadAverage());
        System.out.println(peak.explain());
        double measured = measuredPeak();
        System.out.printf(Locale.ROOT, "measured: single-threaded OpenBLAS sgemm 1024^3 = %.0f GFLOP/s per core, x %d"
                + " cores = %.0f GFLOP/s (%.0f%% of the nominal peak): the practical ceiling of this BLAS here%n",
                measured, peak.cores, measured * peak.cores, 100 * measured * peak.cores / peak.gflops);

        int[] wa = {2, 128, 128, 1};
        int[] wb = {784, 512, 512, 1};
        double aStepFlops = 2 * forwardFlops(wa, 256) + hiddenBackFlops(wa, 256);
        double aGradFlops = 2 * forwardFlops(wa, 256);
        // what the iteration needs, not what the code does: the update needs one forward pass for the energies, the
        // backward pass through the hidden layers and dW (as many flops as a forward pass); the benchmark's loop
        // also recomputes the forward pass inside accumulateGradient (its outGrad depends on the energies), which
        // is not counted
        double bFlops = 60 * 2 * forwardFlops(wb, 128) + 2 * forwardFlops(wb, 256) + hiddenBackFlops(wb, 256);
        System.out.printf(Locale.ROOT, "flops: (a) step %.1f MFLOP, input gradient %.1f MFLOP; (b) iteration %.2f"
                + " GFLOP (60 x forward+input gradient at 128; update at 256: forward, backward to the first hidden layer, dW)%n", aStepFlops / 1e6,
                aGradFlops / 1e6, bFlops / 1e9);

        int reps = quick ? 50 : 200;
        int blocks = quick ? 5 : 9;
        int iters = quick ? 3 : 7;
        // Rounds alternate the library and PyTorch, so that drift in what the machine's other tenants leave (timings
        // here move by 20-30 % from one minute to the next) falls on both sides; each row of the table is the median
        // over rounds, and the verdicts use the median of the rounds' own ratios.
        int rounds = quick ? 1 : 3;
        boolean withTorch = !opts.contains("--no-torch") && RbmBench.pythonHasTorch();
        if (opts.contains("--no-torch")) {
            System.out.println("PyTorch: skipped (--no-torch)");
        } else if (!withTorch) {
            System.out.println("PyTorch: skipped: " + RbmBench.PYTHON + " cannot import torch (Debian: apt-get install"
                    + " python3-torch)");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        String libName = "library, " + cores + " thread" + (cores > 1 ? "s" : "");
        Map<String, List<double[]>> javaRounds = new LinkedHashMap<>();
        Map<String, List<double[]>> torchRounds = new LinkedHashMap<>();
        List<double[]> roundRatios = new java.util.ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            System.out.println("round " + (round + 1) + " of " + rounds + " ...");
            for (int threads : cores > 1 && round == 0 ? new int[] {cores, 1} : new int[] {cores}) {
                double[] a = benchA(threads, reps, blocks);
                double[] b = benchB(threads, iters);
                javaRounds.computeIfAbsent("library, " + threads + " thread" + (threads > 1 ? "s" : ""),
                        k -> new java.util.ArrayList<>()).add(new double[] {a[0], a[1], b[0], b[1], a[2], a[3], b[2]});
            }
            double ta = Double.POSITIVE_INFINITY;
            double tb = Double.POSITIVE_INFINITY;
            for (int threads : withTorch ? new int[] {1, 2} : new int[0]) {
                double[] t = torch(threads, reps, iters);
                if (t != null) {
                    torchRounds.computeIfAbsent("PyTorch, " + threads + " thread" + (threads > 1 ? "s" : ""),
                            k -> new java.util.ArrayList<>()).add(t);
                    ta = Math.min(ta, t[0]);
                    tb = Math.min(tb, t[2]);
                }
            }
            if (ta < Double.POSITIVE_INFINITY) {
                List<double[]> libRuns = javaRounds.get(libName);
                double[] lib = libRuns.get(libRuns.size() - 1);
                roundRatios.add(new double[] {lib[0] / ta, lib[2] / tb, 100 * bFlops / lib[2] / 1e6 / peak.gflops});
            }
        }
        Map<String, double[]> java = medians(javaRounds);
        Map<String, double[]> torch = medians(torchRounds);
        double[] sd = opts.contains("--no-samediff") ? null : sameDiff(quick);

        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %12s %12s %14s %14s%n", "", "(a) step ms", "(a) grad ms",
                "(b) iter ms", "(b) best ms");
        Map<String, double[]> all = new LinkedHashMap<>(java);
        all.putAll(torch);
        if (sd != null) {
            all.put("SameDiff (gradients)", sd);
        }
        for (Map.Entry<String, double[]> e : all.entrySet()) {
            double[] v = e.getValue();
            System.out.printf(Locale.ROOT, "%-22s %12.3f %12.3f %14.1f %14.1f%n", e.getKey(), v[0], v[1], v[2], v[3]);
        }
        System.out.println();
        for (Map.Entry<String, double[]> e : all.entrySet()) {
            double[] v = e.getValue();
            System.out.printf(Locale.ROOT, "%-22s (a) step %5.1f GFLOP/s (%4.1f%% of peak), grad %5.1f GFLOP/s;"
                    + " (b) %5.1f GFLOP/s = %4.1f%% of peak (best %4.1f%%)%n", e.getKey(), aStepFlops / v[0] / 1e6,
                    100 * aStepFlops / v[0] / 1e6 / peak.gflops, aGradFlops / v[1] / 1e6, bFlops / v[2] / 1e6,
                    100 * bFlops / v[2] / 1e6 / peak.gflops, 100 * bFlops / v[3] / 1e6 / peak.gflops);
        }
        System.out.println();
        System.out.println("process CPU time per call (ms; with 1 thread this is close to the time on an idle machine,"
                + " since waiting for other tenants costs no CPU):");
        for (Map.Entry<String, double[]> e : all.entrySet()) {
            double[] v = e.getValue();
            if (v.length >= 7) {
                System.out.printf(Locale.ROOT, "%-22s (a) step %8.3f  (a) grad %8.3f  (b) iter %9.1f  -> (b) %4.1f%% of"
                        + " peak per busy core%n", e.getKey(), v[4], v[5], v[6],
                        100 * bFlops / v[6] / 1e6 / peak.perCore());
            }
        }
        double[] lib1 = java.get("library, 1 thread");
        double[] torch1 = torch.get("PyTorch, 1 thread");
        if (lib1 != null && torch1 != null && lib1.length >= 7 && torch1.length >= 7) {
            System.out.printf(Locale.ROOT, "1 thread, CPU time: library / PyTorch = (a) step %.2fx, grad %.2fx, (b)"
                    + " iteration %.2fx%n", lib1[4] / torch1[4], lib1[5] / torch1[5], lib1[6] / torch1[6]);
        }
        System.out.println();
        if (roundRatios.isEmpty()) {
            System.out.println("targets: no PyTorch in this run, ratios not available");
        } else {
            double[] ra = new double[roundRatios.size()];
            double[] rb = new double[roundRatios.size()];
            double[] pct = new double[roundRatios.size()];
            for (int r = 0; r < ra.length; r++) {
                ra[r] = roundRatios.get(r)[0];
                rb[r] = roundRatios.get(r)[1];
                pct[r] = roundRatios.get(r)[2];
                System.out.printf(Locale.ROOT, "round %d: (a) %s step / faster PyTorch step = %.2fx; (b) iteration /"
                        + " faster PyTorch = %.2fx, %.1f%% of fp32 peak%n", r + 1, libName, ra[r], rb[r], pct[r]);
            }
            double ma = RbmBench.median(ra);
            double mb = RbmBench.median(rb);
            double mp = RbmBench.median(pct);
            System.out.printf(Locale.ROOT, "(a) median over rounds: %.2fx (target <= 0.25x): %s%n", ma,
                    ma <= 0.25 ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "(b) median over rounds: %.2fx (target <= 0.7x): %s; %.1f%% of fp32 peak"
                    + " (target >= 40%%): %s%n", mb, mb <= 0.7 ? "MET" : "NOT MET", mp, mp >= 40 ? "MET" : "NOT MET");
        }
        System.out.println("load average at the end " + RbmBench.loadAverage()
                + " (other tenants of a shared machine slow every row; compare rows of the same run)");
    }

    /** Entry-wise medians over the rounds of each row. */
    static Map<String, double[]> medians(Map<String, List<double[]>> rounds) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : rounds.entrySet()) {
            List<double[]> runs = e.getValue();
            double[] m = new double[runs.get(0).length];
            for (int j = 0; j < m.length; j++) {
                double[] v = new double[runs.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = runs.get(r)[j];
                }
                m[j] = RbmBench.median(v);
            }
            out.put(e.getKey(), m);
        }
        return out;
    }

    static float[] uniform(int m, long seed, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[m];
        for (int i = 0; i < m; i++) {
            a[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return a;
    }

    /**
     * Process CPU ms per call (median of blocks), for the load-robust 1-thread comparison. The JVM's process CPU
     * clock ticks in 10 ms steps on these machines, so callers size blocks to several hundred milliseconds.
     */
    static double cpuMillis(Runnable r, int reps, int blocks) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] t = new double[blocks];
        for (int j = 0; j < blocks; j++) {
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < reps; i++) {
                r.run();
            }
            t[j] = (os.getProcessCpuTime() - c0) / 1e6 / reps;
        }
        return RbmBench.median(t);
    }

    /** (a): median ms of a training step and of an input gradient; then their CPU ms. */
    static double[] benchA(int threads, int reps, int blocks) {
        Mlp net = Mlp.builder(2).hidden(128, Activation.SWISH).hidden(128, Activation.SWISH).seed(1).threads(threads)
                .build();
        Adam adam = new Adam(1e-3);
        float[] x = uniform(256 * 2, 2, -2, 2);
        float[] g = new float[256];
        java.util.Arrays.fill(g, 1f / 256);
        float[] grad = new float[256 * 2];
        double step = RbmBench.median(RbmBench.blockMillis(() -> {
            net.zeroGradients();
            net.accumulateGradient(x, null, 256, g);
            adam.step(net);
        }, reps, blocks));
        Runnable gradient = () -> net.inputGradient(x, null, 256, null, grad);
        double ig = RbmBench.median(RbmBench.blockMillis(gradient, reps, blocks));
        double stepCpu = cpuMillis(() -> {
            net.zeroGradients();
            net.accumulateGradient(x, null, 256, g);
            adam.step(net);
        }, 10 * reps, 3);
        return new double[] {step, ig, stepCpu, cpuMillis(gradient, 10 * reps, 3)};
    }

    /** (b): median and best ms of an EBM iteration. */
    static double[] benchB(int threads, int iters) {
        Mlp net = Mlp.builder(784).hidden(512, Activation.SWISH).hidden(512, Activation.SWISH).seed(3)
                .threads(threads).build();
        Adam adam = new Adam(1e-4, 0.0, 0.999, 1e-8);
        LangevinSampler sampler = LangevinSampler.sgld(net.asEnergy(), STEP, NOISE).clampTo(-1, 1);
        float[] pos = uniform(128 * 784, 4, -1, 1);
        float[] neg = uniform(128 * 784, 5, -1, 1);
        float[] both = new float[256 * 784];
        float[] e = new float[256];
        float[] og = new float[256];
        SplittableRandom rng = new SplittableRandom(6);
        Runnable iteration = () -> {
            sampler.run(neg, 60, rng);
            System.arraycopy(pos, 0, both, 0, pos.length);
            System.arraycopy(neg, 0, both, pos.length, neg.length);
            net.output(both, null, 256, e);
            for (int i = 0; i < 256; i++) {
                og[i] = (float) ((i < 128 ? 1.0 : -1.0) / 128 + 2 * ALPHA * e[i] / 256);
            }
            net.zeroGradients();
            net.accumulateGradient(both, null, 256, og);
            adam.step(net);
        };
        iteration.run();
        double[] t = RbmBench.blockMillis(iteration, 1, iters);
        return new double[] {RbmBench.median(t), RbmBench.min(t), cpuMillis(iteration, 1, Math.max(3, iters / 2))};
    }

    static double[] torch(int threads, int reps, int iters) {
        Path script = null;
        try (InputStream res = NeuralBench.class.getResourceAsStream("/bench/neural_torch.py")) {
            script = Files.createTempFile("neural_torch", ".py");
            Files.write(script, res.readAllBytes());
            List<String> lines = RbmBench.runProcess(new ProcessBuilder(RbmBench.PYTHON, script.toString(),
                    String.valueOf(threads), String.valueOf(reps), String.valueOf(iters)).redirectErrorStream(true),
                    1800);
            Map<String, Double> v = new HashMap<>();
            for (String line : lines) {
                String[] p = line.trim().split("\\s+");
                if (p.length == 2 && p[0].endsWith("_ms")) {
                    v.put(p[0], Double.parseDouble(p[1]));
                }
            }
            if (v.size() < 7) {
                System.out.println("PyTorch " + threads + " thread(s) failed: " + lines);
                return null;
            }
            return new double[] {v.get("a_step_ms"), v.get("a_grad_ms"), v.get("b_iter_ms"), v.get("b_iter_best_ms"),
                v.getOrDefault("a_step_cpu_ms", Double.NaN), v.getOrDefault("a_grad_cpu_ms", Double.NaN),
                v.getOrDefault("b_iter_cpu_ms", Double.NaN)};
        } catch (IOException | RuntimeException e) {
            System.out.println("PyTorch " + threads + " thread(s) failed: " + e);
            return null;
        } finally {
            RbmBench.deleteQuietly(script);
        }
    }

    /** Builds a SameDiff MLP with placeholders x and g and loss sum(g * f). */
    static SameDiff sameDiffMlp(int[] w, long seed) {
        SameDiff sd = SameDiff.create();
        SDVariable a = sd.placeHolder("x", DataType.FLOAT, -1, w[0]);
        SDVariable g = sd.placeHolder("g", DataType.FLOAT, -1, 1);
        for (int k = 0; k + 1 < w.length; k++) {
            double bound = 1 / Math.sqrt(w[k]);
            INDArray wk = Nd4j.create(uniform(w[k] * w[k + 1], seed + k, -bound, bound), new long[] {w[k], w[k + 1]},
                    'c');
            INDArray bk = Nd4j.create(uniform(w[k + 1], seed + 100 + k, -bound, bound), new long[] {1, w[k + 1]}, 'c');
            SDVariable z = a.mmul(sd.var("w" + k, wk)).add(sd.var("b" + k, bk));
            a = k + 2 < w.length ? z.mul(sd.nn().sigmoid(z)) : z;
        }
        sd.setLossVariables(a.mul(g).sum());
        return sd;
    }

    /** SameDiff gradients (no optimiser step) at the same shapes: (a) step, (a) grad, (b) estimated iteration. */
    static double[] sameDiff(boolean quick) {
        try {
            SameDiff sa = sameDiffMlp(new int[] {2, 128, 128, 1}, 7);
            Map<String, INDArray> fa = Map.of("x", Nd4j.create(uniform(512, 8, -2, 2), new long[] {256, 2}, 'c'),
                    "g", Nd4j.ones(DataType.FLOAT, 256, 1).divi(256));
            String[] params = {"w0", "b0", "w1", "b1", "w2", "b2"};
            int reps = quick ? 5 : 20;
            double step = RbmBench.median(RbmBench.blockMillis(() -> sa.calculateGradients(fa, params), reps, 3));
            double grad = RbmBench.median(RbmBench.blockMillis(() -> sa.calculateGradients(fa, "x"), reps, 3));
            SameDiff sb = sameDiffMlp(new int[] {784, 512, 512, 1}, 9);
            Map<String, INDArray> fb = Map.of("x", Nd4j.create(uniform(128 * 784, 10, -1, 1), new long[] {128, 784},
                    'c'), "g", Nd4j.ones(DataType.FLOAT, 128, 1));
            Map<String, INDArray> fu = Map.of("x", Nd4j.create(uniform(256 * 784, 11, -1, 1), new long[] {256, 784},
                    'c'), "g", Nd4j.ones(DataType.FLOAT, 256, 1).divi(128));
            double[] lang = RbmBench.blockMillis(() -> sb.calculateGradients(fb, "x"), quick ? 3 : 10, 3);
            double[] upd = RbmBench.blockMillis(() -> sb.calculateGradients(fu, params), 2, 3);
            double iter = 60 * RbmBench.median(lang) + RbmBench.median(upd);
            double best = 60 * RbmBench.min(lang) + RbmBench.min(upd);
            System.out.println("SameDiff: gradients only (no optimiser step, no Langevin noise); (b) = 60 x the"
                    + " input-gradient time + one parameter-gradient time");
            return new double[] {step, grad, iter, best};
        } catch (RuntimeException e) {
            System.out.println("SameDiff failed: " + e);
            return null;
        }
    }

    /** Single-threaded OpenBLAS sgemm on 1024 x 1024 matrices, GFLOP/s (median of 5). */
    static double measuredPeak() {
        int n = 1024;
        FloatPointer a = new FloatPointer((long) n * n);
        FloatPointer b = new FloatPointer((long) n * n);
        FloatPointer c = new FloatPointer((long) n * n);
        float[] init = uniform(n * n, 12, -1, 1);
        a.put(init);
        b.put(init);
        int saved = openblas_nolapack.blas_get_num_threads();
        openblas_nolapack.blas_set_num_threads(1);
        try {
            double[] t = RbmBench.blockMillis(() -> BlasOps.sgemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n), 1,
                    5);
            return 2.0 * n * n * n / RbmBench.median(t) / 1e6;
        } finally {
            openblas_nolapack.blas_set_num_threads(saved);
        }
    }
}
