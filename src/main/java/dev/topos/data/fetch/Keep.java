package dev.topos.data.fetch;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Optional;

/**
 * Which files of an archive or of a user's copy go into a cache folder, and under which name: a
 * file whose path (with {@code /} separators) lies under {@code from} and whose rest matches the
 * glob {@code glob} is stored as {@code into + rest}. For example {@code ("package/",
 * "c[a-r][0-9][0-9]", "")} keeps {@code package/ca01} as {@code ca01}. The glob follows
 * {@link java.nio.file.FileSystem#getPathMatcher}: {@code *} stays within one folder, {@code **}
 * crosses folders, {@code {a,b}} is either.
 */
public final class Keep {
    private final String from;
    private final String glob;
    private final String into;
    private final PathMatcher matcher;

    /**
     * @param from a folder prefix ending in {@code /}, or empty for the top
     * @param glob what the rest of the path must match
     * @param into the folder prefix in the cache, ending in {@code /}, or empty
     */
    public Keep(String from, String glob, String into) {
        this.from = folderPrefix("from", from);
        this.glob = glob;
        this.into = folderPrefix("into", into);
        if (glob.isEmpty() || glob.startsWith("/")) {
            throw new IllegalArgumentException("Keep glob must be a relative pattern, got '" + glob + "'");
        }
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    private static String folderPrefix(String field, String prefix) {
        if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/") || prefix.contains(".."))) {
            throw new IllegalArgumentException("Keep " + field + " must be empty or a relative folder ending in '/', got '"
                    + prefix + "'");
        }
        return prefix;
    }

    /** The folder (relative, possibly empty) under which matching files can lie. */
    public String from() {
        return from;
    }

    /** The cache name of the file at {@code path}, or empty when this rule does not keep it. */
    public Optional<String> target(String path) {
        if (!path.startsWith(from) || path.length() == from.length()) {
            return Optional.empty();
        }
        String rest = path.substring(from.length());
        return matcher.matches(Path.of(rest)) ? Optional.of(into + rest) : Optional.empty();
    }

    /**
     * How many folder levels below {@link #from()} a matching file can lie: unlimited when the
     * glob contains {@code **}, else one more than its {@code /} count.
     */
    int depth() {
        return glob.contains("**") ? Integer.MAX_VALUE : (int) glob.chars().filter(c -> c == '/').count() + 1;
    }

    /** The pattern as a user reads it, e.g. {@code package/data/*.txt}. */
    @Override
    public String toString() {
        return from + glob;
    }
}
