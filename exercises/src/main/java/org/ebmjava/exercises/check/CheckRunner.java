package org.ebmjava.exercises.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.ebmjava.exercises.Exercise;
import org.ebmjava.exercises.Exercises;
import org.ebmjava.nb.Notebook;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs an exercise's JUnit 5 checks against an implementation through the JUnit Platform Launcher.
 *
 * <p>Used by the check cells of the notebooks ({@link #show(String, Object)}), by the build (every check must pass on
 * the reference solution and fail on the stub) and by the grader. {@link #run(String, Object)} never throws: an
 * unknown id, an implementation of the wrong type, an exception in the learner's code or a check that exceeds its
 * time limit all become failed rows of the report.
 *
 * <p>The Jupiter engine is registered explicitly (no service-loader lookup), so checks run the same inside the
 * IJava kernel, whose class loader differs from the application class loader, as in a plain JVM. Each check has a
 * time limit ({@link #CHECK_TIMEOUT}) and runs on a separate thread, so an endless loop in a solution fails that
 * check instead of hanging the notebook.
 */
public final class CheckRunner {
    /** Time limit per check. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(20);

    private CheckRunner() {}

    /**
     * Runs the checks of one exercise against an implementation.
     *
     * @param exerciseId The exercise id, e.g. {@code "01.2"}.
     * @param implementation The learner's implementation of the exercise's spec interface.
     * @return The report; never null, never throws.
     */
    public static CheckReport run(String exerciseId, Object implementation) {
        return run(exerciseId, implementation, CHECK_TIMEOUT);
    }

    /**
     * Runs the checks of one exercise against an implementation, with a given time limit per check.
     *
     * @param exerciseId The exercise id, e.g. {@code "01.2"}.
     * @param implementation The learner's implementation of the exercise's spec interface.
     * @param timeoutPerCheck The time limit of each check; positive.
     * @return The report; never null, never throws.
     */
    public static CheckReport run(String exerciseId, Object implementation, Duration timeoutPerCheck) {
        Exercise exercise;
        try {
            exercise = Exercises.get(exerciseId);
        } catch (IllegalArgumentException e) {
            return new CheckReport(String.valueOf(exerciseId), "unknown exercise",
                    List.of(new CheckResult("exercise id", CheckResult.Status.FAILED, e.getMessage())));
        }
        if (implementation == null || !exercise.spec().isInstance(implementation)) {
            String found = implementation == null ? "null" : implementation.getClass().getName();
            return CheckReport.of(exercise, List.of(new CheckResult("implementation type", CheckResult.Status.FAILED,
                    "expected an implementation of " + exercise.spec().getSimpleName() + ", found " + found)));
        }
        return launch(exercise, implementation, timeoutPerCheck);
    }

    /**
     * Runs the checks and shows the report in the notebook (an HTML table), or prints it outside a kernel.
     *
     * @param exerciseId The exercise id, e.g. {@code "01.2"}.
     * @param implementation The learner's implementation.
     * @return The report.
     */
    public static CheckReport show(String exerciseId, Object implementation) {
        CheckReport report = run(exerciseId, implementation);
        try {
            if (Notebook.inKernel()) {
                Notebook.html(report.html());
            } else {
                System.out.print(report.text());
            }
        } catch (RuntimeException e) {
            System.out.print(report.text());
        }
        return report;
    }

    private static CheckReport launch(Exercise exercise, Object implementation, Duration timeout) {
        String junitTimeout = Math.max(1, timeout.toMillis()) + " ms";
        List<CheckResult> results = Collections.synchronizedList(new ArrayList<>());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CheckRunner.class.getClassLoader());
        try {
            Submissions.set(exercise.spec(), implementation);
            LauncherConfig config = LauncherConfig.builder()
                    .enableTestEngineAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestEngines(new JupiterTestEngine())
                    .build();
            Launcher launcher = LauncherFactory.create(config);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(exercise.checks()))
                    .configurationParameter("junit.jupiter.execution.timeout.default", junitTimeout)
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .build();
            launcher.execute(request, new Collector(exercise, results, junitTimeout));
        } catch (Throwable t) {
            results.add(new CheckResult("running the checks", CheckResult.Status.FAILED,
                    "the check runner failed: " + t));
        } finally {
            Submissions.clear(exercise.spec());
            thread.setContextClassLoader(previous);
        }
        if (results.isEmpty()) {
            results.add(new CheckResult("running the checks", CheckResult.Status.FAILED,
                    "no check ran for " + exercise.checks().getName()));
        }
        return CheckReport.of(exercise, results);
    }

    /** Turns JUnit's events into check results. */
    private static final class Collector implements TestExecutionListener {
        private final Exercise exercise;
        private final List<CheckResult> results;
        private final String timeout;

        Collector(Exercise exercise, List<CheckResult> results, String timeout) {
            this.exercise = exercise;
            this.results = results;
            this.timeout = timeout;
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                results.add(new CheckResult(id.getDisplayName(), CheckResult.Status.FAILED, "skipped: " + reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                results.add(toResult(id.getDisplayName(), result));
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                // A container failed (e.g. the check class could not be set up): report it, never hide it.
                results.add(toResult(id.getDisplayName() + " (setup)", result));
            }
        }

        private CheckResult toResult(String name, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                return new CheckResult(name, CheckResult.Status.PASSED, "");
            }
            Throwable t = result.getThrowable().orElse(null);
            if (t == null) {
                return new CheckResult(name, CheckResult.Status.FAILED, "aborted");
            }
            if (isStub(t)) {
                return new CheckResult(name, CheckResult.Status.NOT_IMPLEMENTED,
                        "not implemented yet: replace the throw statement in the solution cell");
            }
            return new CheckResult(name, CheckResult.Status.FAILED, describe(t));
        }

        private boolean isStub(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof UnsupportedOperationException && exercise.stubMessage().equals(c.getMessage())) {
                    return true;
                }
            }
            return false;
        }

        private String describe(Throwable t) {
            if (t instanceof AssertionError) {
                return String.valueOf(t.getMessage());
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "took longer than " + timeout + " (an endless loop?)";
            }
            StringBuilder sb = new StringBuilder("your code threw ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            for (StackTraceElement e : t.getStackTrace()) {
                // The first frame in notebook code (JShell names its classes REPL.$JShell$...).
                if (e.getClassName().startsWith("REPL.")) {
                    sb.append(" (in the notebook cell, line ").append(e.getLineNumber()).append(')');
                    break;
                }
            }
            return sb.toString();
        }
    }
}
