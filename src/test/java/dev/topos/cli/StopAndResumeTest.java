package dev.topos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.testing.MemoryChurn;
import dev.topos.train.Checkpoints;
import dev.topos.train.RunRecord;
import dev.topos.util.BuildInfo;
import java.time.Instant;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A tiny TEM-t run, as a user runs it: identical runs write identical checkpoints byte for byte, the
 * second under constant garbage collection;
 * a run in a child JVM stopped by SIGTERM writes a checkpoint and exits 143 with one line (no native
 * crash), holds its folder against a second run while it lives, and resumed it ends on the very
 * bytes and metrics of an uninterrupted run.
 */
class StopAndResumeTest {
    private static final int STEPS = 600;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path experiment() throws IOException {
        return TinyTem.write(tmp, STEPS);
    }

    private static void run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute(args), err.toString());
    }

    /** The exit code and standard error of {@code topos args}. */
    private static Object[] fail(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Object[] {cl.execute(args), err.toString()};
    }

    /** Every file under {@code dir} with its bytes, to show that a refused command changed nothing. */
    private static java.util.Map<String, List<Byte>> snapshot(Path dir) throws IOException {
        java.util.Map<String, List<Byte>> files = new java.util.TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                List<Byte> bytes = new ArrayList<>();
                for (byte b : Files.readAllBytes(p)) {
                    bytes.add(b);
                }
                files.put(dir.relativize(p).toString(), bytes);
            }
        }
        return files;
    }

    @Test
    void aRefusedResumeSaysWhyInOneLineAndLeavesTheFolderAsItWas() throws Exception {
        Path exp = experiment();
        Path dir = tmp.resolve("short");
        run("run", exp.toString(), "--out", dir.toString(), "--set", "train.steps=1");
        // As if killed before its first checkpoint: the folder has its config but no checkpoint.
        for (Path c : new Checkpoints(dir).list()) {
            Files.delete(c);
        }
        var before = snapshot(dir);
        Object[] r = fail("run", exp.toString(), "--out", dir.toString(), "--set", "train.steps=1", "--resume");
        String err = (String) r[1];
        assertEquals(2, r[0], err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("cannot resume " + dir + ": it holds no checkpoint to resume from"), err);
        assertEquals(before, snapshot(dir), "a refused resume changes nothing in the folder");

        r = fail("run", exp.toString(), "--out", dir.toString(), "--set", "train.steps=1", "--set", "train.lr=0.5",
                "--resume");
        assertTrue(((String) r[1]).contains("differs from the stored one in train.lr"), (String) r[1]);
        assertEquals(before, snapshot(dir), "nor does one whose config differs (config.yaml keeps its values)");

        Path fake = tmp.resolve("fake");
        run("run", "fake", "--out", fake.toString());
        var fakeBefore = snapshot(fake);
        r = fail("run", exp.toString(), "--out", fake.toString(), "--resume");
        err = (String) r[1];
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("cannot resume: the folder holds a run of study 'fake', not 'tem'"), err);
        assertEquals(fakeBefore, snapshot(fake));
    }

    private static byte[] finalCheckpoint(Path dir) throws IOException {
        Path last = new Checkpoints(dir).latest().orElseThrow();
        assertEquals(STEPS, Checkpoints.stepOf(last));
        return Files.readAllBytes(last);
    }

    /** The logged rows without their timing (key order aside: a restored window lists its keys anew). */
    private static List<JsonNode> metrics(Path dir) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            ObjectNode row = (ObjectNode) JSON.readTree(line);
            row.remove("updates_per_s");
            rows.add(row);
        }
        return rows;
    }

    @Test
    void identicalRunsAreIdenticalAndAStoppedRunResumesExactly() throws Exception {
        Path exp = experiment();
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        run("run", exp.toString(), "--out", a.toString());
        // The twin trains while another thread keeps collecting garbage and refilling freed memory:
        // what made the former DJL engine's borrowed buffers vanish between forward and backward.
        AtomicBoolean done = new AtomicBoolean();
        Thread pressure = new Thread(() -> {
            while (!done.get()) {
                MemoryChurn.freeAndRefill(Float.BYTES, Float.NaN);
            }
        }, "gc-pressure");
        pressure.start();
        try {
            run("run", exp.toString(), "--out", b.toString());
        } finally {
            done.set(true);
            pressure.join();
        }
        assertArrayEquals(finalCheckpoint(a), finalCheckpoint(b), "twin runs, byte for byte");
        assertEquals(metrics(a), metrics(b));

        Path stopped = tmp.resolve("stopped");
        Path log = tmp.resolve("child.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", exp.toString(), "--out", stopped.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TORCH_CPP_LOG_LEVEL", "ERROR");
        Process child = pb.start();
        try {
            Path metrics = stopped.resolve("metrics.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(metrics) && Files.readAllLines(metrics).size() >= 3)) {
                assertTrue(child.isAlive(), "the child trains: " + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, "the child logged 3 lines in 2 minutes");
                Thread.sleep(5);
            }
            IllegalArgumentException held = assertThrows(IllegalArgumentException.class,
                    () -> RunLock.acquire(stopped, new PrintWriter(new StringWriter())));
            assertTrue(held.getMessage().contains("in use by a live topos process (pid " + child.pid()),
                    held.getMessage());
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child stops");
        } finally {
            child.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(143, child.exitValue(), out);
        String last = out.strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.matches("topos: stopped by SIGTERM after update \\d+; wrote .*step-\\d{8}\\.safetensors; "
                + "continue with 'topos run \\.\\.\\. --resume'"), out);
        assertFalse(out.contains("SIGSEGV") || out.contains("terminate called") || out.contains("hs_err"), out);
        assertFalse(out.contains("deprecated"), "no engine deprecation warning (DJL printed AutoNonVariableTypeMode's): "
                + out);
        long at = Checkpoints.stepOf(new Checkpoints(stopped).latest().orElseThrow());
        assertTrue(at > 0 && at < STEPS, "stopped mid-run, at " + at);
        JsonNode halfway = RunRecord.read(stopped);
        assertEquals("incomplete", halfway.get("state").asText());
        assertEquals("stopped by SIGTERM after update " + at, halfway.get("detail").asText().split(";")[0]);
        assertTrue(halfway.hasNonNull("ended"));

        run("run", exp.toString(), "--out", stopped.toString(), "--resume");
        assertArrayEquals(finalCheckpoint(a), finalCheckpoint(stopped), "stopped at " + at + " and resumed");
        assertEquals(metrics(a), metrics(stopped));
        JsonNode resumed = RunRecord.read(stopped);
        assertEquals("complete", resumed.get("state").asText());
        assertEquals(2, resumed.get("sessions").asInt());
        assertEquals(halfway.get("started"), resumed.get("started"), "a resumed run keeps its first start");
        assertTrue(resumed.get("wall_s").asDouble() > halfway.get("wall_s").asDouble(), "wall time adds up");
    }

    @Test
    void aRunRecordsItsProvenanceInRunJsonSummaryAndReport() throws Exception {
        Path dir = tmp.resolve("p");
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        run("run", experiment().toString(), "--out", dir.toString(), "--set", "train.steps=3");
        JsonNode r = RunRecord.read(dir);
        assertEquals("complete", r.get("state").asText());
        assertTrue(r.get("detail").isNull());
        assertEquals(BuildInfo.current().version(), r.get("topos_version").asText());
        assertEquals(BuildInfo.current().commit(), r.path("commit").textValue());
        Instant started = Instant.parse(r.get("started").asText());
        Instant ended = Instant.parse(r.get("ended").asText());
        assertTrue(!started.isBefore(before) && !ended.isBefore(started), r.toString());
        assertTrue(r.get("wall_s").asDouble() > 0 && r.get("wall_s").asDouble() <= ended.getEpochSecond()
                - started.getEpochSecond() + 1.0, r.toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), r.get("cores").asInt());
        assertTrue(r.get("memory_gib").asDouble() > 0);
        assertEquals("libtorch", r.get("engine").asText());
        assertEquals("cpu", r.get("device").asText());
        assertTrue(List.of("fp32", "bf16").contains(r.get("precision").asText()), r.toString());
        assertEquals(5, r.get("seed").asLong(), "the experiment's seed");
        assertEquals(0, r.get("data").size(), "TEM walks generated worlds: no data set");

        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        assertEquals("complete", summary.get("run.state").asText());
        assertEquals(r.get("commit"), summary.get("run.commit"));
        assertEquals(r.get("precision"), summary.get("run.precision"));
        assertTrue(summary.has("eval.acc") || summary.size() > 20, "the study's own keys stay: " + summary);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<p class=\"provenance\">Topos " + r.get("topos_version").asText()), html);
        assertTrue(html.contains(" · seed 5"), html);
        assertFalse(html.contains("class=\"warn\""), "a complete run has no warning");
    }
}
