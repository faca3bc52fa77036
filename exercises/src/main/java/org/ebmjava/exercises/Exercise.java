package org.ebmjava.exercises;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One exercise: its id, title, the interface a solution implements and the JUnit 5 class that checks it.
 *
 * @param id The id {@code NN.k}: notebook number and exercise number within it.
 * @param title A short title shown above the check results.
 * @param spec The interface a learner's solution implements.
 * @param checks The JUnit Jupiter class whose tests check a solution; it obtains the solution from
 *     {@link org.ebmjava.exercises.check.Submissions#get(Class)}.
 * @param points Points for the exercise when graded.
 */
public record Exercise(String id, String title, Class<?> spec, Class<?> checks, int points) {
    private static final Pattern ID = Pattern.compile("\\d{2}\\.\\d+");

    /** Validates the fields. */
    public Exercise {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("exercise id must look like NN.k (e.g. 01.2), found '" + id + "'");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(checks, "checks");
        if (!spec.isInterface()) {
            throw new IllegalArgumentException("exercise " + id + ": spec must be an interface, found " + spec);
        }
        if (points <= 0) {
            throw new IllegalArgumentException("exercise " + id + ": points must be positive, found " + points);
        }
    }

    /**
     * The message a stub throws, {@code "exercise NN.k"}; the check report recognises it as "not implemented yet".
     *
     * @return The stub's exception message.
     */
    public String stubMessage() {
        return "exercise " + id;
    }

    /**
     * The nbgrader {@code grade_id} of the solution cell ({@code ex01_2-solution}) and, with suffix
     * {@code -check}, of the check cell.
     *
     * @return The grade id stem, e.g. {@code ex01_2}.
     */
    public String gradeId() {
        return "ex" + id.replace('.', '_');
    }
}
