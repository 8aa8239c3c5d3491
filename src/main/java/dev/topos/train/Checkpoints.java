package dev.topos.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topos.nn.Tensors;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.pytorch.Tensor;

/**
 * The checkpoints of a run folder: {@code checkpoints/step-00001000.safetensors} (every tensor of
 * the run's state: weights, optimizer moments, step, RNG and data-stream state, carried model
 * state), each beside a manifest {@code step-00001000.json} holding its sha256 and size.
 *
 * <p>Both files are written atomically, tensors first, so a manifest only exists for a complete
 * tensor file. Loading checks the manifest: a missing manifest, a size or checksum mismatch or an
 * undecodable file is an error that names the file; a checkpoint is never silently used or skipped.
 * Only the newest {@code keep} checkpoints are kept.
 */
public final class Checkpoints {
    /** Prefix of a model parameter's tensor name in a checkpoint: {@code param.<name>}. */
    public static final String PARAM_PREFIX = "param.";
    private static final Pattern NAME = Pattern.compile("step-(\\d{8})\\.safetensors");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public Checkpoints(Path runDir) {
        this.dir = runDir.resolve("checkpoints");
    }

    public Path dir() {
        return dir;
    }

    public Path write(long step, Map<String, Tensor> tensors, int keep) throws IOException {
        byte[] bytes = Safetensors.encode(tensors);
        Path file = dir.resolve(String.format("step-%08d.safetensors", step));
        AtomicFiles.write(file, out -> out.write(bytes));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("step", step);
        manifest.put("bytes", bytes.length);
        manifest.put("sha256", sha256(bytes));
        AtomicFiles.writeString(manifestOf(file), JSON.writeValueAsString(manifest) + "\n");
        prune(keep);
        return file;
    }

    /** Checkpoint files, oldest first. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    public Optional<Path> latest() throws IOException {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The entries whose name starts with {@code prefix}, under their names without it (e.g. a task's own state). */
    public static Map<String, Tensor> under(Map<String, Tensor> saved, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        saved.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    public static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not a checkpoint file (step-NNNNNNNN.safetensors)");
        }
        return Long.parseLong(m.group(1));
    }

    /** Loads and verifies a checkpoint; its tensors are on the host. */
    public static Map<String, Tensor> load(Path file) throws IOException {
        Path manifestFile = manifestOf(file);
        if (!Files.exists(manifestFile)) {
            throw new CheckpointException(file + ": no manifest " + manifestFile.getFileName()
                    + " (the write was interrupted); delete this checkpoint to resume from an earlier one");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new CheckpointException(manifestFile + ": unreadable manifest: " + e.getMessage());
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != manifest.path("bytes").asLong(-1)) {
            throw new CheckpointException(file + ": truncated or altered: " + bytes.length + " bytes, manifest says "
                    + manifest.path("bytes").asText());
        }
        if (!sha256(bytes).equals(manifest.path("sha256").asText())) {
            throw new CheckpointException(file + ": corrupt: sha256 does not match its manifest");
        }
        try {
            return Safetensors.decode(bytes, file.toString());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage());
        }
    }

    /**
     * Copies each parameter's saved tensor {@code param.<name>} into the parameter's array.
     *
     * @param source names the checkpoint in errors
     * @throws CheckpointException if a parameter is missing or its shape differs
     */
    public static void loadParameters(Map<String, Tensor> saved, Map<String, Tensor> parameters, String source)
            throws CheckpointException {
        for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
            Tensor s = saved.get(PARAM_PREFIX + e.getKey());
            Tensor w = e.getValue();
            if (s == null || !java.util.Arrays.equals(s.shape(), w.shape())) {
                throw new CheckpointException(source + ": parameter '" + e.getKey()
                        + "' missing or of the wrong shape (expected " + java.util.Arrays.toString(w.shape()) + ")");
            }
            Tensors.copy(s, w);
        }
    }

    private void prune(int keep) throws IOException {
        List<Path> all = new ArrayList<>(list());
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(manifestOf(all.get(i)));
            Files.deleteIfExists(all.get(i));
        }
    }

    private static Path manifestOf(Path file) {
        return file.resolveSibling(file.getFileName().toString().replace(".safetensors", ".json"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A checkpoint that must not be used. */
    public static final class CheckpointException extends IOException {
        private static final long serialVersionUID = 1L;

        public CheckpointException(String message) {
            super(message);
        }
    }
}
