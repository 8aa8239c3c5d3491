package dev.topos.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.data.fetch.DataStore;
import dev.topos.data.fetch.Manifest;
import dev.topos.util.AtomicFiles;
import dev.topos.util.BuildInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run folder's provenance, {@value #FILE}: which Topos (version, git commit, uncommitted changes)
 * ran it, when (start, end, wall time over all sessions, a resumed run counting each), on what
 * (host, CPU, cores, memory; engine, device and precision from {@link Compute}), with which seed
 * and data (each data set's source and archive sha256 from its cache manifest), and how it ended.
 *
 * <p>The state is {@code running} while a session lives, then {@code complete}, {@code incomplete}
 * (stopped by a signal; {@code detail} says after which update) or {@code failed} ({@code detail}
 * holds the error). A process killed outright leaves {@code running} behind: a reader that finds
 * no live process holding the folder reads that as incomplete.
 *
 * <p>{@link #stampSummary} copies these fields into {@code summary.json} as flat {@code run.*} keys.
 */
public final class RunRecord {
    public static final String FILE = "run.json";
    /** The summary key prefix of the provenance fields. */
    public static final String PREFIX = "run.";
    static final String SUMMARY = "summary.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** How a run ended, as {@code state} records it. */
    public enum State {
        RUNNING, COMPLETE, INCOMPLETE, FAILED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path runDir;
    private final ObjectNode record;
    private final long startNanos;
    private final int dataMark;
    private final double earlierWallS;

    private RunRecord(Path runDir, ObjectNode record, double earlierWallS) {
        this.runDir = runDir;
        this.record = record;
        this.startNanos = System.nanoTime();
        this.dataMark = DataStore.handedOut();
        this.earlierWallS = earlierWallS;
    }

    /**
     * Starts a session of the run in {@code runDir} and writes {@value #FILE} in state running. A
     * resumed run keeps its first start, its data and its earlier sessions' wall time.
     */
    public static RunRecord begin(Path runDir, JsonNode resolvedConfig, boolean resume) throws IOException {
        ObjectNode earlier = resume ? read(runDir) : null;
        ObjectNode r = JSON.createObjectNode();
        r.put("state", State.RUNNING.id());
        r.putNull("detail");
        BuildInfo build = BuildInfo.current();
        r.put("topos_version", build.version());
        r.put("commit", build.commit());
        if (build.dirty() == null) {
            r.putNull("dirty");
        } else {
            r.put("dirty", build.dirty());
        }
        r.put("started", earlier != null && earlier.hasNonNull("started") ? earlier.get("started").asText() : now());
        r.putNull("ended");
        r.put("wall_s", earlier != null ? earlier.path("wall_s").asDouble(0) : 0.0);
        r.put("sessions", (earlier != null ? earlier.path("sessions").asInt(0) : 0) + 1);
        r.put("host", host());
        r.put("cpu", cpuModel());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("memory_gib", Math.round(memoryGiB() * 10) / 10.0);
        r.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        r.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        JsonNode seed = resolvedConfig.get("seed");
        if (seed != null && seed.isIntegralNumber()) {
            r.put("seed", seed.asLong());
        } else {
            r.putNull("seed");
        }
        r.set("data", earlier != null && earlier.get("data") instanceof ObjectNode d ? d : JSON.createObjectNode());
        RunRecord session = new RunRecord(runDir, r, r.get("wall_s").asDouble());
        session.write();
        return session;
    }

    /**
     * Ends the session in {@code state} ({@code detail} says why, or null): the end time, the wall
     * time, what it computed on, the data it read; then stamps {@code summary.json} if there is one.
     */
    public void finish(State state, String detail) throws IOException {
        record.put("state", state.id());
        record.put("detail", detail);
        record.put("ended", now());
        double wall = earlierWallS + (System.nanoTime() - startNanos) / 1e9;
        record.put("wall_s", Math.round(wall * 10) / 10.0);
        Path compute = runDir.resolve(Compute.FILE);
        if (Files.isRegularFile(compute)) {
            JsonNode c = JSON.readTree(compute.toFile());
            for (String key : List.of("engine", "version", "device", "precision")) {
                record.set(key.equals("version") ? "engine_version" : key, c.get(key));
            }
        }
        ObjectNode data = (ObjectNode) record.get("data");
        for (Manifest m : DataStore.handedOutSince(dataMark)) {
            ObjectNode d = data.putObject(m.name());
            d.put("source", m.source());
            d.put("sha256", m.sha256());
        }
        write();
        stampSummary(runDir);
    }

    /** The state recorded in {@code runDir}'s {@value #FILE}, or null if it has none. */
    public static String state(Path runDir) throws IOException {
        ObjectNode r = read(runDir);
        return r == null ? null : r.path("state").asText(null);
    }

    /** {@value #FILE} of {@code runDir}, or null if it has none. */
    public static ObjectNode read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException | ClassCastException e) {
            throw new IOException(file + ": not a run record (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Puts the record's fields into {@code summary.json} as {@code run.<field>} (data sets as
     * {@code run.data.<name>.sha256} and {@code .source}), replacing earlier ones; nothing to do
     * without both files.
     */
    public static void stampSummary(Path runDir) throws IOException {
        ObjectNode r = read(runDir);
        Path file = runDir.resolve(SUMMARY);
        if (r == null || !Files.isRegularFile(file)) {
            return;
        }
        ObjectNode summary = (ObjectNode) JSON.readTree(file.toFile());
        ObjectNode out = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith(PREFIX)) {
                out.set(e.getKey(), e.getValue());
            }
        }
        flatten(PREFIX.substring(0, PREFIX.length() - 1), r, out);
        AtomicFiles.writeString(file, new ObjectMapper().writeValueAsString(out) + "\n");
    }

    private static void flatten(String prefix, JsonNode node, ObjectNode out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + "." + e.getKey(), e.getValue(), out));
        } else {
            out.set(prefix, node);
        }
    }

    private void write() throws IOException {
        AtomicFiles.writeString(runDir.resolve(FILE), JSON.writeValueAsString(record) + "\n");
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    /** The CPU's model name from /proc/cpuinfo (Linux), else the architecture. */
    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static double memoryGiB() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() / 1073741824.0
                : Double.NaN;
    }
}
