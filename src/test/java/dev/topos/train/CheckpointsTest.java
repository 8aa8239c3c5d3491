package dev.topos.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.nn.Tensors;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path run;
    private PointerScope scope;
    private Checkpoints checkpoints;

    @BeforeEach
    void open() {
        scope = new PointerScope();
        checkpoints = new Checkpoints(run);
    }

    @AfterEach
    void close() {
        scope.close();
    }

    private static float[] weights(float scale) {
        return new float[] {1.5f * scale, -2f, 0.25f, 3e-8f, 7f, -0f};
    }

    private static Map<String, Tensor> tensors(float scale) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("param.w", Tensors.floats(weights(scale), 2, 3));
        t.put("meta", Tensors.longs(new long[] {20, 19, Long.MIN_VALUE + 5, -1L}, 4));
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
        Map<String, Tensor> loaded = Checkpoints.load(file);
        assertEquals(List.of("param.w", "meta"), List.copyOf(loaded.keySet()));
        Tensor w = loaded.get("param.w");
        assertEquals(ScalarType.Float, w.scalar_type().intern());
        assertArrayEquals(new long[] {2, 3}, w.shape());
        assertArrayEquals(weights(1), Tensors.toFloats(w));
        Tensor meta = loaded.get("meta");
        assertEquals(ScalarType.Long, meta.scalar_type().intern());
        assertArrayEquals(new long[] {20, 19, Long.MIN_VALUE + 5, -1L}, Tensors.toLongs(meta));
    }

    /**
     * A file laid out by another writer, built byte by byte from the format's description: header
     * length, JSON header with a {@code __metadata__} entry and tensors listed out of data order, no
     * padding; then little-endian data.
     */
    @Test
    void aFileFromAnotherWriterReads() {
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"b\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[8,24]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]},"
                + "\"h\":{\"dtype\":\"BF16\",\"shape\":[],\"data_offsets\":[24,26]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 26).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).putFloat(0.5f).putFloat(-3f).putLong(7).putLong(-9).putShort((short) 0x3FC0);
        Map<String, Tensor> t = Safetensors.decode(b.array(), "other.safetensors");
        assertEquals(List.of("b", "a", "h"), List.copyOf(t.keySet()));
        assertArrayEquals(new float[] {0.5f, -3f}, Tensors.toFloats(t.get("a")));
        assertArrayEquals(new long[] {2, 1}, t.get("a").shape());
        assertArrayEquals(new long[] {7, -9}, Tensors.toLongs(t.get("b")));
        assertEquals(1.5, Tensors.item(t.get("h")), "bf16 0x3FC0 is 1.5");
    }

    /** What this writer lays out, read independently: header length, aligned JSON header, raw data. */
    @Test
    void theWrittenLayoutIsTheFormats() {
        byte[] bytes = Safetensors.encode(Map.of("x", Tensors.floats(new float[] {1f, 2f}, 2)));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertEquals(0, n % 8, "header padded to 8 bytes");
        String json = new String(bytes, 8, (int) n, StandardCharsets.UTF_8).strip();
        assertEquals("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", json);
        b.position(8 + (int) n);
        assertEquals(1f, b.getFloat());
        assertEquals(2f, b.getFloat());
        assertEquals(bytes.length, b.position());
    }

    @Test
    void offsetsOutsideTheDataAreNamed() {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        var e = assertThrows(IllegalArgumentException.class, () -> Safetensors.decode(b.array(), "f.safetensors"));
        assertEquals("f.safetensors: not a readable safetensors file: tensor 'a' has data_offsets [0, 16] outside "
                + "the 8 data bytes", e.getMessage());
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
        assertArrayEquals(weights(40), Tensors.toFloats(Checkpoints.load(checkpoints.list().get(0)).get("param.w")));
    }

    @Test
    void aFlippedByteIsCorrupt() throws IOException {
        Path file = checkpoints.write(10, tensors(1), 3);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(file, bytes);
        var e = assertThrows(Checkpoints.CheckpointException.class, () -> Checkpoints.load(file));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aTruncatedFileIsAnError() throws IOException {
        Path file = checkpoints.write(10, tensors(1), 3);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        var e = assertThrows(Checkpoints.CheckpointException.class, () -> Checkpoints.load(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aMissingManifestIsAnError() throws IOException {
        Path file = checkpoints.write(10, tensors(1), 3);
        Files.delete(run.resolve("checkpoints/step-00000010.json"));
        var e = assertThrows(Checkpoints.CheckpointException.class, () -> Checkpoints.load(file));
        assertTrue(e.getMessage().contains("no manifest"), e.getMessage());
    }

    @Test
    void bytesMatchingTheirManifestButNotSafetensorsAreAnError() throws IOException {
        Path file = checkpoints.write(10, tensors(1), 3);
        byte[] junk = "not a tensor file".getBytes(StandardCharsets.UTF_8);
        Files.write(file, junk);
        Files.writeString(run.resolve("checkpoints/step-00000010.json"),
                "{\"step\":10,\"bytes\":" + junk.length + ",\"sha256\":\"" + Checkpoints.sha256(junk) + "\"}\n");
        var e = assertThrows(Checkpoints.CheckpointException.class, () -> Checkpoints.load(file));
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
        assertEquals("cannot write " + target + ": disk full (its previous content, if any, is unchanged)",
                e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("state.bin"), fileNames(run), "no *.tmp left behind");
        assertFalse(Files.exists(run.resolve("checkpoints")));
    }
}
