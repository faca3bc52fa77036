package org.ebmjava.grader;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jupyter notebook read for grading: its kernel and its code cells with their nbgrader metadata.
 *
 * <p>Reading is strict, because a submission is untrusted: a file larger than {@link #MAX_BYTES}, not UTF-8, not
 * JSON, without a {@code cells} list, with a kernel other than {@code java}, or with two cells carrying the same
 * {@code grade_id} is rejected with a {@link Malformed} that says which.
 */
final class NotebookFile {
    /** Largest notebook accepted (stored outputs included). */
    static final long MAX_BYTES = 32L << 20;

    /** A submission that cannot be graded as it stands; the message is for the student and the instructor. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** One cell: its type, source text and nbgrader {@code grade_id} (null when it has none). */
    record Cell(String type, String source, String gradeId, boolean solution, String exerciseId) {}

    private final String kernel;
    private final List<Cell> cells;

    private NotebookFile(String kernel, List<Cell> cells) {
        this.kernel = kernel;
        this.cells = List.copyOf(cells);
    }

    /**
     * Reads a notebook, refusing symbolic links (a submission must not point outside itself).
     *
     * @param path The file.
     * @return The notebook.
     * @throws Malformed If the file cannot be graded; the message says why.
     */
    static NotebookFile read(Path path) throws Malformed {
        try {
            if (Files.isSymbolicLink(path)) {
                throw new Malformed("is a symbolic link (to " + Files.readSymbolicLink(path)
                        + "); submit the notebook file itself");
            }
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new Malformed("is not a regular file");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new Malformed("is " + size + " bytes; the grader reads notebooks up to " + MAX_BYTES
                        + " bytes (clear the outputs and resubmit)");
            }
            byte[] bytes = Files.readAllBytes(path);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new Malformed("is not UTF-8 text, so not a notebook");
            }
            return parse(text);
        } catch (IOException e) {
            throw new Malformed("cannot be read: " + e);
        }
    }

    /**
     * Parses notebook JSON.
     *
     * @param text The JSON text.
     * @return The notebook.
     * @throws Malformed If it is not a Java notebook in nbformat 4.
     */
    static NotebookFile parse(String text) throws Malformed {
        Object root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed("is not valid notebook JSON: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> nb)) {
            throw new Malformed("is JSON but not a notebook (the top level is not an object)");
        }
        if (!(nb.get("nbformat") instanceof Double v) || v < 4) {
            throw new Malformed("is not in nbformat 4 (found nbformat " + nb.get("nbformat") + ")");
        }
        String kernel = null;
        if (nb.get("metadata") instanceof Map<?, ?> meta && meta.get("kernelspec") instanceof Map<?, ?> ks
                && ks.get("name") instanceof String name) {
            kernel = name;
        }
        if (!"java".equals(kernel)) {
            throw new Malformed("uses the kernel '" + kernel + "', not the course's Java kernel 'java'");
        }
        if (!(nb.get("cells") instanceof List<?> list)) {
            throw new Malformed("has no list of cells");
        }
        List<Cell> cells = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int index = 0;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> c) || !(c.get("cell_type") instanceof String type)) {
                throw new Malformed("cell " + index + " is not a cell object with a cell_type");
            }
            String source = source(c.get("source"), index);
            String gradeId = null;
            boolean solution = false;
            String exercise = null;
            if (c.get("metadata") instanceof Map<?, ?> md) {
                if (md.get("nbgrader") instanceof Map<?, ?> g) {
                    if (g.get("grade_id") instanceof String id) {
                        gradeId = id;
                        Integer before = seen.put(id, index);
                        if (before != null) {
                            throw new Malformed("has two cells with grade_id '" + id + "' (cells " + before + " and "
                                    + index + "); a duplicated exercise cell cannot be graded");
                        }
                    }
                    solution = Boolean.TRUE.equals(g.get("solution"));
                }
                if (md.get("ebm") instanceof Map<?, ?> ebm && ebm.get("exercise") instanceof String ex) {
                    exercise = ex;
                }
            }
            cells.add(new Cell(type, source, gradeId, solution, exercise));
            index++;
        }
        return new NotebookFile(kernel, cells);
    }

    private static String source(Object s, int index) throws Malformed {
        if (s instanceof String str) {
            return str;
        }
        if (s instanceof List<?> parts) {
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) {
                if (!(p instanceof String str)) {
                    throw new Malformed("cell " + index + " has a source list with a non-string entry");
                }
                sb.append(str);
            }
            return sb.toString();
        }
        throw new Malformed("cell " + index + " has no source text");
    }

    String kernel() {
        return kernel;
    }

    List<Cell> cells() {
        return cells;
    }

    /**
     * The code cells whose nbgrader metadata marks them as solutions, by grade id, in notebook order.
     *
     * @return Grade id to cell.
     */
    Map<String, Cell> solutionCells() {
        Map<String, Cell> m = new LinkedHashMap<>();
        for (Cell c : cells) {
            if (c.solution() && c.gradeId() != null && "code".equals(c.type())) {
                m.put(c.gradeId(), c);
            }
        }
        return m;
    }
}
