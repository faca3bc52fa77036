package org.ebmjava.grader;

/**
 * One gradebook row: one exercise of one submitted notebook.
 *
 * @param student The student id (the submission folder's name).
 * @param assignment The nbgrader assignment, or {@code -} for a flat folder.
 * @param notebook The submitted notebook's file name.
 * @param exercise The exercise id {@code NN.k}, or {@code -} when the notebook matched no course notebook.
 * @param passed Checks passed.
 * @param total Checks run.
 * @param points Points earned: the exercise's points times passed/total, to two decimals.
 * @param maxPoints The exercise's points.
 * @param status One of {@link #STATUSES}.
 * @param message Why, for the student and the instructor (check names and messages, never reference code).
 * @param seconds Wall time spent on this exercise.
 * @param sandbox How the code was isolated ({@code bwrap}, or {@code none (--unsandboxed)}).
 */
record Row(String student, String assignment, String notebook, String exercise, int passed, int total,
        double points, int maxPoints, String status, String message, double seconds, String sandbox) {
    /** The status values, as the gradebook writes them. */
    static final java.util.List<String> STATUSES = java.util.List.of("ok", "failed", "not-attempted", "timeout",
            "crashed", "killed", "malformed", "sandbox-denied");

    static final String[] HEADER = {"student", "assignment", "notebook", "exercise", "checks_passed", "checks_total",
        "points", "max_points", "status", "message", "duration_s", "sandbox"};

    /** The key that identifies a row across runs and shards. */
    String key() {
        return student + "\u0000" + assignment + "\u0000" + notebook + "\u0000" + exercise;
    }

    /** The submission this row belongs to. */
    String submissionKey() {
        return student + "\u0000" + assignment + "\u0000" + notebook;
    }

    String[] fields() {
        return new String[] {student, assignment, notebook, exercise, Integer.toString(passed),
            Integer.toString(total), fmt(points), Integer.toString(maxPoints), status, message, fmt(seconds),
            sandbox};
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    static Row of(String[] f, String where) {
        if (f.length != HEADER.length) {
            throw new IllegalArgumentException(where + ": expected " + HEADER.length + " fields, found " + f.length);
        }
        try {
            Row r = new Row(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                    Double.parseDouble(f[6]), Integer.parseInt(f[7]), f[8], f[9], Double.parseDouble(f[10]), f[11]);
            if (!STATUSES.contains(r.status)) {
                throw new IllegalArgumentException(where + ": unknown status '" + r.status + "'");
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": a number field is not a number (" + e.getMessage() + ")");
        }
    }
}
