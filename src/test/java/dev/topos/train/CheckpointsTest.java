package dev.topos.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path run;
    private NDManager manager;
    private Checkpoints checkpoints;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        checkpoints = new Checkpoints(run);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Map<String, NDArray> tensors(float scale) {
        Map<String, NDArray> t = new LinkedHashMap<>();
        t.put("param.w", manager.create(new float[] {1.5f * scale, -2f, 0.25f, 3e-8f, 7f, -0f}, new Shape(2, 3)));
        t.put("meta", manager.create(new long[] {20, 19, Long.MIN_VALUE + 5, -1L}));
        return t;
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void tensorsRoundTripWithNamesTypesAndValues() throws IOException {
        Path file = checkpoints.write(20, tensors(1), 3);
        assertEquals("step-00000020.safetensors", file.getFileName().toString());
        assertEquals(20, Checkpoints.stepOf(file));
        Map<String, NDArray> loaded = Checkpoints.load(file, manager);
        assertEquals(List.of("param.w", "meta"), List.copyOf(loaded.keySet()));
        NDArray w = loaded.get("param.w");
        assertEquals(DataType.FLOAT32, w.getDataType());
        assertEquals(new Shape(2, 3), w.getShape());
        assertArrayEquals(tensors(1).get("param.w").toFloatArray(), w.toFloatArray());
        NDArray meta = loaded.get("meta");
        assertEquals(DataType.INT64, meta.getDataType());
        assertArrayEquals(new long[] {20, 19, Long.MIN_VALUE + 5, -1L}, meta.toLongArray());
    }

    @Test
    void onlyTheNewestKAreKept() throws IOException {
        for (long step = 10; step <= 50; step += 10) {
            checkpoints.write(step, tensors(step), 2);
        }
        assertEquals(List.of(40L, 50L), checkpoints.list().stream().map(Checkpoints::stepOf).toList());
        assertEquals(50, Checkpoints.stepOf(checkpoints.latest().orElseThrow()));
        assertEquals(List.of("step-00000040.json", "step-00000040.safetensors", "step-00000050.json",
                "step-00000050.safetensors"), fileNames(checkpoints.dir()), "manifests are pruned too, no temp files");
        assertArrayEquals(tensors(40).get("param.w").toFloatArray(),
                Checkpoints.load(checkpoints.list().get(0), manager).get("param.w").toFloatArray());
    }

    @Test
    void aFlippedByteIsCorrupt() throws IOException {
        Path file = checkpoints.write(10, tensors(1), 3);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(file, bytes);
        var e = assertThrows(Checkpoints.CheckpointException.class, () -> Checkpoints.load(file, manager));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aTruncatedFileIsAnError() throws IOException {
        Path file = checkpoints.write(10, tensors(1), 3);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        var e = assertThrows(Checkpoints.CheckpointException.class, () -> Checkpoints.load(file, manager));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aMissingManifestIsAnError() throws IOException {
        Path file = checkpoints.write(10, tensors(1), 3);
        Files.delete(run.resolve("checkpoints/step-00000010.json"));
        var e = assertThrows(Checkpoints.CheckpointException.class, () -> Checkpoints.load(file, manager));
        assertTrue(e.getMessage().contains("no manifest"), e.getMessage());
    }

    @Test
    void bytesMatchingTheirManifestButNotSafetensorsAreAnError() throws IOException {
        Path file = checkpoints.write(10, tensors(1), 3);
        byte[] junk = "not a tensor file".getBytes(StandardCharsets.UTF_8);
        Files.write(file, junk);
        Files.writeString(run.resolve("checkpoints/step-00000010.json"),
                "{\"step\":10,\"bytes\":" + junk.length + ",\"sha256\":\"" + Checkpoints.sha256(junk) + "\"}\n");
        var e = assertThrows(Checkpoints.CheckpointException.class, () -> Checkpoints.load(file, manager));
        assertTrue(e.getMessage().contains("not a readable safetensors file"), e.getMessage());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoPartialFile() throws IOException {
        Path target = run.resolve("state.bin");
        AtomicFiles.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1 << 16]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("state.bin"), fileNames(run), "no *.tmp left behind");
        assertFalse(Files.exists(run.resolve("checkpoints")));
    }
}
