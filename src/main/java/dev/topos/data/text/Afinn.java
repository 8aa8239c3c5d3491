package dev.topos.data.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the AFINN-165 word valence lexicon (Finn Årup Nielsen, 2011/2015; MIT): English words and
 * a few phrases ("does not work", "cool stuff") with an integer score from −5 (very negative) to
 * +5 (very positive). Entries keep the file's order; phrases are kept as written, callers that
 * want single words filter them.
 *
 * <p>Layouts: {@code labels.json} (the cached npm {@code sentiment} copy, {@code {"word": score}},
 * 3,382 entries) or the upstream {@code AFINN-165.txt} ({@code word<TAB>score} per line, split at
 * the last tab, blank lines skipped).
 */
public final class Afinn {
    public static final String JSON_FILE = "labels.json";
    public static final String UPSTREAM_FILE = "AFINN-165.txt";
    public static final int MIN_SCORE = -5;
    public static final int MAX_SCORE = 5;

    private Afinn() {}

    /** @return entry → score, in file order, unmodifiable */
    public static Map<String, Integer> load(Path folder) throws IOException {
        Path json = folder.resolve(JSON_FILE);
        Path upstream = folder.resolve(UPSTREAM_FILE);
        if (Files.isRegularFile(json)) {
            return readJson(json);
        }
        if (Files.isRegularFile(upstream)) {
            return readUpstream(upstream);
        }
        throw new MalformedDataException(folder, "", "no AFINN lexicon found; expected " + JSON_FILE + " or " + UPSTREAM_FILE);
    }

    private static Map<String, Integer> readJson(Path file) throws IOException {
        JsonNode root = DataFiles.json(file);
        if (!root.isObject()) {
            throw new MalformedDataException(file, "", "expected a JSON object {\"word\": score}");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String where = "entry \"" + e.getKey() + "\"";
            if (!v.isIntegralNumber()) {
                throw new MalformedDataException(file, where, "score " + v + " is not an integer; " + allowed());
            }
            put(out, e.getKey(), v.asInt(), file, where);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Integer> readUpstream(Path file) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (DataFiles.Columns line : DataFiles.tabSeparated(file, "word<TAB>score")) {
            if (!line.right().matches("[+-]?\\d{1,2}")) {
                throw new MalformedDataException(file, line.where(), "score '" + line.right() + "' is not an integer; "
                        + allowed());
            }
            put(out, line.left(), Integer.parseInt(line.right()), file, line.where());
        }
        return Collections.unmodifiableMap(out);
    }

    private static void put(Map<String, Integer> out, String entry, int score, Path file, String where)
            throws MalformedDataException {
        if (entry.isEmpty()) {
            throw new MalformedDataException(file, where, "empty word");
        }
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new MalformedDataException(file, where, "score " + score + " is out of range; " + allowed());
        }
        if (out.putIfAbsent(entry, score) != null) {
            throw new MalformedDataException(file, where, "\"" + entry + "\" is listed twice");
        }
    }

    private static String allowed() {
        return "allowed: integers " + MIN_SCORE + " .. " + MAX_SCORE;
    }
}
