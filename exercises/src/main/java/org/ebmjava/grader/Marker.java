package org.ebmjava.grader;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebmjava.exercises.Exercise;
import org.ebmjava.exercises.check.CheckReport;
import org.ebmjava.exercises.check.CheckResult;
import org.ebmjava.exercises.check.CheckRunner;

/**
 * Grades one submitted notebook: takes its solution cells, evaluates them in a sandboxed process, runs each
 * exercise's checks in this (trusted) process against a {@link RemoteSolution}, and turns the outcome into
 * gradebook rows and feedback. Never throws: every problem becomes a row's status and message.
 */
final class Marker {
    /** Grading settings. */
    record Settings(Duration submissionTimeout, Duration checkTimeout, Sandbox.Limits limits, long outputCap,
            boolean compiled) {
        Settings(Duration submissionTimeout, Duration checkTimeout, Sandbox.Limits limits, long outputCap) {
            this(submissionTimeout, checkTimeout, limits, outputCap, !Boolean.getBoolean("ebm.grader.jshell"));
        }
    }

    /** One submission: who, which assignment, which file. */
    record Submission(String student, String assignment, Path file, String problem) {
        String notebookName() {
            return file.getFileName().toString();
        }
    }

    /** The rows of one submission and the feedback tables for it. */
    record Result(List<Row> rows, List<CheckReport> reports) {}

    private final CourseCopy course;
    private final Sandbox sandbox;
    private final Settings settings;

    Marker(CourseCopy course, Sandbox sandbox, Settings settings) {
        this.course = course;
        this.sandbox = sandbox;
        this.settings = settings;
    }

    /** An attempted exercise while it is being graded. */
    private static final class Attempt {
        final CourseCopy.CourseExercise ce;
        final String source;
        final int slot;
        String evalProblem;          // compile error or exception when the cell ran
        Session.Gone gone;           // the process ended while this cell or its checks ran
        boolean evaluated;
        String note = "";

        Attempt(CourseCopy.CourseExercise ce, String source, int slot) {
            this.ce = ce;
            this.source = source;
            this.slot = slot;
        }
    }

    /**
     * Trains the class-data-sharing archive of the evaluator: one sandboxed run over the first course notebook's
     * stubs (prelude, cells, checks), whose loaded classes the JVM writes out when it exits. Best effort: without
     * an archive grading works, only slower.
     *
     * @return A line for the log.
     */
    private boolean wantArchive;
    private String archiveNote;

    /** Makes the first submission that needs a process train the class-data archive first (worth it from about
     * eight submissions on). */
    void trainArchiveLazily(boolean yes) {
        wantArchive = yes;
    }

    /** What happened to the archive, or null if none was wanted. */
    synchronized String archiveNote() {
        return archiveNote;
    }

    private synchronized void warmOnce() {
        if (wantArchive && archiveNote == null) {
            archiveNote = warmUp();
        }
    }

    String warmUp() {
        long t0 = System.nanoTime();
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ebm-grade-cds-");
            java.nio.file.Files.setPosixFilePermissions(dir,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            dir.toFile().deleteOnExit();
            CourseCopy.CourseNotebook cn = course.all().get(0);
            Session s = new Session(sandbox, settings.limits(), settings.outputCap(), dir);
            s.start();
            long deadline = System.nanoTime() + 120_000_000_000L;
            List<Attempt> stubs = new ArrayList<>();
            for (CourseCopy.CourseExercise ce : cn.exercises()) {
                stubs.add(new Attempt(ce, ce.stub(), stubs.size()));
            }
            request(s, settings.compiled() ? compile(cn, stubs) : prelude(cn), deadline);
            for (Attempt a : stubs) {
                if (!settings.compiled()) {
                    request(s, message(Protocol.EVAL, a.source), deadline);
                    request(s, bind(a), deadline);
                }
                record(s, a, deadline);
            }
            java.nio.file.Path jsa = dir.resolve("child.jsa");
            if (s.finish(60_000) && java.nio.file.Files.size(jsa) > 0) {
                jsa.toFile().deleteOnExit();
                sandbox.useArchive(jsa);
                return String.format(java.util.Locale.ROOT, "class-data archive of the evaluator made in %.1f s",
                        (System.nanoTime() - t0) / 1e9);
            }
            return "no class-data archive (the training run did not write one); grading without it";
        } catch (IOException | Session.Gone | RuntimeException e) {
            return "no class-data archive (" + e.getMessage() + "); grading without it";
        }
    }

    Result grade(Submission sub) {
        long t0 = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        List<CheckReport> reports = new ArrayList<>();
        String nbName = sub.notebookName();
        NotebookFile nb;
        try {
            if (sub.problem() != null) {
                throw new NotebookFile.Malformed(sub.problem());
            }
            nb = NotebookFile.read(sub.file());
        } catch (NotebookFile.Malformed e) {
            return malformed(sub, course.identify(nbName, List.of()), nbName + " " + e.getMessage(), t0);
        }
        Map<String, NotebookFile.Cell> cells = nb.solutionCells();
        CourseCopy.CourseNotebook cn = course.identify(nbName, cells.keySet());
        if (cells.isEmpty()) {
            return malformed(sub, cn, nbName + " has no solution cells (code cells whose nbgrader metadata has "
                    + "solution: true and a grade_id)", t0);
        }
        if (cn == null) {
            return malformed(sub, null, nbName + " matches no course notebook (by its NN_ prefix or its grade_ids "
                    + cells.keySet() + ")", t0);
        }
        List<Attempt> attempts = new ArrayList<>();
        Map<String, Row> fixed = new LinkedHashMap<>();
        int slot = 0;
        for (CourseCopy.CourseExercise ce : cn.exercises()) {
            NotebookFile.Cell c = cells.get(ce.solutionGradeId());
            Exercise e = ce.exercise();
            if (c == null) {
                fixed.put(e.id(), row(sub, e, 0, 0, "not-attempted", "no solution cell with grade_id "
                        + ce.solutionGradeId(), 0));
            } else if (normal(c.source()).equals(normal(ce.stub()))) {
                fixed.put(e.id(), row(sub, e, 0, 0, "not-attempted", "the solution cell still holds the stub", 0));
            } else {
                attempts.add(new Attempt(ce, c.source(), slot++));
            }
        }
        long deadline = t0 + settings.submissionTimeout().toNanos();
        boolean[] compiled = {settings.compiled()};
        Session session = null;
        long baseline = Long.MAX_VALUE;
        try {
            for (CourseCopy.CourseExercise ce : cn.exercises()) {
                Exercise e = ce.exercise();
                if (fixed.containsKey(e.id())) {
                    rows.add(fixed.get(e.id()));
                    reports.add(notAttemptedReport(e, fixed.get(e.id()).message()));
                    continue;
                }
                long te = System.nanoTime();
                Attempt a = attempts.stream().filter(x -> x.ce == ce).findFirst().orElseThrow();
                RemoteSolution remote;
                String note = "";
                if (System.nanoTime() > deadline) {
                    a.gone = new Session.Gone(Session.End.TIMEOUT, "did not finish within the submission's time "
                            + "limit of " + settings.submissionTimeout().toSeconds() + " s");
                }
                if (a.gone == null && a.evalProblem == null) {
                    boolean fresh = session == null || !session.alive();
                    session = ready(session, attempts, cn, deadline, compiled);
                    if (fresh && session != null) {
                        baseline = session.processes();
                    }
                }
                if (a.gone != null) {
                    remote = RemoteSolution.failing(e.spec(), "your code " + a.gone.getMessage());
                } else if (a.evalProblem != null) {
                    remote = RemoteSolution.failing(e.spec(), a.evalProblem);
                } else {
                    remote = record(session, a, deadline);
                    if (remote.gone() != null) {
                        a.gone = remote.gone();
                    }
                    note = a.note;
                }
                Object proxy = Proxy.newProxyInstance(e.spec().getClassLoader(), new Class<?>[] {e.spec()}, remote);
                Session live = session;
                CheckReport report = CheckRunner.run(e.id(), proxy, settings.checkTimeout().plusSeconds(5));
                if (remote.gone() != null) {
                    a.gone = remote.gone();
                }
                boolean leftovers = live != null && (live.processes() > baseline || !a.note.isEmpty());
                if (live != null && (a.gone != null || leftovers)) {
                    // A fresh process for the next exercise: nothing this exercise's code started (processes,
                    // threads) may slow the next one down.
                    live.close();
                    session = null;
                }
                debug(e.id() + ": " + remote.replayed() + " calls answered from the transcript, " + remote.liveCalls()
                        + " live; checks took %.2f s", te);
                reports.add(report);
                rows.add(verdict(sub, e, report, a, remote, note, (System.nanoTime() - te) / 1e9));
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
        return new Result(rows, reports);
    }

    private static void debug(String fmt, long since) {
        if (System.getenv("EBM_GRADER_DEBUG") != null) {
            System.err.printf(java.util.Locale.ROOT, "grade: debug: " + fmt + "%n", (System.nanoTime() - since) / 1e9);
        }
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /**
     * Starts a process if needed and evaluates every live cell: first all at once as one compiled class (while
     * {@code compiled[0]}), else with JShell cell by cell, restarting past a cell that killed its process.
     */
    private Session ready(Session session, List<Attempt> attempts, CourseCopy.CourseNotebook cn, long deadline,
            boolean[] compiled) {
        while (true) {
            if (session != null && session.alive()) {
                return session;
            }
            if (session != null) {
                session.close();
            }
            warmOnce();
            session = new Session(sandbox, settings.limits(), settings.outputCap());
            Attempt current = null;
            try {
                long tStart = System.nanoTime();
                session.start();
                if (compiled[0]) {
                    List<Attempt> live = attempts.stream()
                            .filter(a -> a.gone == null && !(a.evaluated && a.evalProblem != null)).toList();
                    byte status;
                    try {
                        DataInputStream r = Wire.reader(request(session, compile(cn, live), deadline));
                        status = r.readByte();
                        if (status == Protocol.OK) {
                            for (Attempt a : live) {
                                if (r.readByte() != Protocol.OK) {
                                    a.evalProblem = Wire.readString(r);
                                } else {
                                    Wire.readString(r);
                                }
                                a.evaluated = true;
                            }
                            debug("compiled " + live.size() + " cells in %.2f s since start", tStart);
                            return session;
                        }
                    } catch (Session.Gone g) {
                        if (g.end == Session.End.TIMEOUT) {
                            // The submission's time is spent: nothing is left to find the cell to blame with.
                            for (Attempt a : live) {
                                a.gone = g;
                            }
                            session.close();
                            return null;
                        }
                        status = Protocol.THREW;       // the code ended its process: JShell finds the cell
                    }
                    compiled[0] = false;
                    debug("cells not compiled as one class (" + (status == Protocol.UNCOMPILED ? "a compile error"
                            : "the code failed as it started") + "): JShell, cell by cell; %.2f s since start", tStart);
                    if (status != Protocol.UNCOMPILED) {
                        session.close();               // a fresh process: the failed start may have left state
                        session = null;
                        continue;
                    }
                }
                request(session, prelude(cn), deadline);
                debug("started and prelude in %.2f s", tStart);
                for (Attempt a : attempts) {
                    if (a.gone != null || (a.evaluated && a.evalProblem != null)) {
                        continue;
                    }
                    current = a;
                    DataInputStream r = Wire.reader(request(session, message(Protocol.EVAL, a.source), deadline));
                    byte status = r.readByte();
                    String msg = Wire.readString(r);
                    if (status == Protocol.REJECTED) {
                        a.evalProblem = "the solution cell does not compile: " + msg;
                    } else if (status == Protocol.THREW) {
                        a.evalProblem = "the solution cell threw when it ran: " + msg;
                    } else {
                        r = Wire.reader(request(session, bind(a), deadline));
                        if (r.readByte() != Protocol.OK) {
                            a.evalProblem = Wire.readString(r);
                        }
                    }
                    a.evaluated = true;
                    debug("cell " + a.ce.exercise().id() + " evaluated, %.2f s since start", tStart);
                }
                return session;
            } catch (Session.Gone g) {
                if (current == null) {
                    // The prelude itself failed: nothing can run. Blame every remaining attempt.
                    for (Attempt a : attempts) {
                        if (a.gone == null) {
                            a.gone = g;
                        }
                    }
                    session.close();
                    return null;
                }
                current.gone = g;
            } catch (IOException e) {
                for (Attempt a : attempts) {
                    if (a.gone == null) {
                        a.gone = new Session.Gone(Session.End.PROTOCOL, "could not be started: " + e.getMessage());
                    }
                }
                session.close();
                return null;
            }
        }
    }

    private static byte[] request(Session s, byte[] body, long deadline) throws Session.Gone {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        return s.request(body, left);
    }

    /** The helpers setup.jsh defines, without the notebook display: a solution cell may call them. */
    private static final String HELPERS = """
            void check(String id, Object solution) {}
            void show(Object value) {}
            void html(String html) {}
            String display(Object value, String... mime) { return ""; }
            void printf(String format, Object... args) { System.out.print(String.format(\
            java.util.Locale.ROOT, format, args)); }
            final long SEED = org.ebmjava.Ebm.DEFAULT_SEED;
            """;

    private static byte[] prelude(CourseCopy.CourseNotebook cn) {
        StringBuilder sb = new StringBuilder();
        for (String imp : cn.imports()) {
            sb.append(imp).append('\n');
        }
        sb.append(HELPERS);
        return message(Protocol.PRELUDE, sb.toString());
    }

    /** The fast path's request: the imports, the helpers, and each live cell with its exercise's binding. */
    private static byte[] compile(CourseCopy.CourseNotebook cn, List<Attempt> live) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.writeByte(Protocol.COMPILE);
            Wire.writeString(d, String.join("\n", cn.imports()));
            Wire.writeString(d, HELPERS);
            d.writeInt(live.size());
            for (Attempt a : live) {
                d.writeInt(a.slot);
                Wire.writeString(d, a.ce.exercise().spec().getName());
                Wire.writeString(d, a.ce.binding());
                Wire.writeString(d, a.source);
            }
            d.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] message(byte kind, String text) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.writeByte(kind);
            Wire.writeString(d, text);
            d.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bind(Attempt a) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.writeByte(Protocol.BIND);
            d.writeInt(a.slot);
            Wire.writeString(d, a.ce.exercise().spec().getName());
            Wire.writeString(d, a.ce.binding());
            d.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks the sandbox to run the checks against the student's object and return the calls' outcomes. */
    private RemoteSolution record(Session session, Attempt a, long deadline) {
        Exercise e = a.ce.exercise();
        RemoteSolution.Live live = req -> session.request(req, Math.max(1, Math.min(settings.checkTimeout().toMillis(),
                (deadline - System.nanoTime()) / 1_000_000)));
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.writeByte(Protocol.RECORD);
            d.writeInt(a.slot);
            Wire.writeString(d, e.spec().getName());
            Wire.writeString(d, e.id());
            d.writeLong(settings.checkTimeout().toMillis());
            d.flush();
            long tr = System.nanoTime();
            byte[] reply = request(session, b.toByteArray(), deadline);
            debug("recorded " + e.id() + " in %.2f s", tr);
            DataInputStream r = Wire.reader(reply);
            int threads = r.readInt();       // the sandbox's own count: used for a note only, never for a verdict
            int count = r.readInt();
            byte[] entries = r.readAllBytes();
            RemoteSolution remote = new RemoteSolution(e.spec(), a.slot, entries, count, live);
            if (threads > 0) {
                a.note = "note: the code left " + Math.min(threads, 999) + " thread(s) running after it returned; "
                        + "the grader stopped them with the sandboxed process";
            }
            return remote;
        } catch (Session.Gone g) {
            a.gone = g;
            RemoteSolution r = RemoteSolution.failing(e.spec(), "your code " + g.getMessage());
            return r;
        } catch (IOException ex) {
            return new RemoteSolution(e.spec(), a.slot, null, 0, live);
        }
    }

    private Row verdict(Submission sub, Exercise e, CheckReport report, Attempt a, RemoteSolution remote,
            String note, double seconds) {
        String status;
        String message;
        if (a.gone != null) {
            status = switch (a.gone.end) {
                case TIMEOUT -> "timeout";
                case OUTPUT, HEAP, SIGNAL -> "killed";
                case EXIT, PROTOCOL -> "crashed";
            };
            message = "your code " + a.gone.getMessage();
        } else if (report.allPassed()) {
            status = "ok";
            message = note;
        } else if (report.total() > 0 && report.results().stream()
                .allMatch(r -> r.status() == CheckResult.Status.NOT_IMPLEMENTED)) {
            status = "not-attempted";
            message = "the solution still throws the stub's UnsupportedOperationException";
        } else if (a.evalProblem != null) {
            status = "failed";
            message = a.evalProblem;
        } else if (remote.denied() != null) {
            status = "sandbox-denied";
            message = "the sandbox denied an operation: " + remote.denied();
        } else {
            status = "failed";
            CheckResult first = report.results().stream().filter(r -> !r.passed()).findFirst().orElseThrow();
            message = first.name() + ": " + first.message();
        }
        return row(sub, e, report.passed(), report.total(), status, message, seconds);
    }

    private Row row(Submission sub, Exercise e, int passed, int total, String status, String message,
            double seconds) {
        double points = total == 0 ? 0 : Math.round(100.0 * e.points() * passed / total) / 100.0;
        String m = message.replace('\n', ' ').replace('\r', ' ');
        if (m.length() > 500) {
            m = m.substring(0, 500) + "...";
        }
        return new Row(sub.student(), sub.assignment(), sub.notebookName(), e.id(), passed, total, points,
                e.points(), status, m, seconds, sandbox.describe());
    }

    private Result malformed(Submission sub, CourseCopy.CourseNotebook cn, String message, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        List<Row> rows = new ArrayList<>();
        List<CheckReport> reports = new ArrayList<>();
        if (cn == null) {
            rows.add(new Row(sub.student(), sub.assignment(), sub.notebookName(), "-", 0, 0, 0, 0, "malformed",
                    message, s, sandbox.describe()));
        } else {
            for (CourseCopy.CourseExercise ce : cn.exercises()) {
                rows.add(row(sub, ce.exercise(), 0, 0, "malformed", message, s));
                reports.add(new CheckReport(ce.exercise().id(), ce.exercise().title(),
                        List.of(new CheckResult("reading the notebook", CheckResult.Status.FAILED, message))));
            }
        }
        return new Result(rows, reports);
    }

    private static CheckReport notAttemptedReport(Exercise e, String why) {
        return new CheckReport(e.id(), e.title(),
                List.of(new CheckResult("solution cell", CheckResult.Status.NOT_IMPLEMENTED, why)));
    }
}
