package dev.topos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.fetch.Catalog;
import dev.topos.data.fetch.DataStore;
import dev.topos.data.fetch.FakeClients;
import dev.topos.data.fetch.TinyData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    /** A store of two made-up data sets, "tiny" (fetchable) and "absent" (whose archive never matches). */
    private DataStore store(FakeClients clients) throws IOException {
        return new DataStore(tmp.resolve("cache"), new Catalog(List.of(
                TinyData.dataSet("tiny", TinyData.sha256(TinyData.archive())),
                TinyData.dataSet("absent", "0".repeat(64)))), clients, log::add);
    }

    private static FakeClients npm() throws IOException {
        return new FakeClients().on("npm", FakeClients.writes("tiny-1.0.0.tgz", TinyData.archive()));
    }

    private static MainTest.Result topos(DataStore store, String... args) {
        return MainTest.topos(cl -> ((DataCommand) cl.getSubcommands().get("data").getCommand()).useStore(store), args);
    }

    @Test
    void getPrintsWhereEachDataSetIs() throws IOException {
        DataStore store = store(npm());
        MainTest.Result r = topos(store, "data", "get", "tiny");
        assertEquals(0, r.code(), r.err());
        assertEquals("tiny: " + tmp.resolve("cache/tiny") + " (10 B, from npm tiny@1.0.0)\n", r.out());
        assertEquals(TinyData.A, Files.readString(tmp.resolve("cache/tiny/a.txt")));
    }

    @Test
    void listPrintsOneRowPerDataSet() throws IOException {
        DataStore store = store(npm());
        store.get("tiny");
        MainTest.Result r = topos(store, "data", "list");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(
                "NAME    CACHED  SIZE  LICENSE  SOURCE",
                "tiny    yes     10 B  MIT      npm tiny@1.0.0",
                "absent  no      -     MIT      npm absent@1.0.0",
                "cache: " + tmp.resolve("cache")), r.out().lines().toList());
    }

    @Test
    void anUnknownNameFailsBeforeAnythingIsFetched() throws IOException {
        FakeClients npm = npm();
        topos(store(npm), "data", "get", "tiny", "huge").assertUserError("unknown data set 'huge'", "known: tiny, absent");
        assertEquals(List.of(), npm.calls());
    }

    @Test
    void fetchAndImportErrorsAreOneLineUserErrors() throws IOException {
        DataStore store = store(npm());
        topos(store, "data", "get", "absent").assertUserError("data set 'absent': checksum mismatch", "0".repeat(64));
        Path copy = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(copy.resolve("b.txt"), "b");
        topos(store, "data", "get", "tiny", "--from", copy.toString()).assertUserError(
                "data set 'tiny': " + copy + " is not a usable copy", "(missing a.txt)");
        topos(store, "data", "get", "tiny", "absent", "--from", copy.toString())
                .assertUserError("--from imports one data set, got 2: tiny, absent");
        assertEquals(0, tmp.resolve("cache").toFile().list().length, "nothing cached, nothing left behind");
    }

    @Test
    void fromImportsTheUsersCopy() throws IOException {
        FakeClients none = new FakeClients();
        Path copy = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(copy.resolve("a.txt"), "a");
        Files.writeString(copy.resolve("b.txt"), "bb");
        MainTest.Result r = topos(store(none), "data", "get", "tiny", "--from", copy.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("tiny: " + tmp.resolve("cache/tiny") + " (3 B, from " + copy + ")\n", r.out());
        assertEquals(List.of(), none.calls());
        assertTrue(log.get(0).startsWith("tiny: importing " + copy), log.toString());
    }

    @Test
    void dataAloneShowsItsUsageAndFails() {
        MainTest.Result r = MainTest.topos("data");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Usage: topos data"), r.err());
        assertTrue(r.err().contains("get") && r.err().contains("list"), r.err());
    }
}
