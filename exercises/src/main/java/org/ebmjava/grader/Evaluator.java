package org.ebmjava.grader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.ebmjava.exercises.check.CheckRunner;

/**
 * The untrusted side: the main class of the sandboxed process that evaluates one student's solution cells (compiled
 * together as one class, or with JShell, cell by cell, when they are not all declarations) and answers the grader's
 * calls on the resulting objects. Nothing here is trusted: student code runs in
 * this JVM and may replace any of it. It never decides a verdict; it only returns the values the student's
 * functions compute (see the package documentation).
 *
 * <p>Standard output is the channel to the grader, so {@code System.out} is redirected to standard error, which
 * the grader reads only up to a byte cap and never interprets.
 */
public final class Evaluator {
    private static final Object[] BOUND = new Object[256];
    private static PrintStream ERR;
    private static JShell shell;
    /** Where each solution cell starts and ends in the compiled wrapper's source (1-based lines), for line numbers. */
    private static volatile int[] cellStarts = new int[0];
    private static volatile int[] cellEnds = new int[0];
    /** The package and class of the compiled cells (JShell also puts its snippets in package REPL). */
    static final String CELLS_CLASS = "REPL.$EbmCells";
    /** JShell's default imports, which a solution cell may rely on as it does in the notebook. */
    private static final String JSHELL_IMPORTS = "import java.io.*; import java.math.*; import java.net.*; "
            + "import java.nio.file.*; import java.util.*; import java.util.concurrent.*; import java.util.function.*; "
            + "import java.util.prefs.*; import java.util.regex.*; import java.util.stream.*;";
    private static final java.util.regex.Pattern IMPORT = java.util.regex.Pattern.compile(
            "^\\s*import\\s+(static\\s+)?[\\w.]*?(?:(\\.\\*)|\\.?(\\w+))\\s*;\\s*$");

    private Evaluator() {}

    /**
     * Called from a JShell snippet to hand over the object a check cell would pass to {@code check(...)}.
     *
     * @param index The exercise's slot.
     * @param implementation The object.
     */
    public static void bind(int index, Object implementation) {
        BOUND[index] = implementation;
    }

    /**
     * Runs the evaluator: reads requests on standard input, answers on standard output.
     *
     * @param args Unused.
     * @throws IOException If the channel fails.
     */
    public static void main(String[] args) throws IOException {
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(err);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        ERR = err;
        byte[] frame;
        while ((frame = Wire.readFrame(in)) != null) {
            DataInputStream req = Wire.reader(frame);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream rep = new DataOutputStream(buf);
            byte kind = req.readByte();
            switch (kind) {
                case Protocol.COMPILE -> compile(req, rep);
                case Protocol.PRELUDE, Protocol.EVAL -> eval(shell(), Wire.readString(req), rep);
                case Protocol.BIND -> bind(shell(), req, rep);
                case Protocol.RECORD -> record(req, rep);
                case Protocol.CALL -> call(req, rep);
                default -> throw new IOException("unknown request " + kind);
            }
            rep.flush();
            Wire.writeFrame(out, buf.toByteArray());
        }
        System.exit(0);
    }

    /** JShell, made on first use: only the fallback path needs it. */
    private static JShell shell() {
        if (shell == null) {
            shell = JShell.builder().executionEngine("local").out(ERR).err(ERR).build();
            shell.addToClasspath(System.getProperty("java.class.path"));
        }
        return shell;
    }

    /** A cell without IJava magics (%jars, %%time, ...): notebook commands, not Java; lines are kept. */
    private static String withoutMagics(String source) {
        StringBuilder clean = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            clean.append(line.stripLeading().startsWith("%") ? "" : line).append('\n');
        }
        return clean.toString();
    }

    /**
     * The fast path: compiles the setup imports, the helpers and every solution cell as the members of one class
     * with a single javac call (no annotation processing), instantiates it, and binds each exercise's object. A
     * cell that is not a declaration (a statement, a {@code var}, a redefinition) does not compile as a member, so
     * the reply then asks the grader to use JShell (in this process: no student code has run yet); if the code threw
     * while initialising, the reply asks for JShell in a fresh process, which finds the cell to blame.
     */
    private static void compile(DataInputStream req, DataOutputStream rep) throws IOException {
        String imports = Wire.readString(req);
        String helpers = Wire.readString(req);
        int n = req.readInt();
        int[] slots = new int[n];
        String[] specs = new String[n];
        String[] bindings = new String[n];
        String[] sources = new String[n];
        for (int k = 0; k < n; k++) {
            slots[k] = req.readInt();
            specs[k] = Wire.readString(req);
            bindings[k] = Wire.readString(req);
            sources[k] = withoutMagics(Wire.readString(req));
        }
        // An import line in a cell (JShell accepts it there) moves to the imports, its line left blank, when that
        // cannot make a name visible to code above it: a single-type import whose name the code above never
        // mentions, or an import-on-demand with no code above it. Otherwise it stays, the class does not compile,
        // and JShell decides.
        StringBuilder hoisted = new StringBuilder();
        StringBuilder above = new StringBuilder();
        for (int k = 0; k < n; k++) {
            StringBuilder body = new StringBuilder();
            for (String line : sources[k].split("\n", -1)) {
                java.util.regex.Matcher m = IMPORT.matcher(line);
                if (m.matches()) {
                    String name = m.group(3);
                    boolean safe = m.group(2) != null ? above.toString().isBlank()
                            : !java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name) + "\\b")
                                    .matcher(above).find();
                    if (safe) {
                        hoisted.append(line.strip()).append(' ');
                        line = "";
                    }
                }
                body.append(line).append('\n');
                above.append(line.strip().startsWith("//") ? "" : line).append('\n');
            }
            sources[k] = body.toString();
        }
        StringBuilder src = new StringBuilder("package REPL; ").append(JSHELL_IMPORTS).append(' ')
                .append(imports.replace('\n', ' ')).append(' ').append(hoisted).append('\n');
        String simple = CELLS_CLASS.substring(CELLS_CLASS.indexOf('.') + 1);
        src.append("public class ").append(simple).append(" { ").append(helpers.replace('\n', ' ')).append('\n');
        int[] starts = new int[n];
        int[] ends = new int[n];
        int line = 3;
        int[] from = new int[n];
        int[] to = new int[n];
        for (int k = 0; k < n; k++) {
            if (!wholeDeclarations(sources[k])) {
                rep.writeByte(Protocol.UNCOMPILED);
                return;
            }
            starts[k] = line;
            from[k] = src.length();
            src.append(sources[k]);
            to[k] = src.length();
            line += countLines(sources[k], sources[k].length());
            ends[k] = line - 1;
        }
        for (int k = 0; k < n; k++) {
            src.append("public Object $ebmBinding").append(k).append("() { return ").append(bindings[k])
                    .append(";\n}\n");
        }
        src.append("}\n");
        Map<String, byte[]> classes = javac(CELLS_CLASS, src.toString(), from, to);
        if (classes == null) {
            rep.writeByte(Protocol.UNCOMPILED);
            return;
        }
        ClassLoader loader = new ClassLoader(Evaluator.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        cellStarts = starts;
        cellEnds = ends;
        Object[] bound = new Object[n];
        try {
            Class<?> c = loader.loadClass(CELLS_CLASS);
            Object cells = c.getDeclaredConstructor().newInstance();
            for (int k = 0; k < n; k++) {
                bound[k] = c.getMethod("$ebmBinding" + k).invoke(cells);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError | StackOverflowError e) {
            Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            rep.writeByte(Protocol.THREW);
            Wire.writeString(rep, t.getClass().getName() + ": " + t.getMessage());
            return;
        }
        rep.writeByte(Protocol.OK);
        for (int k = 0; k < n; k++) {
            BOUND[slots[k]] = null;
            String problem = bindProblem(bindings[k], specs[k], bound[k]);
            if (problem == null) {
                BOUND[slots[k]] = bound[k];
                rep.writeByte(Protocol.OK);
                Wire.writeString(rep, "");
            } else {
                rep.writeByte(Protocol.REJECTED);
                Wire.writeString(rep, problem);
            }
        }
    }

    /** Compiles one source file in memory; the classes by binary name, or null if it does not compile. */
    private static Map<String, byte[]> javac(String className, String source, int[] from, int[] to) {
        JavaCompiler jc = ToolProvider.getSystemJavaCompiler();
        if (jc == null) {
            return null;
        }
        Map<String, byte[]> out = new HashMap<>();
        StandardJavaFileManager std = jc.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                out.put(name, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/')
                + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn", "-cp",
                System.getProperty("java.class.path"));
        try {
            JavacTask task = (JavacTask) jc.getTask(new PrintWriter(Writer.nullWriter()), fm, diagnostics, options,
                    null, List.of(file));
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            if (diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    || !oneCellPerMember(task, units, from, to) || !inNotebookOrder(task, units)) {
                return null;
            }
            task.generate();
        } catch (RuntimeException | IOException e) {
            return null;                    // a javac crash: JShell gets its turn
        }
        boolean ok = diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
        return ok && out.containsKey(className) ? out : null;
    }

    /**
     * Whether a cell's text leaves no brace, parenthesis, comment, string or text block open at its end and never closes
     * more braces than it opened (which could end the class early): JShell evaluates each cell on its own, so a cell
     * that only makes sense with its neighbours is JShell's to judge (as is any cell with a Unicode escape).
     */
    static boolean wholeDeclarations(String cell) {
        if (cell.contains("\\u")) {
            return false;                           // javac reads Unicode escapes before this scan could
        }
        int depth = 0;
        int i = 0;
        int n = cell.length();
        while (i < n) {
            char c = cell.charAt(i);
            if (c == '/' && i + 1 < n && cell.charAt(i + 1) == '/') {
                while (i < n && cell.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && cell.charAt(i + 1) == '*') {
                int end = cell.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else if (cell.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (j < n && !cell.startsWith("\"\"\"", j)) {
                    j += cell.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n) {
                    return false;
                }
                i = j + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && cell.charAt(j) != c && cell.charAt(j) != '\n') {
                    j += cell.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n || cell.charAt(j) != c) {
                    return false;
                }
                i = j + 1;
            } else {
                if (c == '{' || c == '(' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ')' || c == ']') {
                    if (--depth < 0) {
                        return false;
                    }
                }
                i++;
            }
        }
        return depth == 0;
    }

    /**
     * Whether the unit is the wrapper class alone and each of its members lies within one cell (or in the grader's
     * own text before and after the cells), as JShell would have taken it.
     */
    private static boolean oneCellPerMember(JavacTask task, Iterable<? extends CompilationUnitTree> units,
            int[] from, int[] to) {
        Trees trees = Trees.instance(task);
        int count = 0;
        for (CompilationUnitTree unit : units) {
            for (Tree top : unit.getTypeDecls()) {
                count++;
                if (!(top instanceof ClassTree cells) || count > 1) {
                    return false;
                }
                for (Tree member : cells.getMembers()) {
                    long start = trees.getSourcePositions().getStartPosition(unit, member);
                    long end = trees.getSourcePositions().getEndPosition(unit, member);
                    if (end < 0) {
                        continue;                   // made by javac (the default constructor)
                    }
                    boolean inside = from.length == 0 || end <= from[0] || start >= to[to.length - 1];
                    for (int k = 0; k < from.length && !inside; k++) {
                        inside = start >= from[k] && end <= to[k];
                    }
                    if (!inside) {
                        return false;
                    }
                }
            }
        }
        return count == 1;
    }

    /**
     * Whether the class means what JShell makes of the cells in notebook order. A class lets a field's initializer
     * call a method declared after it (or use a later type); JShell, evaluating snippet by snippet, rejects such a
     * variable or fails when it runs. So the class is used only if no field declaration reaches, directly or
     * through the methods and types it uses, a member declared after it; otherwise JShell decides.
     */
    private static boolean inNotebookOrder(JavacTask task, Iterable<? extends CompilationUnitTree> units) {
        Trees trees = Trees.instance(task);
        for (CompilationUnitTree unit : units) {
            for (Tree top : unit.getTypeDecls()) {
                if (!(top instanceof ClassTree cells)) {
                    continue;
                }
                // Each member's start position, and the wrapper's members it refers to.
                Map<Element, Long> position = new HashMap<>();
                Map<Element, java.util.Set<Element>> uses = new HashMap<>();
                List<Element> fields = new java.util.ArrayList<>();
                for (Tree member : cells.getMembers()) {
                    Element e = trees.getElement(TreePath.getPath(unit, member));
                    if (e == null) {
                        return false;
                    }
                    position.put(e, trees.getSourcePositions().getStartPosition(unit, member));
                }
                for (Tree member : cells.getMembers()) {
                    TreePath path = TreePath.getPath(unit, member);
                    Element e = trees.getElement(path);
                    java.util.Set<Element> used = new java.util.HashSet<>();
                    new TreePathScanner<Void, Void>() {
                        @Override
                        public Void visitIdentifier(IdentifierTree node, Void v) {
                            note(trees.getElement(getCurrentPath()));
                            return super.visitIdentifier(node, v);
                        }

                        @Override
                        public Void visitMemberSelect(MemberSelectTree node, Void v) {
                            note(trees.getElement(getCurrentPath()));
                            return super.visitMemberSelect(node, v);
                        }

                        @Override
                        public Void visitNewClass(NewClassTree node, Void v) {
                            note(trees.getElement(getCurrentPath()));
                            return super.visitNewClass(node, v);
                        }

                        private void note(Element used1) {
                            // A member of the wrapper, or something declared inside one (a nested class's method).
                            for (Element x = used1; x != null; x = x.getEnclosingElement()) {
                                if (position.containsKey(x)) {
                                    used.add(x);
                                    return;
                                }
                            }
                        }
                    }.scan(path, null);
                    uses.put(e, used);
                    if (member instanceof VariableTree) {
                        fields.add(e);
                    }
                }
                for (Element f : fields) {
                    long at = position.get(f);
                    java.util.Deque<Element> todo = new java.util.ArrayDeque<>(uses.get(f));
                    java.util.Set<Element> seen = new java.util.HashSet<>();
                    while (!todo.isEmpty()) {
                        Element x = todo.pop();
                        if (!seen.add(x) || x.equals(f)) {
                            continue;
                        }
                        if (position.get(x) > at) {
                            return false;
                        }
                        if (!(x instanceof javax.lang.model.element.VariableElement)) {
                            todo.addAll(uses.getOrDefault(x, java.util.Set.of()));
                        }
                    }
                }
            }
        }
        return true;
    }

    /** Why an exercise's object cannot be checked (as the JShell path words it), or null if it can. */
    private static String bindProblem(String expr, String spec, Object o) throws IOException {
        Class<?> type = spec(spec);
        if (o == null) {
            return "the check cell passes '" + expr + "' to check(...), but the solution cell does not define it (or "
                    + "it is null)";
        }
        if (!type.isInstance(o)) {
            return "'" + expr + "' must be a " + type.getSimpleName() + ", found " + o.getClass().getName();
        }
        return null;
    }

    /**
     * The line in the notebook cell of a stack frame in the student's code, or -1 if the frame is not in it. JShell
     * numbers lines within each snippet; compiled cells are numbered within the cell.
     */
    static int cellLine(StackTraceElement e) {
        String c = e.getClassName();
        if (c.startsWith(CELLS_CLASS)) {
            int l = e.getLineNumber();
            int[] s = cellStarts;
            int[] en = cellEnds;
            for (int k = s.length - 1; k >= 0; k--) {
                if (l >= s[k]) {
                    return l <= en[k] ? l - s[k] + 1 : -1;
                }
            }
            return -1;
        }
        return c.startsWith("REPL.") ? e.getLineNumber() : -1;
    }

    /** Evaluates a cell snippet by snippet; replies OK, or REJECTED/THREW with the first problem. */
    private static void eval(JShell shell, String source, DataOutputStream rep) throws IOException {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        StringBuilder clean = new StringBuilder(withoutMagics(source));
        String rest = clean.toString();
        int offset = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(rest);
            String snippet = ci.source();
            if (snippet == null || ci.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || ci.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                snippet = rest;
            }
            int lineBase = line(clean, offset);
            for (SnippetEvent e : shell.eval(snippet)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    StringBuilder msg = new StringBuilder();
                    for (Diag d : shell.diagnostics(e.snippet()).toList()) {
                        if (d.isError()) {
                            long pos = Math.max(0, d.getStartPosition());
                            int l = lineBase + countLines(e.snippet().source(), (int) Math.min(pos,
                                    e.snippet().source().length()));
                            msg.append("line ").append(l).append(": ").append(d.getMessage(Locale.ROOT)).append("; ");
                        }
                    }
                    rep.writeByte(Protocol.REJECTED);
                    Wire.writeString(rep, msg.length() == 0 ? "does not compile" : msg.toString());
                    return;
                }
                if (e.exception() != null) {
                    Throwable t = e.exception();
                    String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
                    rep.writeByte(Protocol.THREW);
                    Wire.writeString(rep, name + ": " + t.getMessage());
                    return;
                }
            }
            int consumed = ci.remaining() == null ? rest.length() : rest.length() - ci.remaining().length();
            if (consumed <= 0) {
                break;
            }
            offset += consumed;
            rest = ci.remaining() == null ? "" : ci.remaining();
        }
        rep.writeByte(Protocol.OK);
        Wire.writeString(rep, "");
    }

    private static int line(CharSequence s, int offset) {
        return 1 + countLines(s, offset);
    }

    private static int countLines(CharSequence s, int end) {
        int n = 0;
        for (int k = 0; k < end && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static void bind(JShell shell, DataInputStream req, DataOutputStream rep) throws IOException {
        int index = req.readInt();
        String spec = Wire.readString(req);
        String expr = Wire.readString(req);
        BOUND[index] = null;
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        eval(shell, "org.ebmjava.grader.Evaluator.bind(" + index + ", " + expr + ");",
                new DataOutputStream(ignored));
        String problem = bindProblem(expr, spec, BOUND[index]);
        if (problem != null) {
            BOUND[index] = null;
            rep.writeByte(Protocol.REJECTED);
            Wire.writeString(rep, problem);
        } else {
            rep.writeByte(Protocol.OK);
            Wire.writeString(rep, "");
        }
    }

    private static Class<?> spec(String name) throws IOException {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    /** Runs the exercise's checks here against a recording proxy, and replies with every call's outcome. */
    private static void record(DataInputStream req, DataOutputStream rep) throws IOException {
        int index = req.readInt();
        Class<?> spec = spec(Wire.readString(req));
        String exerciseId = Wire.readString(req);
        long timeoutMs = req.readLong();
        Object impl = BOUND[index];
        Recorder recorder = new Recorder(impl);
        Object proxy = Proxy.newProxyInstance(spec.getClassLoader(), new Class<?>[] {spec}, recorder);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        CheckRunner.run(exerciseId, proxy, Duration.ofMillis(timeoutMs));
        int left = leftRunning(before);
        if (left > 0) {
            try {
                Thread.sleep(200);                 // JUnit's own timeout threads end just after their check
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            left = leftRunning(before);
        }
        synchronized (recorder) {
            recorder.closed = true;
            rep.writeInt(left);
            rep.writeInt(recorder.count);
            recorder.entries.writeTo(rep);
        }
    }

    private static int leftRunning(Set<Thread> before) {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    /** Answers one live call. */
    private static void call(DataInputStream req, DataOutputStream rep) throws IOException {
        int index = req.readInt();
        Class<?> spec = spec(Wire.readString(req));
        int methodIndex = req.readInt();
        Method m = Wire.methods(spec).get(methodIndex);
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int k = 0; k < types.length; k++) {
            args[k] = Wire.read(req, types[k]);
        }
        Object[] before = Wire.copyArrays(types, args);
        Object result = null;
        Throwable thrown = null;
        try {
            result = m.invoke(BOUND[index], args);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        } catch (ReflectiveOperationException | RuntimeException e) {
            thrown = e;
        }
        Protocol.writeOutcome(rep, m, before, args, result, thrown);
    }

    /** Calls the student's object and records each call's argument hash and outcome, in call order. */
    private static final class Recorder implements java.lang.reflect.InvocationHandler {
        /** Stop recording past this many bytes; later calls are then answered live. */
        private static final int MAX_BYTES = Wire.MAX_FRAME / 2;
        private final Object impl;
        private final ByteArrayOutputStream entries = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(entries);
        private int count;
        private boolean busy;
        private boolean spoiled;
        private boolean closed;

        Recorder(Object impl) {
            this.impl = impl;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "solution";
                };
            }
            Object[] a = args == null ? new Object[0] : args;
            long hash = Protocol.argsHash(m, a);
            Object[] before = Wire.copyArrays(m.getParameterTypes(), a);
            synchronized (this) {
                if (busy || spoiled) {
                    // An abandoned (timed-out) call is still running: the order is lost, so stop calling the code
                    // here; the grader asks for these calls live.
                    spoiled = true;
                    throw new IllegalStateException("not recorded: an earlier call is still running");
                }
                busy = true;
            }
            Object result = null;
            Throwable thrown = null;
            try {
                result = m.invoke(impl, a);
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            }
            synchronized (this) {
                busy = false;
                if (!spoiled && !closed && entries.size() < MAX_BYTES) {
                    out.writeLong(hash);
                    Protocol.writeOutcome(out, m, before, a, result, thrown);
                    count++;
                } else {
                    spoiled = true;
                }
            }
            if (thrown != null) {
                throw thrown;
            }
            return result;
        }
    }
}
