package dev.topos.data.text;

import dev.topos.data.fetch.CacheEntry;
import dev.topos.data.fetch.DataStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Real data sets for tests that run only when they are already cached: the test run fetches nothing. */
final class CachedDataSets {
    private CachedDataSets() {}

    /** The cached folder of data set {@code name}, if {@code topos data get NAME} has fetched it. */
    static Optional<Path> folder(String name) throws IOException {
        CacheEntry entry = DataStore.standard(s -> { }).entry(name);
        return entry.state() == CacheEntry.State.CACHED ? Optional.of(entry.folder()) : Optional.empty();
    }
}
