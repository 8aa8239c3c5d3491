package dev.topos.data.suites;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A part-of-speech class defined by Brown tags, and the rule that makes a word a clean example
 * of it. A word qualifies when it
 * <ul>
 *   <li>is letters only, {@code [a-z]+} (one token for any word tokenizer; no numbers, hyphens,
 *       apostrophes);</li>
 *   <li>occurs at least {@code minFrequency} times (a common word);</li>
 *   <li>is written in lower case in at least half of its uses (excludes names and symbols such as
 *       "Af"; it also excludes the pronoun "I");</li>
 *   <li>carries one of the class's {@code tags} in at least half of its uses, and one of
 *       {@code tags} or {@code tolerated} in at least {@value #DOMINANCE} of them (unambiguous).
 *       Tolerated tags are readings that do not blur the contrast: a past form that is also a
 *       past participle ("played": VBD/VBN) is still a past form.</li>
 * </ul>
 *
 * @param condition the suite condition this class fills, e.g. "noun"
 * @param tags      the class's tags (normalised, see {@link dev.topos.data.text.BrownTag})
 * @param tolerated other tags allowed within the {@value #DOMINANCE} share
 */
public record WordClass(String condition, Set<String> tags, Set<String> tolerated) {
    public static final double DOMINANCE = 0.9;
    private static final Pattern LETTERS = Pattern.compile("[a-z]+");

    public WordClass {
        tags = Set.copyOf(tags);
        tolerated = Set.copyOf(tolerated);
        if (tags.stream().anyMatch(tolerated::contains)) {
            throw new IllegalArgumentException(condition + ": a tag cannot be both a class tag and tolerated");
        }
    }

    /** The qualifying words, most frequent first, ties alphabetical. */
    public List<String> candidates(BrownLexicon lexicon, int minFrequency) {
        List<String> out = new ArrayList<>();
        for (String w : lexicon.words()) {
            if (qualifies(w, lexicon, minFrequency)) {
                out.add(w);
            }
        }
        out.sort(byFrequency(lexicon));
        return out;
    }

    boolean qualifies(String w, BrownLexicon lexicon, int minFrequency) {
        return LETTERS.matcher(w).matches()
                && lexicon.frequency(w) >= minFrequency
                && lexicon.lowerCaseShare(w) >= 0.5
                && lexicon.tagShare(w, tags) >= 0.5
                && lexicon.tagShare(w, tags) + lexicon.tagShare(w, tolerated) >= DOMINANCE;
    }

    /** Most frequent first, ties in alphabetical order. */
    static Comparator<String> byFrequency(BrownLexicon lexicon) {
        return Comparator.comparingInt((String w) -> -lexicon.frequency(w)).thenComparing(Comparator.naturalOrder());
    }
}
