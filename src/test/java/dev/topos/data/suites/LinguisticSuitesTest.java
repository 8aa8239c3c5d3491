package dev.topos.data.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.topos.data.text.LabelledSentence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinguisticSuitesTest {
    @TempDir
    Path dir;

    private static LinguisticSuites.Sources sources() {
        Corpus c = SentenceSuitesTest.corpus()
                .add("time", "NN", 30).add("way", "NN", 20).add("make", "VB", 25).add("see", "VB", 12)
                .add("years", "NNS", 30).add("eyes", "NNS", 15)
                .add("came", "VBD", 20).add("went", "VBD", 10).add("says", "VBZ", 20).add("seems", "VBZ", 10)
                .add("of", "IN", 50).add("with", "IN", 40);
        List<LabelledSentence> uci = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uci.add(new LabelledSentence("I liked it a lot " + i, 1, "yelp"));
            uci.add(new LabelledSentence("I hated it a lot " + i, 0, "yelp"));
        }
        Map<String, Integer> afinn = Map.of("good", 3, "great", 3, "bad", -3, "awful", -3);
        c.add("good", "JJ", 20).add("great", "JJ", 10).add("bad", "JJ", 20).add("awful", "JJ", 10);
        return new LinguisticSuites.Sources(c.sentences(), afinn, uci);
    }

    @Test
    void buildsTheEightSuitesInOrderEachEndingWithItsCountsAndSeed() throws IOException {
        List<Suite> suites = LinguisticSuites.buildAll(sources(), 7, new SuiteSize(2, 2));
        assertEquals(LinguisticSuites.NAMES, suites.stream().map(Suite::name).toList());
        assertEquals(List.of("sentences-vs-nonwords", "sentences-vs-wordlists", "nouns-vs-verbs", "singular-vs-plural",
                "past-vs-present", "function-vs-content", "positive-vs-negative-words", "positive-vs-negative-sentences"),
                LinguisticSuites.NAMES);
        for (Suite s : suites) {
            assertEquals(2, s.a().items().size(), s.name());
            assertEquals(2, s.b().items().size(), s.name());
            String seedNote = List.of(0, 1, 7).contains(LinguisticSuites.NAMES.indexOf(s.name())) ? ""
                    : " (not used by this suite: its word choice is deterministic)";
            assertEquals("items: 2 " + s.a().name() + ", 2 " + s.b().name() + "; seed: 7" + seedNote,
                    s.header().get(s.header().size() - 1));
            Path f = dir.resolve(s.name() + SuiteFile.EXTENSION);
            SuiteFile.write(f, s);
            assertEquals(s, SuiteFile.read(f, 2), "every built suite is a valid suite file");
        }
    }

    @Test
    void theSeedFixesEverySuiteAndMovesOnlyTheSampledOnes() {
        List<Suite> a = LinguisticSuites.buildAll(sources(), 7, new SuiteSize(2, 2));
        assertEquals(a, LinguisticSuites.buildAll(sources(), 7, new SuiteSize(2, 2)));
        List<Suite> b = LinguisticSuites.buildAll(sources(), 8, new SuiteSize(2, 2));
        assertNotEquals(a.get(1).b(), b.get(1).b(), "another sentence sample or order");
        for (int i = 2; i < 7; i++) {
            assertEquals(a.get(i).a(), b.get(i).a(), "word suites do not depend on the seed: " + a.get(i).name());
            assertEquals(a.get(i).b(), b.get(i).b());
        }
    }
}
