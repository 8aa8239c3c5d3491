package dev.topos.data.fetch;

import dev.topos.util.AtomicFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * A private folder beside the cache folders where one data set is fetched, unpacked and checked
 * before it is renamed into place. It lies in the cache root (the same file system, so the rename
 * is atomic), is named {@code .NAME-UUID.partial} (listings skip dot folders), and is deleted on
 * {@link #close()}, also when the JVM is stopped with Ctrl-C.
 */
final class Staging implements Closeable {
    private static final String DATA = "data";

    private final Path dir;
    private final Thread cleanupOnExit;

    private Staging(Path dir) {
        this.dir = dir;
        this.cleanupOnExit = new Thread(this::deleteQuietly, "topos-data-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /** A new staging folder for data set {@code name} in the cache root {@code root}. */
    static Staging create(Path root, String name) throws IOException {
        Files.createDirectories(root);
        return new Staging(Files.createDirectory(root.resolve("." + name + "-" + UUID.randomUUID() + ".partial")));
    }

    /** A new empty sub-folder for scratch work (downloads, unpacking). */
    Path folder(String name) throws IOException {
        if (name.equals(DATA)) {
            throw new IllegalArgumentException("'" + DATA + "' is the folder that becomes the cache; use data()");
        }
        return Files.createDirectory(dir.resolve(name));
    }

    /** The folder that {@link #install} renames into place; created on first use. */
    Path data() throws IOException {
        return Files.createDirectories(dir.resolve(DATA));
    }

    /**
     * Renames {@link #data()} to {@code target}. An existing {@code target} is first moved into this
     * staging folder (and deleted with it), and moved back if the rename fails; between the two
     * renames there is an instant in which {@code target} does not exist.
     */
    Path install(Path target) throws IOException {
        Path replaced = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            replaced = dir.resolve("replaced");
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(dir.resolve(DATA), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (replaced != null) {
                Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        AtomicFiles.syncDirectory(target.toAbsolutePath().getParent());
        return target;
    }

    /** Deletes the staging folder and all it still holds. */
    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook does the cleanup.
        }
        deleteTree(dir);
    }

    private void deleteQuietly() {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // Best effort while the JVM exits.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone.
        }
    }
}
