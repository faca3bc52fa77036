/**
 * The grader: {@code ./course grade} marks a class of submitted notebooks, treating every submission as hostile.
 *
 * <h2>How a submission is graded</h2>
 * <ol>
 *   <li>{@link org.ebmjava.grader.NotebookFile} reads the submitted notebook strictly (size cap, UTF-8, JSON depth
 *       cap, kernel {@code java}, unique {@code grade_id}s, no symbolic links) and keeps only the code cells whose
 *       nbgrader metadata marks them {@code solution: true}. Everything else (the setup imports, the name each check
 *       cell passes to {@code check(...)}) comes from the course's own copy ({@link org.ebmjava.grader.CourseCopy}),
 *       as nbgrader restores cells from the master copy. No training cell of the lesson runs. A solution cell equal
 *       to the shipped stub is "not-attempted" without running anything.</li>
 *   <li>{@link org.ebmjava.grader.Session} starts one sandboxed JVM per submitted notebook
 *       ({@link org.ebmjava.grader.Evaluator}), which compiles the course's setup imports (with JShell's default
 *       imports), the notebook helpers ({@code check}, {@code show}, {@code printf}, {@code SEED}, ...) and every
 *       solution cell as the members of one class, with one in-memory javac call ({@code javax.tools},
 *       {@code -proc:none}: no annotation processor runs), then instantiates it and takes each exercise's object
 *       (the expression its check cell passes to {@code check(...)}). Solution cells are declarations (a lambda
 *       assigned to the spec's type, helper methods, nested classes), and as members they mean what they mean in
 *       JShell. The class is used only when JShell, evaluating the cells in notebook order, would accept them too:
 *       every cell stands on its own (no brace, comment, string or text block left open, the class not closed
 *       early, each member within one cell, no Unicode escapes), no field declaration reaches a member declared
 *       below it (a class allows that, JShell does not), and an import line inside a cell is moved to the top only
 *       when no code above it could need it. Otherwise (also for a statement, {@code var} or a redefinition, which
 *       do not compile as members) the same process falls back to JShell, evaluating the cells snippet by snippet in
 *       notebook order, so a compile error is reported per exercise with JShell's message exactly as in the
 *       notebook; when the class compiles but its start throws or ends the process, a fresh process falls back to
 *       JShell, which finds the cell to blame (a cell that kills its process is skipped on the restart, so the
 *       other exercises are still graded). The fallback costs time, never a different verdict. Line numbers in
 *       messages count from the top of the cell on the compiled path.</li>
 *   <li>For each exercise the sandbox runs the exercise's JUnit checks against a recording wrapper of the
 *       student's object and sends back a transcript: for every call, a hash of its arguments and its outcome
 *       (return value or exception, and changes to array arguments).</li>
 *   <li>The trusted grader process then runs the same JUnit checks itself ({@link
 *       org.ebmjava.exercises.check.CheckRunner}) against a {@link java.lang.reflect.Proxy} of the exercise's spec
 *       ({@link org.ebmjava.grader.RemoteSolution}). Each call is answered from the transcript while its arguments
 *       hash to the recorded ones, in order, and otherwise by a live call to the sandbox under a deadline. The
 *       verdict (checks passed, status, points = points &times; passed/total) is computed here.</li>
 * </ol>
 * The transcript exists for speed: a check that calls a function 200,000 times would otherwise need 200,000
 * round trips of about 10 &micro;s each. It gives the sandbox no power the live channel does not: in both, the
 * sandbox chooses the value the student's function returns for the arguments the trusted checks pass.
 *
 * <h2>Speed</h2>
 * The cost of a submission is almost all the start of its sandboxed JVM, so that start is kept small: one JVM per
 * submitted notebook for all its exercises; a class-data-sharing archive of the evaluator's classes (javac, JUnit, the
 * course), made at the start of each grading run by one sandboxed training run over the first notebook's stubs ({@code
 * -XX:ArchiveClassesAtExit} into a private folder, then mounted read-only and used with {@code
 * -XX:SharedArchiveFile}); C1 only ({@code -XX:TieredStopAtLevel=1}) and the serial collector; and the solution cells
 * compiled as one class with one javac call instead of JShell's snippet-by-snippet evaluation (JShell starts and
 * compiles each import, helper, cell and binding separately). {@code ./course bench grade} (reference solutions in
 * every cell, one grading run per notebook, 2 jobs, on the 2-core development machine while other work ran on it, load
 * average 5 to 8): notebook 01, 40 students, in two back-to-back pairs of runs, JShell evaluator 2.39 and 3.00 s of
 * CPU per submission (87 and 116 s wall), compiled cells 1.35 and 1.51 s (46 and 63 s wall), and 1.58 s (51 s wall) in
 * a third run of the final code; over all eight notebooks with exercises, 20 students each, two runs, 1.0 to 1.4 s of
 * CPU per submission except notebook 01, the slowest (its Langevin check calls the student's function 200,000 times;
 * it is also graded first, while the grader's JVM warms up), at 1.5 to 1.8 s. So a 200-student class of one notebook
 * needs 2.2 to 3.0 minutes of CPU on 2 otherwise idle cores; at the measured load it took 3 to 5.3 minutes of wall
 * time. Of a compiled submission's CPU time, javac in a cold JVM takes about 0.6 s (roughly half of it resolving the
 * setup's on-demand imports), the first JUnit run about 0.2 s, and the grader's own side 0.1 to 0.2 s. The remaining
 * large cost, javac's cold start, could only be shared by compiling several students' cells in one long-lived process,
 * so that one submission's input could affect the compilation of another's; the grader does not do that. JVM flags
 * measured without gain: {@code -XX:CompileThresholdScaling}, {@code -XX:CICompilerCount=1}, {@code -Xms}, a smaller
 * javac class path or module graph.
 *
 * <h2>The channel</h2>
 * {@link org.ebmjava.grader.Wire}: length-prefixed frames on the child's standard input and output, carrying only
 * primitives, {@code String}, one- to three-dimensional arrays of {@code double}, {@code float}, {@code int},
 * {@code long} and {@code boolean}, and records of those; every value is decoded by the type the spec declares,
 * never by a class name the child sends, with every announced length checked against the bytes present. Every
 * registered exercise spec keeps to these types (a test checks it), so later lessons must too. Exceptions are
 * rebuilt only for a fixed list of standard unchecked types (so {@code assertThrows(IllegalArgumentException...)}
 * checks work and the stub's {@code UnsupportedOperationException} reads as "not implemented"); anything else
 * becomes a failed check naming the type. The child's {@code System.out} goes to its standard error, which the
 * grader drains up to a cap (1 MiB) and never interprets.
 *
 * <h2>Threat model</h2>
 * What a submission can do, and what stops it:
 * <ul>
 *   <li><b>Forge its result</b> (print "all passed", write a result file, use reflection on the check runner):
 *       verdicts are computed in the grader's JVM, which runs no student code; the sandbox holds only a copy of the
 *       check classes, and nothing it prints or writes is read as a verdict. Writing garbage on the channel breaks
 *       the protocol: the process is killed and the exercise recorded as {@code crashed}.</li>
 *   <li><b>Read</b> other submissions, the reference solutions or the test sources: the sandbox sees only
 *       {@code /usr} (with its {@code bin} folders emptied), the JDK and its {@code /etc} configuration, and the
 *       course class path (exercises/target/course-classpath: the library, specs and checks, never test classes or
 *       {@code References}), all read-only. Submissions and the course's source tree are not mounted.</li>
 *   <li><b>Write</b> outside its work directory: the only writable place is a private tmpfs (64 MiB) at
 *       {@code /tmp}, gone when the process ends; files are capped at 16 MiB ({@code RLIMIT_FSIZE}).</li>
 *   <li><b>Network</b>: a new, empty network namespace (bubblewrap {@code --unshare-all}); connections fail.</li>
 *   <li><b>Processes</b>: no shells or tools are visible; a fork bomb of JVMs meets {@code RLIMIT_NPROC} = 128,
 *       set inside the sandbox's own user namespace, so it cannot starve other students' sandboxes (a limit set
 *       outside would be shared by every process of uid 65534). All of it runs as uid/gid 65534 in a new PID
 *       namespace with {@code --die-with-parent}; the grader kills the whole process tree when it is done, so a
 *       thread left spinning dies with it.</li>
 *   <li><b>Time and memory</b>: a deadline per call (the per-check limit, 20 s as in the notebook) and per
 *       submitted notebook ({@code --timeout}, default 180 s), enforced by killing the process ({@code timeout});
 *       a CPU-time limit ({@code RLIMIT_CPU}); the Java heap capped by {@code -Xmx} (default 384 MiB) with
 *       {@code -XX:+ExitOnOutOfMemoryError} ({@code killed}).</li>
 *   <li><b>Output</b>: more than 1 MiB on standard output or error kills the process ({@code killed}).</li>
 * </ul>
 * What it cannot stop:
 * <ul>
 *   <li>Native memory outside the Java heap (for example via {@code sun.misc.Unsafe}) is not capped: an
 *       address-space limit breaks the JVM, and cgroups are not available to an unprivileged grader. Run the grader
 *       in a container or VM with a memory limit if that matters.</li>
 *   <li>CPU and memory bandwidth are shared: a hostile submission slows the others graded at the same time (within
 *       its CPU-time and wall-time caps), though it cannot change their results.</li>
 *   <li>Kernel bugs: bubblewrap relies on Linux namespaces; a kernel exploit escapes any such sandbox.</li>
 *   <li>A submission may compute answers by any means available inside the sandbox (the library and the check
 *       classes are there, as they are in the notebook); the grader checks behaviour, not authorship.</li>
 *   <li>Without bubblewrap ({@code --unsandboxed}, for machines that forbid namespaces) only the time, CPU, heap,
 *       process and file-size caps remain: the code runs as the grader's user and can read and write what that
 *       user can. The grader refuses to run this way unless told, and writes {@code none (--unsandboxed)} in the
 *       gradebook's sandbox column.</li>
 * </ul>
 *
 * <h2>Outputs</h2>
 * {@link org.ebmjava.grader.Gradebook}: {@code gradebook.csv} with one row per exercise of each submitted notebook
 * (student, assignment, notebook, exercise, checks passed and run, points and maximum, status, message, duration,
 * sandbox), rewritten atomically after every submission; a rerun skips submissions it already holds unless
 * {@code --regrade}. Statuses: {@code ok}, {@code failed} (a check failed, or the cell does not compile),
 * {@code not-attempted} (the stub), {@code timeout}, {@code crashed} (the process exited or broke the channel),
 * {@code killed} (heap, CPU, output or process limits), {@code malformed} (the notebook cannot be graded as it
 * stands), {@code sandbox-denied} (the code failed on an operation the sandbox forbids: files, network, processes).
 * {@link org.ebmjava.grader.Feedback}: one HTML page per student with the pass/fail tables of the notebook's
 * check cells. {@code --shard I/N} grades the students whose SHA-256 id hash falls in shard I; {@code merge}
 * combines shard gradebooks and names any row found in two of them.
 */
package org.ebmjava.grader;
