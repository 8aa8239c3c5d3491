package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainingCorpusTest {
    private static final int PAD = 0;
    private static final int UNK = 1;
    private static final int CLS = 2;
    private static final int SEP = 3;
    private static final int MASK = 4;
    /** Ids 5.. are the words a … j, then play, ##ing, then the markers d0 … d399. */
    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    private static final int MARKERS = 400;
    private static final int FIRST_MARKER = 5 + LETTERS.size() + 2;
    private static final BertWordPiece TOKENIZER = new BertWordPiece(tinyVocabulary());

    @TempDir
    Path dir;

    private static BertVocabulary tinyVocabulary() {
        List<String> pieces = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        pieces.addAll(LETTERS);
        pieces.addAll(List.of("play", "##ing"));
        IntStream.range(0, MARKERS).forEach(i -> pieces.add("d" + i));
        return BertVocabulary.of(pieces);
    }

    private static int marker(int i) {
        return FIRST_MARKER + i;
    }

    private static PretrainingCorpus build(List<TextSource> sources, List<String> heldOut, int length,
                                           double validation, long seed) {
        return PretrainingCorpus.build(sources, heldOut, TOKENIZER,
                new PretrainingCorpus.Options(length, validation, seed));
    }

    @Test
    void theTinyVocabularyHasTheIdsTheseTestsAssume() {
        BertVocabulary v = TOKENIZER.vocabulary();
        assertEquals(List.of(PAD, UNK, CLS, SEP, MASK), List.of(v.padId(), v.unkId(), v.clsId(), v.sepId(), v.maskId()));
        assertEquals(5, v.id("a"));
        assertEquals(15, v.id("play"));
        assertEquals(16, v.id("##ing"));
        assertEquals(FIRST_MARKER, v.id("d0"));
    }

    /**
     * Length 6 leaves 4 piece slots. Pieces: a b c d | e [UNK] f | g | h i j ("E, f": lower-cased,
     * and the comma is not in this vocabulary). Stream: [a b c d] [e UNK f SEP] [g SEP h i] j. The
     * first document fills a sequence exactly, so the second starts the next without a separator;
     * the boundary after the second falls on the last slot, so that sequence ends [SEP] [SEP]; j is
     * left over.
     */
    @Test
    void packsDocumentsAcrossSequencesWithSepBetweenThem() {
        TextSource s = new TextSource("s", "", List.of("a b c d", "E, f", "g", "h i j"));
        PretrainingCorpus c = build(List.of(s), List.of(), 6, 0, 1);
        assertArrayEquals(new int[][] {
                {CLS, 5, 6, 7, 8, SEP},
                {CLS, 9, UNK, 10, SEP, SEP},
                {CLS, 11, SEP, 12, 13, SEP}}, c.train());
        PretrainingCorpus.SourceCounts n = c.summary().sources().get(0);
        assertEquals(4, n.trainDocuments());
        assertEquals(4 + 3 + 1 + 3, n.trainTokens());
        assertEquals(1, n.unknownTokens());
        assertEquals(3, n.trainSequences());
        assertEquals(1, n.droppedTokens(), "j");
        assertEquals(0, c.validation().length);
    }

    @Test
    void aBoundaryInsideASequenceGetsOneSep() {
        TextSource s = new TextSource("s", "", List.of("a b", "c playing", "d e f g h i j a"));
        PretrainingCorpus c = build(List.of(s), List.of(), 7, 0, 1);
        // stream: a b SEP c play ##ing SEP d e f g h i j a, cut into runs of 5 pieces
        assertArrayEquals(new int[][] {
                {CLS, 5, 6, SEP, 7, 15, SEP},
                {CLS, 16, SEP, 8, 9, 10, SEP},
                {CLS, 11, 12, 13, 14, 5, SEP}}, c.train());
        assertEquals(0, c.summary().total().droppedTokens());
        assertEquals(13, c.summary().total().trainTokens());
    }

    @Test
    void everySequenceIsFullLengthFromClsToSepWithoutPadding() {
        PretrainingCorpus c = build(List.of(randomSource("x", 600, 7), randomSource("y", 50, 8)), List.of(),
                PretrainingCorpus.SEQUENCE_LENGTH, 0.05, 42);
        assertTrue(c.train().length > 100);
        assertTrue(c.validation().length > 3);
        for (int[][] side : List.of(c.train(), c.validation())) {
            for (int[] seq : side) {
                assertEquals(128, seq.length);
                assertEquals(CLS, seq[0]);
                assertEquals(SEP, seq[127]);
                for (int p = 1; p < 127; p++) {
                    assertTrue(seq[p] != PAD && seq[p] != CLS && seq[p] != MASK, "position " + p);
                }
            }
        }
        assertEquals(c.train().length, c.trainSource().length);
        assertEquals(c.summary().total().trainSequences(), c.train().length);
        assertEquals(c.summary().total().validationSequences(), c.validation().length);
    }

    /** The pieces in the sequences, specials removed, are the documents' pieces in order, less the
     *  unfinished tail. */
    @Test
    void sequencesHoldTheDocumentsPiecesInOrder() {
        TextSource s = randomSource("x", 120, 3);
        PretrainingCorpus c = build(List.of(s), List.of(), 32, 0, 5);
        List<Integer> expected = new ArrayList<>();
        for (String d : s.documents()) {
            Arrays.stream(TOKENIZER.encode(d)).forEach(expected::add);
        }
        List<Integer> packed = new ArrayList<>();
        for (int[] seq : c.train()) {
            Arrays.stream(seq, 1, seq.length - 1).filter(id -> id != SEP).forEach(packed::add);
        }
        long dropped = c.summary().total().droppedTokens();
        assertEquals(expected.size(), packed.size() + dropped);
        assertEquals(expected.subList(0, packed.size()), packed);
        assertTrue(dropped < 30);
    }

    @Test
    void duplicatesAreDroppedAfterWhitespaceAndCaseAndCounted() {
        TextSource first = new TextSource("first", "", List.of("a b c", "A  b\nC", "d0 d1", "   "));
        TextSource second = new TextSource("second", "", List.of("\ta B c ", "d2", "d2"));
        PretrainingCorpus c = build(List.of(first, second), List.of(), 4, 0, 1);
        PretrainingCorpus.SourceCounts a = c.summary().sources().get(0);
        PretrainingCorpus.SourceCounts b = c.summary().sources().get(1);
        assertEquals(List.of(4, 1, 1, 2, 5L), List.of(a.documents(), a.duplicates(), a.empty(), a.trainDocuments(),
                a.trainTokens()));
        assertEquals(List.of(3, 2, 0, 1, 1L), List.of(b.documents(), b.duplicates(), b.empty(), b.trainDocuments(),
                b.trainTokens()));
        assertEquals(3, c.summary().total().duplicates());
        assertEquals("a b c", PretrainingCorpus.key(" A\u00A0b \n\tC "));
    }

    @Test
    void theValidationSliceIsWholeDocumentsDisjointFromTrainingAndStable() {
        TextSource s = markedSource("m", 200, 11);
        PretrainingCorpus c = build(List.of(s), List.of(), 16, 0.05, 42);
        PretrainingCorpus.SourceCounts n = c.summary().sources().get(0);
        assertEquals(10, n.validationDocuments());
        assertEquals(190, n.trainDocuments());
        Set<Integer> train = markersIn(c.train());
        Set<Integer> validation = markersIn(c.validation());
        assertTrue(Collections.disjoint(train, validation), "a document on both sides");
        assertTrue(validation.size() >= 9, "10 validation documents, at most the last dropped: " + validation);
        assertTrue(train.size() >= 189);

        PretrainingCorpus again = build(List.of(s), List.of(), 16, 0.05, 42);
        assertArrayEquals(c.train(), again.train());
        assertArrayEquals(c.validation(), again.validation());

        List<String> shuffled = new ArrayList<>(s.documents());
        Rng.derive(3, 0).shuffle(shuffled);
        PretrainingCorpus reordered = build(List.of(new TextSource("m", "", shuffled)), List.of(), 16, 0.05, 42);
        assertEquals(10, validatedMarkers(s, 42).size());
        assertEquals(validatedMarkers(s, 42), validatedMarkers(new TextSource("m", "", shuffled), 42),
                "a document's side does not depend on its position");
        assertEquals(10, reordered.summary().sources().get(0).validationDocuments());

        assertNotEquals(validatedMarkers(s, 42), validatedMarkers(s, 43), "another seed, another slice");
    }

    /** The markers of the documents the corpus puts on the validation side: one piece slot per
     *  sequence, so no separator is written and nothing is dropped. */
    private static Set<Integer> validatedMarkers(TextSource s, long seed) {
        return markersIn(build(List.of(s), List.of(), 3, 0.05, seed).validation());
    }

    @Test
    void validationCountIsRoundedWithAtLeastOneDocument() {
        assertEquals(0, PretrainingCorpus.validationCount(100, 0));
        assertEquals(0, PretrainingCorpus.validationCount(1, 0.01));
        assertEquals(1, PretrainingCorpus.validationCount(2, 0.01));
        assertEquals(1, PretrainingCorpus.validationCount(135, 0.01));
        assertEquals(2, PretrainingCorpus.validationCount(233, 0.01));
        assertEquals(350, PretrainingCorpus.validationCount(34_998, 0.01));
        assertEquals(1, PretrainingCorpus.validationCount(2, 0.5));
        boolean[] side = PretrainingCorpus.validationSide(List.of("p", "q", "r", "s"), 0.5, 9);
        assertEquals(2, IntStream.range(0, 4).filter(i -> side[i]).count());
    }

    @Test
    void heldOutTextsNeverAppearWhateverTheirSpacingOrCase() {
        TextSource s = new TextSource("s", "", List.of("d0 a a", "d1 b b", "d2 c c", "d3 d d"));
        PretrainingCorpus c = build(List.of(s), List.of("D1  B\nb", "d9 never given"), 3, 0, 1);
        assertEquals(1, c.summary().sources().get(0).heldOut());
        assertEquals(3, c.summary().sources().get(0).trainDocuments());
        assertEquals(Set.of(marker(0), marker(2), marker(3)), markersIn(c.train()));
    }

    /** A near-copy of a held-out text, sharing a long sentence with it, is dropped too; sharing a
     *  short one is not. */
    @Test
    void documentsSharingALongSentenceWithAHeldOutTextAreDropped() {
        String longSentence = "a b c d e f g h i j a b c d e f g h i j a b c d e f g h i j a b c d e f g h i j.";
        assertTrue(longSentence.length() >= PretrainingCorpus.OVERLAP_SENTENCE_CHARS);
        String heldOutReview = "d9 j. " + longSentence + " d8 b.";
        TextSource s = new TextSource("s", "", List.of(
                "d0 a. " + longSentence.toUpperCase() + " d0 c!",   // shares the long sentence
                "d1 j. d1 other words.",                            // shares "d9 j."-like short ones only
                "d2 a b c d e f g h i j a b c d e f g h i j a b c d e f g h i j a b c d e f g h i j"));
        PretrainingCorpus c = build(List.of(s), List.of(heldOutReview), 3, 0, 1);
        PretrainingCorpus.SourceCounts n = c.summary().sources().get(0);
        assertEquals(1, n.heldOutOverlap());
        assertEquals(0, n.heldOut());
        assertEquals(2, n.trainDocuments());
        assertEquals(Set.of(marker(1), marker(2)), markersIn(c.train()));
        assertEquals(List.of(PretrainingCorpus.key(longSentence)), PretrainingCorpus.longSentences(heldOutReview));
    }

    /**
     * The fine-tuning split's validation and test reviews stay out: a fake IMDB set in the
     * reviews.json format, split as the Topoformer study splits it, each review carrying its own
     * marker word; one test review also turns up (in other case) in a second source.
     */
    @Test
    void imdbValidationAndTestReviewsNeverAppear() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            json.append(i == 0 ? "" : ",").append("{\"t\":\"d").append(i).append(" a b<br /><br />c\",\"s\":")
                    .append(i % 2).append('}');
        }
        json.append(",{\"t\":\"d7 a b c\",\"s\":1}]"); // a copy of review 7
        Files.writeString(dir.resolve("reviews.json"), json);
        SplitFractions fractions = new SplitFractions(0.7, 0.1, 0.2);
        ReviewSplit split = ReviewSplit.of(ImdbReviews.load(dir), fractions, 42);
        TextSource imdb = PretrainingTexts.imdbTraining(split, fractions, 42);
        List<String> heldOut = PretrainingTexts.imdbHeldOut(split);
        assertEquals(42, imdb.documents().size());
        assertEquals(18, heldOut.size());
        assertTrue(imdb.description().contains("the 42 training reviews"), imdb.description());
        assertTrue(imdb.description().contains("its 6 validation and 12 test reviews left out"), imdb.description());

        String aTestReview = split.test().get(0).text();
        TextSource other = new TextSource("other", "", List.of(aTestReview.toUpperCase(), "e f g"));
        PretrainingCorpus c = build(List.of(imdb, other), heldOut, 8, 0.1, 42);

        Set<Integer> seen = markersIn(c.train());
        seen.addAll(markersIn(c.validation()));
        Set<Integer> forbidden = new TreeSet<>();
        for (Review r : split.validation()) {
            forbidden.add(markerOf(r.text()));
        }
        for (Review r : split.test()) {
            forbidden.add(markerOf(r.text()));
        }
        assertEquals(18, forbidden.size());
        assertTrue(Collections.disjoint(seen, forbidden), "held-out reviews in the corpus: " + intersect(seen, forbidden));
        Set<Integer> trained = split.train().stream().map(r -> markerOf(r.text())).collect(Collectors.toSet());
        assertTrue(trained.containsAll(seen));
        assertTrue(seen.size() >= 41, "every training review is in the corpus (the last may be dropped): " + seen.size());
        assertEquals(1, c.summary().sources().get(1).heldOut());
        assertEquals(0, c.summary().sources().get(0).heldOut());
        assertEquals(4, c.summary().sources().get(0).validationDocuments(), "round(42 x 0.1)");
    }

    @Test
    void theSummaryIsJsonWithPerSourceCountsAndTotal() throws IOException {
        PretrainingCorpus c = build(List.of(randomSource("one", 40, 1), randomSource("two-b", 10, 2)), List.of(), 16,
                0.1, 7);
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(c.summary()));
        assertEquals(16, json.get("sequenceLength").asInt());
        assertEquals(7, json.get("seed").asLong());
        assertEquals(TOKENIZER.vocabulary().size(), json.get("vocabularySize").asInt());
        assertEquals("one", json.get("sources").get(0).get("name").asText());
        assertEquals(50, json.get("total").get("documents").asInt());
        long tokens = json.get("total").get("trainTokens").asLong() + json.get("total").get("validationTokens").asLong();
        assertEquals(json.get("total").get("tokens").asLong(), tokens);
        PretrainingCorpus.SourceCounts one = c.summary().sources().get(0);
        PretrainingCorpus.SourceCounts two = c.summary().sources().get(1);
        assertEquals(one.tokens() + two.tokens(), c.summary().total().tokens());
        assertEquals(one.trainSequences() + two.trainSequences(), c.summary().total().trainSequences());
        assertEquals(4 + 1, c.summary().total().validationDocuments());
        assertEquals(two.tokens(), c.summary().flat().get("corpus_two_b_tokens"));
        assertEquals(c.train().length, c.summary().flat().get("corpus_train_sequences"));
        assertTrue(c.describe().contains("total: 50 documents"), c.describe());
        int[] src = c.trainSource();
        assertEquals(one.trainSequences(), Arrays.stream(src).filter(i -> i == 0).count());
        assertEquals(two.trainSequences(), Arrays.stream(src).filter(i -> i == 1).count());
    }

    @Test
    void badOptionsAndSourcesAreNamed() {
        assertEquals("sequence length = 2; allowed: >= 3 ([CLS], a piece, [SEP])",
                assertThrows(IllegalArgumentException.class, () -> new PretrainingCorpus.Options(2, 0.01, 1))
                        .getMessage());
        assertEquals("validation fraction = 0.6; allowed: 0 to 0.5",
                assertThrows(IllegalArgumentException.class, () -> new PretrainingCorpus.Options(128, 0.6, 1))
                        .getMessage());
        TextSource s = new TextSource("s", "", List.of("a"));
        assertEquals("text source 's' is given twice", assertThrows(IllegalArgumentException.class,
                () -> build(List.of(s, s), List.of(), 8, 0, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> build(List.of(), List.of(), 8, 0, 1));
        assertEquals(new PretrainingCorpus.Options(128, 0.01, 5), PretrainingCorpus.Options.defaults(5));
    }

    /** {@code n} documents of 5–60 random letters, with repeats of whole documents unlikely. */
    private static TextSource randomSource(String name, int n, long seed) {
        Rng rng = new Rng(seed);
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = 5 + rng.nextInt(56);
            docs.add(IntStream.range(0, len).mapToObj(k -> LETTERS.get(rng.nextInt(LETTERS.size())))
                    .collect(Collectors.joining(" ")));
        }
        return new TextSource(name, "random letters", docs);
    }

    /** {@code n} documents "dI" + 3–20 random letters, each with its own marker dI. */
    private static TextSource markedSource(String name, int n, long seed) {
        Rng rng = new Rng(seed);
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = 3 + rng.nextInt(18);
            docs.add("d" + i + " " + IntStream.range(0, len).mapToObj(k -> LETTERS.get(rng.nextInt(LETTERS.size())))
                    .collect(Collectors.joining(" ")));
        }
        return new TextSource(name, "", docs);
    }

    private static Set<Integer> markersIn(int[][] sequences) {
        Set<Integer> out = new HashSet<>();
        for (int[] seq : sequences) {
            for (int id : seq) {
                if (id >= FIRST_MARKER) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    private static int markerOf(String text) {
        return TOKENIZER.vocabulary().id(text.substring(0, text.indexOf(' ')));
    }

    private static Set<Integer> intersect(Set<Integer> a, Set<Integer> b) {
        Set<Integer> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }
}
