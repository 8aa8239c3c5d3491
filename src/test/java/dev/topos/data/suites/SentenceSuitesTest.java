package dev.topos.data.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentenceSuitesTest {
    /** Six eligible sentences, each copied 10 times so every word occurs >= 10 times, plus ineligible ones. */
    static Corpus corpus() {
        Corpus c = new Corpus();
        for (String s : ELIGIBLE) {
            StringBuilder tagged = new StringBuilder();
            for (String w : s.substring(0, s.length() - 1).split(" ")) {
                tagged.append(w).append("/NN ");
            }
            c.sentence(tagged + "./.", 10);
        }
        return c
                .sentence("The/AT dog/NN saw/VBD the/AT cat/NN ,/, and/CC ran/VBD ./.", 1)  // a comma
                .sentence("The/AT dog/NN saw/VBD the/AT cat/NN ./.", 1)                    // five words
                .sentence("The/AT dog/NN saw/VBD the/AT zebra/NN in/IN a/AT tree/NN ./.", 1)   // rare words
                .sentence("the/AT dog/NN saw/VBD the/AT cat/NN run/VB away/RB ./.", 1)       // lower-case start
                .sentence("The/AT dog/NN saw/VBD the/AT cat/NN run/VB away/RB ?/.", 1)       // a question
                .sentence("The/AT dog/NN saw/VBD the/AT cat/NN run/VB ''/'' ./.", 1);        // a quote
    }

    static final List<String> ELIGIBLE = List.of(
            "The dog saw the cat run away.", "A cat ran to the big old house.", "The man and the dog ran home today.",
            "She saw a big dog in the house.", "He said the cat was not at home.", "They ran away from the old man.");

    @Test
    void onlyEligibleSentencesAreSampledEachOnce() {
        Corpus c = corpus();
        List<List<String>> all = SentenceSuites.sample(c.sentences(), c.lexicon(), 100, new Rng(1));
        Set<String> texts = new HashSet<>();
        all.forEach(s -> texts.add(String.join(" ", s) + "."));
        assertEquals(new HashSet<>(ELIGIBLE), texts);
        assertEquals(6, all.size());
    }

    @Test
    void theSeedFixesTheSample() {
        Corpus c = corpus();
        List<List<String>> a = SentenceSuites.sample(c.sentences(), c.lexicon(), 4, new Rng(1));
        assertEquals(4, a.size());
        assertEquals(a, SentenceSuites.sample(c.sentences(), c.lexicon(), 4, new Rng(1)));
        assertNotEquals(a, SentenceSuites.sample(c.sentences(), c.lexicon(), 4, new Rng(2)));
    }

    @Test
    void wordListsHoldTheSameWordsInAnotherOrder() {
        Corpus c = corpus();
        List<List<String>> sentences = SentenceSuites.sample(c.sentences(), c.lexicon(), 6, new Rng(1));
        Suite s = SentenceSuites.versusWordlists(sentences, new Rng(5));
        assertEquals("sentences-vs-wordlists", s.name());
        assertEquals(6, s.b().items().size());
        for (int i = 0; i < 6; i++) {
            String sentence = s.a().items().get(i);
            String list = s.b().items().get(i);
            assertTrue(list.endsWith(".") && sentence.endsWith("."));
            List<String> sw = words(sentence.toLowerCase(Locale.ROOT));
            List<String> lw = words(list);
            assertNotEquals(sw, lw, "scrambled");
            assertEquals(sorted(sw), sorted(lw), "same words");
        }
    }

    @Test
    void nonwordStringsMatchTheSentencesShapeAndContainNoRealWord() {
        Corpus c = corpus();
        BrownLexicon lexicon = c.lexicon();
        List<List<String>> sentences = SentenceSuites.sample(c.sentences(), lexicon, 6, new Rng(1));
        Set<String> real = LinguisticSuites.realWords(lexicon, Map.of("cool stuff", 3));
        Suite s = SentenceSuites.versusNonwords(sentences, real, new Rng(9));
        for (int i = 0; i < 6; i++) {
            List<String> sw = words(s.a().items().get(i));
            List<String> nw = words(s.b().items().get(i));
            assertEquals(sw.size(), nw.size());
            for (int k = 0; k < sw.size(); k++) {
                assertEquals(Math.max(2, sw.get(k).length()), nw.get(k).length(), nw.get(k) + " for " + sw.get(k));
                assertFalse(real.contains(nw.get(k)), nw.get(k));
            }
        }
        assertTrue(real.contains("stuff") && real.contains("dog"), "the lexicon has Brown and AFINN words");
    }

    private static List<String> words(String item) {
        return Arrays.asList(item.substring(0, item.length() - 1).split(" "));
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
