package org.ebmjava.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Generates student submissions from the course notebooks: stubs replaced by given solution bodies. */
final class ClassMaker {
    static final Path ROOT = root();
    private static final Pattern SOLUTION = Pattern.compile(
            "^[ \\t]*// BEGIN SOLUTION (\\d\\d\\.\\d+)[ \\t]*\\n(.*?)^[ \\t]*// END SOLUTION \\1[ \\t]*$",
            Pattern.MULTILINE | Pattern.DOTALL);

    private ClassMaker() {}

    private static Path root() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(p.resolve("notebooks")) ? p : p.getParent();
    }

    /** The course notebook file of a lesson. */
    static Path courseNotebook(int n) throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("notebooks"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(String.format("%02d_", n))
                    && p.toString().endsWith(".ipynb")).findFirst().orElseThrow();
        }
    }

    /** Reference solution bodies by exercise id, from References.java (as the notebook tool reads them). */
    static Map<String, String> references() throws IOException {
        String text = Files.readString(ROOT.resolve(
                "exercises/src/test/java/org/ebmjava/exercises/References.java"), StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SOLUTION.matcher(text);
        while (m.find()) {
            List<String> lines = m.group(2).stripTrailing().lines().toList();
            int indent = lines.stream().filter(l -> !l.isBlank())
                    .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            out.put(m.group(1), String.join("\n", lines.stream()
                    .map(l -> l.isBlank() ? "" : l.substring(indent)).toList()));
        }
        return out;
    }

    /** A notebook's JSON with the stubs of the given exercises replaced by bodies. */
    static String withBodies(int notebook, Map<String, String> bodies) throws IOException {
        String json = Files.readString(courseNotebook(notebook), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            String stubLine = "\"    throw new UnsupportedOperationException(\\\"exercise " + e.getKey() + "\\\");\\n\"";
            if (!json.contains(stubLine)) {
                continue;
            }
            String body = String.join("\n", e.getValue().lines().map(l -> "    " + l).toList()) + "\n";
            json = json.replace(stubLine, jsonString(body));
        }
        return json;
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String fileName(int notebook) throws IOException {
        return courseNotebook(notebook).getFileName().toString();
    }
}
