package dev.topos.data.fetch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The regular files of an archive or a folder, of which a {@link Keep} rule selects some to copy. */
interface Entries {
    /**
     * Copies every file {@code keep} selects into {@code dest}, under its cache name.
     *
     * @return the files written, sorted by path
     */
    List<Manifest.FileEntry> copy(Keep keep, Path dest) throws IOException;
}
