package dev.topos.data.text;

import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A seeded train / validation / test split of labelled reviews in which no text occurs twice.
 *
 * <p>Why deduplicate: the IMDB set holds a few hundred reviews posted more than once; a copy in
 * training and another in test would leak. Two reviews are the same when their texts agree after
 * {@link HtmlText#clean} and lower-casing. A text seen with one label is kept once (its first
 * occurrence); a text seen with both labels cannot be labelled and every copy is dropped.
 *
 * <p>The split is stratified: each label's reviews are shuffled with their own stream
 * ({@code Rng.derive(seed, label)}) and cut at round(n·train) and round(n·(train + validation)),
 * so every part has the label balance of the whole. Each part is then shuffled
 * ({@code Rng.derive(seed, 2 + part)}) so the labels are interleaved.
 *
 * @param duplicatesDropped  extra copies of a text dropped (all copies agreeing in label)
 * @param conflictingDropped copies dropped because the same text carried both labels
 */
public record ReviewSplit(List<Review> train, List<Review> validation, List<Review> test,
                          int duplicatesDropped, int conflictingDropped) {
    private static final int LABELS = 2;

    public ReviewSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** @throws dev.topos.config.ConfigException if the fractions are invalid (names the field) */
    public static ReviewSplit of(List<Review> reviews, SplitFractions fractions, long seed) {
        fractions.validate("split");
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Review r : reviews) {
            groups.computeIfAbsent(key(r.text()), k -> new Group(r)).add(r);
        }
        List<List<Review>> byLabel = List.of(new ArrayList<>(), new ArrayList<>());
        int duplicates = 0;
        int conflicting = 0;
        for (Group g : groups.values()) {
            if (g.conflict) {
                conflicting += g.count;
            } else {
                duplicates += g.count - 1;
                byLabel.get(g.first.label()).add(g.first);
            }
        }
        List<List<Review>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int label = 0; label < LABELS; label++) {
            List<Review> items = byLabel.get(label);
            Rng.derive(seed, label).shuffle(items);
            int n = items.size();
            int trainEnd = (int) Math.round(n * fractions.train());
            // round is monotone, so trainEnd <= validationEnd; min guards a sum a hair above 1
            int validationEnd = Math.min(n, (int) Math.round(n * (fractions.train() + fractions.validation())));
            parts.get(0).addAll(items.subList(0, trainEnd));
            parts.get(1).addAll(items.subList(trainEnd, validationEnd));
            parts.get(2).addAll(items.subList(validationEnd, n));
        }
        for (int part = 0; part < parts.size(); part++) {
            Rng.derive(seed, LABELS + part).shuffle(parts.get(part));
        }
        return new ReviewSplit(parts.get(0), parts.get(1), parts.get(2), duplicates, conflicting);
    }

    /** The identity of a text for deduplication: markup stripped, whitespace collapsed, lower case. */
    static String key(String text) {
        return HtmlText.clean(text).toLowerCase(Locale.ROOT);
    }

    /** One line for logs: the size and positive share of each part and the dropped copies. */
    public String describe() {
        return String.format(Locale.ROOT, "train %,d (%s), validation %,d (%s), test %,d (%s); "
                        + "%,d duplicate copies dropped, %,d with conflicting labels dropped",
                train.size(), positives(train), validation.size(), positives(validation), test.size(), positives(test),
                duplicatesDropped, conflictingDropped);
    }

    private static String positives(List<Review> part) {
        long pos = part.stream().filter(r -> r.label() == 1).count();
        return part.isEmpty() ? "empty" : String.format(Locale.ROOT, "%.1f%% positive", 100.0 * pos / part.size());
    }

    /** The copies of one text seen so far. */
    private static final class Group {
        final Review first;
        int count;
        boolean conflict;

        Group(Review first) {
            this.first = first;
        }

        void add(Review r) {
            count++;
            conflict |= r.label() != first.label();
        }
    }
}
