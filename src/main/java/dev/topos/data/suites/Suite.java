package dev.topos.data.suites;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A linguistic test suite (topoformer.md §6): a contrast of exactly two conditions. Analyses
 * compare the model's responses to condition {@link #a} with those to {@link #b}; a t statistic
 * is A − B.
 *
 * <p>Invariants (so any suite can be written as a {@link SuiteFile} and read back): a non-empty
 * name; two different, non-empty condition names; every item non-empty and not starting with
 * {@code #}; no tab, line break or surrounding space in a name or item, no line break in a header
 * line; no item twice, in one condition or across both (an item in both
 * would be a stimulus of both conditions).
 *
 * @param name   the suite's name, also its file name without extension
 * @param header free-text lines saying where the items come from (written as {@code #} comments)
 */
public record Suite(String name, List<String> header, Condition a, Condition b) {
    public Suite {
        header = List.copyOf(header);
        requireText("suite name", name);
        requireText("condition name", a.name());
        requireText("condition name", b.name());
        if (a.name().equals(b.name())) {
            throw new IllegalArgumentException("suite " + name + ": both conditions are named '" + a.name() + "'");
        }
        for (String line : header) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("suite " + name + ": header line contains a line break: " + line);
            }
        }
        Map<String, String> seen = new HashMap<>();
        for (Condition c : List.of(a, b)) {
            for (String item : c.items()) {
                requireText("suite " + name + " item", item);
                if (item.startsWith(SuiteFile.COMMENT)) {
                    throw new IllegalArgumentException("suite " + name + ": item '" + item + "' starts with "
                            + SuiteFile.COMMENT + ", which marks a comment line");
                }
                String other = seen.putIfAbsent(item, c.name());
                if (other != null) {
                    throw new IllegalArgumentException("suite " + name + ": item '" + item + "' appears twice ("
                            + other + ", " + c.name() + ")");
                }
            }
        }
    }

    /** The same suite with {@code lines} appended to the header. */
    public Suite withHeader(List<String> lines) {
        List<String> h = new ArrayList<>(header);
        h.addAll(lines);
        return new Suite(name, h, a, b);
    }

    private static void requireText(String what, String s) {
        if (s == null || s.isBlank() || s.strip().length() != s.length()) {
            throw new IllegalArgumentException(what + " '" + s + "' is empty or has surrounding whitespace");
        }
        if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " '" + s + "' contains a tab or line break");
        }
    }
}
