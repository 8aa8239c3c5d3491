package dev.topos.data.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fetches a data set's package with its client into a staging folder, checks the archive's sha256
 * against the catalog, and copies the kept files into the staging data folder.
 */
final class PackageFetch {
    private PackageFetch() {
    }

    /** Fills {@code staging.data()} with the kept files of {@code set}'s verified archive; returns their manifest. */
    static Manifest fetch(DataSet set, ClientCalls calls, Staging staging) throws IOException {
        Path download = staging.folder("download");
        List<String> command = set.client().fetchCommand(set.packageSpec());
        calls.run(set, download, command);
        Path archive = onlyFile(set, download, String.join(" ", command));
        String actual = Sha256.of(archive);
        if (!actual.equals(set.sha256())) {
            throw new DataSetException(set.name(), "checksum mismatch for " + archive.getFileName() + ": expected sha256 "
                    + set.sha256() + ", got " + actual);
        }
        List<Manifest.FileEntry> files;
        try {
            files = set.client().open(set, archive, staging.folder("unpack"), calls).copy(set.keep(), staging.data());
        } catch (DataSetException e) {
            throw e;
        } catch (IOException e) {
            throw new DataSetException(set.name(), "cannot extract " + archive.getFileName() + ": " + e.getMessage());
        }
        if (files.size() != set.files()) {
            throw new DataSetException(set.name(), archive.getFileName() + " holds " + files.size() + " files matching "
                    + set.keep() + ", expected " + set.files());
        }
        return Manifest.ofPackage(set, actual, files);
    }

    /** The one file the client left in {@code folder}. */
    private static Path onlyFile(DataSet set, Path folder, String command) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.size() != 1) {
            throw new DataSetException(set.name(), "'" + command + "' should leave one archive file, left " + files.size()
                    + (files.isEmpty() ? "" : ": " + files.stream().map(f -> f.getFileName().toString()).toList()));
        }
        return files.get(0);
    }
}
