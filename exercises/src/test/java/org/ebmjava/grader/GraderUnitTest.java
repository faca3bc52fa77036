package org.ebmjava.grader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.ebmjava.exercises.Exercise;
import org.ebmjava.exercises.Exercises;
import org.ebmjava.exercises.check.CheckReport;
import org.ebmjava.exercises.check.CheckRunner;
import org.ebmjava.exercises.ex01.FreeEnergy;
import org.ebmjava.exercises.ex05.RbmGradient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grader's parts that need no sandbox: channel types, notebook reading, gradebook, shards, options. */
class GraderUnitTest {
    @TempDir
    Path tmp;

    /** Only a cell that stands on its own (as JShell takes it) is compiled into the class with the others. */
    @Test
    void aCellIsCompiledWithTheOthersOnlyIfItStandsOnItsOwn() {
        for (String whole : List.of("FreeEnergy f = (e, t) -> {\n    return e[0] + t; // } ) ]\n};\n",
                "String s = \"{ ( [\"; char c = '}'; char q = '\\''; /* } */ int[] a = {1, 2};",
                "String t = \"\"\"\n  { \\\"\"\" \"\n  \"\"\";\ndouble h(double x) { return x; }", "")) {
            assertTrue(Evaluator.wholeDeclarations(whole), whole);
        }
        for (String part : List.of("double h(double x) {", "}\nclass Outside {", "} class Outside { void f() {}",
                "int x = 1; /* the rest in the next cell", "String s = \"open;", "String t = \"\"\"\n open",
                "int[] a = {1, 2", "String e = \"\\u00e9\";")) {
            assertFalse(Evaluator.wholeDeclarations(part), part);
        }
    }

    @Test
    void everyRegisteredSpecCanCrossTheChannel() {
        List<String> bad = new ArrayList<>();
        for (Exercise e : Exercises.all()) {
            for (Method m : Wire.methods(e.spec())) {
                if (!Wire.allowed(m.getReturnType())) {
                    bad.add(e.id() + " " + m.getName() + " returns " + m.getReturnType().getName());
                }
                for (Class<?> p : m.getParameterTypes()) {
                    if (!Wire.allowed(p)) {
                        bad.add(e.id() + " " + m.getName() + " takes " + p.getName());
                    }
                }
            }
            assertFalse(Wire.methods(e.spec()).isEmpty(), e.id());
        }
        assertEquals(List.of(), bad, "exercise specs must use only primitives, String, 1D-3D primitive arrays and "
                + "records of those, so the grader can call them across its channel");
        assertFalse(Wire.allowed(Object.class));
        assertFalse(Wire.allowed(List.class));
        assertFalse(Wire.allowed(double[][][][].class));
        assertFalse(Wire.allowed(Double.class));
    }

    static Object roundTrip(Class<?> type, Object v) throws IOException {
        return Wire.read(Wire.reader(Protocol.bytes(type, v)), type);
    }

    @Test
    void valuesCrossTheChannelIntact() throws IOException {
        assertEquals(2.5, roundTrip(double.class, 2.5));
        assertEquals(Double.NaN, roundTrip(double.class, Double.NaN));
        assertEquals(true, roundTrip(boolean.class, true));
        assertEquals(-7L, roundTrip(long.class, -7L));
        assertEquals("grüße, \"x\"", roundTrip(String.class, "grüße, \"x\""));
        assertArrayEquals(new int[] {1, -2, 3}, (int[]) roundTrip(int[].class, new int[] {1, -2, 3}));
        double[][] jagged = {{1, 2}, null, {}};
        double[][] back = (double[][]) roundTrip(double[][].class, jagged);
        assertArrayEquals(jagged[0], back[0]);
        assertEquals(null, back[1]);
        assertEquals(0, back[2].length);
        RbmGradient g = new RbmGradient(new double[][] {{0.5}}, new double[] {1}, new double[] {-1});
        RbmGradient g2 = (RbmGradient) roundTrip(RbmGradient.class, g);
        assertArrayEquals(g.weights()[0], g2.weights()[0]);
        assertArrayEquals(g.hiddenBias(), g2.hiddenBias());
        assertEquals(null, roundTrip(float[].class, null));
        double[][][] cube = {{{0.25, 0.75}, {1}}, {{}}};
        double[][][] cube2 = (double[][][]) roundTrip(double[][][].class, cube);
        assertArrayEquals(cube[0][0], cube2[0][0]);
        assertArrayEquals(cube[0][1], cube2[0][1]);
        assertEquals(0, cube2[1][0].length);
    }

    @Test
    void anAnnouncedLengthBeyondTheFrameIsRejectedBeforeAllocating() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(Integer.MAX_VALUE);              // "two billion doubles follow"
        d.writeDouble(1);
        IOException e = assertThrows(IOException.class, () -> Wire.read(Wire.reader(b.toByteArray()), double[].class));
        assertTrue(e.getMessage().contains("longer than the frame"), e.getMessage());
        byte[] huge = {(byte) 0x7f, 0, 0, 0};
        assertThrows(IOException.class, () -> Wire.readFrame(new java.io.ByteArrayInputStream(huge)));
    }

    static final String NB = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \"java\"}},"
            + " \"cells\": [%s]}";
    static final String CELL = "{\"cell_type\": \"code\", \"metadata\": {\"nbgrader\": {\"grade_id\": \"%s\", "
            + "\"solution\": true}}, \"source\": [\"int x = 1;\\n\", \"int y = 2;\"]}";

    @Test
    void notebooksAreReadStrictly() throws Exception {
        NotebookFile nb = NotebookFile.parse(String.format(NB, String.format(CELL, "ex01_1-solution")));
        assertEquals("int x = 1;\nint y = 2;", nb.solutionCells().get("ex01_1-solution").source());
        String dup = String.format(NB, String.format(CELL, "a") + "," + String.format(CELL, "a"));
        assertTrue(assertThrows(NotebookFile.Malformed.class, () -> NotebookFile.parse(dup)).getMessage()
                .contains("two cells with grade_id 'a' (cells 0 and 1)"));
        String py = String.format(NB, "").replace("\"java\"", "\"python3\"");
        assertTrue(assertThrows(NotebookFile.Malformed.class, () -> NotebookFile.parse(py)).getMessage()
                .contains("kernel 'python3'"));
        String broken = "{\"nbformat\": 4,\n \"cells\": [1,}";
        assertTrue(assertThrows(NotebookFile.Malformed.class, () -> NotebookFile.parse(broken)).getMessage()
                .contains("line 2, column"));
        String deep = "[".repeat(100) + "]".repeat(100);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Json.parse(deep)).getMessage()
                .contains("nested deeper"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1, \"a\": 2}"));
        Path target = Files.writeString(tmp.resolve("real.ipynb"), String.format(NB, ""));
        Path link = Files.createSymbolicLink(tmp.resolve("link.ipynb"), target);
        assertTrue(assertThrows(NotebookFile.Malformed.class, () -> NotebookFile.read(link)).getMessage()
                .contains("symbolic link"));
    }

    static Row row(String student, String ex, String status, double points, String message) {
        return new Row(student, "-", "01_x.ipynb", ex, 1, 2, points, 3, status, message, 0.5, "bwrap");
    }

    @Test
    void gradebookRoundTripsAwkwardTextAndNeutralisesFormulas() throws IOException {
        Gradebook g = new Gradebook();
        g.put(List.of(row("a,b", "01.1", "failed", 1.5, "expected \"1\",\nfound 2"), row("c", "01.2", "ok", 3,
                "=HYPERLINK(\"x\")")));
        Path f = tmp.resolve("gradebook.csv");
        g.write(f);
        List<Row> back = Gradebook.read(f).rows();
        assertEquals("a,b", back.get(0).student());
        assertEquals("expected \"1\",\nfound 2", back.get(0).message());
        assertEquals("'=HYPERLINK(\"x\")", back.get(1).message());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(f), s.toList(), "a temporary file was left behind");
        }
        Files.writeString(f, Files.readString(f).replace(",failed,", ",great,"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gradebook.read(f)).getMessage()
                .contains("unknown status 'great'"));
    }

    @Test
    void mergeNamesConflictingRows() throws IOException {
        Gradebook a = new Gradebook();
        a.put(List.of(row("ann", "01.1", "ok", 3, "")));
        Gradebook b = new Gradebook();
        b.put(List.of(row("ann", "01.1", "failed", 1, "x")));
        a.write(tmp.resolve("a.csv"));
        b.write(tmp.resolve("b.csv"));
        String msg = assertThrows(IllegalArgumentException.class,
                () -> Gradebook.merge(List.of(tmp.resolve("a.csv"), tmp.resolve("b.csv")))).getMessage();
        assertTrue(msg.contains("conflict: student ann, assignment -, notebook 01_x.ipynb, exercise 01.1")
                && msg.contains("a.csv") && msg.contains("b.csv") && msg.contains("ok 3.00 vs failed 1.00"), msg);
    }

    @Test
    void shardsAreStableAndPartitionTheStudents() {
        // SHA-256("alice") starts 2b d8 06 c9: 0x2bd806c9 = 735577801, which is 1 mod 4.
        assertEquals(1, Grader.shardOf("alice", 4));
        int[] counts = new int[4];
        for (int i = 0; i < 400; i++) {
            counts[Grader.shardOf("student" + i, 4)]++;
        }
        for (int c : counts) {
            assertTrue(c > 60 && c < 140, java.util.Arrays.toString(counts));
        }
    }

    @Test
    void badOptionsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grader.parse(new String[] {"x", "--shard", "5/4"}))
                .getMessage().contains("--shard 5/4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grader.parse(new String[] {"x", "--jobs", "0"}))
                .getMessage().contains("--jobs expects a positive whole number, found '0'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grader.parse(new String[] {"x", "--frobnicate"}))
                .getMessage().contains("unknown option '--frobnicate'"));
    }

    @Test
    void checkRunsOnParallelThreadsKeepTheirOwnImplementation() throws Exception {
        FreeEnergy right = (e, t) -> {
            double m = Double.POSITIVE_INFINITY;
            for (double x : e) {
                m = Math.min(m, x);
            }
            double z = 0;
            for (double x : e) {
                z += Math.exp(-(x - m) / t);
            }
            return m - t * Math.log(z);
        };
        FreeEnergy wrong = (e, t) -> 0.0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CheckReport>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                FreeEnergy impl = i % 2 == 0 ? right : wrong;
                futures.add(pool.submit(() -> CheckRunner.run("01.2", impl)));
            }
            for (int i = 0; i < 6; i++) {
                CheckReport r = futures.get(i).get();
                assertEquals(i % 2 == 0, r.allPassed(), r.text());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
