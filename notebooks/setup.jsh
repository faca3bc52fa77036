// Shared setup of the course, loaded by `%load setup.jsh` in the first code cell of every notebook.
// It puts the course library on the class path, imports what the lessons use, wires IJava's display
// functions into the library's notebook bridge and prints one line with the versions and the size mode.
if (!new java.io.File("../exercises/target/course-classpath").isDirectory())
    throw new IllegalStateException("The course library is not built yet: run ./course setup in the repository root, then restart the kernel.");
System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
System.setProperty("java.awt.headless", "true");
%jars ../exercises/target/course-classpath/*.jar

import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import java.util.random.RandomGenerator;
import java.awt.image.BufferedImage;
import tech.tablesaw.api.*;
import org.ebmjava.Ebm;
import org.ebmjava.NativeConfig;
import org.ebmjava.thermo.*;
import org.ebmjava.landscape.*;
import org.ebmjava.data.*;
import org.ebmjava.viz.*;
import org.ebmjava.nb.*;

org.ebmjava.nb.Notebook.install(new org.ebmjava.nb.DisplaySink() {
    public String show(Object value, String mimeType) {
        return mimeType == null ? display(value) : display(value, mimeType);
    }
    public void replace(String id, Object value, String mimeType) {
        if (mimeType == null) updateDisplay(id, value); else updateDisplay(id, value, mimeType);
    }
});

/** Runs the JUnit checks of exercise `id` against `solution` and shows a pass/fail table; never throws. */
void check(String id, Object solution) { org.ebmjava.exercises.check.CheckRunner.show(id, solution); }
/** Shows a Tablesaw table as an HTML table, anything else (an image, ...) with the kernel's renderer. */
void show(Object value) { if (value instanceof Table t) Tables.show(t); else Notebook.show(value); }
/** Shows an HTML snippet. */
void html(String html) { Notebook.html(html); }
/** Prints formatted text (like System.out.printf, but returns nothing, so a cell does not echo a PrintStream). */
void printf(String format, Object... args) { System.out.print(String.format(Locale.ROOT, format, args)); }

final long SEED = Ebm.DEFAULT_SEED;
Knobs.announce();
System.out.println("EBM course library " + Ebm.version() + " | Java " + Runtime.version() + " | seed " + SEED);
