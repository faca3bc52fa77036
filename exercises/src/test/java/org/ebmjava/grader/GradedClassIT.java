package org.ebmjava.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.ebmjava.exercises.Exercise;
import org.ebmjava.exercises.Exercises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal class through the real grader: reference solutions score full marks, stubs score zero, and on generated
 * submissions (reference, mutated and stub cells) the grader's result equals the in-notebook checks; sharding,
 * merging, resuming and the refusal without a sandbox.
 */
class GradedClassIT {
    @TempDir
    Path tmp;

    /** Mutations of a reference body, the kind of slip a learner makes (none can loop forever). */
    private static final String[][] MUTATIONS = {{" - ", " + "}, {"0.5", "0.25"}, {"Math.exp(-", "Math.exp("},
        {"1.0 / (1.0 + ", "1.0 / (2.0 + "}, {"h > 0", "h >= 0"}, {"Math.min", "Math.max"}, {"u <", "u >"},
        {"/= z", "/= 2 * z"}, {"<= 0", "< 0"}};

    static String run(Path cls, Path out, String... extra) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(cls.toString(), "--out", out.toString(), "--course",
                ClassMaker.ROOT.toString(), "--jobs", "2"));
        args.addAll(List.of(extra));
        int code = Grader.run(args.toArray(new String[0]), ps, ps);
        String log = buf.toString(StandardCharsets.UTF_8);
        System.out.println(log);
        assertEquals(0, code, log);
        return log;
    }

    static List<Integer> notebooksWithExercises() {
        return Exercises.all().stream().map(e -> Integer.parseInt(e.id().substring(0, 2))).distinct()
                .filter(n -> {
                    try {
                        ClassMaker.courseNotebook(n);
                        return true;
                    } catch (IOException | RuntimeException e) {
                        return false;
                    }
                }).toList();
    }

    @Test
    void referencesScoreFullMarksAndStubsZero() throws IOException {
        Map<String, String> refs = ClassMaker.references();
        Path cls = tmp.resolve("submitted");
        for (int n : notebooksWithExercises()) {
            String fn = ClassMaker.fileName(n);
            // nbgrader's layout: submitted/<student>/<assignment>/<notebook>.ipynb
            ClassMaker.write(cls.resolve("reference/lesson" + n).resolve(fn), ClassMaker.withBodies(n, refs));
            ClassMaker.write(cls.resolve("stub/lesson" + n).resolve(fn),
                    Files.readString(ClassMaker.courseNotebook(n)));
        }
        run(tmp, tmp.resolve("grades"));
        List<Row> rows = Gradebook.read(tmp.resolve("grades/gradebook.csv")).rows();
        int refRows = 0;
        for (Row r : rows) {
            if (r.student().equals("reference")) {
                refRows++;
                assertEquals("ok", r.status(), r.toString());
                assertEquals(r.maxPoints(), r.points(), 0.0, r.toString());
                assertEquals(r.passed(), r.total(), r.toString());
                assertTrue(r.total() >= 4, r.toString());
            } else {
                assertEquals("not-attempted", r.status(), r.toString());
                assertEquals(0.0, r.points(), 0.0, r.toString());
            }
            assertTrue(r.assignment().startsWith("lesson"), r.toString());
        }
        long exercises = Exercises.all().stream().filter(e -> notebooksWithExercises()
                .contains(Integer.parseInt(e.id().substring(0, 2)))).count();
        assertEquals(exercises, refRows);
        assertTrue(Files.readString(tmp.resolve("grades/feedback/reference.html")).contains("well done"));
    }

    @Test
    void generatedClassMatchesTheInNotebookChecks() throws Exception {
        Map<String, String> refs = ClassMaker.references();
        Random rng = new Random(11);
        Path cls = tmp.resolve("class");
        // student -> notebook -> exercise -> cell body
        Map<String, Map<Integer, Map<String, String>>> plan = new LinkedHashMap<>();
        int[][] notebooks = {{1, 2}, {3, 4}, {5, 1}, {2, 3}};
        int mutants = 0;
        for (int s = 0; s < notebooks.length; s++) {
            String student = "student" + (s + 1);
            for (int n : notebooks[s]) {
                Map<String, String> bodies = new LinkedHashMap<>();
                for (Exercise e : Exercises.ofNotebook(n)) {
                    String ref = refs.get(e.id());
                    int pick = rng.nextInt(4);
                    if (pick == 0) {
                        continue;                                  // left as the stub
                    }
                    String body = ref;
                    if (pick >= 2) {
                        List<String[]> applicable = new ArrayList<>();
                        for (String[] m : MUTATIONS) {
                            if (ref.contains(m[0])) {
                                applicable.add(m);
                            }
                        }
                        if (!applicable.isEmpty()) {
                            String[] m = applicable.get(rng.nextInt(applicable.size()));
                            body = ref.replaceFirst(java.util.regex.Pattern.quote(m[0]),
                                    java.util.regex.Matcher.quoteReplacement(m[1]));
                            mutants++;
                        }
                    }
                    bodies.put(e.id(), body);
                }
                plan.computeIfAbsent(student, k -> new LinkedHashMap<>()).put(n, bodies);
                ClassMaker.write(cls.resolve(student).resolve(ClassMaker.fileName(n)), ClassMaker.withBodies(n, bodies));
            }
        }
        assertTrue(mutants >= 5, "too few mutants: " + mutants);
        run(cls, tmp.resolve("grades"));
        Map<String, Row> rows = new HashMap<>();
        for (Row r : Gradebook.read(tmp.resolve("grades/gradebook.csv")).rows()) {
            rows.put(r.student() + " " + r.exercise(), r);
        }
        int compared = 0;
        int failing = 0;
        for (var st : plan.entrySet()) {
            for (var nb : st.getValue().entrySet()) {
                Map<String, int[]> inNotebook = inNotebook(nb.getKey(), nb.getValue());
                for (Exercise e : Exercises.ofNotebook(nb.getKey())) {
                    Row r = rows.get(st.getKey() + " " + e.id());
                    assertTrue(r != null, st.getKey() + " " + e.id());
                    int[] expected = inNotebook.get(e.id());
                    if (expected == null) {                       // the stub: the notebook shows 0 passed
                        assertEquals("not-attempted", r.status(), r.toString());
                        continue;
                    }
                    assertEquals(expected[0], r.passed(), "checks passed, " + r);
                    assertEquals(expected[1], r.total(), "checks run, " + r);
                    assertEquals(expected[0] == expected[1] ? "ok" : "failed", r.status(), r.toString());
                    compared++;
                    if (expected[0] < expected[1]) {
                        failing++;
                    }
                }
            }
        }
        assertTrue(compared >= 10 && failing >= 3, "compared " + compared + ", failing " + failing);
    }

    /**
     * The grader compiles a notebook's solution cells as one class and turns to JShell, cell by cell, when they are
     * not all member declarations or their start fails: verdicts are those of the notebook either way.
     */
    @Test
    void cellsThatOnlyJShellAcceptsAreGradedAsInTheNotebook() throws Exception {
        Map<String, String> refs = ClassMaker.references();
        String ref = refs.get("01.2");
        // Each body closes the lambda of 01.2's cell and adds declarations or statements after it.
        Map<String, String> cells = Map.of(
                "statement", ref + "\n};\nSystem.out.println(\"a statement\");\nFreeEnergy unused = (e, t) -> {\n"
                        + "return 0.0;",
                "importing", ref + "\n};\nimport java.util.concurrent.atomic.AtomicLong;\nAtomicLong counter = new "
                        + "AtomicLong();\nFreeEnergy unused = (e, t) -> {\nreturn counter.get();",
                "throwing", ref + "\n};\nint boom = Integer.parseInt(\"boom\");\nFreeEnergy unused = (e, t) -> {\n"
                        + "return 0.0;",
                "halting", ref + "\n};\nint halt() { Runtime.getRuntime().halt(7); return 0; }\nint halted = halt();"
                        + "\nFreeEnergy unused = (e, t) -> {\nreturn 0.0;",
                "lateimport", ref + "\n};\nAtomicLong counter = new AtomicLong();\nimport java.util.concurrent.atomic"
                        + ".AtomicLong;\nFreeEnergy unused = (e, t) -> {\nreturn counter.get();",
                "forward", ref + "\n};\nint early = later();\nint later() { return 1; }\nFreeEnergy unused = (e, t) -> "
                        + "{\nreturn 0.0;",
                "lines", "double[] copy = energies.clone();\nthrow new ArithmeticException(\"boom\");");
        Path cls = tmp.resolve("class");
        for (Map.Entry<String, String> c : cells.entrySet()) {
            Map<String, String> bodies = new HashMap<>(refs);
            bodies.put("01.2", c.getValue());
            ClassMaker.write(cls.resolve(c.getKey()).resolve(ClassMaker.fileName(1)), ClassMaker.withBodies(1, bodies));
        }
        run(cls, tmp.resolve("grades"));
        Map<String, Row> rows = new HashMap<>();
        for (Row r : Gradebook.read(tmp.resolve("grades/gradebook.csv")).rows()) {
            rows.put(r.student() + " " + r.exercise(), r);
        }
        for (String student : cells.keySet()) {
            for (String other : List.of("01.1", "01.3")) {
                assertEquals("ok", rows.get(student + " " + other).status(), rows.get(student + " " + other).toString());
            }
        }
        assertEquals("ok", rows.get("statement 01.2").status(), rows.get("statement 01.2").toString());
        assertEquals("ok", rows.get("importing 01.2").status(), rows.get("importing 01.2").toString());
        Row threw = rows.get("throwing 01.2");
        assertEquals("failed", threw.status(), threw.toString());
        assertTrue(threw.message().contains("threw when it ran") && threw.message().contains("NumberFormatException"),
                threw.toString());
        assertEquals("crashed", rows.get("halting 01.2").status(), rows.get("halting 01.2").toString());
        // A class could call a method declared further down; JShell, in notebook order, cannot.
        // An import below the code that needs it: JShell rejects that code too.
        for (String student : List.of("forward", "lateimport")) {
            Row r = rows.get(student + " 01.2");
            assertEquals("failed", r.status(), r.toString());
            assertTrue(r.message().contains("does not compile"), r.toString());
        }
        Row lines = rows.get("lines 01.2");
        assertEquals("failed", lines.status(), lines.toString());
        assertTrue(lines.message().contains("ArithmeticException") && lines.message().contains("line 4"),
                lines.toString());
    }

    /** What the notebook's check cells show: the cells evaluated by JShell, then CheckRunner as check() calls it. */
    static Map<String, int[]> inNotebook(int notebook, Map<String, String> bodies) throws IOException {
        CourseCopy course = CourseCopy.load(ClassMaker.ROOT.resolve("notebooks"));
        CourseCopy.CourseNotebook cn = course.notebook(notebook);
        Map<String, int[]> out = new HashMap<>();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String imp : cn.imports()) {
                shell.eval(imp);
            }
            for (CourseCopy.CourseExercise ce : cn.exercises()) {
                String body = bodies.get(ce.exercise().id());
                if (body == null) {
                    continue;
                }
                String cell = ce.stub().replace("    // YOUR CODE HERE\n    throw new UnsupportedOperationException(\"exercise "
                        + ce.exercise().id() + "\");", String.join("\n", body.lines().map(l -> "    " + l).toList()));
                for (SnippetEvent ev : shell.eval(cell)) {
                    assertFalse(ev.status() == jdk.jshell.Snippet.Status.REJECTED, "does not compile: " + cell);
                }
                List<SnippetEvent> ev = shell.eval("org.ebmjava.exercises.check.CheckRunner.run(\""
                        + ce.exercise().id() + "\", " + ce.binding() + ").passed() + \"/\" + "
                        + "org.ebmjava.exercises.check.CheckRunner.run(\"" + ce.exercise().id() + "\", "
                        + ce.binding() + ").total()");
                String v = ev.get(0).value().replace("\"", "");
                String[] p = v.split("/");
                out.put(ce.exercise().id(), new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])});
            }
        }
        return out;
    }

    @Test
    void shardsCoverTheClassOnceAndMergeToTheWhole() throws IOException {
        Path cls = tmp.resolve("class");
        for (int s = 0; s < 12; s++) {
            ClassMaker.write(cls.resolve("s" + s).resolve(ClassMaker.fileName(2)),
                    Files.readString(ClassMaker.courseNotebook(2)));
        }
        run(cls, tmp.resolve("all"));
        run(cls, tmp.resolve("shard1"), "--shard", "1/2");
        run(cls, tmp.resolve("shard2"), "--shard", "2/2");
        List<Row> s1 = Gradebook.read(tmp.resolve("shard1/gradebook.csv")).rows();
        List<Row> s2 = Gradebook.read(tmp.resolve("shard2/gradebook.csv")).rows();
        assertFalse(s1.isEmpty() || s2.isEmpty(), "a shard is empty: " + s1.size() + " + " + s2.size());
        assertEquals(0, Grader.run(new String[] {"merge", tmp.resolve("shard1").toString(),
            tmp.resolve("shard2").toString(), "--out", tmp.resolve("merged").toString()}, System.out, System.err));
        List<String> merged = Gradebook.read(tmp.resolve("merged/gradebook.csv")).rows().stream()
                .map(r -> r.key() + r.status() + r.points()).toList();
        List<String> whole = Gradebook.read(tmp.resolve("all/gradebook.csv")).rows().stream()
                .map(r -> r.key() + r.status() + r.points()).toList();
        assertEquals(whole, merged);
        // The same shard twice: an overlap, named.
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Grader.run(new String[] {"merge", tmp.resolve("shard1").toString(),
                    tmp.resolve("all").toString(), "--out", tmp.resolve("bad").toString()}, System.out, System.err));
        assertTrue(e.getMessage().contains("overlap: student "), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("bad/gradebook.csv")));
    }

    @Test
    void aRerunResumesAndRegradeRedoes() throws IOException {
        Path cls = tmp.resolve("class");
        for (int s = 0; s < 4; s++) {
            ClassMaker.write(cls.resolve("s" + s).resolve(ClassMaker.fileName(3)),
                    Files.readString(ClassMaker.courseNotebook(3)));
        }
        Path out = tmp.resolve("grades");
        assertTrue(run(cls, out).contains("grading 4 submitted notebooks"));
        // An interrupted run: the gradebook lost one submission's rows.
        Gradebook g = Gradebook.read(out.resolve("gradebook.csv"));
        Gradebook partial = new Gradebook();
        partial.put(g.rows().stream().filter(r -> !r.student().equals("s2")).toList());
        partial.write(out.resolve("gradebook.csv"));
        assertTrue(run(cls, out).contains("grading 1 submitted notebooks"));
        assertEquals(g.rows().stream().map(r -> r.key() + r.status() + r.points()).toList(),
                Gradebook.read(out.resolve("gradebook.csv")).rows().stream()
                        .map(r -> r.key() + r.status() + r.points()).toList());
        assertTrue(run(cls, out, "--regrade").contains("grading 4 submitted notebooks"));
    }

    @Test
    void withoutASandboxItRefusesUnlessToldAndRecordsTheChoice() throws IOException {
        Path cls = tmp.resolve("class");
        ClassMaker.write(cls.resolve("ref").resolve(ClassMaker.fileName(2)),
                ClassMaker.withBodies(2, ClassMaker.references()));
        String before = System.getProperty("ebm.grader.bwrap");
        System.setProperty("ebm.grader.bwrap", "/nonexistent/bwrap");
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
            int code = Grader.run(new String[] {cls.toString(), "--out", tmp.resolve("g").toString(), "--course",
                ClassMaker.ROOT.toString()}, ps, ps);
            String log = buf.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, log);
            assertTrue(log.contains("cannot run here") && log.contains("--unsandboxed"), log);
            assertFalse(Files.exists(tmp.resolve("g/gradebook.csv")));
            run(cls, tmp.resolve("g"), "--unsandboxed");
            for (Row r : Gradebook.read(tmp.resolve("g/gradebook.csv")).rows()) {
                assertEquals("none (--unsandboxed)", r.sandbox());
                assertEquals("ok", r.status(), r.toString());
            }
        } finally {
            if (before == null) {
                System.clearProperty("ebm.grader.bwrap");
            } else {
                System.setProperty("ebm.grader.bwrap", before);
            }
        }
    }
}
