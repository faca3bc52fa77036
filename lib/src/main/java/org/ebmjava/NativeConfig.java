package org.ebmjava;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native configuration for fast CPU numerics: call {@link #apply()} once, ideally before any other ND4J
 * use (the RBM trainer and AIS call it too; later calls do nothing).
 *
 * <p>What it does (measured with {@code RbmBench} on a 2-core AVX-512 machine):
 * <ol>
 *   <li>Before ND4J loads, it picks ND4J's native build for the CPU: if the CPU has AVX-512 (or AVX2) and the
 *       matching {@code nd4j-native} classifier jar ({@code linux-x86_64-avx512}, {@code linux-x86_64-avx2}) is on
 *       the class path, it sets {@code org.bytedeco.javacpp.platform.extension} so that build is loaded instead of
 *       the generic one. The course does not ship those jars (88 MB each): for the RBM they did not help (the
 *       sigmoid, ND4J's costliest element-wise op here, ran at the same speed; the matrix products are OpenBLAS
 *       either way). Without the jar, or when ND4J is already loaded, nothing changes.</li>
 *   <li>It sets ND4J's OpenMP threads and OpenBLAS's threads to the number of cores available to the JVM
 *       (the RBM trainer instead runs one worker per core and sets both to 1 while it trains).</li>
 * </ol>
 *
 * <p>Two settings cannot be made from Java because the native libraries read them from the process
 * environment when they load: {@code OMP_WAIT_POLICY=PASSIVE} (ND4J's OpenMP threads otherwise spin and starve
 * OpenBLAS's threads: idiomatic ND4J code ran 1.7x slower without it) and {@code OPENBLAS_CORETYPE} (OpenBLAS
 * 0.3.19 predates recent CPUs; on the AMD Zen machine measured here it fell back to its "Zen" AVX2 kernels, about
 * as fast as the SkylakeX AVX-512 ones, but other CPUs are reported to get pre-AVX kernels). The course's kernel
 * launcher and {@code ./course bench} export both; {@link #warnings()} says when they are missing and
 * {@link #describe()} prints the whole configuration.
 */
public final class NativeConfig {
    /** The javacpp system property that selects a native build variant. */
    public static final String PLATFORM_EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private static boolean applied;
    private static String chosenExtension = "";
    private static boolean extensionTooLate;

    private NativeConfig() {}

    /**
     * Applies the configuration once; idempotent and safe to call before any ND4J use.
     *
     * @return True if this call applied it, false if an earlier call had.
     */
    public static synchronized boolean apply() {
        if (applied) {
            return false;
        }
        applied = true;
        chooseNativeBuild();
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        Nd4j.getEnvironment().setMaxThreads(cores);
        Nd4j.getEnvironment().setMaxMasterThreads(cores);
        Nd4j.factory().blas().setMaxThreads(cores);
        return true;
    }

    /**
     * Returns whether {@link #apply()} has run.
     *
     * @return True after the first call.
     */
    public static synchronized boolean isApplied() {
        return applied;
    }

    private static void chooseNativeBuild() {
        String current = System.getProperty(PLATFORM_EXTENSION_PROPERTY);
        if (current != null) {
            chosenExtension = current;
            return;
        }
        if (nd4jLoaded()) {
            extensionTooLate = true;
            return;
        }
        String flags = cpuFlags();
        String platform = Loader.getPlatform();
        for (String ext : nativeBuildsFor(flags)) {
            String resource = "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + ext + "/";
            if (NativeConfig.class.getClassLoader().getResource(resource) != null
                    || NativeConfig.class.getClassLoader().getResource("META-INF/native-image/" + platform + ext
                            + "/") != null) {
                System.setProperty(PLATFORM_EXTENSION_PROPERTY, ext);
                chosenExtension = ext;
                return;
            }
        }
    }

    /**
     * Returns the nd4j-native build variants (javacpp platform extensions) this CPU can run, fastest first.
     *
     * @param flags The CPU flags as in /proc/cpuinfo.
     * @return E.g. ["-avx512", "-avx2"] for an AVX-512 CPU; empty for a CPU without AVX2 and FMA.
     */
    public static List<String> nativeBuildsFor(String flags) {
        List<String> out = new ArrayList<>();
        List<String> f = List.of(flags.toLowerCase(Locale.ROOT).split("\\s+"));
        if (f.contains("avx512f") && f.contains("avx512bw") && f.contains("avx512vl") && f.contains("avx512dq")) {
            out.add("-avx512");
        }
        if (f.contains("avx2") && f.contains("fma")) {
            out.add("-avx2");
        }
        return out;
    }

    private static boolean nd4jLoaded() {
        Map<String, String> libs = Loader.getLoadedLibraries();
        return libs.containsKey("jnind4jcpu") || libs.containsKey("nd4jcpu");
    }

    /**
     * Returns the CPU flags line of /proc/cpuinfo (empty where there is none).
     *
     * @return The flags separated by spaces, or "".
     */
    public static String cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "" : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    /**
     * Returns the {@code OPENBLAS_CORETYPE} this CPU should use, from its flags.
     *
     * @return "SkylakeX" (AVX-512), "Haswell" (AVX2 + FMA), or null when neither applies.
     */
    public static String recommendedOpenBlasCoreType() {
        List<String> ext = nativeBuildsFor(cpuFlags());
        if (ext.contains("-avx512")) {
            return "SkylakeX";
        }
        if (ext.contains("-avx2")) {
            return "Haswell";
        }
        return null;
    }

    /**
     * Lists what is missing from the process environment for full speed.
     *
     * @return Human-readable warnings; empty when OMP_WAIT_POLICY and OPENBLAS_CORETYPE are set as recommended.
     */
    public static List<String> warnings() {
        List<String> out = new ArrayList<>();
        String wait = System.getenv("OMP_WAIT_POLICY");
        String threads = System.getenv("OMP_NUM_THREADS");
        if (!"PASSIVE".equalsIgnoreCase(wait) && !"1".equals(threads)) {
            out.add("OMP_WAIT_POLICY is " + (wait == null ? "unset" : wait) + ": ND4J's OpenMP threads spin-wait and"
                    + " slow OpenBLAS down (about 3x on 2 cores); export OMP_WAIT_POLICY=PASSIVE before starting Java");
        }
        String core = System.getenv("OPENBLAS_CORETYPE");
        String want = recommendedOpenBlasCoreType();
        if (want != null && core == null) {
            out.add("OPENBLAS_CORETYPE is unset: OpenBLAS 0.3.19 may misdetect this CPU and use slow kernels; export"
                    + " OPENBLAS_CORETYPE=" + want + " before starting Java");
        }
        if (extensionTooLate) {
            out.add("ND4J was loaded before NativeConfig.apply(), so its generic native build is in use; call"
                    + " NativeConfig.apply() first");
        }
        return out;
    }

    /**
     * Describes the native configuration: environment, CPU, ND4J build and threads.
     *
     * @return Several lines of text, ending with any warnings.
     */
    public static String describe() {
        StringBuilder s = new StringBuilder();
        s.append("OMP_WAIT_POLICY=").append(env("OMP_WAIT_POLICY")).append(", OMP_NUM_THREADS=")
                .append(env("OMP_NUM_THREADS")).append(", OPENBLAS_CORETYPE=").append(env("OPENBLAS_CORETYPE"))
                .append(", OPENBLAS_NUM_THREADS=").append(env("OPENBLAS_NUM_THREADS")).append('\n');
        String want = recommendedOpenBlasCoreType();
        s.append("CPU: ").append(Runtime.getRuntime().availableProcessors()).append(" cores available, ")
                .append(want == null ? "no AVX2/AVX-512" : want.equals("SkylakeX") ? "AVX-512" : "AVX2")
                .append(", recommended OPENBLAS_CORETYPE=").append(want).append('\n');
        s.append("ND4J native build: ").append(Loader.getPlatform())
                .append(chosenExtension.isEmpty() ? " (generic)" : chosenExtension)
                .append(applied ? "" : " (NativeConfig.apply() not called yet)").append('\n');
        if (nd4jLoaded() || applied) {
            s.append("threads: ND4J OpenMP ").append(Nd4j.getEnvironment().maxThreads()).append(", OpenBLAS ")
                    .append(Nd4j.factory().blas().getMaxThreads()).append('\n');
        }
        for (String w : warnings()) {
            s.append("warning: ").append(w).append('\n');
        }
        return s.toString();
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "(unset)" : v;
    }
}
