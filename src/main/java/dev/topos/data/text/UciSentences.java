package dev.topos.data.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the UCI "Sentiment Labelled Sentences" (Kotzias, Denil, de Freitas &amp; Smyth, KDD 2015;
 * CC BY 4.0): 1,000 sentences from each of IMDB, Amazon and Yelp, 500 positive and 500 negative.
 *
 * <p>For each source, from the first that exists:
 * <ul>
 *   <li>{@code imdb.json}, {@code amazon.json}, {@code yelp.json} (the cached npm {@code sentiment}
 *       fixtures): arrays of {@code {"text": ..., "class": 0|1}}; items with an empty text and a
 *       null class (each file ends with one) are dropped;</li>
 *   <li>the upstream {@code imdb_labelled.txt}, {@code amazon_cells_labelled.txt},
 *       {@code yelp_labelled.txt}: {@code sentence<TAB>0|1} per line, split at the last tab;
 *       blank lines are skipped.</li>
 * </ul>
 * Texts are stripped of surrounding whitespace (the upstream sentences end in two spaces).
 * Sources that are absent are skipped; none at all is an error.
 */
public final class UciSentences {
    private record Source(String name, String json, String upstream) {}

    private static final List<Source> SOURCES = List.of(
            new Source("imdb", "imdb.json", "imdb_labelled.txt"),
            new Source("amazon", "amazon.json", "amazon_cells_labelled.txt"),
            new Source("yelp", "yelp.json", "yelp_labelled.txt"));

    private UciSentences() {}

    public static List<LabelledSentence> load(Path folder) throws IOException {
        List<LabelledSentence> out = new ArrayList<>();
        boolean found = false;
        for (Source s : SOURCES) {
            Path json = folder.resolve(s.json);
            Path upstream = folder.resolve(s.upstream);
            if (Files.isRegularFile(json)) {
                out.addAll(readJson(json, s.name));
                found = true;
            } else if (Files.isRegularFile(upstream)) {
                out.addAll(readUpstream(upstream, s.name));
                found = true;
            }
        }
        if (!found) {
            throw new MalformedDataException(folder, "", "no UCI sentences found; expected imdb.json, amazon.json, "
                    + "yelp.json or imdb_labelled.txt, amazon_cells_labelled.txt, yelp_labelled.txt");
        }
        return out;
    }

    private static List<LabelledSentence> readJson(Path file, String source) throws IOException {
        JsonNode root = DataFiles.json(file);
        if (!root.isArray()) {
            throw new MalformedDataException(file, "", "expected a JSON array of {\"text\": ..., \"class\": 0|1}");
        }
        List<LabelledSentence> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            String where = "item " + i;
            JsonNode text = item.get("text");
            JsonNode label = item.get("class");
            if (text == null || !text.isTextual()) {
                throw new MalformedDataException(file, where, "\"text\" must be a string");
            }
            boolean noLabel = label == null || label.isNull();
            if (text.asText().isBlank() && noLabel) {
                continue; // the fixtures' empty end marker
            }
            if (noLabel || !label.isIntegralNumber() || (label.asInt() != 0 && label.asInt() != 1)) {
                throw new MalformedDataException(file, where, "\"class\" = " + label + "; allowed: 0 or 1");
            }
            if (text.asText().isBlank()) {
                throw new MalformedDataException(file, where, "empty \"text\" with a class");
            }
            out.add(new LabelledSentence(text.asText().strip(), label.asInt(), source));
        }
        return out;
    }

    private static List<LabelledSentence> readUpstream(Path file, String source) throws IOException {
        List<LabelledSentence> out = new ArrayList<>();
        for (DataFiles.Columns line : DataFiles.tabSeparated(file, "sentence<TAB>0|1")) {
            if (!line.right().equals("0") && !line.right().equals("1")) {
                throw new MalformedDataException(file, line.where(), "label '" + line.right() + "'; allowed: 0 or 1");
            }
            if (line.left().isEmpty()) {
                throw new MalformedDataException(file, line.where(), "empty sentence before the tab");
            }
            out.add(new LabelledSentence(line.left(), Integer.parseInt(line.right()), source));
        }
        return out;
    }
}
