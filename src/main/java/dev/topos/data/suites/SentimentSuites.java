package dev.topos.data.suites;

import dev.topos.data.text.LabelledSentence;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Suites 7 and 8 of topoformer.md §6: positive vs negative words (AFINN-165) and positive vs
 * negative sentences (UCI Sentiment Labelled Sentences).
 *
 * <p>Words: AFINN entries that are single letters-only words, score >= {@value #MIN_VALENCE} vs
 * <= −{@value #MIN_VALENCE} (clearly valenced; ±1 words such as "like" as a verb are weak),
 * occurring at least {@value #MIN_WORD_FREQUENCY} times in the Brown corpus (common words),
 * frequency-matched ({@link FrequencyMatch}).
 *
 * <p>Sentences: UCI sentences of {@value #MIN_WORDS}–{@value #MAX_WORDS} words (one-word
 * fragments such as "Great!" say little), whitespace collapsed, duplicates kept once (dropped
 * if their labels disagree); each label's sentences are shuffled per source with the seed and
 * taken round-robin over IMDB, Amazon and Yelp, so every source contributes equally.
 */
final class SentimentSuites {
    static final String WORDS = "positive-vs-negative-words";
    static final String SENTENCES = "positive-vs-negative-sentences";
    static final int MIN_VALENCE = 2;
    static final int MIN_WORD_FREQUENCY = 5;
    static final int MIN_WORDS = 4;
    static final int MAX_WORDS = 30;
    private static final Pattern LETTERS = Pattern.compile("[a-z]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SentimentSuites() {}

    static Suite words(Map<String, Integer> afinn, BrownLexicon lexicon, SuiteSize size) {
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        for (Map.Entry<String, Integer> e : afinn.entrySet()) {
            String w = e.getKey();
            if (LETTERS.matcher(w).matches() && lexicon.frequency(w) >= MIN_WORD_FREQUENCY) {
                if (e.getValue() >= MIN_VALENCE) {
                    positive.add(w);
                } else if (e.getValue() <= -MIN_VALENCE) {
                    negative.add(w);
                }
            }
        }
        positive.sort(WordClass.byFrequency(lexicon));
        negative.sort(WordClass.byFrequency(lexicon));
        String rule = "single lower-case AFINN-165 words with score >= +" + MIN_VALENCE + " (positive) or <= -"
                + MIN_VALENCE + " (negative), occurring >= " + MIN_WORD_FREQUENCY + " times in the Brown corpus";
        size.require(WORDS, "positive", positive.size(), rule);
        size.require(WORDS, "negative", negative.size(), rule);
        List<List<String>> chosen = FrequencyMatch.match(positive, negative, lexicon::frequency, size.target());
        List<String> header = List.of(
                "positive vs negative words (topoformer.md section 6, suite 7)", Provenance.AFINN,
                Provenance.BROWN_FREQUENCIES,
                "built: " + rule + "; frequency-matched (greedy nearest log frequency); median Brown frequency positive "
                        + WordClassSuites.median(chosen.get(0), lexicon) + ", negative "
                        + WordClassSuites.median(chosen.get(1), lexicon));
        return new Suite(WORDS, header, new Condition("positive", chosen.get(0)), new Condition("negative", chosen.get(1)));
    }

    static Suite sentences(List<LabelledSentence> uci, SuiteSize size, Rng rng) {
        // text key -> sentence, or null once the same text was seen with both labels
        Map<String, LabelledSentence> unique = new LinkedHashMap<>();
        for (LabelledSentence s : uci) {
            String text = SPACES.matcher(s.text()).replaceAll(" ").strip();
            int words = text.split(" ").length;
            if (words < MIN_WORDS || words > MAX_WORDS || text.startsWith(SuiteFile.COMMENT)) {
                continue; // (a leading # would read as a comment line)
            }
            String key = text.toLowerCase(Locale.ROOT);
            LabelledSentence clean = new LabelledSentence(text, s.label(), s.source());
            if (!unique.containsKey(key)) {
                unique.put(key, clean);
            } else if (unique.get(key) != null && unique.get(key).label() != s.label()) {
                unique.put(key, null);
            }
        }
        List<List<String>> chosen = new ArrayList<>();
        for (int label : new int[] {1, 0}) {
            Map<String, List<String>> bySource = new LinkedHashMap<>();
            for (LabelledSentence s : unique.values()) {
                if (s != null && s.label() == label) {
                    bySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s.text());
                }
            }
            for (List<String> texts : bySource.values()) {
                rng.shuffle(texts);
            }
            List<String> picked = roundRobin(new ArrayList<>(bySource.values()), size.target());
            size.require(SENTENCES, label == 1 ? "positive" : "negative", picked.size(),
                    MIN_WORDS + "-" + MAX_WORDS + " words, no duplicates");
            chosen.add(picked);
        }
        List<String> header = List.of(
                "positive vs negative sentences (topoformer.md section 6, suite 8)", Provenance.UCI,
                "built: sentences of " + MIN_WORDS + "-" + MAX_WORDS + " words, duplicates once (both copies dropped "
                        + "if labelled differently), a seeded sample taken in turn from IMDB, Amazon and Yelp");
        return new Suite(SENTENCES, header, new Condition("positive", chosen.get(0)), new Condition("negative", chosen.get(1)));
    }

    /** Takes the first item of each list in turn, then the second, ..., up to n items. */
    private static List<String> roundRobin(List<List<String>> lists, int n) {
        List<String> out = new ArrayList<>(n);
        for (int round = 0; out.size() < n; round++) {
            boolean any = false;
            for (List<String> list : lists) {
                if (round < list.size() && out.size() < n) {
                    out.add(list.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }
}
