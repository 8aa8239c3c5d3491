package dev.topos.data.suites;

import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Minimal pairs of English agreement built from real sentences, in the manner of BLiMP's
 * morphology paradigms (Warstadt et al. 2020) but from text a model never trained on: each good
 * sentence is a sentence of the given texts as written, its bad twin the same sentence with one
 * word changed so that it no longer agrees.
 * <ul>
 *   <li>{@code determiner_noun_agreement}: "this" / "that" before a singular noun becomes "these" /
 *       "those", and "these" / "those" before a plural noun becomes "this" / "that".</li>
 *   <li>{@code subject_verb_agreement_be}: a noun after a determiner and before "is" / "was" / "are" /
 *       "were" (its head, so the verb agrees with it) keeps its number while the verb takes the other:
 *       "the film is" becomes "the film are", "the actors were" becomes "the actors was".</li>
 * </ul>
 * A word is a singular noun when the Brown corpus tags at least {@value #DOMINANCE} of its (at least
 * {@value #MIN_FREQUENCY}) occurrences NN, a plural noun likewise with NNS. Sentences are cut at
 * {@code . ! ?} and kept with 4 to 25 words; one pair a sentence; at most {@code perParadigm} pairs a
 * paradigm, drawn in a seeded order.
 */
public final class AgreementPairs {
    static final double DOMINANCE = 0.9;
    static final int MIN_FREQUENCY = 5;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Set<String> DETERMINERS = Set.of("the", "this", "that", "these", "those", "a", "an", "my",
            "his", "her", "its", "our", "their", "your");
    private static final Map<String, String> DETERMINER_SWAP = Map.of("this", "these", "that", "those", "these",
            "this", "those", "that");
    private static final Map<String, String> BE_SWAP = Map.of("is", "are", "are", "is", "was", "were", "were", "was");
    private static final Set<String> SINGULAR_DETERMINERS = Set.of("this", "that");
    private static final Set<String> SINGULAR_BE = Set.of("is", "was");

    private AgreementPairs() {}

    /**
     * @param texts       the texts to draw sentences from (e.g. reviews held out of pretraining)
     * @param lexicon     tells a word's number
     * @param perParadigm pairs kept per paradigm
     */
    public static List<MinimalPairs.Pair> build(List<String> texts, BrownLexicon lexicon, int perParadigm, long seed) {
        Map<String, List<MinimalPairs.Pair>> byParadigm = new LinkedHashMap<>();
        byParadigm.put("determiner_noun_agreement", new ArrayList<>());
        byParadigm.put("subject_verb_agreement_be", new ArrayList<>());
        Set<String> seen = new LinkedHashSet<>();
        for (String text : texts) {
            for (String sentence : SENTENCE_END.split(text.strip())) {
                String s = sentence.strip().replaceAll("\\s+", " ");
                String[] words = s.split(" ");
                if (words.length < 4 || words.length > 25 || !seen.add(s.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                MinimalPairs.Pair p = determinerNoun(words, lexicon);
                if (p != null) {
                    byParadigm.get("determiner_noun_agreement").add(p);
                    continue;
                }
                p = subjectVerb(words, lexicon);
                if (p != null) {
                    byParadigm.get("subject_verb_agreement_be").add(p);
                }
            }
        }
        List<MinimalPairs.Pair> out = new ArrayList<>();
        for (List<MinimalPairs.Pair> pairs : byParadigm.values()) {
            List<MinimalPairs.Pair> shuffled = new ArrayList<>(pairs);
            new Rng(seed).shuffle(shuffled);
            out.addAll(shuffled.subList(0, Math.min(perParadigm, shuffled.size())));
        }
        return Collections.unmodifiableList(out);
    }

    private static MinimalPairs.Pair determinerNoun(String[] words, BrownLexicon lexicon) {
        for (int i = 0; i + 1 < words.length; i++) {
            String det = words[i].toLowerCase(Locale.ROOT);
            String noun = bare(words[i + 1]);
            if (!DETERMINER_SWAP.containsKey(det) || noun.isEmpty()) {
                continue;
            }
            boolean singular = SINGULAR_DETERMINERS.contains(det);
            if (singular ? isNoun(noun, "NN", lexicon) : isNoun(noun, "NNS", lexicon)) {
                return pair(words, i, DETERMINER_SWAP.get(det), "determiner_noun_agreement", "morphology",
                        "determiner_noun_agreement");
            }
        }
        return null;
    }

    private static MinimalPairs.Pair subjectVerb(String[] words, BrownLexicon lexicon) {
        for (int i = 1; i + 1 < words.length; i++) {
            String det = words[i - 1].toLowerCase(Locale.ROOT);
            String noun = words[i].toLowerCase(Locale.ROOT);
            String verb = words[i + 1].toLowerCase(Locale.ROOT);
            if (!DETERMINERS.contains(det) || !BE_SWAP.containsKey(verb)) {
                continue;
            }
            boolean singular = SINGULAR_BE.contains(verb);
            if (singular ? isNoun(noun, "NN", lexicon) : isNoun(noun, "NNS", lexicon)) {
                return pair(words, i + 1, BE_SWAP.get(verb), "subject_verb_agreement_be", "morphology",
                        "subject_verb_agreement");
            }
        }
        return null;
    }

    /** A word without the punctuation attached to its end, lower-cased; empty if it has other punctuation. */
    private static String bare(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[.,;:!?)\"']+$", "");
        return w.chars().allMatch(Character::isLetter) ? w : "";
    }

    private static boolean isNoun(String word, String tag, BrownLexicon lexicon) {
        return lexicon.frequency(word) >= MIN_FREQUENCY && lexicon.tagShare(word, Set.of(tag)) >= DOMINANCE;
    }

    /** The sentence as written, and with word {@code i} replaced by {@code replacement} in its case. */
    private static MinimalPairs.Pair pair(String[] words, int i, String replacement, String uid, String field,
                                          String term) {
        String[] bad = words.clone();
        bad[i] = Character.isUpperCase(words[i].charAt(0))
                ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1) : replacement;
        return new MinimalPairs.Pair(String.join(" ", words), String.join(" ", bad), uid, field, term);
    }
}
