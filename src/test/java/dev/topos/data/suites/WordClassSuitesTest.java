package dev.topos.data.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordClassSuitesTest {
    /** Nouns and verbs whose selection is worked out by hand below. */
    private static final BrownLexicon LEXICON = new Corpus()
            .add("time", "NN", 30).add("way", "NN", 20).add("work", "NN", 19).add("work", "VB", 1)
            .add("cat", "NN", 12).add("dog", "NN", 11)
            .add("rare", "NN", 5)                                   // too rare
            .add("play", "NN", 6).add("play", "VB", 6)              // ambiguous
            .add("Af", "NN", 15)                                    // a symbol: capitalised
            .add("x-ray", "NN", 20)                                 // not letters only
            .add("make", "VB", 25).add("see", "VB", 12).add("go", "VB", 10).add("run", "VB", 9).add("run", "NN", 1)
            .add("walked", "VBD", 6).add("walked", "VBN", 4)        // past, tolerating the participle reading
            .add("played", "VBN", 6).add("played", "VBD", 4)        // mostly a participle: not past
            .add("as", "CS", 6).add("as", "QL", 5)                  // function, tolerating QL
            .add("very", "QL", 10)                                  // qualifier only: neither class
            .lexicon();

    @Test
    void candidatesAreFrequentLowerCaseLettersOnlyAndUnambiguous() {
        // time 30, way 20 and work 20 (19 NN + 1 VB = 95% NN; tie broken alphabetically), cat 12, dog 11
        assertEquals(List.of("time", "way", "work", "cat", "dog"),
                new WordClass("noun", Set.of("NN"), Set.of()).candidates(LEXICON, 10));
        assertEquals(List.of("make", "see", "go", "run"), new WordClass("verb", Set.of("VB"), Set.of()).candidates(LEXICON, 10));
        assertEquals(List.of("walked"), new WordClass("past", Set.of("VBD"), Set.of("VBN")).candidates(LEXICON, 5));
        assertEquals(List.of("as"), new WordClass("function", WordClassSuites.CLOSED_CLASS, Set.of("QL")).candidates(LEXICON, 10));
    }

    @Test
    void nounsAndVerbsAreFrequencyMatched() {
        // verbs are the anchor (4 candidates < 5): make 25, see 12, go 10. Nearest nouns in ln(f + 1):
        // ln 26 = 3.26 -> time (ln 31 = 3.43, vs way/work ln 21 = 3.04); ln 13 -> cat (exact); ln 11 = 2.40 -> dog (2.48)
        Suite s = WordClassSuites.build(WordClassSuites.SPECS.get(0), LEXICON, new SuiteSize(3, 2));
        assertEquals("nouns-vs-verbs", s.name());
        assertEquals(new Condition("noun", List.of("time", "cat", "dog")), s.a());
        assertEquals(new Condition("verb", List.of("make", "see", "go")), s.b());
        assertTrue(s.header().stream().anyMatch(h -> h.contains("median corpus frequency noun 12.0, verb 12.0")), s.header().toString());
    }

    @Test
    void tooFewCandidatesIsAnErrorSayingHowMany() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> WordClassSuites.build(WordClassSuites.SPECS.get(0), LEXICON, new SuiteSize(10, 5))).getMessage();
        assertTrue(m.startsWith("nouns-vs-verbs: the data give only 4 verb items (words occurring >= 10 times"), m);
        assertTrue(m.endsWith("at least 5 are required"), m);
    }

    @Test
    void frequencyMatchAnchorsOnTheSmallerSideAndNeverReusesAWord() {
        List<String> a = List.of("a1", "a2", "a3");
        List<String> b = List.of("b1", "b2");
        Map<String, Integer> f = Map.of("a1", 100, "a2", 50, "a3", 9, "b1", 10, "b2", 8);
        // anchor b (2 < 3): b1 (10) -> a3 (9); b2 (8) -> nearest unused is a2 (50), not a3 again
        assertEquals(List.of(List.of("a3", "a2"), List.of("b1", "b2")), FrequencyMatch.match(a, b, f::get, 5));
        assertEquals(List.of(List.of("a3"), List.of("b1")), FrequencyMatch.match(a, b, f::get, 1));
    }
}
