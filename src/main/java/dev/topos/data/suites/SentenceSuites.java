package dev.topos.data.suites;

import dev.topos.data.text.TaggedWord;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Suites 1 and 2 of topoformer.md §6: real sentences vs pronounceable nonword strings, and real
 * sentences vs the same sentences' words in scrambled order. Both use one sample of sentences.
 *
 * <p>A Brown sentence is eligible when it has {@value #MIN_WORDS}–{@value #MAX_WORDS} words, all
 * letters only, the first capitalised, every word (lower-cased) occurring at least
 * {@value #MIN_WORD_FREQUENCY} times in the corpus (common words, no rare names), and no
 * punctuation except one final period (so no quotes, commas or headlines). Duplicates are dropped.
 *
 * <p>Every item ends with a period attached to its last word. A sentence keeps its case ("The
 * jury said it did find that."); a word list is the same words lower-cased and shuffled until
 * their order differs ("find that the said it jury did."); a nonword string has one pseudo-word
 * per word, each as long as the word (at least 2 letters), none a real word ("tesu blorid ...").
 * So under a lower-casing tokenizer a word list holds exactly the sentence's tokens and a nonword
 * string as many tokens: only order, or lexicality, differs.
 */
final class SentenceSuites {
    static final String VS_NONWORDS = "sentences-vs-nonwords";
    static final String VS_WORDLISTS = "sentences-vs-wordlists";
    static final int MIN_WORDS = 6;
    static final int MAX_WORDS = 20;
    static final int MIN_WORD_FREQUENCY = 10;
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]+");
    private static final int MAX_RESHUFFLES = 1000;

    private SentenceSuites() {}

    /** A seeded sample of eligible sentences, each as its words; at most {@code n}. */
    static List<List<String>> sample(List<List<TaggedWord>> corpus, BrownLexicon lexicon, int n, Rng rng) {
        List<List<String>> eligible = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<TaggedWord> s : corpus) {
            List<String> words = words(s, lexicon);
            if (words != null && seen.add(String.join(" ", words).toLowerCase(Locale.ROOT))) {
                eligible.add(words);
            }
        }
        rng.shuffle(eligible);
        return eligible.subList(0, Math.min(n, eligible.size()));
    }

    /** The sentence's words if it is eligible, else null. */
    private static List<String> words(List<TaggedWord> s, BrownLexicon lexicon) {
        int n = s.size() - 1; // the last token must be the period
        if (n < MIN_WORDS || n > MAX_WORDS || !s.get(n).word().equals(".")) {
            return null;
        }
        List<String> words = new ArrayList<>(n);
        for (TaggedWord w : s.subList(0, n)) {
            if (!LETTERS.matcher(w.word()).matches()
                    || lexicon.frequency(w.word().toLowerCase(Locale.ROOT)) < MIN_WORD_FREQUENCY) {
                return null;
            }
            words.add(w.word());
        }
        boolean capitalised = Character.isUpperCase(words.get(0).charAt(0));
        boolean varied = new HashSet<>(lower(words)).size() > 1; // a one-word repetition cannot be scrambled
        return capitalised && varied ? words : null;
    }

    private static final String SELECTION = "sentences: Brown sentences of " + MIN_WORDS + "-" + MAX_WORDS
            + " words, letters only, first word capitalised, no punctuation but one final period, every word occurring >= "
            + MIN_WORD_FREQUENCY + " times in the corpus; a seeded sample without duplicates";

    /** @param lexicon lower-case real words no pseudo-word may equal */
    static Suite versusNonwords(List<List<String>> sentences, Set<String> lexicon, Rng rng) {
        Nonwords generator = new Nonwords(lexicon, rng);
        Set<String> used = new HashSet<>();
        List<String> strings = new ArrayList<>();
        for (List<String> s : sentences) {
            String item;
            do {
                List<String> pseudo = new ArrayList<>(s.size());
                for (String w : s) {
                    pseudo.add(generator.next(w.length()));
                }
                item = text(pseudo);
            } while (!used.add(item));
            strings.add(item);
        }
        List<String> header = List.of(
                "sentences vs nonword strings (topoformer.md section 6, suite 1)", Provenance.BROWN, SELECTION,
                "nonwords: one pseudo-word per word of a sentence, as long as the word (>= 2 letters), built from "
                        + "consonant-vowel syllables, none a word of the Brown corpus or AFINN-165");
        return new Suite(VS_NONWORDS, header, sentenceCondition(sentences), new Condition("nonwords", strings));
    }

    static Suite versusWordlists(List<List<String>> sentences, Rng rng) {
        Set<String> used = new HashSet<>();
        List<String> lists = new ArrayList<>();
        for (List<String> s : sentences) {
            List<String> original = lower(s);
            List<String> words = new ArrayList<>(original);
            String item = null;
            for (int t = 0; t < MAX_RESHUFFLES && item == null; t++) {
                rng.shuffle(words);
                if (!words.equals(original) && used.add(text(words))) {
                    item = text(words);
                }
            }
            if (item == null) {
                throw new IllegalStateException("no new scrambled order found for: " + text(s));
            }
            lists.add(item);
        }
        List<String> header = List.of(
                "sentences vs word lists (topoformer.md section 6, suite 2)", Provenance.BROWN, SELECTION,
                "word lists: the same sentences' words, lower-cased, in a seeded order different from the sentence's");
        return new Suite(VS_WORDLISTS, header, sentenceCondition(sentences), new Condition("wordlist", lists));
    }

    private static Condition sentenceCondition(List<List<String>> sentences) {
        List<String> items = new ArrayList<>();
        for (List<String> s : sentences) {
            items.add(text(s));
        }
        return new Condition("sentence", items);
    }

    private static String text(List<String> words) {
        return String.join(" ", words) + ".";
    }

    private static List<String> lower(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(w.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableList(out);
    }
}
