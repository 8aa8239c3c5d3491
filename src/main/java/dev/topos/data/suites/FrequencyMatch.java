package dev.topos.data.suites;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Chooses equally many words for two conditions with matched corpus frequencies, so that a
 * contrast such as nouns vs verbs is not also a contrast of frequent vs rare words (frequency
 * alone changes a language model's responses).
 *
 * <p>The condition with fewer candidates is the anchor: its {@code n} most frequent candidates
 * are taken. Then, anchor word by anchor word (most frequent first), the other condition takes
 * its unused candidate closest in log frequency, ties to the earlier (more frequent) candidate.
 * Greedy nearest-neighbour matching; deterministic given the candidate orders.
 */
final class FrequencyMatch {
    private FrequencyMatch() {}

    /**
     * @param a    condition A's candidates, most frequent first
     * @param b    condition B's candidates, most frequent first
     * @param freq corpus frequency of a word
     * @param n    words wanted per condition
     * @return [A's words, B's words], the same size: min(n, |anchor|, |other|)
     */
    static List<List<String>> match(List<String> a, List<String> b, ToIntFunction<String> freq, int n) {
        boolean anchorIsA = a.size() <= b.size();
        List<String> anchor = (anchorIsA ? a : b).subList(0, Math.min(n, Math.min(a.size(), b.size())));
        List<String> pool = new ArrayList<>(anchorIsA ? b : a);
        List<String> matched = new ArrayList<>(anchor.size());
        for (String w : anchor) {
            double target = logFrequency(freq, w);
            int best = 0;
            for (int i = 1; i < pool.size(); i++) {
                if (Math.abs(logFrequency(freq, pool.get(i)) - target) < Math.abs(logFrequency(freq, pool.get(best)) - target)) {
                    best = i;
                }
            }
            matched.add(pool.remove(best));
        }
        return anchorIsA ? List.of(List.copyOf(anchor), matched) : List.of(matched, List.copyOf(anchor));
    }

    static double logFrequency(ToIntFunction<String> freq, String w) {
        return Math.log(freq.applyAsInt(w) + 1.0);
    }
}
