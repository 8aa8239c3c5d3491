package dev.topos.data.fetch;

import java.nio.file.Path;

/**
 * What the cache holds of one data set, for {@code topos data list}.
 *
 * @param name the data set
 * @param state whether a usable copy is cached
 * @param bytes size of the cached data files (0 when missing)
 * @param license the data's license
 * @param source where the cached copy came from (package or the user's path); for a missing data
 *     set, the package that would be fetched
 * @param fetched when the copy was fetched or imported (ISO-8601), or null
 * @param folder the data set's cache folder (which exists only when cached or damaged)
 */
public record CacheEntry(String name, State state, long bytes, String license, String source, String fetched,
                         Path folder) {
    /** Whether a data set is cached. */
    public enum State {
        /** The folder and its MANIFEST.json agree. */
        CACHED,
        /** No cache folder. */
        MISSING,
        /** The folder exists but its manifest is absent, unreadable or disagrees with the files; 'get' re-fetches it. */
        DAMAGED
    }
}
