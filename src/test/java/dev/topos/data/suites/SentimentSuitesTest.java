package dev.topos.data.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.text.LabelledSentence;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentimentSuitesTest {
    @Test
    void wordsAreClearlyValencedSingleCommonWordsFrequencyMatched() {
        Map<String, Integer> afinn = new LinkedHashMap<>();
        afinn.put("good", 3);
        afinn.put("great", 3);
        afinn.put("nice", 2);
        afinn.put("fine", 1);        // weak
        afinn.put("cool stuff", 3);  // a phrase
        afinn.put("splendid", 3);    // too rare in the corpus
        afinn.put("bad", -3);
        afinn.put("awful", -3);
        afinn.put("poor", -2);
        afinn.put("sad", -2);
        afinn.put("meh", -1);        // weak
        BrownLexicon lexicon = new Corpus().add("good", "JJ", 100).add("great", "JJ", 50).add("nice", "JJ", 10)
                .add("fine", "JJ", 40).add("splendid", "JJ", 4).add("bad", "JJ", 60).add("awful", "JJ", 9)
                .add("poor", "JJ", 45).add("sad", "JJ", 12).add("meh", "UH", 30).lexicon();
        Suite s = SentimentSuites.words(afinn, lexicon, new SuiteSize(3, 2));
        // anchor: positive (3 candidates: good 100, great 50, nice 10) vs negative (bad 60, poor 45, sad 12, awful 9)
        // good -> bad (60 nearest 100), great -> poor (45), nice -> awful (ln 10 = 2.30 vs sad ln 13 = 2.56 from ln 11 = 2.40)
        assertEquals(new Condition("positive", List.of("good", "great", "nice")), s.a());
        assertEquals(new Condition("negative", List.of("bad", "poor", "awful")), s.b());
    }

    private static List<LabelledSentence> uci() {
        List<LabelledSentence> out = new ArrayList<>();
        for (String source : List.of("imdb", "amazon", "yelp")) {
            for (int i = 0; i < 5; i++) {
                out.add(new LabelledSentence("A good " + source + " thing number " + i + ".", 1, source));
                out.add(new LabelledSentence("A bad " + source + " thing number " + i + ".", 0, source));
            }
        }
        out.add(new LabelledSentence("Great!", 1, "yelp"));                         // too short
        out.add(new LabelledSentence("It was   fine   I   guess.", 1, "imdb"));     // spaces collapse
        out.add(new LabelledSentence("it was fine i guess.", 0, "amazon"));         // ... and it conflicts: both dropped
        out.add(new LabelledSentence("A GOOD imdb thing number 0.", 1, "amazon"));  // duplicate, same label
        return out;
    }

    @Test
    void sentencesAreDeduplicatedFilteredAndTakenFromEachSourceInTurn() {
        Suite s = SentimentSuites.sentences(uci(), new SuiteSize(6, 3), new Rng(4));
        assertEquals(6, s.a().items().size());
        assertEquals(6, s.b().items().size());
        for (String source : List.of("imdb", "amazon", "yelp")) {
            assertEquals(2, s.a().items().stream().filter(t -> t.contains(" " + source + " ")).count(), source);
            assertEquals(2, s.b().items().stream().filter(t -> t.contains(" " + source + " ")).count(), source);
        }
        assertTrue(s.a().items().stream().allMatch(t -> t.startsWith("A good ")));
        assertTrue(s.b().items().stream().allMatch(t -> t.startsWith("A bad ")));
        Set<String> all = new HashSet<>(SentimentSuites.sentences(uci(), new SuiteSize(100, 3), new Rng(4)).a().items());
        assertEquals(15, all.size(), "5 per source; the short, conflicting and duplicate sentences are gone");
    }

    @Test
    void theSeedFixesTheSample() {
        Suite a = SentimentSuites.sentences(uci(), new SuiteSize(6, 3), new Rng(4));
        assertEquals(a, SentimentSuites.sentences(uci(), new SuiteSize(6, 3), new Rng(4)));
        assertNotEquals(a.a(), SentimentSuites.sentences(uci(), new SuiteSize(6, 3), new Rng(5)).a());
    }
}
