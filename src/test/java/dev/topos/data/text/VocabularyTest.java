package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
    @TempDir
    Path dir;

    /** Counts: the 4, movie 3, bad 2, good 2, a 1, <pad> 2 (a special, never a word). */
    private static final List<List<String>> TEXTS = List.of(
            List.of("the", "movie", "good", "<pad>"),
            List.of("the", "bad", "movie", "a"),
            List.of("the", "the", "movie", "bad", "good", "<pad>"));

    private static final Vocabulary VOCAB = Vocabulary.build(TEXTS, 2);

    @Test
    void specialsComeFirstThenWordsByFrequencyTiesAlphabetical() {
        assertEquals(List.of("<unk>", "<pad>", "<eos>", "<bos>", "<mask>", "the", "movie", "bad", "good"), VOCAB.tokens());
        assertEquals(0, VOCAB.id("<unk>"));
        assertEquals(1, VOCAB.id("<pad>"));
        assertEquals(2, VOCAB.id("<eos>"));
        assertEquals(3, VOCAB.id("<bos>"));
        assertEquals(4, VOCAB.id("<mask>"));
    }

    @Test
    void theCutOffDropsRareWords() {
        assertFalse(VOCAB.contains("a"), "seen once, cut-off 2");
        assertEquals(Vocabulary.UNK_ID, VOCAB.id("a"));
        assertEquals(List.of("the", "movie"), Vocabulary.build(TEXTS, 3).tokens().subList(5, 7));
        assertEquals(7, Vocabulary.build(TEXTS, 3).size());
        assertEquals(5, Vocabulary.build(TEXTS).size(), "default cut-off 5: only the specials");
        assertTrue(Vocabulary.build(TEXTS, 1).contains("a"));
    }

    @Test
    void encodePadsShortTexts() {
        // <bos> the good zzz(unknown) <eos> <pad> <pad>
        assertArrayEquals(new int[] {3, 5, 8, 0, 2, 1, 1}, VOCAB.encode(List.of("the", "good", "zzz"), 7));
        assertEquals(5, Vocabulary.realLength(3, 7));
        assertArrayEquals(new int[] {3, 2, 1}, VOCAB.encode(List.of(), 3));
    }

    @Test
    void encodeTruncatesSoTheLastSlotIsEos() {
        List<String> tokens = List.of("the", "movie", "bad", "good", "the");
        assertArrayEquals(new int[] {3, 5, 6, 2}, VOCAB.encode(tokens, 4));
        assertEquals(4, Vocabulary.realLength(tokens.size(), 4));
        // exactly fitting: 5 tokens + 2 = 7, no padding
        assertArrayEquals(new int[] {3, 5, 6, 7, 8, 5, 2}, VOCAB.encode(tokens, 7));
        assertArrayEquals(new int[] {3, 2}, VOCAB.encode(tokens, 2));
        String m = assertThrows(IllegalArgumentException.class, () -> VOCAB.encode(tokens, 1)).getMessage();
        assertTrue(m.startsWith("sequence length = 1; allowed: >= 2"), m);
    }

    @Test
    void decodeInvertsEncodeWithUnknownWordsAsUnk() {
        assertEquals(List.of("the", "bad", "movie"), VOCAB.decode(VOCAB.encode(List.of("the", "bad", "movie"), 10)));
        assertEquals(List.of("<unk>", "good", "<mask>"), VOCAB.decode(VOCAB.encode(List.of("qq", "good", "<mask>"), 10)));
        assertThrows(IndexOutOfBoundsException.class, () -> VOCAB.token(9));
    }

    @Test
    void saveAndLoadRoundTrip() throws IOException {
        Path f = dir.resolve("vocab.txt");
        VOCAB.save(f);
        assertEquals("<unk>\n<pad>\n<eos>\n<bos>\n<mask>\nthe\nmovie\nbad\ngood\n", Files.readString(f));
        Vocabulary back = Vocabulary.load(f);
        assertEquals(VOCAB.tokens(), back.tokens());
        assertEquals(8, back.id("good"));
    }

    @Test
    void loadErrorsNameFileLineAndRule() throws IOException {
        Path f = dir.resolve("v.txt");
        Files.writeString(f, "<unk>\n<pad>\n<bos>\n<eos>\n<mask>\n");
        assertEquals(f + " line 3: expected <eos>, found '<bos>'; a vocabulary starts with the specials "
                + "<unk> <pad> <eos> <bos> <mask> in that order", loadError(f));
        Files.writeString(f, "<unk>\n<pad>\n<eos>\n<bos>\n<mask>\nthe\nfilm\nthe\n");
        assertEquals(f + " line 8: duplicate token 'the' (first on line 6)", loadError(f));
        Files.writeString(f, "<unk>\n<pad>\n<eos>\n<bos>\n<mask>\nthe\n\nfilm\n");
        assertEquals(f + " line 7: '' is not a token; allowed: non-empty, no whitespace, one per line", loadError(f));
        Files.writeString(f, "<unk>\n<pad>\n<eos>\n<bos>\n<mask>\nthe film\n");
        assertTrue(loadError(f).startsWith(f + " line 6: 'the film' is not a token"));
        Files.writeString(f, "<unk>\n<pad>\n");
        assertEquals(f + ": has 2 lines; a vocabulary starts with the 5 specials <unk> <pad> <eos> <bos> <mask>",
                loadError(f));
    }

    @Test
    void buildRejectsTokensThatCannotBeSaved() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.build(List.of(List.of("a b")), 1)).getMessage();
        assertEquals("'a b' is not a token; allowed: non-empty, no whitespace", m);
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(TEXTS, 0));
    }

    private static String loadError(Path f) {
        return assertThrows(MalformedDataException.class, () -> Vocabulary.load(f)).getMessage();
    }
}
