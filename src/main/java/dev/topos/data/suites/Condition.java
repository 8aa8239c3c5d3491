package dev.topos.data.suites;

import java.util.List;

/**
 * One side of a contrast: a label and its items (sentences, word strings or single words).
 *
 * @param name  the label written in the suite file's second column, e.g. "noun"
 * @param items the stimuli, in file order
 */
public record Condition(String name, List<String> items) {
    public Condition {
        items = List.copyOf(items);
    }
}
