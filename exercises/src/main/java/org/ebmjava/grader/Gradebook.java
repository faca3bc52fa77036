package org.ebmjava.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradebook CSV (RFC 4180, UTF-8, header row): read, written atomically (a temporary file in the same folder,
 * then a rename, so a crash leaves the old or the new file, never half of one), and merged across shards.
 */
final class Gradebook {
    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** Rows, sorted by student, assignment, notebook and exercise. */
    synchronized List<Row> rows() {
        List<Row> l = new ArrayList<>(rows.values());
        l.sort(Comparator.comparing(Row::student).thenComparing(Row::assignment).thenComparing(Row::notebook)
                .thenComparing(Row::exercise));
        return l;
    }

    /** Whether the gradebook holds rows of this submission. */
    synchronized boolean has(String student, String assignment, String notebook) {
        String k = student + "\u0000" + assignment + "\u0000" + notebook;
        return rows.values().stream().anyMatch(r -> r.submissionKey().equals(k));
    }

    /** Replaces the rows of one submission. */
    synchronized void put(Collection<Row> submissionRows) {
        for (Row r : submissionRows) {
            rows.values().removeIf(x -> x.submissionKey().equals(r.submissionKey()));
        }
        for (Row r : submissionRows) {
            rows.put(r.key(), r);
        }
    }

    /**
     * Reads a gradebook.
     *
     * @param file The CSV file.
     * @return The gradebook.
     * @throws IOException If unreadable; {@link IllegalArgumentException} (naming file and line) if malformed.
     */
    static Gradebook read(Path file) throws IOException {
        Gradebook g = new Gradebook();
        List<String[]> records = parse(Files.readString(file, StandardCharsets.UTF_8), file);
        if (records.isEmpty() || !String.join(",", records.get(0)).equals(String.join(",", Row.HEADER))) {
            throw new IllegalArgumentException(file + ": line 1 is not the gradebook header "
                    + String.join(",", Row.HEADER));
        }
        for (int i = 1; i < records.size(); i++) {
            Row r = Row.of(records.get(i), file + ": row " + (i + 1));
            if (g.rows.put(r.key(), r) != null) {
                throw new IllegalArgumentException(file + ": row " + (i + 1) + " repeats " + describe(r));
            }
        }
        return g;
    }

    static String describe(Row r) {
        return "student " + r.student() + ", assignment " + r.assignment() + ", notebook " + r.notebook()
                + ", exercise " + r.exercise();
    }

    /**
     * Writes atomically.
     *
     * @param file The target.
     * @throws IOException If it cannot be written.
     */
    synchronized void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        line(sb, Row.HEADER);
        for (Row r : rows()) {
            line(sb, r.fields());
        }
        atomicWrite(file, sb.toString());
    }

    static void atomicWrite(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void line(StringBuilder sb, String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields[i];
            // A spreadsheet would run a cell that starts with = + - @ as a formula: neutralise it in text columns.
            if (i == 9 && !f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0) {
                f = "'" + f;
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        sb.append('\n');
    }

    static List<String[]> parse(String text, Path file) {
        List<String[]> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                cur.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || f.length() > 0) {
                    cur.add(f.toString());
                    out.add(cur.toArray(new String[0]));
                }
                cur = new ArrayList<>();
                f.setLength(0);
                any = false;
                line++;
            } else {
                f.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + ": line " + line + ": unterminated quoted field");
        }
        if (any || f.length() > 0) {
            cur.add(f.toString());
            out.add(cur.toArray(new String[0]));
        }
        return out;
    }

    /**
     * Merges shard gradebooks; rejects a row key that appears in two of them (an overlap, or a conflict when the
     * rows differ), naming both files and the row.
     *
     * @param files The shard gradebooks.
     * @return The merged gradebook.
     * @throws IOException If a file cannot be read.
     */
    static Gradebook merge(List<Path> files) throws IOException {
        Gradebook merged = new Gradebook();
        Map<String, Path> from = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            Gradebook g = read(f);
            for (Row r : g.rows.values()) {
                Row before = merged.rows.putIfAbsent(r.key(), r);
                if (before != null) {
                    String kind = before.equals(r) ? "overlap" : "conflict";
                    problems.add(kind + ": " + describe(r) + " is in both " + from.get(r.key()) + " and " + f
                            + (kind.equals("conflict") ? " with different results (" + before.status() + " "
                            + Row.fmt(before.points()) + " vs " + r.status() + " " + Row.fmt(r.points()) + ")" : ""));
                } else {
                    from.put(r.key(), f);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot merge: " + problems.size() + " row(s) appear in more than one "
                    + "gradebook:\n  " + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
                    + (problems.size() > 20 ? "\n  ..." : ""));
        }
        return merged;
    }
}
