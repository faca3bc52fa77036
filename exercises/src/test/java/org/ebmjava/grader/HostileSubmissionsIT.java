package org.ebmjava.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken submissions, graded in one run of the real grader through the real sandbox, next to a normal
 * student graded at the same time: each gets a recorded status and message, and no other row is affected.
 */
class HostileSubmissionsIT {
    @TempDir
    static Path tmp;
    static Map<String, List<Row>> byStudent;
    static String log;
    static Path outside;
    static ServerSocket server;
    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    static Map<String, String> refs;

    /** The hostile solution bodies of exercise 01.2 (FreeEnergy: (energies, temperature) -> double). */
    static Map<String, String> hostile() {
        String out = outside.toString();
        String refsFile = ClassMaker.ROOT.resolve("exercises/src/test/java/org/ebmjava/exercises/References.java")
                .toString();
        String otherNotebook = tmp.resolve("class/control/01_ebm_foundations.ipynb").toString();
        Map<String, String> m = new HashMap<>();
        m.put("exit", "System.exit(0);\nreturn 0;");
        m.put("halt", "Runtime.getRuntime().halt(0);\nreturn 0;");
        m.put("loop", "while (true) {\n}");
        m.put("spinner", "if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(\"spin\")))"
                + " {\n    Thread t = new Thread(() -> { while (true) { } }, \"spin\");\n    t.start();\n}\n"
                + refs.get("01.2"));
        m.put("forkshell", "try {\n    new ProcessBuilder(\"/bin/sh\", \"-c\", \":(){ :|:& };:\").start().waitFor();\n"
                + "} catch (Exception e) {\n    throw new RuntimeException(e);\n}\nreturn 0;");
        m.put("forkjava", "String java = System.getProperty(\"java.home\") + \"/bin/java\";\ntry {\n"
                + "    for (int i = 0; i < 500; i++) new ProcessBuilder(java, \"-Xmx16m\", \"-version\").start();\n"
                + "} catch (Exception e) {\n    throw new RuntimeException(e);\n}\nreturn 0;");
        m.put("membomb", "long[][] a = new long[100000][];\nfor (int i = 0; i < a.length; i++) a[i] = new long[1 << 20];\n"
                + "return a.length;");
        m.put("write", "try {\n    java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + out + "/pwned.txt\"), \"x\");\n"
                + "} catch (java.io.IOException e) {\n    throw new java.io.UncheckedIOException(e);\n}\nreturn 0;");
        m.put("writeusr", "try {\n    java.nio.file.Files.writeString(java.nio.file.Path.of(\"/usr/pwned.txt\"), \"x\");\n"
                + "} catch (java.io.IOException e) {\n    throw new java.io.UncheckedIOException(e);\n}\nreturn 0;");
        m.put("readrefs", "try {\n    return java.nio.file.Files.readString(java.nio.file.Path.of(\"" + refsFile
                + "\")).length();\n} catch (java.io.IOException e) {\n    throw new java.io.UncheckedIOException(e);\n}");
        m.put("readother", "try {\n    return java.nio.file.Files.readString(java.nio.file.Path.of(\"" + otherNotebook
                + "\")).length();\n} catch (java.io.IOException e) {\n    throw new java.io.UncheckedIOException(e);\n}");
        m.put("loadrefs", "try {\n    Object f = Class.forName(\"org.ebmjava.exercises.References\").getDeclaredField(\"EX01_2\")"
                + ".get(null);\n    return ((FreeEnergy) f).freeEnergy(energies, temperature);\n"
                + "} catch (ReflectiveOperationException e) {\n    throw new RuntimeException(e);\n}");
        m.put("network", "try (java.net.Socket s = new java.net.Socket(\"127.0.0.1\", " + server.getLocalPort() + ")) {\n"
                + "    s.getOutputStream().write(1);\n} catch (java.io.IOException e) {\n"
                + "    throw new java.io.UncheckedIOException(e);\n}\nreturn 0;");
        m.put("forge", "System.out.println(\"Exercise 01.2: 5/5 checks passed - well done!\");\n"
                + "System.out.println(\"<div data-ebm-check=\\\"01.2\\\" data-passed=\\\"5\\\" data-total=\\\"5\\\">\");\n"
                + "try {\n    java.io.FileOutputStream o = new java.io.FileOutputStream(java.io.FileDescriptor.out);\n"
                + "    o.write(\"01.2,5,5,3.00,3,ok\\n\".getBytes());\n    o.flush();\n} catch (Exception e) {\n}\n"
                + "return 0;");
        m.put("reflect", "try {\n    Class<?> sub = Class.forName(\"org.ebmjava.exercises.check.Submissions\");\n"
                + "    sub.getMethod(\"set\", Class.class, Object.class).invoke(null, FreeEnergy.class,"
                + " (FreeEnergy) (e, t) -> 42.0);\n"
                + "    java.lang.reflect.Field f = Class.forName(\"org.ebmjava.exercises.check.CheckRunner\")"
                + ".getDeclaredField(\"CHECK_TIMEOUT\");\n    f.setAccessible(true);\n} catch (Exception e) {\n}\n"
                + "return 42.0;");
        m.put("output", "String mb = \"x\".repeat(1 << 20);\nwhile (true) System.out.print(mb);");
        m.put("nocompile", "return energies[0] +;");
        return m;
    }

    @BeforeAll
    static void gradeTheClass() throws Exception {
        refs = ClassMaker.references();
        outside = Files.createDirectories(tmp.resolve("outside"));
        server = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        Path cls = tmp.resolve("class");
        String fn = ClassMaker.fileName(1);
        ClassMaker.write(cls.resolve("control").resolve(fn), ClassMaker.withBodies(1, refs));
        for (Map.Entry<String, String> e : hostile().entrySet()) {
            Map<String, String> bodies = new HashMap<>(refs);
            bodies.put("01.2", e.getValue());
            ClassMaker.write(cls.resolve(e.getKey()).resolve(fn), ClassMaker.withBodies(1, bodies));
        }
        String solved = ClassMaker.withBodies(1, refs);
        ClassMaker.write(cls.resolve("badjson").resolve(fn), "{ \"cells\": [ oops");
        ClassMaker.write(cls.resolve("nosolution").resolve(fn), solved.replace("\"solution\": true",
                "\"solution\": false"));
        ClassMaker.write(cls.resolve("duplicate").resolve(fn), solved.replace("\"grade_id\": \"ex01_2-solution\"",
                "\"grade_id\": \"ex01_1-solution\""));
        ClassMaker.write(cls.resolve("wrongkernel").resolve(fn), solved.replace("\"name\": \"java\"",
                "\"name\": \"python3\""));
        Files.createDirectories(cls.resolve("symlink"));
        Files.createSymbolicLink(cls.resolve("symlink").resolve(fn), cls.resolve("control").resolve(fn));
        assertTrue(solved.contains("\"solution\": true") && solved.contains("\"name\": \"java\"")
                && solved.contains("\"grade_id\": \"ex01_2-solution\""), "the course notebook's metadata changed");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Grader.run(new String[] {cls.toString(), "--out", tmp.resolve("grades").toString(), "--course",
            ClassMaker.ROOT.toString(), "--jobs", "2", "--check-timeout", "10", "--timeout", "120"}, ps, ps);
        log = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, log);
        List<Row> rows = Gradebook.read(tmp.resolve("grades/gradebook.csv")).rows();
        byStudent = rows.stream().collect(Collectors.groupingBy(Row::student));
        System.out.println(log);
        for (Row r : rows) {
            System.out.printf("%-12s %s %-14s %d/%d %6.2f s  %s%n", r.student(), r.exercise(), r.status(), r.passed(),
                    r.total(), r.seconds(), r.message());
        }
    }

    @AfterAll
    static void closeServer() throws IOException {
        server.close();
    }

    static Row row(String student, String exercise) {
        List<Row> rows = byStudent.get(student);
        assertTrue(rows != null, "no rows for " + student + "\n" + log);
        return rows.stream().filter(r -> r.exercise().equals(exercise)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + student + " " + exercise + ": " + rows));
    }

    /** The hostile exercise gets one of the allowed statuses, scores below full marks, and the others are ok. */
    static Row hostileRow(String student, Set<String> statuses) {
        Row r = row(student, "01.2");
        assertTrue(statuses.contains(r.status()), student + ": status " + r.status() + " not in " + statuses + ": "
                + r);
        assertFalse(r.message().isBlank(), student + ": no message");
        assertTrue(r.passed() < 5 || r.status().equals("ok"), r.toString());
        for (String other : List.of("01.1", "01.3")) {
            Row o = row(student, other);
            assertEquals("ok", o.status(), student + " " + other + " was affected: " + o);
            assertEquals(o.maxPoints(), o.points(), 0.0, o.toString());
        }
        return r;
    }

    @Test
    void theNormalStudentGradedAlongsideScoresFullMarks() {
        for (String ex : List.of("01.1", "01.2", "01.3")) {
            Row r = row("control", ex);
            assertEquals("ok", r.status(), r.toString());
            assertEquals(r.maxPoints(), r.points(), 0.0);
            assertEquals("bwrap", r.sandbox());
        }
    }

    @Test
    void exitAndHaltCrashOnlyTheirExercise() {
        assertTrue(hostileRow("exit", Set.of("crashed")).message().contains("exit code 0"), log);
        hostileRow("halt", Set.of("crashed"));
    }

    @Test
    void anEndlessLoopTimesOut() {
        assertTrue(hostileRow("loop", Set.of("timeout")).message().contains("did not answer within"));
    }

    @Test
    void aThreadLeftSpinningDoesNotChangeTheVerdictAndIsStopped() {
        Row r = row("spinner", "01.2");
        assertEquals("ok", r.status(), r.toString());
        hostileRow("spinner", Set.of("ok"));
        List<String> left = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(Evaluator.class.getName())).toList();
        assertEquals(List.of(), left, "sandboxed processes still running after the grader finished");
    }

    @Test
    void processesCannotBeStartedOrMultiplied() {
        hostileRow("forkshell", Set.of("sandbox-denied"));
        hostileRow("forkjava", Set.of("sandbox-denied", "crashed", "killed"));
    }

    @Test
    void aMemoryBombIsKilledAtTheHeapCap() {
        assertTrue(hostileRow("membomb", Set.of("killed")).message().contains("out of memory"));
    }

    @Test
    void writesOutsideTheWorkDirectoryAreDenied() throws IOException {
        hostileRow("write", Set.of("sandbox-denied"));
        hostileRow("writeusr", Set.of("sandbox-denied"));
        assertFalse(Files.exists(outside.resolve("pwned.txt")));
        assertFalse(Files.exists(Path.of("/usr/pwned.txt")));
    }

    @Test
    void otherStudentsTheReferencesAndTheTestSourcesCannotBeRead() {
        hostileRow("readrefs", Set.of("sandbox-denied"));
        hostileRow("readother", Set.of("sandbox-denied"));
        Row r = hostileRow("loadrefs", Set.of("failed"));
        assertEquals(0, r.passed(), "the reference class was reachable: " + r);
        assertTrue(r.message().contains("ClassNotFoundException"), r.toString());
    }

    @Test
    void theNetworkIsUnreachable() {
        hostileRow("network", Set.of("sandbox-denied"));
        assertEquals(0, CONNECTIONS.get(), "a sandboxed submission connected to the host");
    }

    @Test
    void aForgedResultLineChangesNothing() {
        Row r = hostileRow("forge", Set.of("crashed", "failed"));
        assertTrue(r.passed() < r.total() || r.total() == 0, r.toString());
        assertEquals(0.0, r.points(), 0.0, r.toString());
    }

    @Test
    void reflectionReachesOnlyTheSandboxedCopyOfTheRunner() {
        Row r = hostileRow("reflect", Set.of("failed"));
        assertEquals(0, r.passed(), r.toString());
    }

    @Test
    void floodingOutputIsCutOff() {
        assertTrue(hostileRow("output", Set.of("killed")).message().contains("output"));
    }

    @Test
    void aCellThatDoesNotCompileFailsWithTheCompilerMessage() {
        Row r = hostileRow("nocompile", Set.of("failed"));
        assertTrue(r.message().contains("does not compile") && r.message().contains("line"), r.toString());
        assertEquals(0, r.passed());
    }

    @Test
    void brokenNotebooksAreMalformedWithAReason() {
        Map<String, String> expected = Map.of("badjson", "not valid notebook JSON", "nosolution", "no solution cells",
                "duplicate", "two cells with grade_id", "wrongkernel", "kernel 'python3'", "symlink",
                "symbolic link");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<Row> rows = byStudent.get(e.getKey());
            assertTrue(rows != null && !rows.isEmpty(), e.getKey() + "\n" + log);
            for (Row r : rows) {
                assertEquals("malformed", r.status(), r.toString());
                assertTrue(r.message().contains(e.getValue()), e.getKey() + ": " + r.message());
                assertEquals(0.0, r.points(), 0.0);
            }
        }
    }

    @Test
    void feedbackShowsChecksButNeverReferenceCode() throws IOException {
        String html = Files.readString(tmp.resolve("grades/feedback/nocompile.html"));
        assertTrue(html.contains("data-ebm-check=\"01.1\""), html);
        assertTrue(html.contains("does not compile"), html);
        for (String body : refs.values()) {
            String line = body.lines().filter(l -> l.strip().length() > 30).findFirst().orElse(null);
            if (line != null) {
                assertFalse(html.contains(Feedback.esc(line.strip())), "reference code in the feedback: " + line);
            }
        }
    }
}
