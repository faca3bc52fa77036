package org.ebmjava.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.stream.Stream;
import org.ebmjava.exercises.check.CheckReport;
import org.ebmjava.exercises.check.CheckResult;
import org.ebmjava.exercises.check.CheckRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every exercise's checks pass on the reference solution, and fail on the stub and on a typical wrong solution. */
class ExerciseChecksTest {
    /** Each exercise has at least this many checks. */
    private static final int MIN_CHECKS = 4;

    static Stream<Exercise> exercises() {
        return Exercises.all().stream();
    }

    /** The shipped stub: every method throws {@code UnsupportedOperationException("exercise NN.k")}. */
    static Object stub(Exercise e) {
        return Proxy.newProxyInstance(e.spec().getClassLoader(), new Class<?>[] {e.spec()}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "stub " + e.id();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new IllegalStateException(method.getName());
                };
            }
            throw new UnsupportedOperationException(e.stubMessage());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void referencePassesEveryCheck(Exercise e) {
        Object ref = References.ALL.get(e.id());
        CheckReport report = CheckRunner.run(e.id(), ref);
        assertTrue(report.allPassed(), report::text);
        assertTrue(report.total() >= MIN_CHECKS, "exercise " + e.id() + " has only " + report.total() + " checks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void stubFailsEveryCheckAsNotImplemented(Exercise e) {
        CheckReport report = CheckRunner.run(e.id(), stub(e));
        assertEquals(0, report.passed(), report::text);
        assertTrue(report.results().stream().allMatch(r -> r.status() == CheckResult.Status.NOT_IMPLEMENTED),
                report::text);
        assertTrue(report.summary().contains("not implemented"), report.summary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void typicalMistakeIsCaught(Exercise e) {
        CheckReport report = CheckRunner.run(e.id(), WrongSolutions.ALL.get(e.id()));
        assertFalse(report.allPassed(), () -> "the wrong solution of " + e.id() + " passed every check");
        assertTrue(report.passed() > 0 || report.total() > 0, report::text);
    }

    @Test
    void everyExerciseHasAReferenceAndAWrongSolution() {
        List<String> ids = Exercises.all().stream().map(Exercise::id).toList();
        assertEquals(ids.stream().sorted().toList(), References.ALL.keySet().stream().sorted().toList());
        assertEquals(ids.stream().sorted().toList(), WrongSolutions.ALL.keySet().stream().sorted().toList());
    }

    @Test
    void unknownIdAndWrongTypeBecomeFailedRowsNotExceptions() {
        CheckReport unknown = CheckRunner.run("99.9", References.EX01_1);
        assertEquals(1, unknown.failed());
        assertTrue(unknown.results().get(0).message().contains("unknown exercise id '99.9'"), unknown::text);
        CheckReport wrongType = CheckRunner.run("01.2", References.EX01_1);
        assertEquals(1, wrongType.failed());
        assertTrue(wrongType.results().get(0).message().contains("expected an implementation of FreeEnergy"),
                wrongType::text);
        CheckReport nothing = CheckRunner.run("01.1", null);
        assertFalse(nothing.allPassed());
    }

    @Test
    void anEndlessLoopFailsByTimeoutInsteadOfHanging() {
        org.ebmjava.exercises.ex01.FreeEnergy spin = (energies, temperature) -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            throw new IllegalStateException("interrupted");
        };
        CheckReport report = CheckRunner.run("01.2", spin, java.time.Duration.ofMillis(300));
        assertFalse(report.allPassed());
        assertTrue(report.results().stream().anyMatch(r -> r.message().contains("longer than")), report::text);
    }

    @Test
    void htmlCarriesMachineReadableCounts() {
        CheckReport report = CheckRunner.run("01.1", References.EX01_1);
        String html = report.html();
        assertTrue(html.contains("data-ebm-check=\"01.1\""), html);
        assertTrue(html.contains("data-passed=\"" + report.passed() + "\""), html);
        assertTrue(html.contains("data-total=\"" + report.total() + "\""), html);
    }
}
