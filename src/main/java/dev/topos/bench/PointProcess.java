package dev.topos.bench;

import dev.topos.config.ComputeDevice;
import dev.topos.config.Precision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link ColumnformerPoint} in a child JVM (the same java binary and class path as this
 * one) and watches it: its resident memory is polled every {@link #POLL_MS} ms, and a child that
 * passes the memory limit is killed before it can push the machine into the kernel's OOM killer.
 */
final class PointProcess {
    static final long POLL_MS = 25;
    private static final int TAIL = 30;

    private PointProcess() {}

    /**
     * How a point ended: its result, or why it has none.
     *
     * @param result  what the child measured, or null
     * @param failure why there is no result, or null
     * @param wallS   seconds from launch to exit (JVM start, model, warm-up and timed updates)
     * @param heapMiB the child's -Xmx
     */
    record Outcome(ColumnformerPoint.Result result, String failure, double wallS, long heapMiB) {
        boolean trained() {
            return result != null;
        }
    }

    /** The child's command line. */
    static List<String> command(String mode, int n, Precision precision, double seconds, long heapMiB,
                                Path scratch) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-Xmx" + heapMiB + "m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Djava.awt.headless=true");
        String device = System.getProperty(ComputeDevice.PROPERTY);
        if (device != null) {
            cmd.add("-D" + ComputeDevice.PROPERTY + "=" + device);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ColumnformerPoint.class.getName());
        cmd.add(mode);
        cmd.add(Integer.toString(n));
        cmd.add(precision.toString());
        cmd.add(String.format(Locale.ROOT, "%.3f", seconds));
        cmd.add(scratch.toString());
        return cmd;
    }

    /** Runs the point, killing it if its resident memory passes {@code limitGiB}. */
    static Outcome run(String mode, int n, Precision precision, double seconds, double limitGiB)
            throws IOException, InterruptedException {
        long heap = ScalingPlan.heapMiB("sparse".equals(mode), n);
        Path scratch = Files.createTempDirectory("topos-bench");
        ProcessBuilder pb = new ProcessBuilder(command(mode, n, precision, seconds, heap, scratch))
                .redirectErrorStream(true);
        pb.environment().putIfAbsent("TORCH_CPP_LOG_LEVEL", "ERROR");
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Bench.deleteTree(scratch);
            throw e;
        }
        // If this JVM is interrupted (Ctrl-C), take the child down with it rather than leave it running.
        Thread reaper = new Thread(p::destroyForcibly, "bench-point-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        Deque<String> tail = new ArrayDeque<>();
        ColumnformerPoint.Result[] result = new ColumnformerPoint.Result[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    ColumnformerPoint.Result r = ColumnformerPoint.Result.parse(line);
                    synchronized (tail) {
                        if (r != null) {
                            result[0] = r;
                        }
                        tail.addLast(line);
                        if (tail.size() > TAIL) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                synchronized (tail) {
                    tail.addLast("(reading the point's output failed: " + e.getMessage() + ")");
                }
            }
        }, "bench-point-output");
        reader.setDaemon(true);
        reader.start();
        double killedAt = Double.NaN;
        try {
            while (p.isAlive()) {
                double rss = Memory.rssGiB(p.pid());
                if (rss > limitGiB) {
                    killedAt = rss;
                    p.destroyForcibly();
                    break;
                }
                p.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
            }
            int exit = p.waitFor();
            reader.join(10_000);
            double wall = (System.nanoTime() - start) / 1e9;
            List<String> lines;
            synchronized (tail) {
                lines = List.copyOf(tail);
            }
            if (!Double.isNaN(killedAt)) {
                return new Outcome(null, String.format(Locale.ROOT, "killed: RSS reached %.1f GiB > limit %.1f GiB",
                        killedAt, limitGiB), wall, heap);
            }
            if (exit == 0 && result[0] != null) {
                return new Outcome(result[0], null, wall, heap);
            }
            return new Outcome(null, describeFailure(exit, lines), wall, heap);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            p.waitFor();
            Bench.deleteTree(scratch);
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to undo
            }
        }
    }

    /** Why a child that exited with {@code exit} produced no result, from the last lines it printed. */
    static String describeFailure(int exit, List<String> tail) {
        if (exit == 137 || exit == 128 + 9) {
            return "killed by SIGKILL (exit 137: the kernel's OOM killer?)";
        }
        String cause = null;
        for (int i = tail.size() - 1; i >= 0 && cause == null; i--) {
            String l = tail.get(i).strip();
            if (l.contains("OutOfMemoryError") || l.contains("can't allocate memory")
                    || l.contains("Exception") || l.contains("Error")) {
                cause = l;
            }
        }
        if (cause == null && !tail.isEmpty()) {
            cause = tail.get(tail.size() - 1).strip();
        }
        String what = exit == 0 ? "no result line" : "failed (exit " + exit + ")";
        if (cause == null || cause.isEmpty()) {
            return what;
        }
        return what + ": " + (cause.length() > 160 ? cause.substring(0, 157) + "..." : cause);
    }
}
