package dev.topos.data.suites;

import dev.topos.data.text.TaggedWord;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word statistics of a tagged corpus, per lower-cased word form: how often it occurs, how often it
 * is written in lower case, and how often it carries each tag. This is what the word suites use
 * to pick frequent, unambiguous words.
 */
public final class BrownLexicon {
    private final Map<String, Entry> entries = new HashMap<>();

    private static final class Entry {
        int count;
        int lowerCase;
        final Map<String, Integer> tags = new HashMap<>(4);
    }

    public BrownLexicon(Collection<List<TaggedWord>> sentences) {
        for (List<TaggedWord> s : sentences) {
            for (TaggedWord w : s) {
                String key = w.word().toLowerCase(Locale.ROOT);
                Entry e = entries.computeIfAbsent(key, k -> new Entry());
                e.count++;
                if (key.equals(w.word())) {
                    e.lowerCase++;
                }
                e.tags.merge(w.tag(), 1, Integer::sum);
            }
        }
    }

    /** Every lower-cased word form. */
    public Set<String> words() {
        return entries.keySet();
    }

    /** Occurrences of the lower-cased form, 0 if unseen. */
    public int frequency(String word) {
        Entry e = entries.get(word);
        return e == null ? 0 : e.count;
    }

    /** Fraction of the occurrences written exactly in lower case (0 if unseen): names and symbols
     *  ("Af", "Bill") are mostly capitalised. */
    public double lowerCaseShare(String word) {
        Entry e = entries.get(word);
        return e == null ? 0 : (double) e.lowerCase / e.count;
    }

    /** Fraction of the occurrences tagged with one of {@code tags} (0 if unseen). */
    public double tagShare(String word, Set<String> tags) {
        Entry e = entries.get(word);
        if (e == null) {
            return 0;
        }
        int in = 0;
        for (Map.Entry<String, Integer> t : e.tags.entrySet()) {
            if (tags.contains(t.getKey())) {
                in += t.getValue();
            }
        }
        return (double) in / e.count;
    }
}
