package org.ebmjava.exercises.check;

import java.util.List;
import org.ebmjava.exercises.Exercise;

/**
 * The results of running one exercise's checks against one implementation.
 *
 * @param exerciseId The exercise id, e.g. {@code "01.2"}.
 * @param title The exercise title.
 * @param results One entry per check, in execution order; a check class that could not run at all yields a
 *     single failed entry that says why.
 */
public record CheckReport(String exerciseId, String title, List<CheckResult> results) {
    /** Copies the list. */
    public CheckReport {
        results = List.copyOf(results);
    }

    static CheckReport of(Exercise e, List<CheckResult> results) {
        return new CheckReport(e.id(), e.title(), results);
    }

    /**
     * Number of checks run.
     *
     * @return The count.
     */
    public int total() {
        return results.size();
    }

    /**
     * Number of checks that passed.
     *
     * @return The count.
     */
    public int passed() {
        return (int) results.stream().filter(CheckResult::passed).count();
    }

    /**
     * Number of checks that did not pass (failed or not implemented).
     *
     * @return The count.
     */
    public int failed() {
        return total() - passed();
    }

    /**
     * Whether at least one check ran and all passed.
     *
     * @return True when every check passed.
     */
    public boolean allPassed() {
        return total() > 0 && failed() == 0;
    }

    /**
     * A one-line summary, e.g. {@code "Exercise 01.2: 4/5 checks passed"}.
     *
     * @return The summary.
     */
    public String summary() {
        if (total() > 0 && results.stream().allMatch(r -> r.status() == CheckResult.Status.NOT_IMPLEMENTED)) {
            return "Exercise " + exerciseId + ": not implemented yet (0/" + total() + " checks passed)";
        }
        return "Exercise " + exerciseId + ": " + passed() + "/" + total() + " checks passed"
                + (allPassed() ? " - well done!" : "");
    }

    /**
     * Plain-text rendering: the summary, then one line per check.
     *
     * @return The text.
     */
    public String text() {
        StringBuilder sb = new StringBuilder(summary()).append('\n');
        for (CheckResult r : results) {
            sb.append(r.passed() ? "  PASS  " : r.status() == CheckResult.Status.NOT_IMPLEMENTED ? "  TODO  " : "  FAIL  ")
                    .append(r.name());
            if (!r.message().isEmpty()) {
                sb.append(" -- ").append(r.message().replace('\n', ' '));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * An HTML table for the notebook. The outer element carries {@code data-ebm-check}, {@code data-passed} and
     * {@code data-total} attributes so tools (the notebook test, the grader) can read the outcome.
     *
     * @return The HTML.
     */
    public String html() {
        String colour = allPassed() ? "#1a7f37" : "#b35900";
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"ebm-check\" data-ebm-check=\"").append(esc(exerciseId))
                .append("\" data-passed=\"").append(passed()).append("\" data-total=\"").append(total())
                .append("\" style=\"font-family:sans-serif;font-size:13px;margin:4px 0\">");
        sb.append("<div style=\"font-weight:bold;color:").append(colour).append("\">")
                .append(esc(summary())).append("</div>");
        sb.append("<div style=\"color:#555\">").append(esc(title)).append("</div>");
        sb.append("<table style=\"border-collapse:collapse;margin-top:4px\">");
        for (CheckResult r : results) {
            String mark;
            String c;
            switch (r.status()) {
                case PASSED -> { mark = "&#10004;"; c = "#1a7f37"; }
                case NOT_IMPLEMENTED -> { mark = "&#8230;"; c = "#777"; }
                default -> { mark = "&#10008;"; c = "#cf222e"; }
            }
            sb.append("<tr><td style=\"color:").append(c).append(";padding:2px 8px;text-align:center\">")
                    .append(mark).append("</td><td style=\"padding:2px 8px;text-align:left\">")
                    .append(esc(r.name())).append("</td><td style=\"padding:2px 8px;text-align:left;color:#555\">")
                    .append(esc(r.message())).append("</td></tr>");
        }
        sb.append("</table></div>");
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
