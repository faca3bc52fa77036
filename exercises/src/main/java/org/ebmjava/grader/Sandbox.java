package org.ebmjava.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How a submission's process is started: inside Debian's bubblewrap ({@code bwrap}) as uid/gid 65534 with no
 * network, a read-only view of the system and the course class path and a private temporary work directory, under
 * {@code prlimit} caps on CPU seconds, processes and file size; or, only when the instructor says
 * {@code --unsandboxed}, with the same caps but no isolation.
 */
final class Sandbox {
    /** Inside the sandbox the course class path appears here, read-only. */
    static final String CLASSPATH_MOUNT = "/course/classpath";
    /** The private, writable work directory (a size-capped tmpfs). */
    static final String WORK = "/tmp";

    /** Resource caps of one submission's process. */
    record Limits(int heapMb, int cpuSeconds, int processes, long fileBytes, long tmpfsBytes) {
        static Limits defaults(int timeoutSeconds) {
            return new Limits(384, Math.max(10, 2 * timeoutSeconds), 128, 16L << 20, 64L << 20);
        }
    }

    private final boolean isolated;
    private final Path classpathDir;
    private final List<String> jars;
    private final Path javaHome;
    private final Path privateWork;
    private volatile Path archive;

    private Sandbox(boolean isolated, Path classpathDir) throws IOException {
        this.isolated = isolated;
        this.classpathDir = classpathDir.toAbsolutePath().normalize();
        try (Stream<Path> s = Files.list(this.classpathDir)) {
            this.jars = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IOException("no jars in the course class path " + classpathDir + " (run ./course setup)");
        }
        this.javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        this.privateWork = isolated ? null : Files.createTempDirectory("ebm-grade-");
    }

    /**
     * The bubblewrap sandbox.
     *
     * @param classpathDir The folder of course jars (exercises/target/course-classpath).
     * @return The sandbox.
     * @throws IOException If the class path cannot be listed.
     */
    static Sandbox bubblewrap(Path classpathDir) throws IOException {
        return new Sandbox(true, classpathDir);
    }

    /**
     * No isolation (only resource caps); the gradebook records that it was used.
     *
     * @param classpathDir The folder of course jars.
     * @return The unsandboxed launcher.
     * @throws IOException If the class path cannot be listed.
     */
    static Sandbox unsandboxed(Path classpathDir) throws IOException {
        return new Sandbox(false, classpathDir);
    }

    boolean isolated() {
        return isolated;
    }

    /** What the gradebook's sandbox column says. */
    String describe() {
        return isolated ? "bwrap" : "none (--unsandboxed)";
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name")) || uid() == 0;
    }

    private static long uid() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("Uid:")) {
                    return Long.parseLong(l.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The command line that starts the evaluator.
     *
     * @param limits The caps.
     * @return The command.
     */
    List<String> command(Limits limits) {
        return command(limits, null);
    }

    /**
     * Uses a class-data-sharing archive of the evaluator's classes (JShell, javac, JUnit): it cuts the start of
     * every submission's JVM by about a quarter of its CPU time.
     *
     * @param file The archive, made by a run of {@link #command(Limits, Path)} with a training folder.
     */
    void useArchive(Path file) {
        this.archive = file;
    }

    /**
     * The command line that starts the evaluator.
     *
     * @param limits The caps.
     * @param training Null for a normal run; else a folder (writable by uid 65534) where the JVM writes a
     *     class-data-sharing archive of the classes it loaded when it exits.
     * @return The command.
     */
    List<String> command(Limits limits, Path training) {
        List<String> cmd = new ArrayList<>();
        String cpDir = isolated ? CLASSPATH_MOUNT : classpathDir.toString();
        String work = isolated ? WORK : privateWork.toString();
        if (isolated) {
            if (root()) {
                // Drop to nobody before bubblewrap, so the sandbox runs as uid/gid 65534 in the host's eyes too
                // (bubblewrap then builds an unprivileged user namespace) and owns nothing on the host.
                cmd.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"));
            }
            cmd.addAll(List.of(System.getProperty("ebm.grader.bwrap", "bwrap"), "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"));
            if (!root()) {
                cmd.addAll(List.of("--uid", "65534", "--gid", "65534"));
            }
            cmd.addAll(List.of("--ro-bind", "/usr", "/usr"));
            // No shells or tools inside: ProcessBuilder finds nothing to run (the JDK's own launchers remain,
            // under the process cap). prlimit, which sets the caps, is bound alone.
            for (String d : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin")) {
                if (Files.isDirectory(Path.of(d))) {
                    cmd.addAll(List.of("--tmpfs", d));
                }
            }
            cmd.addAll(List.of("--ro-bind", prlimit(), "/course/bin/prlimit"));
            for (String d : List.of("/lib", "/lib64", "/bin", "/sbin", "/lib32", "/libx32")) {
                Path p = Path.of(d);
                try {
                    if (Files.isSymbolicLink(p)) {
                        cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), d));
                    } else if (Files.isDirectory(p) && !d.endsWith("bin")) {
                        cmd.addAll(List.of("--ro-bind", d, d));
                    }
                } catch (IOException e) {
                    // leave it out
                }
            }
            if (!javaHome.startsWith("/usr")) {
                cmd.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
            }
            // Debian's JDK keeps its configuration under /etc (the files in java.home/conf link there).
            for (Path target : outsideLinks(javaHome.resolve("conf"))) {
                cmd.addAll(List.of("--ro-bind", target.toString(), target.toString()));
            }
            if (training != null) {
                cmd.addAll(List.of("--bind", training.toString(), "/course/cds"));
            } else if (archive != null) {
                cmd.addAll(List.of("--ro-bind", archive.toString(), "/course/cds/child.jsa"));
            }
            cmd.addAll(List.of("--ro-bind", classpathDir.toString(), CLASSPATH_MOUNT,
                    "--proc", "/proc", "--dev", "/dev",
                    "--size", Long.toString(limits.tmpfsBytes()), "--tmpfs", WORK, "--chdir", WORK,
                    "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", WORK,
                    "--setenv", "LANG", "C.UTF-8", "--"));
        }
        cmd.addAll(List.of(isolated ? "/course/bin/prlimit" : prlimit(), "--cpu=" + limits.cpuSeconds(), "--nproc=" + limits.processes(),
                "--fsize=" + limits.fileBytes(), "--core=0", "--nofile=256", "--"));
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        String cds = isolated ? "/course/cds" : (training != null ? training.toString()
                : archive != null ? archive.getParent().toString() : null);
        if (training != null) {
            cmd.add("-XX:ArchiveClassesAtExit=" + cds + "/child.jsa");
        } else if (archive != null) {
            cmd.add("-XX:SharedArchiveFile=" + (isolated ? cds + "/child.jsa" : archive.toString()));
        }
        cmd.addAll(List.of("-Xmx" + limits.heapMb() + "m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-XX:+DisplayVMOutputToStderr", "-XX:MaxDirectMemorySize=64m",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + work, "-Duser.home=" + work,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xlog:disable", "-Xlog:all=warning:stderr", "-cp",
                String.join(":", jars.stream().map(j -> cpDir + "/" + j).toList()),
                Evaluator.class.getName()));
        return cmd;
    }

    /** The host's prlimit (util-linux). */
    private static String prlimit() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, "prlimit");
            if (Files.isExecutable(p)) {
                try {
                    return p.toRealPath().toString();
                } catch (IOException e) {
                    return p.toString();
                }
            }
        }
        return "/usr/bin/prlimit";
    }

    /** The top folders, outside /usr and java.home, that links under {@code dir} point into. */
    private List<Path> outsideLinks(Path dir) {
        java.util.Set<Path> tops = new java.util.TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                Path real = p.toRealPath();
                if (!real.startsWith("/usr") && !real.startsWith(javaHome) && real.getNameCount() >= 2) {
                    tops.add(real.getRoot().resolve(real.subpath(0, 2)));
                }
            }
        } catch (IOException e) {
            // no conf folder, or a dangling link: bind what was found
        }
        return List.copyOf(tops);
    }

    /** The working directory to start the command in. */
    Path directory() {
        return isolated ? Path.of("/") : privateWork;
    }

    /**
     * Checks that the sandbox can start a JVM here.
     *
     * @return Null when it works, else why not (bubblewrap's own message included).
     */
    String probe() {
        List<String> cmd = new ArrayList<>(command(Limits.defaults(30)));
        int java = cmd.indexOf(javaHome.resolve("bin").resolve("java").toString());
        cmd = new ArrayList<>(cmd.subList(0, java + 1));
        cmd.add("-version");
        try {
            Process p = new ProcessBuilder(cmd).directory(directory().toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(8192);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "the sandbox probe did not finish within 60 s";
            }
            if (p.exitValue() != 0) {
                return "exit code " + p.exitValue() + ": " + new String(out, StandardCharsets.UTF_8).strip();
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Removes the private work folder of an unsandboxed run. */
    void close() {
        if (privateWork != null) {
            try (Stream<Path> s = Files.walk(privateWork)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
