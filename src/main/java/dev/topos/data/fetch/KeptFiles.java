package dev.topos.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the files an {@link Entries} copies into a fresh cache folder and records their sizes.
 * The files are written plainly, without an fsync each (that would cost minutes for the 100,000
 * files of an aclImdb copy): the folder is private until it is renamed into place, and every read
 * of the cache checks each size against MANIFEST.json.
 */
final class KeptFiles {
    private final Path dest;
    private final List<Manifest.FileEntry> files = new ArrayList<>();

    KeptFiles(Path dest) {
        this.dest = dest.toAbsolutePath().normalize();
    }

    /** Writes {@code content} as {@code name} (relative, {@code /}-separated) under the folder. */
    void write(String name, InputStream content) throws IOException {
        Path file = dest.resolve(name).normalize();
        if (!file.startsWith(dest) || file.equals(dest)) {
            throw new IOException("refusing to write '" + name + "' outside the cache folder");
        }
        Files.createDirectories(file.getParent());
        files.add(new Manifest.FileEntry(name, Files.copy(content, file)));
    }

    /** What was written, sorted by name. */
    List<Manifest.FileEntry> files() {
        return files.stream().sorted(Comparator.comparing(Manifest.FileEntry::path)).toList();
    }
}
