package org.ebmjava.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jshell.JShell;

/**
 * {@code ./course bench grade [--students N] [--notebooks 1,2,...] [--jobs N]}: grades a generated class (every
 * exercise solved with the reference solution, the most work per submission) through the real sandbox and prints
 * submissions per minute, the wall time per submission, and the overhead against running the same checks
 * in-process on the same solutions (JShell in this JVM, as the notebook's check cells do), measured in the same run.
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
        int jobs = Runtime.getRuntime().availableProcessors();
        List<Integer> notebooks = new ArrayList<>(GradedClassIT.notebooksWithExercises());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--students" -> students = Integer.parseInt(args[++i]);
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--notebooks" -> {
                    notebooks.clear();
                    for (String s : args[++i].split(",")) {
                        notebooks.add(Integer.parseInt(s.strip()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--students N, --notebooks 1,2,..., --jobs N)");
            }
        }
        Map<String, String> refs = ClassMaker.references();
        Path dir = Files.createTempDirectory("ebm-grade-bench-");
        try {
            Path cls = dir.resolve("class");
            for (int n : notebooks) {
                String text = ClassMaker.withBodies(n, refs);
                for (int s = 0; s < students; s++) {
                    ClassMaker.write(cls.resolve(String.format("student%03d", s)).resolve(ClassMaker.fileName(n)),
                            text);
                }
            }
            int subs = students * notebooks.size();
            System.out.printf(Locale.ROOT, "grade bench: %d students x notebooks %s = %d submissions, %d jobs, "
                    + "%d cores%n", students, notebooks, subs, jobs, Runtime.getRuntime().availableProcessors());

            Map<Integer, Double> inProcess = new LinkedHashMap<>();
            for (int n : notebooks) {
                inProcess.put(n, inProcessSeconds(n, refs));
            }
            double cpu0 = cpuSeconds();
            long t0 = System.nanoTime();
            int code = Grader.run(new String[] {cls.toString(), "--out", dir.resolve("grades").toString(),
                "--course", ClassMaker.ROOT.toString(), "--jobs", Integer.toString(jobs)}, System.out, System.err);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds() - cpu0;
            if (code != 0) {
                throw new IllegalStateException("the grader exited with " + code);
            }
            List<Row> rows = Gradebook.read(dir.resolve("grades/gradebook.csv")).rows();
            long notOk = rows.stream().filter(r -> !r.status().equals("ok")).count();
            System.out.printf(Locale.ROOT, "graded %d submissions in %.1f s: %.1f submissions per minute (%d rows, "
                    + "%d not ok)%n", subs, wall, subs * 60 / wall, rows.size(), notOk);
            for (int n : notebooks) {
                String fn = ClassMaker.fileName(n);
                double perSub = rows.stream().filter(r -> r.notebook().equals(fn)).mapToDouble(Row::seconds).sum()
                        / students;
                double ip = inProcess.get(n);
                System.out.printf(Locale.ROOT, "  notebook %02d: %.2f s per submission in the sandbox vs %.3f s "
                        + "in-process: overhead %.2f s (x%.1f); 200 students at %d jobs: ~%.1f min%n", n, perSub, ip,
                        perSub - ip, perSub / Math.max(ip, 1e-3), jobs, 200 * perSub / jobs / 60);
            }
            System.out.printf(Locale.ROOT, "CPU time (grader + every sandboxed process): %.2f s per submission, so on "
                    + "%d otherwise idle cores a 200-student class of one notebook needs about %.1f min%n", cpu / subs,
                    Runtime.getRuntime().availableProcessors(), 200 * cpu / subs / Runtime.getRuntime()
                    .availableProcessors() / 60);
            System.out.printf(Locale.ROOT, "whole run: %.2f s wall per submission per job; a 200-student class of one"
                    + " notebook at this rate: %.1f min (target: under 5 min on 2 cores)%n", wall * jobs / subs,
                    200 * wall / subs / 60);
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

    /** Set by the timed snippet. */
    public static volatile double last;
}
