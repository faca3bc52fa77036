package org.ebmjava.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ebmjava.exercises.check.CheckReport;

/**
 * Per-student feedback: one HTML page per student with, for each graded notebook, the same pass/fail tables the
 * notebook's check cells show (check names and messages; never reference code). Each submission's part is kept
 * in {@code feedback/parts/}, so a resumed run rebuilds complete pages.
 */
final class Feedback {
    private final Path dir;

    Feedback(Path outDir) {
        this.dir = outDir.resolve("feedback");
    }

    static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._@-]", "_");
        t = t.isEmpty() || t.startsWith(".") ? "_" + t : t;
        return t.equals(s) ? t : t + "-" + Integer.toHexString(s.hashCode());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Writes one submission's part and rebuilds the student's page. */
    synchronized void write(Marker.Submission sub, List<Row> rows, List<CheckReport> reports) throws IOException {
        Path parts = dir.resolve("parts").resolve(safe(sub.student()));
        StringBuilder sb = new StringBuilder();
        sb.append("<section><h2>").append(esc(sub.assignment().equals("-") ? "" : sub.assignment() + " / "))
                .append(esc(sub.notebookName())).append("</h2>\n<table class=\"summary\"><tr><th>exercise</th>")
                .append("<th>status</th><th>checks</th><th>points</th></tr>\n");
        for (Row r : rows) {
            sb.append("<tr><td>").append(esc(r.exercise())).append("</td><td>").append(esc(r.status()))
                    .append("</td><td>").append(r.passed()).append('/').append(r.total()).append("</td><td>")
                    .append(Row.fmt(r.points())).append(" / ").append(r.maxPoints()).append("</td></tr>\n");
            if (!r.status().equals("ok") && !r.message().isEmpty()) {
                sb.append("<tr><td></td><td colspan=\"3\" class=\"msg\">").append(esc(r.message()))
                        .append("</td></tr>\n");
            }
        }
        sb.append("</table>\n");
        for (CheckReport rep : reports) {
            sb.append(rep.html()).append('\n');
        }
        sb.append("</section>\n");
        Gradebook.atomicWrite(parts.resolve(safe(sub.assignment()) + "--" + safe(sub.notebookName()) + ".html"),
                sb.toString());
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Feedback: ")
                .append(esc(sub.student())).append("</title><style>body{font-family:sans-serif;max-width:60em;"
                + "margin:2em auto}table.summary td,table.summary th{padding:2px 10px;text-align:left}"
                + ".msg{color:#555;font-size:90%}</style></head><body>\n<h1>Feedback for ")
                .append(esc(sub.student())).append("</h1>\n");
        try (Stream<Path> s = Files.list(parts)) {
            for (Path p : s.sorted().toList()) {
                if (p.getFileName().toString().endsWith(".html")) {
                    page.append(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        page.append("</body></html>\n");
        Gradebook.atomicWrite(dir.resolve(safe(sub.student()) + ".html"), page.toString());
    }
}
