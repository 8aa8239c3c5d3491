package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.topos.data.fetch.DataStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The standard corpus built from the real cached data sets, measured: counts per source and build
 * time. It takes about a minute, so besides needing every data set already cached (it fetches
 * nothing) it runs only when asked: {@code mvn test -Dtest=PretrainingCorpusRealDataTest
 * -Dtopos.corpus.measure=true}.
 */
class PretrainingCorpusRealDataTest {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    @Test
    void theStandardCorpusOfTheCachedData() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("topos.corpus.measure"), "set -Dtopos.corpus.measure=true to run");
        List<String> needed = new ArrayList<>(PretrainingTexts.DATA_SETS);
        needed.add("bert-vocab");
        for (String name : needed) {
            Assumptions.assumeTrue(CachedDataSets.folder(name).isPresent(), name + " is not cached");
        }
        DataStore store = DataStore.standard(s -> { });
        long t0 = System.nanoTime();
        BertWordPiece tokenizer = new BertWordPiece(BertVocabulary.load(store.require("bert-vocab")));
        PretrainingTexts.Texts texts = PretrainingTexts.standard(store, new SplitFractions(0.7, 0.1, 0.2), 42);
        long t1 = System.nanoTime();
        PretrainingCorpus corpus = PretrainingCorpus.build(texts.sources(), texts.heldOut(), tokenizer,
                PretrainingCorpus.Options.defaults(42));
        long t2 = System.nanoTime();
        System.out.println(corpus.describe());
        System.out.printf("read %.1f s, build (dedup, tokenise, pack) %.1f s, %d threads%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, Runtime.getRuntime().availableProcessors());
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(corpus.summary()));
        System.out.println(corpus.summary().flat());
        repeatedSentences(texts.sources());
        heldOutSharingASentence(texts);

        PretrainingCorpus.Summary s = corpus.summary();
        assertEquals(PretrainingTexts.DATA_SETS, s.sources().stream().map(PretrainingCorpus.SourceCounts::name).toList());
        assertEquals(0, s.sources().get(0).heldOut(), "the IMDB training reviews hold no held-out text");
        assertTrue(s.sources().get(0).heldOutOverlap() > 0, "some training reviews are near-copies of held-out ones");
        assertTrue(s.total().tokens() > 10_000_000, "about 15M pieces expected: " + s.total().tokens());
        for (int[] seq : corpus.train()) {
            assertEquals(128, seq.length);
        }
    }

    /** Near-copies: held-out reviews that share a sentence of 60+ characters with a source document
     *  (the corpus drops such documents; this counts them before it does). */
    private static void heldOutSharingASentence(PretrainingTexts.Texts texts) {
        java.util.Set<String> corpus = new java.util.HashSet<>();
        for (TextSource src : texts.sources()) {
            for (String doc : src.documents()) {
                for (String sentence : SENTENCE_END.split(doc)) {
                    String k = PretrainingCorpus.key(sentence);
                    if (k.length() >= 60) {
                        corpus.add(k);
                    }
                }
            }
        }
        long sharing = texts.heldOut().stream().filter(t -> SENTENCE_END.splitAsStream(t).map(PretrainingCorpus::key)
                .anyMatch(k -> k.length() >= 60 && corpus.contains(k))).count();
        System.out.printf("held-out reviews sharing a 60+ char sentence with the texts (before the corpus drops those "
                + "documents): %,d of %,d%n", sharing,
                texts.heldOut().size());
    }

    /** How much a sentence-level deduplication would remove: sentences of 60+ characters seen more than once. */
    private static void repeatedSentences(List<TextSource> sources) {
        Map<String, Integer> count = new HashMap<>();
        Map<String, String> firstSource = new HashMap<>();
        for (TextSource src : sources) {
            for (String doc : src.documents()) {
                for (String sentence : SENTENCE_END.split(doc)) {
                    String k = PretrainingCorpus.key(sentence);
                    if (k.length() >= 60) {
                        count.merge(k, 1, Integer::sum);
                        firstSource.putIfAbsent(k, src.name());
                    }
                }
            }
        }
        long distinctRepeated = count.values().stream().filter(c -> c > 1).count();
        long extraCopies = count.values().stream().mapToLong(c -> c - 1).sum();
        long extraChars = count.entrySet().stream().mapToLong(e -> (long) (e.getValue() - 1) * e.getKey().length()).sum();
        Map<String, Long> bySource = new HashMap<>();
        count.forEach((k, c) -> {
            if (c > 1) {
                bySource.merge(firstSource.get(k), (long) c - 1, Long::sum);
            }
        });
        System.out.printf("sentences of 60+ chars: %,d distinct, %,d occur more than once, %,d extra copies "
                + "(%,d chars); extra copies by source %s%n", count.size(), distinctRepeated, extraCopies, extraChars,
                bySource);
        List<Map.Entry<String, Integer>> top = count.entrySet().stream().filter(e -> e.getValue() > 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8).toList();
        top.forEach(e -> System.out.println("  x" + e.getValue() + " " + e.getKey()));
    }
}
