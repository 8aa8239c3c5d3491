package dev.topos.data.suites;

import dev.topos.data.text.TaggedWord;
import java.util.ArrayList;
import java.util.List;

/** Builds small tagged corpora for tests: "word/TAG*count" entries become one-word sentences. */
final class Corpus {
    private final List<List<TaggedWord>> sentences = new ArrayList<>();

    /** Adds {@code count} one-word sentences {@code word/tag} (sentence structure does not matter to the lexicon). */
    Corpus add(String word, String tag, int count) {
        for (int i = 0; i < count; i++) {
            sentences.add(List.of(new TaggedWord(word, tag)));
        }
        return this;
    }

    /** Adds a sentence given as "word/TAG word/TAG ...", {@code copies} times. */
    Corpus sentence(String tagged, int copies) {
        List<TaggedWord> s = new ArrayList<>();
        for (String t : tagged.split(" ")) {
            int slash = t.lastIndexOf('/');
            s.add(new TaggedWord(t.substring(0, slash), t.substring(slash + 1)));
        }
        for (int i = 0; i < copies; i++) {
            sentences.add(List.copyOf(s));
        }
        return this;
    }

    List<List<TaggedWord>> sentences() {
        return sentences;
    }

    BrownLexicon lexicon() {
        return new BrownLexicon(sentences);
    }
}
