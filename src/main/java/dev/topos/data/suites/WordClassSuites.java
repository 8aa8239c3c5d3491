package dev.topos.data.suites;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Suites 3–6 of topoformer.md §6: single words of two Brown part-of-speech classes, chosen by
 * {@link WordClass}'s rule (frequent, letters only, lower case, unambiguous).
 *
 * <p>Nouns vs verbs, singular vs plural and past vs present are frequency-matched
 * ({@link FrequencyMatch}); function vs content words cannot be (the function words are the most
 * frequent words of the language), so each side takes its most frequent words.
 *
 * <p>Tag lists (Brown Corpus Manual):
 * <ul>
 *   <li>noun / singular: NN; verb: VB (base form); plural: NNS;</li>
 *   <li>past: VBD, tolerating VBN (a past form that is also a participle is still past);
 *       present: VBZ (3rd person singular). Only {@value #PAST_PRESENT_MIN_FREQUENCY}
 *       occurrences are required here: the Brown corpus has just 110 frequent VBZ forms at 10;</li>
 *   <li>function (closed class) — articles and determiners AT, AP, ABN, ABL, ABX, DT, DTI, DTS,
 *       DTX; conjunctions CC, CS; prepositions IN; pronouns PN, PPS, PPSS, PPO, PP$, PP$$, PPL,
 *       PPLS, WPS, WPO, WP$; wh-words WDT, WQL, WRB; modals MD; infinitival TO; existential EX;
 *       particles RP; negation *; the auxiliaries be/have/do in every form (BE, BED, BEDZ, BEG,
 *       BEM, BEN, BER, BEZ, HV, HVD, HVG, HVN, HVZ, DO, DOD, DOZ); tolerating the qualifier QL
 *       ("as", "so" are mostly conjunctions). QL itself is not a function class: it holds
 *       open-class adverbs such as "wonderfully";</li>
 *   <li>content (open class) — NN, NNS, VB, VBD, VBG, VBN, VBZ, JJ. Adverbs (RB) are left out:
 *       the frequent ones ("then", "now", "also", "here") behave like function words and would
 *       blur the contrast.</li>
 * </ul>
 */
final class WordClassSuites {
    static final int MIN_FREQUENCY = 10;
    static final int PAST_PRESENT_MIN_FREQUENCY = 5;

    static final Set<String> CLOSED_CLASS = Set.of("AT", "AP", "ABN", "ABL", "ABX", "DT", "DTI", "DTS", "DTX", "CC",
            "CS", "IN", "PN", "PPS", "PPSS", "PPO", "PP$", "PP$$", "PPL", "PPLS", "WPS", "WPO", "WP$", "WDT", "WQL",
            "WRB", "MD", "TO", "EX", "RP", "*", "BE", "BED", "BEDZ", "BEG", "BEM", "BEN", "BER", "BEZ", "HV", "HVD",
            "HVG", "HVN", "HVZ", "DO", "DOD", "DOZ");
    static final Set<String> OPEN_CLASS = Set.of("NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBZ", "JJ");

    /** One suite's definition. */
    record Spec(String name, int number, WordClass a, WordClass b, int minFrequency, boolean matched) {}

    static final List<Spec> SPECS = List.of(
            new Spec("nouns-vs-verbs", 3, cls("noun", "NN"), cls("verb", "VB"), MIN_FREQUENCY, true),
            new Spec("singular-vs-plural", 4, cls("singular", "NN"), cls("plural", "NNS"), MIN_FREQUENCY, true),
            new Spec("past-vs-present", 5, new WordClass("past", Set.of("VBD"), Set.of("VBN")), cls("present", "VBZ"),
                    PAST_PRESENT_MIN_FREQUENCY, true),
            new Spec("function-vs-content", 6, new WordClass("function", CLOSED_CLASS, Set.of("QL")),
                    new WordClass("content", OPEN_CLASS, Set.of()), MIN_FREQUENCY, false));

    private WordClassSuites() {}

    static Suite build(Spec spec, BrownLexicon lexicon, SuiteSize size) {
        List<String> ca = spec.a().candidates(lexicon, spec.minFrequency());
        List<String> cb = spec.b().candidates(lexicon, spec.minFrequency());
        String rule = "words occurring >= " + spec.minFrequency() + " times, letters only, lower case in >= half "
                + "their uses, tagged as the class in >= half and (class or tolerated tags) in >= "
                + Math.round(WordClass.DOMINANCE * 100) + "%";
        size.require(spec.name(), spec.a().condition(), ca.size(), rule);
        size.require(spec.name(), spec.b().condition(), cb.size(), rule);
        List<List<String>> chosen = spec.matched()
                ? FrequencyMatch.match(ca, cb, lexicon::frequency, size.target())
                : List.of(ca.subList(0, Math.min(size.target(), ca.size())), cb.subList(0, Math.min(size.target(), cb.size())));
        List<String> header = List.of(
                spec.a().condition() + " vs " + spec.b().condition() + " words (topoformer.md section 6, suite "
                        + spec.number() + ")",
                Provenance.BROWN,
                "built: " + rule + "; " + describe(spec.a()) + "; " + describe(spec.b()),
                (spec.matched() ? "frequency-matched (greedy nearest log frequency); " : "most frequent words of each class; ")
                        + "median corpus frequency " + spec.a().condition() + " " + median(chosen.get(0), lexicon)
                        + ", " + spec.b().condition() + " " + median(chosen.get(1), lexicon));
        return new Suite(spec.name(), header, new Condition(spec.a().condition(), chosen.get(0)),
                new Condition(spec.b().condition(), chosen.get(1)));
    }

    private static WordClass cls(String condition, String tag) {
        return new WordClass(condition, Set.of(tag), Set.of());
    }

    private static String describe(WordClass c) {
        return c.condition() + " = " + String.join(" ", new TreeSet<>(c.tags()))
                + (c.tolerated().isEmpty() ? "" : " (tolerating " + String.join(" ", new TreeSet<>(c.tolerated())) + ")");
    }

    static String median(List<String> words, BrownLexicon lexicon) {
        int[] f = words.stream().mapToInt(lexicon::frequency).sorted().toArray();
        if (f.length == 0) {
            return "n/a";
        }
        double m = f.length % 2 == 1 ? f[f.length / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2.0;
        return String.format(Locale.ROOT, "%.1f", m);
    }
}
