package dev.topos.data.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The regular files of a .tgz archive (an npm package). Read with Apache Commons Compress, a
 * well-kept Apache library that reads tar and gzip in plain Java, so no tar program is needed.
 * Links and folders are skipped; an entry whose name is absolute or climbs out with {@code ..}
 * makes the whole archive unusable.
 */
final class TarGzEntries implements Entries {
    private final Path archive;

    TarGzEntries(Path archive) {
        this.archive = archive;
    }

    @Override
    public List<Manifest.FileEntry> copy(Keep keep, Path dest) throws IOException {
        KeptFiles kept = new KeptFiles(dest);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String path = safePath(entry.getName());
                Optional<String> target = isRegularFile(entry) ? keep.target(path) : Optional.empty();
                if (target.isPresent()) {
                    kept.write(target.get(), tar);
                }
            }
        }
        return kept.files();
    }

    /** Whether the entry is a plain file ({@link TarArchiveEntry#isFile()} also says yes for links). */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        return flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG;
    }

    /**
     * The entry name as a clean relative path ({@code ./} and empty segments dropped).
     *
     * @throws IOException if it is absolute or has a {@code ..} segment
     */
    static String safePath(String name) throws IOException {
        if (name.startsWith("/") || name.contains("\\")) {
            throw new IOException("entry '" + name + "' is an absolute path; archive entries must be relative");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new IOException("entry '" + name + "' climbs out of the archive with '..'");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
