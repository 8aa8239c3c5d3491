package dev.topos.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build of Topos is: its version, the git commit it was built from and whether the
 * working tree had uncommitted changes then. Read from {@code dev/topos/git.properties}, which the
 * build writes (git-commit-id-maven-plugin); a build outside a git checkout has no commit.
 *
 * @param version the project version, e.g. {@code 0.1.0}
 * @param commit  the full commit id, or null when built outside a git checkout
 * @param dirty   whether tracked or untracked files differed from that commit, or null when unknown
 */
public record BuildInfo(String version, String commit, Boolean dirty) {
    private static final String RESOURCE = "/dev/topos/git.properties";
    private static final BuildInfo CURRENT = read();

    public static BuildInfo current() {
        return CURRENT;
    }

    /** {@code 0.1.0, commit 1a2b3c4d5e6f (uncommitted changes)}, or {@code 0.1.0, no git commit}. */
    public String describe() {
        if (commit == null) {
            return version + ", no git commit";
        }
        return version + ", commit " + commit.substring(0, Math.min(12, commit.length()))
                + (Boolean.TRUE.equals(dirty) ? " (uncommitted changes)" : "");
    }

    static BuildInfo parse(Properties p) {
        String commit = p.getProperty("git.commit.id");
        String dirty = p.getProperty("git.dirty");
        return new BuildInfo(p.getProperty("git.build.version", "dev"), commit == null || commit.isBlank() ? null : commit,
                dirty == null ? null : Boolean.valueOf(dirty));
    }

    private static BuildInfo read() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return parse(p);
    }
}
