package dev.topos.data.suites;

import dev.topos.data.text.Afinn;
import dev.topos.data.text.BrownCorpus;
import dev.topos.data.text.LabelledSentence;
import dev.topos.data.text.TaggedWord;
import dev.topos.data.text.UciSentences;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the eight linguistic test suites of topoformer.md §6 from the Brown corpus, AFINN-165 and
 * the UCI sentiment sentences, deterministically for a seed:
 * sentences-vs-nonwords, sentences-vs-wordlists, nouns-vs-verbs, singular-vs-plural,
 * past-vs-present, function-vs-content, positive-vs-negative-words,
 * positive-vs-negative-sentences. How each is built is in {@link SentenceSuites},
 * {@link WordClassSuites} and {@link SentimentSuites}, and in every suite's header.
 *
 * <p>Random streams: {@code Rng.derive(seed, k)} with k = 1 sentence sample, 2 word-list orders,
 * 3 pseudo-words, 4 UCI sample. The word suites do not use the seed.
 */
public final class LinguisticSuites {
    public static final List<String> NAMES = names();
    private static final long SENTENCE_SAMPLE = 1;
    private static final long WORDLIST_ORDER = 2;
    private static final long PSEUDO_WORDS = 3;
    private static final long UCI_SAMPLE = 4;

    /** The parsed data the suites are built from. */
    public record Sources(List<List<TaggedWord>> brown, Map<String, Integer> afinn, List<LabelledSentence> uci) {}

    private LinguisticSuites() {}

    /** Parses the three cached data folders and builds the suites with the default sizes. */
    public static List<Suite> buildAll(Path brown, Path afinn, Path uci, long seed) throws IOException {
        return buildAll(new Sources(BrownCorpus.load(brown), Afinn.load(afinn), UciSentences.load(uci)), seed,
                SuiteSize.defaults());
    }

    /** The eight suites in {@link #NAMES} order, each header ending with the seed. */
    public static List<Suite> buildAll(Sources data, long seed, SuiteSize size) {
        BrownLexicon lexicon = new BrownLexicon(data.brown());
        List<List<String>> sentences = SentenceSuites.sample(data.brown(), lexicon, size.target(),
                Rng.derive(seed, SENTENCE_SAMPLE));
        size.require(SentenceSuites.VS_NONWORDS, "sentence", sentences.size(), "eligible Brown sentences");
        List<Suite> suites = new ArrayList<>();
        suites.add(SentenceSuites.versusNonwords(sentences, realWords(lexicon, data.afinn()), Rng.derive(seed, PSEUDO_WORDS)));
        suites.add(SentenceSuites.versusWordlists(sentences, Rng.derive(seed, WORDLIST_ORDER)));
        for (WordClassSuites.Spec spec : WordClassSuites.SPECS) {
            suites.add(WordClassSuites.build(spec, lexicon, size));
        }
        suites.add(SentimentSuites.words(data.afinn(), lexicon, size));
        suites.add(SentimentSuites.sentences(data.uci(), size, Rng.derive(seed, UCI_SAMPLE)));
        Set<String> seeded = Set.of(SentenceSuites.VS_NONWORDS, SentenceSuites.VS_WORDLISTS, SentimentSuites.SENTENCES);
        List<Suite> out = new ArrayList<>();
        for (Suite s : suites) {
            out.add(s.withHeader(List.of(String.format(Locale.ROOT, "items: %d %s, %d %s; seed: %d%s",
                    s.a().items().size(), s.a().name(), s.b().items().size(), s.b().name(), seed,
                    seeded.contains(s.name()) ? "" : " (not used by this suite: its word choice is deterministic)"))));
        }
        return out;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of(SentenceSuites.VS_NONWORDS, SentenceSuites.VS_WORDLISTS));
        WordClassSuites.SPECS.forEach(spec -> names.add(spec.name()));
        names.addAll(List.of(SentimentSuites.WORDS, SentimentSuites.SENTENCES));
        return List.copyOf(names);
    }

    /** Every lower-cased Brown word form and every word inside an AFINN entry. */
    static Set<String> realWords(BrownLexicon lexicon, Map<String, Integer> afinn) {
        Set<String> words = new HashSet<>(lexicon.words());
        for (String entry : afinn.keySet()) {
            for (String w : entry.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                words.add(w);
            }
        }
        return words;
    }
}
