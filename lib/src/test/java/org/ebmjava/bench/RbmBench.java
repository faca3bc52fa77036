package org.ebmjava.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ebmjava.NativeConfig;
import org.ebmjava.data.Mnist;
import org.ebmjava.rbm.BernoulliRbm;
import org.ebmjava.rbm.RbmTrainer;
import org.ebmjava.rbm.TrainingResult;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Speed of one CD-1 epoch of a 784 x 500 Bernoulli RBM (mini-batch 100, 60,000 samples: the bundled 7,996
 * MNIST training digits repeated), against PyTorch CPU on the same machine in the same run.
 *
 * <p>Prints: the native environment; library and PyTorch epochs in alternating rounds (PyTorch runs
 * {@code lib/src/test/resources/bench/rbm_torch.py} with /usr/bin/python3 and 2 threads as a persistent process,
 * so both see the same load from other tenants of a shared machine; skipped with a note when torch is missing);
 * the GEMM throughput at each GEMM shape of the CD step as the trainer runs them, in GFLOP/s and as a fraction of
 * the machine's fp32 peak (cores x 2 FMA units x SIMD lanes x 2 flops x clock, from /proc/cpuinfo), also per busy
 * core (thread CPU time, which other tenants do not inflate); OpenBLAS's own threading on the same shapes for
 * reference; and the same step written in idiomatic, allocating ND4J.
 *
 * <p>Options: {@code --rounds N} (alternating timed epochs, default 5), {@code --no-torch}, {@code --ladder} (also
 * re-runs the step in fresh JVMs with and without each setting and prints what each step bought).
 *
 * <p>Run: {@code mvn -o -q -pl lib exec:java -Dexec.mainClass=org.ebmjava.bench.RbmBench
 * -Dexec.classpathScope=test} (export OMP_WAIT_POLICY=PASSIVE and OPENBLAS_CORETYPE first, as the kernel
 * launcher does), or {@code ./course bench rbm}.
 */
public final class RbmBench {
    static final int NV = 784;
    static final int NH = 500;
    static final int BATCH = 100;
    static final int ROWS = 60_000;
    /** Multiply-adds of one CD-1 step: 5 products of B x nv x nh, 2 flops each. */
    static final double STEP_FLOPS = 5.0 * 2.0 * BATCH * NV * NH;
    static final String PYTHON = "/usr/bin/python3";

    private RbmBench() {}

    /**
     * Runs the benchmark on its own.
     *
     * @param args As for {@link #run(String[])}.
     */
    public static void main(String[] args) {
        run(args);
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args Options: {@code --rounds N}, {@code --no-torch}, {@code --ladder}; {@code --child VARIANT}
     *     is used internally by the ladder.
     */
    public static void run(String[] args) {
        List<String> a = Arrays.asList(args);
        int childAt = a.indexOf("--child");
        if (childAt >= 0) {
            child(a.get(childAt + 1));
            return;
        }
        int rounds = a.contains("--rounds") ? Integer.parseInt(a.get(a.indexOf("--rounds") + 1)) : 5;
        System.out.println("== RBM benchmark: CD-1, " + NV + " visible x " + NH + " hidden, batch " + BATCH + ", "
                + ROWS + " samples per epoch ==");
        NativeConfig.apply();
        System.out.print(NativeConfig.describe());
        Peak peak = Peak.detect();
        System.out.println(peak.explain());
        System.out.println("load average before: " + loadAverage());

        INDArray data = sixtyThousandDigits();
        double[] lib = new double[rounds];
        double[] tor = new double[rounds];
        Arrays.fill(tor, Double.NaN);
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<GemmShape> shapes = GemmShape.cdStep(workers);
        double[][] gemmRound = new double[shapes.size()][rounds];
        double[][] gemmCpu = new double[shapes.size()][rounds];
        TorchServer torch = a.contains("--no-torch") ? null : TorchServer.start(data);
        try {
            // Library and PyTorch epochs alternate, so both see the same machine load (other tenants come and go).
            BernoulliRbm model = BernoulliRbm.random(NV, NH, 0.01, 42).initVisibleBiasFromData(data);
            model = benchTrainer(1).train(model, data, null).model();
            if (torch != null) {
                torch.epoch();
            }
            for (int r = 0; r < rounds; r++) {
                TrainingResult res = benchTrainer(1).seed(100 + r).train(model, data, null);
                lib[r] = res.history().doubleColumn("seconds").getDouble(0);
                model = res.model();
                tor[r] = torch == null ? Double.NaN : torch.epoch();
                for (int g = 0; g < shapes.size(); g++) {
                    double[] ms = shapes.get(g).millisConcurrent(workers, 3);
                    gemmRound[g][r] = ms[1];
                    gemmCpu[g][r] = ms[2];
                }
                System.out.printf(Locale.ROOT, "  round %d: library %.3f s, PyTorch %s; load %s%n", r + 1, lib[r],
                        torch == null ? "-" : String.format(Locale.ROOT, "%.3f s (ratio %.2f)", tor[r],
                                lib[r] / tor[r]), loadAverage());
            }
        } finally {
            if (torch != null) {
                torch.close();
            }
        }
        int steps = ROWS / BATCH;
        double library = median(lib);
        double libraryBest = min(lib);
        System.out.printf(Locale.ROOT, "library (RbmTrainer, CD-1, %d workers): %.3f s per epoch (median of %d after"
                + " 1 warm-up; best %.3f s), %.3f ms per step, %.0f GFLOP/s over the whole step (%.0f%% of peak)%n",
                Math.max(1, Runtime.getRuntime().availableProcessors()), library, rounds, libraryBest,
                1e3 * library / steps, STEP_FLOPS * steps / library / 1e9,
                100 * STEP_FLOPS * steps / library / 1e9 / peak.gflops);
        if (torch != null) {
            System.out.printf(Locale.ROOT, "PyTorch %s: %.3f s per epoch (median of %d after 1 warm-up; best %.3f s),"
                    + " %.3f ms per step%n", torch.info, median(tor), rounds, min(tor), 1e3 * median(tor) / steps);
        }

        System.out.println("GEMMs of the CD step as the trainer runs them: " + workers + " threads at once, each a"
                + " single-threaded cblas_sgemm on its share (rows of the batch, then rows of W); measured in every"
                + " round right after the two epochs (best of 3 blocks of 20 calls), shown as the median over rounds"
                + " and the best round; per busy core = from the threads' CPU time:");
        double gemmMs = 0;
        double gemmBestMs = 0;
        double gemmCpuMs = 0;
        for (int g = 0; g < shapes.size(); g++) {
            GemmShape s = shapes.get(g);
            double med = median(gemmRound[g]);
            double best = min(gemmRound[g]);
            double cpu = median(gemmCpu[g]);
            gemmMs += med * s.callsPerStep;
            gemmBestMs += best * s.callsPerStep;
            gemmCpuMs += cpu * s.callsPerStep;
            double gf = s.flops() * workers / med / 1e6;
            double gfBest = s.flops() * workers / best / 1e6;
            double perCore = s.flops() / cpu / 1e6;
            System.out.printf(Locale.ROOT, "  %-46s %6.3f ms %6.1f GFLOP/s %5.1f%% of peak | best %6.1f GFLOP/s %5.1f%%"
                    + " | per busy core %5.1f GFLOP/s = %4.1f%% of a core's peak (x%d per step)%n", s.name, med, gf,
                    100 * gf / peak.gflops, gfBest, 100 * gfBest / peak.gflops, perCore,
                    100 * perCore / peak.perCore(), s.callsPerStep);
        }
        double gemmPct = 100 * STEP_FLOPS / gemmMs / 1e6 / peak.gflops;
        double gemmBestPct = 100 * STEP_FLOPS / gemmBestMs / 1e6 / peak.gflops;
        double gemmCorePct = 100 * STEP_FLOPS / workers / gemmCpuMs / 1e6 / peak.perCore();
        System.out.printf(Locale.ROOT, "  all GEMMs of one step: %.3f ms = %.1f GFLOP/s (%.1f%% of peak), best round"
                + " %.1f GFLOP/s (%.1f%%), per busy core %.1f%% of a core's peak; about %.0f%% of the library's step"
                + " time%n", gemmMs, STEP_FLOPS / gemmMs / 1e6, gemmPct, STEP_FLOPS / gemmBestMs / 1e6, gemmBestPct,
                gemmCorePct, 100 * gemmMs / (1e3 * library / steps));
        System.out.println("  for reference, OpenBLAS's own threading on the whole shapes (" + workers + " threads):");
        for (GemmShape s : GemmShape.cdStep(1)) {
            double[] ms = s.millisThreaded(workers);
            System.out.printf(Locale.ROOT, "  %-46s %6.3f ms %6.1f GFLOP/s %5.1f%% of peak | best %6.1f GFLOP/s %5.1f%%%n",
                    s.name, ms[0], s.flops() / ms[0] / 1e6, 100 * s.flops() / ms[0] / 1e6 / peak.gflops,
                    s.flops() / ms[1] / 1e6, 100 * s.flops() / ms[1] / 1e6 / peak.gflops);
        }

        double naiveMs = NaiveCd.millisPerStep(data, 20, 60);
        System.out.printf(Locale.ROOT, "idiomatic ND4J (mmul, addiRowVector, Transforms.sigmoid, allocating):"
                + " %.3f ms per step = %.2f s per epoch (extrapolated from 60 steps)%n", naiveMs, naiveMs * steps / 1e3);

        System.out.println("load average after: " + loadAverage());
        System.out.println("== summary ==");
        System.out.printf(Locale.ROOT, "library epoch %.3f s (best %.3f s)", library, libraryBest);
        if (torch != null) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = lib[r] / tor[r];
            }
            double ratio = median(ratios);
            System.out.printf(Locale.ROOT, ", PyTorch epoch %.3f s (best %.3f s): library / PyTorch = %.2fx (median"
                    + " of paired rounds), %.2fx (best vs best); target <= 1.0x: %s%n", median(tor), min(tor), ratio,
                    libraryBest / min(tor), ratio <= 1.0 ? "met" : "missed");
        } else {
            System.out.println(", PyTorch not measured");
        }
        System.out.printf(Locale.ROOT, "GEMMs of the CD step at %.1f%% of peak (best round %.1f%%; per busy core"
                + " %.1f%%; target >= 50%%: %s); library vs idiomatic ND4J: %.1fx faster%n", gemmPct, gemmBestPct,
                gemmCorePct, gemmPct >= 50 ? "met" : gemmBestPct >= 50 ? "met only in the best round"
                : gemmCorePct >= 50 ? "met per busy core only (the wall-clock figures include other tenants' time)"
                : "missed", naiveMs * steps / 1e3 / library);
        if (a.contains("--ladder")) {
            ladder();
        }
    }

    // ---------------------------------------------------------------- data and the library

    static INDArray sixtyThousandDigits() {
        INDArray train = Mnist.bundled().train().toINDArray();
        int reps = (int) Math.ceil((double) ROWS / train.rows());
        INDArray tiled = Nd4j.tile(train, reps, 1);
        return tiled.get(NDArrayIndex.interval(0, ROWS), NDArrayIndex.all()).dup('c');
    }

    static RbmTrainer benchTrainer(int epochs) {
        return new RbmTrainer().method(RbmTrainer.Method.CD).k(1).batchSize(BATCH).learningRate(0.1).momentum(0.5)
                .weightDecay(1e-4).epochs(epochs).monitorSize(0).seed(42);
    }

    // ---------------------------------------------------------------- GEMM shapes

    /** One cblas_sgemm call of the CD step (one worker's share of it), on its own buffers. */
    static final class GemmShape {
        final String name;
        final boolean transA;
        final boolean transB;
        final int m;
        final int n;
        final int k;
        final float beta;
        final int callsPerStep;

        GemmShape(String name, boolean transA, boolean transB, int m, int n, int k, float beta, int callsPerStep) {
            this.name = name;
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.beta = beta;
            this.callsPerStep = callsPerStep;
        }

        /** The shapes one of {@code workers} workers multiplies in a CD-1 step. */
        static List<GemmShape> cdStep(int workers) {
            int rows = BATCH / workers;
            int vis = NV / workers;
            return List.of(
                    new GemmShape("up   [" + rows + "x784]*[784x500] (+bias, beta=1)", false, false, rows, NH, NV, 1f,
                            2),
                    new GemmShape("down [" + rows + "x500]*[784x500]^T (+bias, beta=1)", false, true, rows, NV, NH,
                            1f, 1),
                    new GemmShape("grad [100x" + vis + "]^T*[100x500] (beta=momentum)", true, false, vis, NH, BATCH,
                            0.5f, 2));
        }

        double flops() {
            return 2.0 * m * n * k;
        }

        Runnable call() {
            INDArray a = Nd4j.rand(DataType.FLOAT, transA ? k : m, transA ? m : k);
            INDArray b = Nd4j.rand(DataType.FLOAT, transB ? n : k, transB ? k : n);
            INDArray c = Nd4j.rand(DataType.FLOAT, m, n);
            FloatPointer pa = new FloatPointer(a.data().addressPointer());
            FloatPointer pb = new FloatPointer(b.data().addressPointer());
            FloatPointer pc = new FloatPointer(c.data().addressPointer());
            int lda = (int) a.columns();
            int ldb = (int) b.columns();
            INDArray[] keep = {a, b, c};
            return () -> {
                openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                        transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                        transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, 1e-3f, pa,
                        lda, pb, ldb, beta, pc, n);
                java.lang.ref.Reference.reachabilityFence(keep);
            };
        }

        /** {median, best} ms per call with OpenBLAS using {@code threads} threads itself. */
        double[] millisThreaded(int threads) {
            int saved = Nd4j.factory().blas().getMaxThreads();
            Nd4j.factory().blas().setMaxThreads(threads);
            try {
                double[] t = blockMillis(call(), 20, 9);
                Arrays.sort(t);
                return new double[] {t[t.length / 2], t[0]};
            } finally {
                Nd4j.factory().blas().setMaxThreads(saved);
            }
        }

        /**
         * Returns {median, best} wall ms per call when {@code workers} threads each run single-threaded calls at
         * once, and, third, the median CPU ms per call of one thread (what a call costs on a core it has to itself).
         */
        double[] millisConcurrent(int workers, int blocks) {
            int saved = Nd4j.factory().blas().getMaxThreads();
            Nd4j.factory().blas().setMaxThreads(1);
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            try {
                Runnable[] calls = new Runnable[workers];
                for (int w = 0; w < workers; w++) {
                    calls[w] = call();
                }
                double[] cpu = new double[blocks];
                int[] block = {0};
                Runnable run = () -> {
                    Thread[] others = new Thread[workers - 1];
                    for (int w = 1; w < workers; w++) {
                        Runnable c = calls[w];
                        others[w - 1] = new Thread(() -> {
                            for (int i = 0; i < 20; i++) {
                                c.run();
                            }
                        });
                        others[w - 1].start();
                    }
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < 20; i++) {
                        calls[0].run();
                    }
                    if (block[0] < cpu.length) {
                        cpu[block[0]] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / 20;
                    }
                    for (Thread t : others) {
                        try {
                            t.join();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
                block[0] = blocks;
                for (int i = 0; i < 2; i++) {
                    run.run();
                }
                double[] t = new double[blocks];
                for (int j = 0; j < t.length; j++) {
                    block[0] = j;
                    long t0 = System.nanoTime();
                    run.run();
                    t[j] = (System.nanoTime() - t0) / 1e6 / 20;
                }
                Arrays.sort(t);
                return new double[] {t[t.length / 2], t[0], median(cpu)};
            } finally {
                Nd4j.factory().blas().setMaxThreads(saved);
            }
        }
    }

    static double[] blockMillis(Runnable r, int reps, int blocks) {
        for (int i = 0; i < 2 * reps; i++) {
            r.run();
        }
        double[] t = new double[blocks];
        for (int j = 0; j < blocks; j++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                r.run();
            }
            t[j] = (System.nanoTime() - t0) / 1e6 / reps;
        }
        return t;
    }

    // ---------------------------------------------------------------- machine peak

    /** The fp32 FMA peak: cores x 2 FMA units x SIMD lanes x 2 flops x clock. */
    static final class Peak {
        final int cores;
        final int lanes;
        final double mhz;
        final double gflops;
        final String simd;

        Peak(int cores, int lanes, double mhz, String simd) {
            this.cores = cores;
            this.lanes = lanes;
            this.mhz = mhz;
            this.simd = simd;
            this.gflops = cores * 2.0 * lanes * 2.0 * mhz / 1e3;
        }

        static Peak detect() {
            String flags = NativeConfig.cpuFlags();
            List<String> f = Arrays.asList(flags.split("\\s+"));
            int lanes = f.contains("avx512f") ? 16 : f.contains("avx2") ? 8 : 4;
            String simd = f.contains("avx512f") ? "AVX-512" : f.contains("avx2") ? "AVX2" : "SSE";
            double mhz = Double.NaN;
            String vendor = "";
            int family = -1;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    String value = line.substring(line.indexOf(':') + 1).trim();
                    if (line.startsWith("cpu MHz") && Double.isNaN(mhz)) {
                        mhz = Double.parseDouble(value);
                    } else if (line.startsWith("vendor_id") && vendor.isEmpty()) {
                        vendor = value;
                    } else if (line.startsWith("cpu family") && family < 0) {
                        family = Integer.parseInt(value);
                    }
                }
            } catch (IOException | RuntimeException e) {
                mhz = Double.NaN;
            }
            if (lanes == 16 && "AuthenticAMD".equals(vendor) && family == 25) {
                // AMD Zen 4 (family 19h) has AVX-512 but executes each 512-bit FMA on its two 256-bit FMA units:
                // the fp32 FMA throughput is that of 2 units x 8 lanes (measured here with a C loop of independent
                // FMAs: zmm and ymm both reached 114 GFLOP/s per core). Zen 5 (family 1Ah) has full-width units.
                lanes = 8;
                simd = "AVX-512 on 256-bit units, AMD Zen 4";
            }
            if (Double.isNaN(mhz)) {
                mhz = 2000;
                simd += " (no cpu MHz in /proc/cpuinfo: assuming 2000 MHz)";
            }
            return new Peak(Runtime.getRuntime().availableProcessors(), lanes, mhz, simd);
        }

        double perCore() {
            return gflops / cores;
        }

        String explain() {
            return String.format(Locale.ROOT, "fp32 peak = %d cores x 2 FMA units x %d fp32 lanes each (%s) x 2 flops x %.0f MHz"
                    + " (/proc/cpuinfo \"cpu MHz\") = %.0f GFLOP/s. A VM's \"cpu MHz\" is usually the base clock; under"
                    + " turbo the CPU can exceed this figure.", cores, lanes, simd, mhz, gflops);
        }
    }

    // ---------------------------------------------------------------- idiomatic ND4J reference

    /** CD-1 written the way ND4J tutorials do: mmul, broadcast adds and new arrays in every step. */
    static final class NaiveCd {
        static double millisPerStep(INDArray data, int warm, int steps) {
            INDArray w = Nd4j.randn(DataType.FLOAT, NV, NH).muli(0.01);
            INDArray b = Nd4j.zeros(DataType.FLOAT, 1, NV);
            INDArray c = Nd4j.zeros(DataType.FLOAT, 1, NH);
            INDArray vw = Nd4j.zeros(DataType.FLOAT, NV, NH);
            INDArray vb = Nd4j.zeros(DataType.FLOAT, 1, NV);
            INDArray vc = Nd4j.zeros(DataType.FLOAT, 1, NH);
            int rows = (int) data.rows() / BATCH * BATCH;
            for (int i = 0; i < warm; i++) {
                step(data.get(NDArrayIndex.interval((i * BATCH) % rows, (i * BATCH) % rows + BATCH), NDArrayIndex.all()),
                        w, b, c, vw, vb, vc);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                int r0 = (i * BATCH) % rows;
                step(data.get(NDArrayIndex.interval(r0, r0 + BATCH), NDArrayIndex.all()), w, b, c, vw, vb, vc);
            }
            return (System.nanoTime() - t0) / 1e6 / steps;
        }

        static void step(INDArray v0, INDArray w, INDArray b, INDArray c, INDArray vw, INDArray vb, INDArray vc) {
            double lr = 0.1;
            INDArray h0 = Transforms.sigmoid(v0.mmul(w).addiRowVector(c));
            INDArray hs = Nd4j.rand(DataType.FLOAT, h0.shape()).lt(h0).castTo(DataType.FLOAT);
            INDArray v1 = Transforms.sigmoid(hs.mmul(w.transpose()).addiRowVector(b));
            INDArray h1 = Transforms.sigmoid(v1.mmul(w).addiRowVector(c));
            INDArray gw = v0.transpose().mmul(h0).subi(v1.transpose().mmul(h1)).divi(BATCH);
            vw.muli(0.5).addi(gw.subi(w.mul(1e-4)).muli(lr));
            vb.muli(0.5).addi(v0.sum(0).subi(v1.sum(0)).reshape(1, NV).muli(lr / BATCH));
            vc.muli(0.5).addi(h0.sum(0).subi(h1.sum(0)).reshape(1, NH).muli(lr / BATCH));
            w.addi(vw);
            b.addi(vb);
            c.addi(vc);
        }
    }

    /** CD-1 with preallocated buffers, Nd4j.gemm into them and in-place ND4J element-wise ops. */
    static final class PreallocCd {
        static double millisPerStep(INDArray data, int warm, int steps) {
            INDArray w = Nd4j.randn(DataType.FLOAT, NV, NH).muli(0.01);
            INDArray b = Nd4j.zeros(DataType.FLOAT, 1, NV);
            INDArray c = Nd4j.zeros(DataType.FLOAT, 1, NH);
            INDArray vw = Nd4j.zeros(DataType.FLOAT, NV, NH);
            INDArray vb = Nd4j.zeros(DataType.FLOAT, 1, NV);
            INDArray vc = Nd4j.zeros(DataType.FLOAT, 1, NH);
            INDArray h0 = Nd4j.create(DataType.FLOAT, BATCH, NH);
            INDArray hs = Nd4j.create(DataType.FLOAT, BATCH, NH);
            INDArray v1 = Nd4j.create(DataType.FLOAT, BATCH, NV);
            INDArray h1 = Nd4j.create(DataType.FLOAT, BATCH, NH);
            INDArray tb = Nd4j.create(DataType.FLOAT, 1, NV);
            INDArray tc = Nd4j.create(DataType.FLOAT, 1, NH);
            INDArray v0 = Nd4j.create(DataType.FLOAT, BATCH, NV);
            org.nd4j.linalg.api.rng.Random rng = Nd4j.getRandomFactory().getNewRandomInstance(42);
            int rows = (int) data.rows() / BATCH * BATCH;
            long t0 = 0;
            for (int i = 0; i < warm + steps; i++) {
                if (i == warm) {
                    t0 = System.nanoTime();
                }
                int r0 = (i * BATCH) % rows;
                v0.assign(data.get(NDArrayIndex.interval(r0, r0 + BATCH), NDArrayIndex.all()));
                Nd4j.gemm(v0, w, h0, false, false, 1.0, 0.0);
                Transforms.sigmoid(h0.addiRowVector(c), false);
                Nd4j.getExecutioner().exec(new BernoulliDistribution(hs, h0), rng);
                Nd4j.gemm(hs, w, v1, false, true, 1.0, 0.0);
                Transforms.sigmoid(v1.addiRowVector(b), false);
                Nd4j.gemm(v1, w, h1, false, false, 1.0, 0.0);
                Transforms.sigmoid(h1.addiRowVector(c), false);
                vw.muli(0.5);
                Nd4j.gemm(v0, h0, vw, true, false, 0.1 / BATCH, 1.0);
                Nd4j.gemm(v1, h1, vw, true, false, -0.1 / BATCH, 1.0);
                Nd4j.getBlasWrapper().level1().axpy(w.length(), -0.1 * 1e-4, w, vw);
                v0.sum(tb, 0);
                vb.muli(0.5).addi(tb.muli(0.1 / BATCH));
                v1.sum(tb, 0);
                vb.subi(tb.muli(0.1 / BATCH));
                h0.sum(tc, 0);
                vc.muli(0.5).addi(tc.muli(0.1 / BATCH));
                h1.sum(tc, 0);
                vc.subi(tc.muli(0.1 / BATCH));
                w.addi(vw);
                b.addi(vb);
                c.addi(vc);
            }
            return (System.nanoTime() - t0) / 1e6 / steps;
        }
    }

    // ---------------------------------------------------------------- PyTorch

    /** rbm_torch.py kept running in serve mode, so its epochs can alternate with the library's. */
    static final class TorchServer implements AutoCloseable {
        final Process process;
        final BufferedReader reader;
        final java.io.Writer in;
        final Path dataFile;
        final Path script;
        final String info;

        private TorchServer(Process process, BufferedReader reader, Path dataFile, Path script, String info) {
            this.process = process;
            this.reader = reader;
            this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.dataFile = dataFile;
            this.script = script;
            this.info = info;
        }

        /** Starts the server, or prints why PyTorch is skipped and returns null. */
        static TorchServer start(INDArray data) {
            if (!new File(PYTHON).canExecute() || !pythonHasTorch()) {
                System.out.println("PyTorch: skipped (" + PYTHON + " has no torch module; on Debian: apt-get install"
                        + " -y python3-torch, plus libopenblas0-pthread so that torch's matrix products do not fall"
                        + " back to the reference BLAS)");
                return null;
            }
            Path dataFile = null;
            Path script = null;
            try (InputStream res = RbmBench.class.getResourceAsStream("/bench/rbm_torch.py")) {
                if (res == null) {
                    System.out.println("PyTorch: skipped (bench/rbm_torch.py is not on the class path)");
                    return null;
                }
                script = Files.createTempFile("rbm_torch", ".py");
                Files.write(script, res.readAllBytes());
                dataFile = Files.createTempFile("rbm-bench-", ".f32");
                writeFloats(data, dataFile);
                ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), dataFile.toString(),
                        String.valueOf(data.rows()), String.valueOf(NV), String.valueOf(NH), String.valueOf(BATCH), "0",
                        "2").redirectErrorStream(true);
                pb.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
                String core = NativeConfig.recommendedOpenBlasCoreType();
                if (core != null) {
                    pb.environment().putIfAbsent("OPENBLAS_CORETYPE", core);
                }
                Process p = pb.start();
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8));
                Map<String, String> kv = new LinkedHashMap<>();
                String line;
                while ((line = r.readLine()) != null && !line.equals("ready")) {
                    String[] f = line.trim().split(" ", 2);
                    kv.put(f[0], f.length > 1 ? f[1] : "");
                }
                if (line == null) {
                    System.out.println("PyTorch: failed to start: " + kv);
                    p.destroyForcibly();
                    deleteQuietly(dataFile);
                    deleteQuietly(script);
                    return null;
                }
                String info = String.format(Locale.ROOT, "%s CPU (%s threads, BLAS %s; env OMP_WAIT_POLICY=%s"
                        + " OPENBLAS_CORETYPE=%s)", kv.get("torch"), kv.get("threads"), kv.get("blas"),
                        pb.environment().get("OMP_WAIT_POLICY"), pb.environment().get("OPENBLAS_CORETYPE"));
                return new TorchServer(p, r, dataFile, script, info);
            } catch (IOException e) {
                System.out.println("PyTorch: failed (" + e.getMessage() + ")");
                deleteQuietly(dataFile);
                deleteQuietly(script);
                return null;
            }
        }

        /** Runs one epoch in the PyTorch process and returns its seconds. */
        double epoch() {
            try {
                in.write("epoch\n");
                in.flush();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("epoch_seconds ")) {
                        return Double.parseDouble(line.substring(14).trim());
                    }
                }
            } catch (IOException e) {
                System.out.println("PyTorch: epoch failed (" + e.getMessage() + ")");
            }
            return Double.NaN;
        }

        @Override
        public void close() {
            try {
                in.write("quit\n");
                in.flush();
                in.close();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            } finally {
                deleteQuietly(dataFile);
                deleteQuietly(script);
            }
        }
    }

    static boolean pythonHasTorch() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void writeFloats(INDArray data, Path file) throws IOException {
        float[] f = data.dup('c').reshape(data.length()).toFloatVector();
        ByteBuffer buf = ByteBuffer.allocate(4 * f.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(f);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    // ---------------------------------------------------------------- the ladder: what each step bought

    /** One rung: a variant of the CD step and the environment it runs in. */
    record Rung(String label, String variant, Map<String, String> env, boolean avx512Build) {}

    static void ladder() {
        String core = NativeConfig.recommendedOpenBlasCoreType();
        Map<String, String> none = Map.of();
        Map<String, String> passive = Map.of("OMP_WAIT_POLICY", "PASSIVE");
        Map<String, String> both = core == null ? passive : Map.of("OMP_WAIT_POLICY", "PASSIVE", "OPENBLAS_CORETYPE",
                core);
        Path avx512 = avx512Jar();
        List<Rung> rungs = new ArrayList<>(List.of(
                new Rung("idiomatic ND4J (mmul, allocating), default env", "naive", none, false),
                new Rung("+ OMP_WAIT_POLICY=PASSIVE", "naive", passive, false),
                new Rung("+ OPENBLAS_CORETYPE=" + core, "naive", both, false),
                new Rung("+ preallocated buffers, Nd4j.gemm, in-place ops", "prealloc", both, false),
                new Rung("+ direct cblas_sgemm on cached pointers, bias via rank-1 GEMM, momentum in beta"
                        + " (RbmTrainer.threads(1))", "library-t1", both, false),
                new Rung("+ data-parallel step: one worker per core, single-threaded BLAS (RbmTrainer default)",
                        "library", both, false),
                new Rung("library, but OMP_WAIT_POLICY unset", "library", core == null ? none
                        : Map.of("OPENBLAS_CORETYPE", core), false),
                new Rung("library, but OPENBLAS_CORETYPE unset (OpenBLAS detects the core itself)", "library",
                        passive, false)));
        if (avx512 != null) {
            rungs.add(new Rung("library + nd4j-native avx512 build", "library", both, true));
        }
        System.out.println("== ladder: ms per CD-1 step, each rung in a fresh JVM (median of blocks) ==");
        double prev = Double.NaN;
        for (Rung r : rungs) {
            double ms = childMillis(r, avx512);
            String delta = Double.isNaN(prev) || r.label.startsWith("library,") ? ""
                    : String.format(Locale.ROOT, "  (%.2fx vs previous)", prev / ms);
            System.out.printf(Locale.ROOT, "  %-78s %8.3f ms%s%n", r.label, ms, delta);
            if (!r.label.startsWith("library,")) {
                prev = ms;
            }
        }
    }

    static double childMillis(Rung r, Path avx512) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        if (r.avx512Build) {
            cmd.add("-D" + NativeConfig.PLATFORM_EXTENSION_PROPERTY + "=-avx512");
        }
        cmd.add("-cp");
        cmd.add(classPath() + (r.avx512Build ? File.pathSeparator + avx512 : ""));
        cmd.add(RbmBench.class.getName());
        cmd.add("--child");
        cmd.add(r.variant);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("OMP_WAIT_POLICY");
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OMP_NUM_THREADS");
        pb.environment().putAll(r.env);
        try {
            for (String line : runProcess(pb, 300)) {
                if (line.startsWith("RESULT ")) {
                    return Double.parseDouble(line.substring(7).trim());
                }
            }
        } catch (IOException e) {
            System.out.println("  child failed: " + e.getMessage());
        }
        return Double.NaN;
    }

    static void child(String variant) {
        INDArray data = Mnist.bundled().train().toINDArray();
        double ms;
        switch (variant) {
            case "naive" -> ms = NaiveCd.millisPerStep(data, 20, 60);
            case "prealloc" -> ms = PreallocCd.millisPerStep(data, 30, 150);
            case "library", "library-t1" -> {
                NativeConfig.apply();
                BernoulliRbm init = BernoulliRbm.random(NV, NH, 0.01, 42).initVisibleBiasFromData(data);
                INDArray d = data.get(NDArrayIndex.interval(0, 4000), NDArrayIndex.all()).dup('c');
                RbmTrainer trainer = benchTrainer(7);
                if (variant.equals("library-t1")) {
                    trainer.threads(1);
                }
                TrainingResult res = trainer.train(init, d, null);
                double[] s = res.history().doubleColumn("seconds").asDoubleArray();
                ms = 1e3 * median(Arrays.copyOfRange(s, 1, s.length)) / (4000 / BATCH);
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
        System.out.println("RESULT " + ms);
    }

    static Path avx512Jar() {
        String cp = classPath();
        for (String e : cp.split(File.pathSeparator)) {
            if (e.endsWith("-linux-x86_64-avx512.jar")) {
                return null; // already on the class path: every rung uses it when NativeConfig picks it
            }
        }
        Path p = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "nd4j", "nd4j-native",
                "1.0.0-M2.1", "nd4j-native-1.0.0-M2.1-linux-x86_64-avx512.jar");
        return Files.isRegularFile(p) ? p : null;
    }

    static String classPath() {
        List<String> parts = new ArrayList<>();
        ClassLoader cl = RbmBench.class.getClassLoader();
        while (cl != null) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        parts.add(Path.of(url.toURI()).toString());
                    } catch (Exception e) {
                        parts.add(url.getPath());
                    }
                }
            }
            cl = cl.getParent();
        }
        String javaCp = System.getProperty("java.class.path", "");
        if (parts.isEmpty() || !javaCp.contains("plexus-classworlds")) {
            parts.addAll(Arrays.asList(javaCp.split(File.pathSeparator)));
        }
        return String.join(File.pathSeparator, parts);
    }

    // ---------------------------------------------------------------- helpers

    static List<String> runProcess(ProcessBuilder pb, int timeoutSeconds) throws IOException {
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out after " + timeoutSeconds + " s: " + pb.command());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return lines;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover temporary file is harmless.
        }
    }

    static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
