package org.ebmjava.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ebmjava.exercises.Exercise;
import org.ebmjava.exercises.Exercises;

/**
 * The course's own copy of the notebooks: the master from which, as in nbgrader, every cell other than a student's
 * solution cells is taken. For each notebook it holds the imports a solution cell may rely on (those of
 * {@code setup.jsh} and of the notebook's code cells), and for each exercise the shipped stub and the name
 * the check cell passes to {@code check("NN.k", name)}.
 */
final class CourseCopy {
    private static final Pattern CHECK = Pattern.compile("check\\(\\s*\"(\\d\\d\\.\\d+)\"\\s*,\\s*(.+?)\\s*\\)\\s*;",
            Pattern.DOTALL);
    private static final Pattern NOTEBOOK = Pattern.compile("(\\d\\d)_.*\\.ipynb");

    /** One exercise as the course notebook poses it. */
    record CourseExercise(Exercise exercise, String solutionGradeId, String stub, String binding) {}

    /** One course notebook. */
    record CourseNotebook(int number, String fileName, List<String> imports, List<CourseExercise> exercises) {}

    private final Map<Integer, CourseNotebook> notebooks;

    private CourseCopy(Map<Integer, CourseNotebook> notebooks) {
        this.notebooks = notebooks;
    }

    /**
     * Reads the course notebooks.
     *
     * @param notebooksDir The course's {@code notebooks} folder (holding {@code setup.jsh}).
     * @return The course copy.
     * @throws IOException If a course notebook cannot be read, or its exercise cells do not match the registry.
     */
    static CourseCopy load(Path notebooksDir) throws IOException {
        Path setup = notebooksDir.resolve("setup.jsh");
        List<String> setupImports = imports(Files.readString(setup, StandardCharsets.UTF_8));
        Map<Integer, CourseNotebook> map = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(notebooksDir)) {
            files = s.filter(p -> NOTEBOOK.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        for (Path f : files) {
            int number = Integer.parseInt(f.getFileName().toString().substring(0, 2));
            NotebookFile nb;
            try {
                nb = NotebookFile.read(f);
            } catch (NotebookFile.Malformed e) {
                throw new IOException("course notebook " + f + " " + e.getMessage(), e);
            }
            // The imports of every code cell of the course copy (imports only: no other statement runs).
            List<String> imports = new ArrayList<>(setupImports);
            nb.cells().stream().filter(c -> "code".equals(c.type()) && !c.solution())
                    .flatMap(c -> imports(c.source()).stream())
                    .filter(i -> !imports.contains(i)).forEach(imports::add);
            Map<String, String> bindings = new LinkedHashMap<>();
            for (NotebookFile.Cell c : nb.cells()) {
                Matcher m = CHECK.matcher(c.source());
                if (c.gradeId() != null && c.gradeId().endsWith("-check") && m.find()) {
                    bindings.put(m.group(1), m.group(2));
                }
            }
            List<CourseExercise> exercises = new ArrayList<>();
            for (NotebookFile.Cell c : nb.solutionCells().values()) {
                String id = c.exerciseId();
                Exercise e;
                try {
                    e = Exercises.get(id);
                } catch (IllegalArgumentException ex) {
                    throw new IOException("course notebook " + f + ": solution cell " + c.gradeId() + ": "
                            + ex.getMessage(), ex);
                }
                if (!c.gradeId().equals(e.gradeId() + "-solution")) {
                    throw new IOException("course notebook " + f + ": exercise " + id + " has grade_id "
                            + c.gradeId() + ", expected " + e.gradeId() + "-solution");
                }
                String binding = bindings.get(id);
                if (binding == null) {
                    throw new IOException("course notebook " + f + ": exercise " + id
                            + " has no check cell of the form check(\"" + id + "\", name);");
                }
                exercises.add(new CourseExercise(e, c.gradeId(), c.source(), binding));
            }
            map.put(number, new CourseNotebook(number, f.getFileName().toString(), List.copyOf(imports),
                    List.copyOf(exercises)));
        }
        if (map.isEmpty()) {
            throw new IOException("no course notebooks NN_*.ipynb in " + notebooksDir);
        }
        return new CourseCopy(map);
    }

    private static List<String> imports(String source) {
        List<String> out = new ArrayList<>();
        for (String line : source.split("\n")) {
            String t = line.strip();
            if (t.startsWith("import ") && t.endsWith(";")) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The course notebook with a number.
     *
     * @param number 1 to 10.
     * @return The notebook, or null if the course has none with this number.
     */
    CourseNotebook notebook(int number) {
        return notebooks.get(number);
    }

    /**
     * The course notebook whose exercises a submission's solution cells belong to, from the file name's
     * {@code NN_} prefix or else from the grade ids.
     *
     * @param fileName The submitted file's name.
     * @param gradeIds The grade ids found in it (may be empty).
     * @return The notebook, or null if none matches.
     */
    CourseNotebook identify(String fileName, Iterable<String> gradeIds) {
        Matcher m = NOTEBOOK.matcher(fileName);
        if (m.matches() && notebooks.containsKey(Integer.parseInt(m.group(1)))) {
            return notebooks.get(Integer.parseInt(m.group(1)));
        }
        for (String g : gradeIds) {
            for (CourseNotebook nb : notebooks.values()) {
                for (CourseExercise e : nb.exercises()) {
                    if (e.solutionGradeId().equals(g)) {
                        return nb;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Every course notebook, in order.
     *
     * @return The notebooks.
     */
    List<CourseNotebook> all() {
        return List.copyOf(notebooks.values());
    }
}
