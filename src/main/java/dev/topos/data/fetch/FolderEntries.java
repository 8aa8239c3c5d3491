package dev.topos.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The regular files under a folder: a user's own copy, or a .deb unpacked by {@code dpkg-deb -x}.
 * Only the part of the tree a {@link Keep} rule can select is walked, so pointing at a large
 * folder that holds the data is cheap.
 */
final class FolderEntries implements Entries {
    private final Path root;

    FolderEntries(Path root) {
        this.root = root;
    }

    @Override
    public List<Manifest.FileEntry> copy(Keep keep, Path dest) throws IOException {
        KeptFiles kept = new KeptFiles(dest);
        Path start = root.resolve(keep.from());
        if (!Files.isDirectory(start)) {
            return kept.files();
        }
        start = start.toRealPath(); // a symbolic link to the data is followed
        List<Path> files;
        try (Stream<Path> walk = Files.walk(start, keep.depth())) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String rest = start.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            var target = keep.target(keep.from() + rest);
            if (target.isPresent()) {
                try (InputStream in = Files.newInputStream(file)) {
                    kept.write(target.get(), in);
                }
            }
        }
        return kept.files();
    }
}
