package dev.topos.data.fetch;

import static dev.topos.data.fetch.FakeClients.fails;
import static dev.topos.data.fetch.FakeClients.writes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataStoreTest {
    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    private Path root() {
        return tmp.resolve("cache");
    }

    private DataStore store(FakeClients clients, DataSet... sets) {
        return new DataStore(root(), new Catalog(List.of(sets)), clients, log::add);
    }

    private static FakeClients npmServing(byte[] archive) {
        return new FakeClients().on("npm", writes("tiny-1.0.0.tgz", archive));
    }

    /** The names directly in the cache root (staging folders would start with a dot). */
    private List<String> rootNames() throws IOException {
        try (Stream<Path> list = Files.list(root())) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void getFetchesVerifiesAndWritesTheManifest() throws IOException {
        byte[] archive = TinyData.archive();
        FakeClients npm = npmServing(archive);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Path folder = store(npm, TinyData.dataSet("tiny", TinyData.sha256(archive))).get("tiny");

        assertEquals(root().resolve("tiny"), folder);
        assertEquals(List.of(List.of("npm", "pack", "tiny@1.0.0")), npm.calls());
        assertEquals(Set.of("", "a.txt", "b.txt", "MANIFEST.json"), TinyData.snapshot(folder).keySet(),
                "only the kept files");
        assertEquals(TinyData.A, Files.readString(folder.resolve("a.txt")));
        assertEquals(TinyData.B, Files.readString(folder.resolve("b.txt")));
        Manifest m = Manifest.read(folder).orElseThrow();
        assertEquals("tiny", m.name());
        assertEquals("npm tiny@1.0.0", m.source());
        assertEquals("npm", m.client());
        assertEquals("tiny@1.0.0", m.packageSpec());
        assertEquals(TinyData.sha256(archive), m.sha256());
        assertEquals("MIT", m.license());
        assertEquals(List.of(new Manifest.FileEntry("a.txt", 5), new Manifest.FileEntry("b.txt", 5)), m.files());
        Instant fetched = Instant.parse(m.fetched());
        assertFalse(fetched.isBefore(before) || fetched.isAfter(Instant.now()), m.fetched());
        assertEquals(List.of("tiny"), rootNames(), "no staging folder left");
        assertEquals(List.of("tiny: not cached; fetching npm tiny@1.0.0 (1 KB tgz)"), log);
    }

    @Test
    void getKeepsAVerifiedCopyAndRefetchesADamagedOne() throws IOException {
        byte[] archive = TinyData.archive();
        FakeClients npm = npmServing(archive);
        DataStore store = store(npm, TinyData.dataSet("tiny", TinyData.sha256(archive)));
        Path folder = store.get("tiny");
        store.get("tiny");
        assertEquals(1, npm.calls().size(), "a verified copy is not fetched again");

        Files.writeString(folder.resolve("a.txt"), "alp"); // cut short
        assertEquals(CacheEntry.State.DAMAGED, store.entry("tiny").state());
        store.get("tiny");
        assertEquals(2, npm.calls().size());
        assertEquals(TinyData.A, Files.readString(folder.resolve("a.txt")));
        assertTrue(log.get(1).contains("a.txt has 3 bytes, MANIFEST.json says 5"), log.get(1));
        assertEquals(CacheEntry.State.CACHED, store.entry("tiny").state());
    }

    @Test
    void requireFetchesOnlyWhenNothingIsCached() throws IOException {
        byte[] archive = TinyData.archive();
        FakeClients npm = npmServing(archive);
        DataStore store = store(npm, TinyData.dataSet("tiny", TinyData.sha256(archive)));
        Path first = store.require("tiny");
        Path second = store.require("tiny");
        assertEquals(root().resolve("tiny"), first);
        assertEquals(first, second);
        assertEquals(1, npm.calls().size());
        assertEquals(TinyData.B, Files.readString(first.resolve("b.txt")));
    }

    @Test
    void checksumMismatchShowsBothSumsAndLeavesNoTrace() throws IOException {
        byte[] archive = TinyData.archive();
        String expected = TinyData.sha256("something else".getBytes());
        DataStore store = store(npmServing(archive), TinyData.dataSet("tiny", expected));

        DataSetException e = assertThrows(DataSetException.class, () -> store.get("tiny"));

        assertEquals("data set 'tiny': checksum mismatch for tiny-1.0.0.tgz: expected sha256 " + expected + ", got "
                + TinyData.sha256(archive), e.getMessage());
        assertEquals(List.of(), rootNames());
    }

    @Test
    void aFailedFetchLeavesAnExistingCopyExactlyAsItWas() throws IOException {
        byte[] archive = TinyData.archive();
        DataSet tiny = TinyData.dataSet("tiny", TinyData.sha256(archive));
        FakeClients npm = npmServing(archive);
        store(npm, tiny).get("tiny");
        Files.writeString(root().resolve("tiny/a.txt"), "alp"); // damaged, so get fetches again
        Map<String, String> before = TinyData.snapshot(root());

        FakeClients badArchive = npmServing(new Tgz().file("package/data/a.txt", "tampered").bytes());
        assertThrows(DataSetException.class, () -> store(badArchive, tiny).get("tiny"));
        assertEquals(before, TinyData.snapshot(root()));

        byte[] hostile = new Tgz().file("package/data/../../x.txt", "x").bytes();
        assertThrows(DataSetException.class,
                () -> store(npmServing(hostile), TinyData.dataSet("tiny", TinyData.sha256(hostile))).get("tiny"));
        assertEquals(before, TinyData.snapshot(root()));
    }

    @Test
    void aMissingClientIsNamedAndNothingIsWritten() throws IOException {
        DataStore store = store(new FakeClients(), TinyData.dataSet("tiny", "0".repeat(64)));

        DataSetException e = assertThrows(DataSetException.class, () -> store.get("tiny"));

        assertEquals("data set 'tiny': 'npm' is not on PATH (needed to run 'npm pack tiny@1.0.0'); install it, or import"
                + " your own copy with 'topos data get tiny --from PATH'", e.getMessage());
        assertEquals(List.of(), rootNames());
    }

    @Test
    void aFailedClientShowsItsExitCodeAndErrorLines() throws IOException {
        String stderr = "npm warn Unknown user config\nnpm error code E404\nnpm error 404 Not Found - tiny@1.0.0\n"
                + "npm error A complete log of this run can be found in: /x.log\nnpm error 404\n";
        DataStore store = store(new FakeClients().on("npm", fails(1, stderr)), TinyData.dataSet("tiny", "0".repeat(64)));

        DataSetException e = assertThrows(DataSetException.class, () -> store.get("tiny"));

        assertEquals("data set 'tiny': 'npm pack tiny@1.0.0' failed with exit code 1: npm error code E404 | npm error 404"
                + " Not Found - tiny@1.0.0 | npm error A complete log of this run can be found in: /x.log", e.getMessage());
        assertEquals(List.of(), rootNames());
    }

    @Test
    void missingAptListsAreExplained() throws IOException {
        DataSet deb = debDataSet("0".repeat(64));
        FakeClients apt = new FakeClients().on("apt-get", fails(100, "E: Unable to locate package dataset-x\n"));

        DataSetException e = assertThrows(DataSetException.class, () -> store(apt, deb).get("deb"));

        assertEquals("data set 'deb': 'apt-get download dataset-x=1.0-1' failed with exit code 100: E: Unable to locate"
                + " package dataset-x; the apt package lists look missing or out of date: run 'apt-get update' as root,"
                + " then retry", e.getMessage());
    }

    @Test
    void aDebianPackageIsUnpackedWithDpkgDeb() throws IOException {
        byte[] deb = "a fake .deb".getBytes();
        List<String> dpkgArgs = new ArrayList<>();
        FakeClients clients = new FakeClients()
                .on("apt-get", writes("dataset-x_1.0-1_all.deb", deb))
                .on("dpkg-deb", (dir, command) -> {
                    dpkgArgs.addAll(command);
                    assertEquals(deb.length, Files.size(Path.of(command.get(2))), "dpkg-deb gets the fetched archive");
                    Path data = Path.of(command.get(3)).resolve("usr/share/datasets/x");
                    Files.createDirectories(data.resolve("doc"));
                    Files.writeString(data.resolve("train-ubyte.gz"), "idx");
                    Files.writeString(data.resolve("doc/readme-ubyte.gz"), "too deep");
                    Files.writeString(data.resolve("notes.txt"), "not kept");
                    return new CommandRunner.Result(0, "");
                });

        Path folder = store(clients, debDataSet(TinyData.sha256(deb))).get("deb");

        assertEquals(List.of("apt-get", "download", "dataset-x=1.0-1"), clients.calls().get(0));
        assertEquals(List.of("dpkg-deb", "-x"), dpkgArgs.subList(0, 2));
        assertTrue(Path.of(dpkgArgs.get(3)).startsWith(root()), "unpacked beside the cache: " + dpkgArgs);
        assertEquals(List.of(new Manifest.FileEntry("train-ubyte.gz", 3)), Manifest.read(folder).orElseThrow().files());
        assertEquals("debian", Manifest.read(folder).orElseThrow().client());
        assertEquals(List.of("deb"), rootNames());
    }

    private static DataSet debDataSet(String sha256) {
        return new DataSet("deb", Client.DEBIAN, "dataset-x=1.0-1", sha256, "MIT", "1 KB deb", "a test deb",
                new Keep("usr/share/datasets/x/", "*-ubyte.gz", ""), 1,
                List.of(new Layout("the IDX file", List.of("train-ubyte.gz"), new Keep("", "*-ubyte.gz", ""))));
    }

    @Test
    void entriesThatLeaveTheArchiveAreRejected() throws IOException {
        for (String hostile : List.of("package/data/../../../../escaped.txt", "/tmp/escaped-" + tmp.getFileName())) {
            byte[] archive = new Tgz().file("package/data/a.txt", "a").file(hostile, "x").bytes();
            DataStore store = store(npmServing(archive), TinyData.dataSet("tiny", TinyData.sha256(archive)));

            DataSetException e = assertThrows(DataSetException.class, () -> store.get("tiny"));

            assertTrue(e.getMessage().startsWith("data set 'tiny': cannot extract tiny-1.0.0.tgz: entry '" + hostile + "'"),
                    e.getMessage());
            assertEquals(List.of(), rootNames());
            assertFalse(Files.exists(tmp.resolve("escaped.txt")));
            assertFalse(Files.exists(Path.of(hostile)));
        }
    }

    @Test
    void anArchiveWithoutTheExpectedFilesIsAnError() throws IOException {
        byte[] archive = new Tgz().file("package/data/a.txt", "a").file("package/b.txt", "b").bytes();
        DataStore store = store(npmServing(archive), TinyData.dataSet("tiny", TinyData.sha256(archive)));

        DataSetException e = assertThrows(DataSetException.class, () -> store.get("tiny"));

        assertEquals("data set 'tiny': tiny-1.0.0.tgz holds 1 files matching package/data/*.txt, expected 2",
                e.getMessage());
        assertEquals(List.of(), rootNames());
    }

    @Test
    void aClientThatLeavesNoArchiveIsAnError() throws IOException {
        DataStore store = store(new FakeClients().on("npm", fails(0, "")), TinyData.dataSet("tiny", "0".repeat(64)));

        DataSetException e = assertThrows(DataSetException.class, () -> store.get("tiny"));

        assertEquals("data set 'tiny': 'npm pack tiny@1.0.0' should leave one archive file, left 0", e.getMessage());
    }

    @Test
    void importFromCopiesTheRequiredShapeAndRecordsThePath() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(copy.resolve("a.txt"), "my a");
        Files.writeString(copy.resolve("b.txt"), "my b!");
        Files.writeString(copy.resolve("notes.md"), "not copied");
        FakeClients none = new FakeClients();

        Path folder = store(none, TinyData.dataSet("tiny", "0".repeat(64))).importFrom("tiny", copy);

        assertEquals(List.of(), none.calls(), "no client runs for a user's copy");
        assertEquals("my b!", Files.readString(folder.resolve("b.txt")));
        assertFalse(Files.exists(folder.resolve("notes.md")));
        Manifest m = Manifest.read(folder).orElseThrow();
        assertEquals(copy.toAbsolutePath().toString(), m.source());
        assertNull(m.sha256());
        assertNull(m.packageSpec());
        assertEquals(List.of(new Manifest.FileEntry("a.txt", 4), new Manifest.FileEntry("b.txt", 5)), m.files());
        assertEquals(List.of("tiny"), rootNames());
    }

    @Test
    void importFromReplacesAFetchedCopy() throws IOException {
        byte[] archive = TinyData.archive();
        DataStore store = store(npmServing(archive), TinyData.dataSet("tiny", TinyData.sha256(archive)));
        store.get("tiny");
        Path copy = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(copy.resolve("a.txt"), "mine");
        Files.writeString(copy.resolve("b.txt"), "mine");

        store.importFrom("tiny", copy);

        assertEquals("mine", Files.readString(root().resolve("tiny/a.txt")));
        assertEquals(copy.toString(), store.entry("tiny").source());
        store.get("tiny");
        assertEquals("mine", Files.readString(root().resolve("tiny/a.txt")), "get keeps a verified user copy");
        assertEquals(List.of("tiny"), rootNames());
    }

    @Test
    void importFromNamesTheMissingFilesAndKeepsTheCache() throws IOException {
        byte[] archive = TinyData.archive();
        DataStore store = store(npmServing(archive), TinyData.dataSet("tiny", TinyData.sha256(archive)));
        store.get("tiny");
        Map<String, String> before = TinyData.snapshot(root());
        Path copy = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(copy.resolve("a.txt"), "mine");

        DataSetException missing = assertThrows(DataSetException.class, () -> store.importFrom("tiny", copy));
        DataSetException absent = assertThrows(DataSetException.class,
                () -> store.importFrom("tiny", tmp.resolve("nowhere")));

        assertEquals("data set 'tiny': " + copy + " is not a usable copy; expected a folder with a.txt and b.txt"
                + " (missing b.txt)", missing.getMessage());
        assertEquals("data set 'tiny': no such file or folder: " + tmp.resolve("nowhere"), absent.getMessage());
        assertEquals(before, TinyData.snapshot(root()));
    }

    @Test
    void importFromAcceptsTheUpstreamImdbShapes() throws IOException {
        Path upstream = Files.createDirectories(tmp.resolve("download"));
        for (String split : List.of("train", "test")) {
            for (String label : List.of("pos", "neg")) {
                Path d = Files.createDirectories(upstream.resolve("aclImdb").resolve(split).resolve(label));
                Files.writeString(d.resolve("0_9.txt"), split + " " + label);
            }
        }
        Files.writeString(upstream.resolve("aclImdb/imdb.vocab"), "the\n");
        Files.writeString(upstream.resolve("unrelated.txt"), "not copied");
        Path reviews = Files.writeString(tmp.resolve("reviews.json"), "[]");
        DataStore store = new DataStore(root(), Catalog.standard(), new FakeClients(), log::add);

        for (Path given : List.of(upstream, upstream.resolve("aclImdb"))) {
            Path folder = store.importFrom("imdb", given);
            assertEquals(List.of("aclImdb/imdb.vocab", "aclImdb/test/neg/0_9.txt", "aclImdb/test/pos/0_9.txt",
                    "aclImdb/train/neg/0_9.txt", "aclImdb/train/pos/0_9.txt"),
                    Manifest.read(folder).orElseThrow().files().stream().map(Manifest.FileEntry::path).toList());
            assertEquals("train neg", Files.readString(folder.resolve("aclImdb/train/neg/0_9.txt")));
        }
        Path folder = store.importFrom("imdb", reviews);
        assertEquals(List.of(new Manifest.FileEntry("reviews.json", 2)), Manifest.read(folder).orElseThrow().files());

        Files.delete(upstream.resolve("aclImdb/test/pos/0_9.txt"));
        Files.delete(upstream.resolve("aclImdb/test/pos"));
        DataSetException e = assertThrows(DataSetException.class, () -> store.importFrom("imdb", upstream));
        assertEquals("data set 'imdb': " + upstream + " is not a usable copy; expected an aclImdb/ folder with"
                + " train/{pos,neg} and test/{pos,neg} (missing aclImdb/test/pos), or reviews.json (a JSON array of"
                + " {t, s}) (missing reviews.json)", e.getMessage());
    }

    @Test
    void listShowsEveryDataSetInCatalogOrder() throws IOException {
        byte[] archive = TinyData.archive();
        DataStore store = store(npmServing(archive), TinyData.dataSet("tiny", TinyData.sha256(archive)),
                TinyData.dataSet("absent", "0".repeat(64)));
        store.get("tiny");

        List<CacheEntry> entries = store.list();

        assertEquals(2, entries.size());
        CacheEntry tiny = entries.get(0);
        assertEquals(List.of("tiny", CacheEntry.State.CACHED, 10L, "MIT", "npm tiny@1.0.0", root().resolve("tiny")),
                List.of(tiny.name(), tiny.state(), tiny.bytes(), tiny.license(), tiny.source(), tiny.folder()));
        Instant.parse(tiny.fetched());
        assertEquals(new CacheEntry("absent", CacheEntry.State.MISSING, 0, "MIT", "npm absent@1.0.0", null,
                root().resolve("absent")), entries.get(1));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        DataStore store = store(new FakeClients(), TinyData.dataSet("tiny", "0".repeat(64)),
                TinyData.dataSet("small", "0".repeat(64)));
        for (var call : List.<org.junit.jupiter.api.function.Executable>of(() -> store.get("huge"),
                () -> store.require("huge"), () -> store.importFrom("huge", tmp), () -> store.entry("huge"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertEquals("unknown data set 'huge'; known: tiny, small", e.getMessage());
        }
    }

    @Test
    void theRootFollowsTopsDataThenXdgThenHome() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/data/t"), DataStore.defaultRoot(Map.of("TOPOS_DATA", "/data/t", "XDG_CACHE_HOME", "/x"),
                home));
        assertEquals(Path.of("/x/topos/data"), DataStore.defaultRoot(Map.of("XDG_CACHE_HOME", "/x"), home));
        assertEquals(Path.of("/home/u/.cache/topos/data"), DataStore.defaultRoot(Map.of("XDG_CACHE_HOME", "rel"), home));
        assertEquals(Path.of("/home/u/.cache/topos/data"), DataStore.defaultRoot(Map.of("TOPOS_DATA", " "), home));
    }
}
