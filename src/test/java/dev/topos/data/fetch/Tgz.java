package dev.topos.data.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds small .tgz archives for tests, entry names exactly as given (even hostile ones). */
public final class Tgz {
    private record Entry(String name, byte[] content, byte linkFlag, String linkTarget) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a regular file. */
    public Tgz file(String name, String content) {
        entries.add(new Entry(name, content.getBytes(StandardCharsets.UTF_8), TarConstants.LF_NORMAL, null));
        return this;
    }

    /** Adds a symbolic link {@code name -> target}. */
    public Tgz symlink(String name, String target) {
        entries.add(new Entry(name, new byte[0], TarConstants.LF_SYMLINK, target));
        return this;
    }

    private static final long FIXED_MOD_TIME_MS = 1_600_000_000_000L;

    public byte[] bytes() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(buffer))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry te = new TarArchiveEntry(e.name(), e.linkFlag(), true);
                // A fixed time: the entry would otherwise carry "now", and two archives built across a
                // second boundary would differ in their sha256.
                te.setModTime(FIXED_MOD_TIME_MS);
                if (e.linkTarget() != null) {
                    te.setLinkName(e.linkTarget());
                } else {
                    te.setSize(e.content().length);
                }
                tar.putArchiveEntry(te);
                tar.write(e.content());
                tar.closeArchiveEntry();
            }
        }
        return buffer.toByteArray();
    }
}
