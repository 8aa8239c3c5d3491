package dev.topos.data.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.text.TaggedWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementPairsTest {
    /** A lexicon in which "film" and "scene" are singular nouns, "films" plural, "run" a verb. */
    private static BrownLexicon lexicon() {
        List<List<TaggedWord>> sentences = new ArrayList<>();
        for (int i = 0; i < AgreementPairs.MIN_FREQUENCY; i++) {
            sentences.add(List.of(new TaggedWord("film", "NN"), new TaggedWord("scene", "NN"),
                    new TaggedWord("films", "NNS"), new TaggedWord("run", "VB")));
        }
        return new BrownLexicon(sentences);
    }

    @Test
    void oneWordChangesSoThatNumberNoLongerAgrees() {
        List<MinimalPairs.Pair> pairs = AgreementPairs.build(List.of(
                "This film was long. I saw those films twice! The film is slow and dull. The films were good fun.",
                "That run was short and sweet.", "The scene is."), lexicon(), 10, 1);
        assertEquals(List.of(
                new MinimalPairs.Pair("This film was long.", "These film was long.", "determiner_noun_agreement",
                        "morphology", "determiner_noun_agreement"),
                new MinimalPairs.Pair("I saw those films twice!", "I saw that films twice!", "determiner_noun_agreement",
                        "morphology", "determiner_noun_agreement"),
                new MinimalPairs.Pair("The film is slow and dull.", "The film are slow and dull.",
                        "subject_verb_agreement_be", "morphology", "subject_verb_agreement"),
                new MinimalPairs.Pair("The films were good fun.", "The films was good fun.",
                        "subject_verb_agreement_be", "morphology", "subject_verb_agreement")),
                sortedByParadigmThenGood(pairs), "'That run' is no noun; 'The scene is.' has under 4 words");
    }

    @Test
    void keepsAtMostPerParadigmInASeededOrder() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            texts.add("This film was number " + i + ".");
        }
        List<MinimalPairs.Pair> a = AgreementPairs.build(texts, lexicon(), 5, 3);
        assertEquals(5, a.size());
        assertEquals(a, AgreementPairs.build(texts, lexicon(), 5, 3), "the same seed draws the same pairs");
        assertTrue(a.stream().allMatch(p -> p.bad().startsWith("These film")));
    }

    private static List<MinimalPairs.Pair> sortedByParadigmThenGood(List<MinimalPairs.Pair> pairs) {
        List<MinimalPairs.Pair> out = new ArrayList<>(pairs);
        out.sort((x, y) -> x.uid().equals(y.uid()) ? Integer.compare(order(x.good()), order(y.good()))
                : x.uid().compareTo(y.uid()));
        return out;
    }

    private static int order(String good) {
        return List.of("This film was long.", "I saw those films twice!", "The film is slow and dull.",
                "The films were good fun.").indexOf(good);
    }
}
