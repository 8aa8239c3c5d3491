package dev.topos.data.suites;

import dev.topos.data.text.DataFiles;
import dev.topos.data.text.MalformedDataException;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain-text suite format, simple enough to write by hand:
 * <pre>
 * # nouns vs verbs from the Brown corpus      &lt;- comment lines (source, license, how built)
 * time&lt;TAB&gt;noun
 * make&lt;TAB&gt;verb
 * </pre>
 * One item per line, a tab, its condition. Lines starting with {@code #} are comments, blank
 * lines are ignored, surrounding spaces of item and condition are removed. There are exactly two
 * conditions; condition A is the one seen first. Each needs at least {@value #DEFAULT_MIN_ITEMS}
 * items (the spec's minimum for a usable t-test map; a parameter for small experiments). No item
 * may occur twice. The suite's name is the file name without its extension.
 */
public final class SuiteFile {
    public static final int DEFAULT_MIN_ITEMS = 100;
    public static final String COMMENT = "#";
    public static final String EXTENSION = ".tsv";
    private static final String FORMAT = "each line is item<TAB>condition; lines starting with # are comments";

    private SuiteFile() {}

    public static Suite read(Path file) throws IOException {
        return read(file, DEFAULT_MIN_ITEMS);
    }

    /** @throws MalformedDataException naming the file, the line and what is allowed */
    public static Suite read(Path file, int minItems) throws IOException {
        List<String> lines = DataFiles.lines(file);
        List<String> header = new ArrayList<>();
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        Map<String, Integer> conditionLine = new LinkedHashMap<>();
        Map<String, Integer> itemLine = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? stripByteOrderMark(lines.get(i)) : lines.get(i);
            String where = "line " + (i + 1);
            if (line.startsWith(COMMENT)) {
                header.add(line.substring(1).strip());
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new MalformedDataException(file, where, "no tab; " + FORMAT);
            }
            if (line.indexOf('\t', tab + 1) >= 0) {
                throw new MalformedDataException(file, where, "more than one tab; " + FORMAT
                        + " (an item cannot contain a tab)");
            }
            String item = line.substring(0, tab).strip();
            String condition = line.substring(tab + 1).strip();
            if (item.isEmpty() || condition.isEmpty()) {
                throw new MalformedDataException(file, where, "empty " + (item.isEmpty() ? "item" : "condition")
                        + "; " + FORMAT);
            }
            if (item.startsWith(COMMENT)) {
                throw new MalformedDataException(file, where, "item '" + item + "' starts with " + COMMENT
                        + ", which marks comment lines; " + FORMAT);
            }
            if (!conditions.containsKey(condition)) {
                if (conditions.size() == 2) {
                    throw new MalformedDataException(file, where, "a third condition '" + condition
                            + "'; a suite contrasts exactly two: " + describe(conditions.keySet(), conditionLine));
                }
                conditions.put(condition, new ArrayList<>());
                conditionLine.put(condition, i + 1);
            }
            Integer seen = itemLine.putIfAbsent(item, i + 1);
            if (seen != null) {
                throw new MalformedDataException(file, where, "item '" + item + "' already on line " + seen
                        + "; each item may occur once");
            }
            conditions.get(condition).add(item);
        }
        if (conditions.size() < 2) {
            throw new MalformedDataException(file, "", (conditions.isEmpty() ? "no items" : "only one condition "
                    + describe(conditions.keySet(), conditionLine)) + "; a suite contrasts exactly two conditions ("
                    + FORMAT + ")");
        }
        List<Condition> cs = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : conditions.entrySet()) {
            if (e.getValue().size() < minItems) {
                throw new MalformedDataException(file, "", "condition '" + e.getKey() + "' has " + e.getValue().size()
                        + " items; at least " + minItems + " are required");
            }
            cs.add(new Condition(e.getKey(), e.getValue()));
        }
        return new Suite(nameOf(file), header, cs.get(0), cs.get(1));
    }

    /** Writes the header as comments, then condition A's items, then B's, atomically. */
    public static void write(Path file, Suite suite) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String h : suite.header()) {
            sb.append(COMMENT).append(h.isEmpty() ? "" : " " + h).append('\n');
        }
        for (Condition c : List.of(suite.a(), suite.b())) {
            for (String item : c.items()) {
                sb.append(item).append('\t').append(c.name()).append('\n');
            }
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** The file name without its last extension: {@code nouns-vs-verbs.tsv} → {@code nouns-vs-verbs}. */
    public static String nameOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String describe(Iterable<String> names, Map<String, Integer> firstLine) {
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            parts.add("'" + n + "' (first on line " + firstLine.get(n) + ")");
        }
        return String.join(", ", parts);
    }
}
