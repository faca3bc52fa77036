package org.ebmjava.exercises.check;

/**
 * The outcome of one check.
 *
 * @param name The check's display name (what property it verifies).
 * @param status Passed, failed or not implemented.
 * @param message Empty when passed; otherwise what went wrong, for the learner.
 */
public record CheckResult(String name, Status status, String message) {
    /** The outcome kinds. */
    public enum Status {
        /** The check's assertions held. */
        PASSED,
        /** An assertion failed or the implementation threw. */
        FAILED,
        /** The implementation still throws the stub's {@code UnsupportedOperationException}. */
        NOT_IMPLEMENTED
    }

    /**
     * Whether the check passed.
     *
     * @return True when passed.
     */
    public boolean passed() {
        return status == Status.PASSED;
    }
}
