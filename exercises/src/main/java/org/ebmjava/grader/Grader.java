package org.ebmjava.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code ./course grade}: marks a class of submitted notebooks and writes {@code gradebook.csv} and per-student
 * feedback; {@code ./course grade merge} combines shard gradebooks. See the package documentation.
 */
public final class Grader {
    static final String USAGE = """
            usage: ./course grade SUBMISSIONS [--out DIR] [--jobs N] [--timeout SECONDS] [--shard I/N] [--regrade]
                                  [--unsandboxed] [--check-timeout SECONDS] [--heap MB]
                   ./course grade merge GRADEBOOK_OR_DIR... [--out DIR]
              SUBMISSIONS   nbgrader's submitted/<student>/<assignment>/<notebook>.ipynb (give the course folder or
                            its submitted/ folder), or a flat folder of <student>/<notebook>.ipynb
              --out DIR     where gradebook.csv and feedback/ go (default: grades)
              --jobs N      submissions graded at once (default: the number of cores)
              --timeout S   wall-clock limit per submitted notebook (default 180)
              --check-timeout S  limit per check, as in the notebook (default 20)
              --shard I/N   grade only the students whose id hashes to shard I of N (1 <= I <= N)
              --regrade     grade again submissions the gradebook already has (default: resume)
              --unsandboxed grade without bubblewrap where it cannot run (recorded in the gradebook)
            """;

    private Grader() {}

    /**
     * Entry point.
     *
     * @param args Command-line arguments.
     */
    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("grade: error: " + e.getMessage());
            code = 2;
        } catch (IOException e) {
            System.err.println("grade: error: " + e);
            code = 2;
        }
        System.exit(code);
    }

    /** Options of a grading run. */
    static final class Options {
        Path submissions;
        Path out = Path.of("grades");
        Path course = Path.of(System.getProperty("ebm.course.root", "."));
        int jobs = Runtime.getRuntime().availableProcessors();
        int timeout = 180;
        int checkTimeout = 20;
        int heapMb = 384;
        int shard = 1;
        int shards = 1;
        boolean regrade;
        boolean unsandboxed;
        List<Path> merge;
    }

    static Options parse(String[] args) {
        Options o = new Options();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> o.out = Path.of(value(args, ++i, a));
                case "--course" -> o.course = Path.of(value(args, ++i, a));
                case "--jobs" -> o.jobs = positive(value(args, ++i, a), a);
                case "--timeout" -> o.timeout = positive(value(args, ++i, a), a);
                case "--check-timeout" -> o.checkTimeout = positive(value(args, ++i, a), a);
                case "--heap" -> o.heapMb = positive(value(args, ++i, a), a);
                case "--regrade" -> o.regrade = true;
                case "--unsandboxed" -> o.unsandboxed = true;
                case "--shard" -> {
                    String v = value(args, ++i, a);
                    String[] p = v.split("/");
                    if (p.length != 2) {
                        throw new IllegalArgumentException("--shard expects I/N such as 2/4, found '" + v + "'");
                    }
                    o.shard = positive(p[0], a);
                    o.shards = positive(p[1], a);
                    if (o.shard > o.shards) {
                        throw new IllegalArgumentException("--shard " + v + ": I must be between 1 and N");
                    }
                }
                case "-h", "--help" -> throw new IllegalArgumentException("\n" + USAGE);
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
                    }
                    positional.add(a);
                }
            }
        }
        if (!positional.isEmpty() && positional.get(0).equals("merge")) {
            o.merge = positional.subList(1, positional.size()).stream().map(Path::of).toList();
            if (o.merge.isEmpty()) {
                throw new IllegalArgumentException("merge needs at least one gradebook or folder\n" + USAGE);
            }
            return o;
        }
        if (positional.size() != 1) {
            throw new IllegalArgumentException("expected one SUBMISSIONS folder, found " + positional + "\n" + USAGE);
        }
        o.submissions = Path.of(positional.get(0));
        return o;
    }

    private static String value(String[] args, int i, String opt) {
        if (i >= args.length) {
            throw new IllegalArgumentException(opt + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String opt) {
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " expects a positive whole number, found '" + v + "'");
        }
    }

    /**
     * Runs a grading or merge command without exiting the JVM.
     *
     * @param args The command-line arguments.
     * @param out Where the summary goes.
     * @param err Where progress, warnings and errors go.
     * @return The exit code: 0 done, 1 some submission could not be recorded, 2 refused.
     * @throws IOException If the gradebook or course cannot be read or written.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Options o = parse(args);
        if (o.merge != null) {
            return merge(o, out);
        }
        return grade(o, out, err);
    }

    private static int merge(Options o, PrintStream out) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : o.merge) {
            Path f = Files.isDirectory(p) ? p.resolve("gradebook.csv") : p;
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("no gradebook at " + f);
            }
            files.add(f);
        }
        Gradebook merged = Gradebook.merge(files);
        Path target = o.out.resolve("gradebook.csv");
        merged.write(target);
        out.println("merged " + files.size() + " gradebooks: " + merged.rows().size() + " rows -> " + target);
        return 0;
    }

    /** Which shard (0-based) a student falls in: SHA-256 of the id, stable across machines and runs. */
    static int shardOf(String student, int shards) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(student.getBytes(StandardCharsets.UTF_8));
            long v = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
            return (int) (v % shards);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds the submissions, in either layout. */
    static List<Marker.Submission> discover(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("SUBMISSIONS folder " + root + " does not exist");
        }
        if (Files.isDirectory(root.resolve("submitted"))) {
            root = root.resolve("submitted");
        }
        Path real = root.toRealPath();
        List<Marker.Submission> subs = new ArrayList<>();
        for (Path student : list(root)) {
            String id = student.getFileName().toString();
            if (!Files.isDirectory(student)) {
                continue;
            }
            if (Files.isSymbolicLink(student) || !student.toRealPath().startsWith(real)) {
                subs.add(new Marker.Submission(id, "-", student.resolve("-"), "the student folder is a symbolic link"
                        + " to " + student.toRealPath() + ", outside the submissions"));
                continue;
            }
            for (Path p : list(student)) {
                String name = p.getFileName().toString();
                if (name.endsWith(".ipynb")) {
                    subs.add(new Marker.Submission(id, "-", p, null));
                } else if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
                    for (Path q : list(p)) {
                        if (q.getFileName().toString().endsWith(".ipynb")) {
                            subs.add(new Marker.Submission(id, name, q, null));
                        }
                    }
                }
            }
        }
        return subs;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static int grade(Options o, PrintStream out, PrintStream err) throws IOException {
        Path root = o.course.toAbsolutePath().normalize();
        Path cp = root.resolve("exercises/target/course-classpath");
        if (!Files.isDirectory(cp)) {
            throw new IllegalArgumentException("the course is not built: " + cp + " is missing (run ./course setup)");
        }
        CourseCopy course = CourseCopy.load(root.resolve("notebooks"));
        List<Marker.Submission> all = discover(o.submissions);
        List<Marker.Submission> mine = all.stream()
                .filter(s -> shardOf(s.student(), o.shards) == o.shard - 1).toList();
        Sandbox sandbox;
        if (o.unsandboxed) {
            sandbox = Sandbox.unsandboxed(cp);
            err.println("grade: warning: --unsandboxed: student code runs WITHOUT isolation (only time, CPU, heap, "
                    + "process and file-size caps); the gradebook's sandbox column records this");
        } else {
            sandbox = Sandbox.bubblewrap(cp);
            String problem = sandbox.probe();
            if (problem != null) {
                err.println("grade: error: the sandbox (bubblewrap) cannot run here: " + problem + "\n"
                        + "  Student code is untrusted; the grader will not run it without isolation. Install "
                        + "bubblewrap (Debian: apt-get install bubblewrap) on a machine or container that may create "
                        + "user namespaces, or pass --unsandboxed to grade without isolation (recorded in the "
                        + "gradebook).");
                return 2;
            }
        }
        Path bookFile = o.out.resolve("gradebook.csv");
        Gradebook book = Files.exists(bookFile) ? Gradebook.read(bookFile) : new Gradebook();
        Feedback feedback = new Feedback(o.out);
        Marker marker = new Marker(course, sandbox, new Marker.Settings(Duration.ofSeconds(o.timeout),
                Duration.ofSeconds(o.checkTimeout), limits(o), 1L << 20));
        List<Marker.Submission> todo = new ArrayList<>();

        int resumed = 0;
        for (Marker.Submission s : mine) {
            if (!o.regrade && book.has(s.student(), s.assignment(), s.notebookName())) {
                resumed++;
            } else {
                todo.add(s);
            }
        }
        out.printf(Locale.ROOT, "grading %d submitted notebooks of %d students (shard %d/%d; %d already in %s%s), "
                + "%d at a time, sandbox: %s%n", todo.size(), mine.stream().map(Marker.Submission::student).distinct()
                .count(), o.shard, o.shards, resumed, bookFile, o.regrade ? ", regrading" : "", o.jobs,
                sandbox.describe());
        marker.trainArchiveLazily(todo.size() >= 8 && !Boolean.getBoolean("ebm.grader.noArchive"));
        long t0 = System.nanoTime();
        Progress progress = new Progress(todo.size(), err);
        ExecutorService pool = Executors.newFixedThreadPool(o.jobs);
        List<Future<?>> futures = new ArrayList<>();
        for (Marker.Submission s : todo) {
            futures.add(pool.submit(() -> {
                progress.started();
                Marker.Result r = marker.grade(s);
                synchronized (book) {
                    book.put(r.rows());
                    try {
                        book.write(bookFile);
                        feedback.write(s, r.rows(), r.reports());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                progress.finished();
                return null;
            }));
        }
        pool.shutdown();
        int errors = 0;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                errors++;
                err.println("grade: error: " + e.getCause());
            }
        }
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.done();
        sandbox.close();
        if (marker.archiveNote() != null) {
            err.println("grade: " + marker.archiveNote());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> statuses = new TreeMap<>();
        List<Row> rows = book.rows();
        for (Row r : rows) {
            statuses.merge(r.status(), 1, Integer::sum);
        }
        out.printf(Locale.ROOT, "graded %d submissions in %.1f s (%.1f per minute); gradebook: %d submissions, %d "
                + "exercise rows; statuses: %s -> %s%n", todo.size(), secs, secs > 0 ? todo.size() * 60 / secs : 0,
                rows.stream().map(Row::submissionKey).distinct().count(), rows.size(), statuses, bookFile);
        return errors == 0 ? 0 : 1;
    }

    static Sandbox.Limits limits(Options o) {
        Sandbox.Limits d = Sandbox.Limits.defaults(o.timeout);
        return new Sandbox.Limits(o.heapMb, d.cpuSeconds(), d.processes(), d.fileBytes(), d.tmpfsBytes());
    }

    /** A progress bar on a terminal; a line per tenth of the work otherwise. */
    static final class Progress {
        private final int total;
        private final PrintStream err;
        private final boolean tty = System.console() != null;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private final long t0 = System.nanoTime();
        private int lastTenth;

        Progress(int total, PrintStream err) {
            this.total = total;
            this.err = err;
        }

        void started() {
            running.incrementAndGet();
        }

        synchronized void finished() {
            running.decrementAndGet();
            int d = done.incrementAndGet();
            double secs = (System.nanoTime() - t0) / 1e9;
            String eta = d == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", secs / d * (total - d));
            if (tty) {
                int width = 30;
                int fill = total == 0 ? width : width * d / total;
                err.printf(Locale.ROOT, "\r[%s%s] %d/%d submissions, %d running, %.0f s, eta %s   ",
                        "#".repeat(fill), ".".repeat(width - fill), d, total, running.get(), secs, eta);
            } else if (total > 0 && 10 * d / total > lastTenth) {
                lastTenth = 10 * d / total;
                err.printf(Locale.ROOT, "grade: %d/%d submissions (%.0f s, eta %s)%n", d, total, secs, eta);
            }
        }

        void done() {
            if (tty && total > 0) {
                err.println();
            }
        }
    }
}
