package org.ebmjava.grader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The trusted side of one sandboxed evaluator process: sends requests, reads replies under a deadline, drains
 * standard error up to a byte cap, and knows (from its own observations, never from anything the child says) why
 * the process ended: a deadline it enforced, the output cap, a broken reply, or the process's exit status.
 */
final class Session implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "grader-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Why a process ended, as the grader observed it. */
    enum End { TIMEOUT, OUTPUT, PROTOCOL, HEAP, SIGNAL, EXIT }

    /** The process is gone; {@link #end} says why. */
    static final class Gone extends Exception {
        private static final long serialVersionUID = 1L;
        final End end;

        Gone(End end, String message) {
            super(message);
            this.end = end;
        }
    }

    private final Sandbox sandbox;
    private final Sandbox.Limits limits;
    private final long outputCap;
    private Process process;
    private InputStream in;
    private OutputStream out;
    private volatile End end;
    private volatile String endMessage;
    private volatile long stderrBytes;
    private final StringBuilder stderrHead = new StringBuilder();

    private final java.nio.file.Path training;

    Session(Sandbox sandbox, Sandbox.Limits limits, long outputCap) {
        this(sandbox, limits, outputCap, null);
    }

    Session(Sandbox sandbox, Sandbox.Limits limits, long outputCap, java.nio.file.Path training) {
        this.training = training;
        this.sandbox = sandbox;
        this.limits = limits;
        this.outputCap = outputCap;
    }

    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(sandbox.command(limits, training)).directory(sandbox.directory().toFile());
        if (!sandbox.isolated()) {
            String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
            pb.environment().clear();
            pb.environment().put("PATH", path);
            pb.environment().put("HOME", sandbox.directory().toString());
            pb.environment().put("LANG", "C.UTF-8");
        }
        process = pb.start();
        in = new BufferedInputStream(process.getInputStream(), 1 << 16);
        out = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        Thread drain = new Thread(this::drainStderr, "grader-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    private void drainStderr() {
        byte[] buf = new byte[8192];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(buf)) > 0) {
                stderrBytes += n;
                synchronized (stderrHead) {
                    if (stderrHead.length() < 4096) {
                        stderrHead.append(new String(buf, 0, Math.min(n, 4096), StandardCharsets.UTF_8));
                    }
                }
                if (stderrBytes > outputCap) {
                    kill(End.OUTPUT, "printed more than " + outputCap / 1024 + " KiB of output; the grader stopped "
                            + "it");
                    return;
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /**
     * Sends a request and waits for its reply.
     *
     * @param body The request frame.
     * @param timeoutMs The deadline for the reply.
     * @return The reply frame.
     * @throws Gone If the process missed the deadline, broke the protocol, exceeded a cap or ended.
     */
    byte[] request(byte[] body, long timeoutMs) throws Gone {
        if (end != null) {
            throw gone();
        }
        ScheduledFuture<?> alarm = TIMER.schedule(() -> kill(End.TIMEOUT, "did not answer within "
                + seconds(timeoutMs) + " (an endless loop?)"), timeoutMs, TimeUnit.MILLISECONDS);
        try {
            Wire.writeFrame(out, body);
            byte[] reply = Wire.readFrame(in);
            if (reply == null) {
                throw new IOException("end of stream");
            }
            return reply;
        } catch (IOException e) {
            if (end == null) {
                // Either the process ended or it wrote garbage on the channel: decide from the exit status.
                boolean exited;
                try {
                    exited = process.waitFor(2, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    exited = false;
                }
                if (exited) {
                    classifyExit(process.exitValue());
                } else {
                    kill(End.PROTOCOL, "broke the grader's channel (" + e.getMessage() + ")");
                }
            }
            throw gone();
        } finally {
            alarm.cancel(false);
        }
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private void classifyExit(int code) {
        if (code == 3) {
            // -XX:+ExitOnOutOfMemoryError exits with 3 (so would System.exit(3): the message says both)
            setEnd(End.HEAP, "ran out of memory (heap limit -Xmx" + limits.heapMb() + "m; exit code 3, which "
                    + "System.exit(3) would also give)");
        } else if (code > 128) {
            int sig = code - 128;
            String what = switch (sig) {
                case 9 -> "SIGKILL (CPU-time limit of " + limits.cpuSeconds() + " s, or killed)";
                case 24 -> "SIGXCPU: CPU-time limit of " + limits.cpuSeconds() + " s";
                case 25 -> "SIGXFSZ: file-size limit of " + limits.fileBytes() / 1024 + " KiB";
                case 11 -> "SIGSEGV";
                case 6 -> "SIGABRT (the JVM aborted, e.g. it could not create a thread under the process limit)";
                default -> "signal " + sig;
            };
            setEnd(End.SIGNAL, "was killed by " + what);
        } else {
            setEnd(End.EXIT, "ended with exit code " + code + " (System.exit or Runtime.halt in the code?)");
        }
    }

    private Gone gone() {
        if (System.getenv("EBM_GRADER_DEBUG") != null) {
            System.err.println("grade: debug: process ended (" + end + ": " + endMessage + "); its stderr began:\n"
                    + stderrHead());
        }
        return new Gone(end, endMessage);
    }

    private synchronized void setEnd(End e, String message) {
        if (end == null) {
            end = e;
            endMessage = message;
        }
    }

    /** Stops the process and everything it started. */
    void kill(End why, String message) {
        setEnd(why, message);
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** How many processes run under this session's process (observed by the grader, not reported by the child). */
    long processes() {
        Process p = process;
        return p == null ? 0 : p.descendants().filter(ProcessHandle::isAlive).count();
    }

    boolean alive() {
        return end == null && process != null && process.isAlive();
    }

    /** The first few KiB the process wrote to standard error (for the instructor's diagnostics only). */
    String stderrHead() {
        synchronized (stderrHead) {
            return stderrHead.toString();
        }
    }

    /**
     * Closes the channel and lets the process end by itself.
     *
     * @param ms How long to wait.
     * @return Whether it ended with exit code 0.
     */
    boolean finish(long ms) {
        try {
            out.close();
            boolean ended = process.waitFor(ms, TimeUnit.MILLISECONDS);
            return ended && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            close();
        }
    }

    /** CPU time of every sandboxed process, summed just before each is stopped (for the benchmark). */
    static final java.util.concurrent.atomic.LongAdder CPU_NANOS = new java.util.concurrent.atomic.LongAdder();

    private static long cpuNanos(ProcessHandle h) {
        return h.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() {
        if (process != null) {
            Process p = process;
            CPU_NANOS.add(cpuNanos(p.toHandle()) + p.descendants().mapToLong(Session::cpuNanos).sum());
            try {
                out.close();
            } catch (IOException e) {
                // already closed
            }
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
