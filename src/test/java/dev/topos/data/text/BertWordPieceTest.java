package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertWordPieceTest {
    @TempDir
    Path dir;

    /** The reference docstring's example vocabulary, with shorter pieces a greedy match must pass over. */
    private static final String TINY = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n"
            + "u\nun\n##n\n##a\n##ff\n##aff\n##ab\n##able\n##le\na\n##z\n";

    private BertWordPiece tiny() throws IOException {
        Files.writeString(dir.resolve("vocab.txt"), TINY);
        return new BertWordPiece(BertVocabulary.load(dir));
    }

    @Test
    void greedyLongestMatchFirstOnAVocabTxt() throws IOException {
        BertWordPiece t = tiny();
        assertEquals(List.of("un", "##aff", "##able"), t.tokenize("unaffable"));
        // ids are the line numbers from 0: un 6, ##aff 10, ##able 12
        assertArrayEquals(new int[] {6, 10, 12}, t.encode("UNAFFABLE"));
        assertEquals(List.of("un", "##a"), t.tokenize("una"), "no 'una': 'un' before 'u', then ##a");
    }

    @Test
    void aWordThatCannotBeCoveredIsOneUnk() throws IOException {
        BertWordPiece t = tiny();
        assertEquals(List.of("[UNK]"), t.tokenize("unaffablex"), "no ##x: the whole word, not un ##aff ##able [UNK]");
        assertEquals(List.of("[UNK]", "a", "[UNK]"), t.tokenize("xa a ax"));
        assertArrayEquals(new int[] {1}, t.encode("b"));
    }

    @Test
    void aWordOverAHundredCharactersIsUnk() throws IOException {
        BertWordPiece t = tiny();
        assertEquals(100, t.tokenize("a".repeat(100)).size(), "'a', then 99 x '##a'");
        assertEquals(List.of("a", "##a"), t.tokenize("aa"));
        assertEquals(List.of("[UNK]"), t.tokenize("a".repeat(101)));
        assertEquals(List.of("[UNK]", "un"), t.tokenize("a".repeat(101) + " un"));
    }

    @Test
    void encodesTheClassicExampleWithBertBaseUncasedIds() throws IOException {
        BertWordPiece t = new BertWordPiece(BertVocabulary.load(BertVocabFixture.writeNpmStandIn(dir)));
        assertEquals(List.of("hello", ",", "world", "!"), t.tokenize("hello, world!"));
        assertEquals(List.of("cafe"), t.tokenize("Café"));
        assertEquals(List.of("una", "##ffa", "##ble"), t.tokenize("unaffable"));
        assertArrayEquals(new int[] {7592, 1010, 2088, 999, 14477, 20961, 3468, 15743, 7668, 1010, 2123, 1005, 1056,
            1012}, t.encode("Hello, world! Unaffable naïve café, don't."));
        assertArrayEquals(new int[] {100, 1996}, t.encode("supercalifragilistic the"));
    }

    @Test
    void sequencesAreClsPiecesSepThenPad() throws IOException {
        BertWordPiece t = new BertWordPiece(BertVocabulary.load(BertVocabFixture.writeNpmStandIn(dir)));
        assertArrayEquals(new int[] {101, 7592, 2088, 102, 0, 0}, t.encode("Hello world", 6));
        assertArrayEquals(new int[] {101, 7592, 1010, 102}, t.encode("hello, world!", 4), "truncated, [SEP] kept");
        assertArrayEquals(new int[] {101, 102}, t.encode("hello", 2));
        assertArrayEquals(new int[] {101, 102, 0}, t.encode("", 3));
        assertArrayEquals(new int[] {101, 7, 8, 102}, t.sequence(new int[] {7, 8}, 4));
        assertEquals(4, BertWordPiece.realLength(2, 6));
        assertEquals(6, BertWordPiece.realLength(9, 6));
        assertEquals("sequence length = 1; allowed: >= 2 (room for [CLS] and [SEP])",
                assertThrows(IllegalArgumentException.class, () -> t.encode("hello", 1)).getMessage());
    }

    @Test
    void theSpecialsComeFromTheVocabulary() throws IOException {
        BertVocabulary v = tiny().vocabulary();
        assertArrayEquals(new int[] {2, 6, 3, 0, 0}, new BertWordPiece(v).encode("un", 5));
    }

    /**
     * bert-base-uncased encodings as the reference and HuggingFace tokenizers give them; only when
     * {@code topos data get bert-vocab} has cached the real vocabulary.
     */
    @Test
    void matchesPublishedBertBaseUncasedEncodings() throws IOException {
        Optional<Path> folder = BertVocabFixture.cachedRealVocab();
        Assumptions.assumeTrue(folder.isPresent(), "bert-vocab is not cached");
        BertWordPiece t = new BertWordPiece(BertVocabulary.load(folder.get()));
        Map<String, int[]> published = Map.of(
                "Hello, world! Unaffable", new int[] {101, 7592, 1010, 2088, 999, 14477, 20961, 3468, 102},
                "Hello world! Unaffable naïve café, don't.", new int[] {101, 7592, 2088, 999, 14477, 20961, 3468, 15743,
                    7668, 1010, 2123, 1005, 1056, 1012, 102},
                "How are you?", new int[] {101, 2129, 2024, 2017, 1029, 102},
                "The capital of France is Paris", new int[] {101, 1996, 3007, 1997, 2605, 2003, 3000, 102},
                "the quick brown fox jumps over the lazy dog", new int[] {101, 1996, 4248, 2829, 4419, 14523, 2058, 1996,
                    13971, 3899, 102},
                "unaffable tokenization embeddings biophysicist", new int[] {101, 14477, 20961, 3468, 19204, 3989, 7861,
                    8270, 4667, 2015, 16012, 21281, 19570, 2923, 102},
                "3.14159", new int[] {101, 1017, 1012, 15471, 28154, 102},
                "123456789", new int[] {101, 13138, 19961, 2575, 2581, 2620, 2683, 102},
                "antidisestablishmentarianism", new int[] {101, 3424, 10521, 4355, 7875, 13602, 3672, 12199, 2964, 102});
        for (Map.Entry<String, int[]> e : published.entrySet()) {
            int[] ids = t.encode(e.getKey());
            assertArrayEquals(e.getValue(), t.sequence(ids, ids.length + 2), e.getKey());
        }
    }
}
