package org.ebmjava.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jshell.JShell;

/**
 * {@code ./course bench grade [--students N] [--notebooks 1,2,...] [--jobs N] [--jshell]}: grades a generated class
 * (every exercise solved with the reference solution, the most work per submission) through the real sandbox, one
 * grading run per notebook, and prints for each the wall time, submissions per minute, the CPU time per submission
 * (the grader's JVM plus every sandboxed process) against running the same checks in-process on the same solutions
 * (JShell in this JVM, as the notebook's check cells do), and what a 200-student class needs; the load average is
 * printed with each line, since wall times on a shared machine mean little without it. {@code --jshell} grades with
 * the JShell evaluator only (the fallback path), to compare the two in the same conditions.
 */
public final class GradeBench {
    private GradeBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args Options.
     * @throws Exception If the class cannot be generated or graded.
     */
    public static void main(String[] args) throws Exception {
        int students = 100;
        boolean jshell = false;
        int jobs = Runtime.getRuntime().availableProcessors();
        List<Integer> notebooks = new ArrayList<>(GradedClassIT.notebooksWithExercises());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--students" -> students = Integer.parseInt(args[++i]);
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--jshell" -> jshell = true;
                case "--notebooks" -> {
                    notebooks.clear();
                    for (String s : args[++i].split(",")) {
                        notebooks.add(Integer.parseInt(s.strip()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--students N, --notebooks 1,2,..., --jobs N, --jshell)");
            }
        }
        Map<String, String> refs = ClassMaker.references();
        Path dir = Files.createTempDirectory("ebm-grade-bench-");
        try {
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "grade bench: %d students x notebooks %s, %d jobs, %d cores, evaluator: %s;"
                    + " load average %s%n", students, notebooks, jobs, cores, jshell ? "JShell" : "compiled cells",
                    loadAverage());
            if (jshell) {
                System.setProperty("ebm.grader.jshell", "true");
            }
            double worst = 0;
            int worstNotebook = 0;
            double cpuAll = 0;
            double wallAll = 0;
            for (int n : notebooks) {
                // One grading run per notebook, as an instructor grades one assignment: its own wall and CPU time.
                Path cls = dir.resolve("class" + n);
                String text = ClassMaker.withBodies(n, refs);
                for (int s = 0; s < students; s++) {
                    ClassMaker.write(cls.resolve(String.format("student%03d", s)).resolve(ClassMaker.fileName(n)),
                            text);
                }
                double ip = inProcessSeconds(n, refs);
                double cpu0 = cpuSeconds();
                long t0 = System.nanoTime();
                Path out = dir.resolve("grades" + n);
                int code = Grader.run(new String[] {cls.toString(), "--out", out.toString(), "--course",
                    ClassMaker.ROOT.toString(), "--jobs", Integer.toString(jobs)}, System.out, System.err);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = cpuSeconds() - cpu0;
                if (code != 0) {
                    throw new IllegalStateException("the grader exited with " + code);
                }
                List<Row> rows = Gradebook.read(out.resolve("gradebook.csv")).rows();
                long notOk = rows.stream().filter(r -> !r.status().equals("ok")).count();
                double cpuMin = 200 * cpu / students / cores / 60;
                System.out.printf(Locale.ROOT, "  notebook %02d: %d submissions in %.1f s wall (%.1f per minute; %d "
                        + "rows, %d not ok); CPU %.2f s per submission (checks in-process: %.3f s); 200 students: "
                        + "%.1f min of CPU on %d idle cores, %.1f min at this run's wall rate; load average %s%n", n,
                        students, wall, students * 60 / wall, rows.size(), notOk, cpu / students, ip, cpuMin, cores,
                        200 * wall / students / 60, loadAverage());
                if (cpuMin > worst) {
                    worst = cpuMin;
                    worstNotebook = n;
                }
                cpuAll += cpu;
                wallAll += wall;
            }
            int subs = students * notebooks.size();
            System.out.printf(Locale.ROOT, "all: %d submissions in %.1f s wall, CPU (grader + every sandboxed process) "
                    + "%.2f s per submission; slowest notebook %02d: a 200-student class needs about %.1f min on %d "
                    + "otherwise idle cores (target: under 5 min on 2 cores)%n", subs, wallAll, cpuAll / subs,
                    worstNotebook, worst, cores);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Seconds to run one notebook's checks in this JVM on the reference cells (warm: best of 3). */
    static double inProcessSeconds(int notebook, Map<String, String> refs) throws IOException {
        CourseCopy.CourseNotebook cn = CourseCopy.load(ClassMaker.ROOT.resolve("notebooks")).notebook(notebook);
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String imp : cn.imports()) {
                shell.eval(imp);
            }
            StringBuilder run = new StringBuilder("{ long t0 = System.nanoTime();");
            for (CourseCopy.CourseExercise ce : cn.exercises()) {
                String id = ce.exercise().id();
                String cell = ce.stub().replace("    // YOUR CODE HERE\n    throw new UnsupportedOperationException("
                        + "\"exercise " + id + "\");", String.join("\n", refs.get(id).lines().map(l -> "    " + l)
                        .toList()));
                shell.eval(cell);
                run.append("org.ebmjava.exercises.check.CheckRunner.run(\"").append(id).append("\", ")
                        .append(ce.binding()).append(");");
            }
            run.append("org.ebmjava.grader.GradeBench.last = (System.nanoTime() - t0) / 1e9; }");
            double best = Double.MAX_VALUE;
            for (int k = 0; k < 3; k++) {
                shell.eval(run.toString());
                best = Math.min(best, last);
            }
            return best;
        }
    }

    /**
     * CPU seconds of this JVM and its reaped children (Linux /proc/self/stat, clock ticks of 1/100 s), plus the
     * sandboxed processes as measured just before the grader stopped each.
     */
    static double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14-17 of stat (utime, stime, cutime, cstime) are 12-15 after the command name
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks / 100.0 + Session.CPU_NANOS.sum() / 1e9;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }


    /** Set by the timed snippet. */
    public static volatile double last;
}
