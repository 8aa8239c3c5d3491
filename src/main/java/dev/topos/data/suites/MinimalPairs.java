package dev.topos.data.suites;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topos.data.text.MalformedDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Minimal pairs in BLiMP's upstream format (Warstadt et al. 2020, "BLiMP: The Benchmark of
 * Linguistic Minimal Pairs for English"; github.com/alexwarstadt/blimp, {@code data/*.jsonl}): a
 * folder of {@code .jsonl} files, one paradigm a file, one JSON object a line with
 * {@code sentence_good} and {@code sentence_bad} (required) and {@code UID}, {@code field},
 * {@code linguistics_term} (optional: UID defaults to the file's name without {@code .jsonl},
 * the others to "unknown"); other keys ({@code pairID}, {@code simple_LM_method}, ...) are ignored.
 * Blank lines are skipped.
 */
public final class MinimalPairs {
    public static final String EXTENSION = ".jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN = "unknown";

    private MinimalPairs() {}

    /**
     * One pair.
     *
     * @param good  the grammatical (acceptable) sentence
     * @param bad   its minimally different unacceptable twin
     * @param uid   the paradigm, e.g. "anaphor_gender_agreement"
     * @param field e.g. "morphology", "syntax", "semantics", "syntax_semantics"
     * @param term  the phenomenon, e.g. "anaphor_agreement"
     */
    public record Pair(String good, String bad, String uid, String field, String term) {}

    /**
     * Every pair of every {@code .jsonl} file in {@code folder} (not its subfolders), files in name
     * order, lines in file order; at most {@code maxPerFile} pairs a file (the first ones), 0 for all.
     *
     * @throws MalformedDataException naming the folder when it holds no {@code .jsonl} file, or the
     *     file and line of a line that is not a JSON object with the two sentences
     */
    public static List<Pair> read(Path folder, int maxPerFile) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new MalformedDataException(folder, "", "not a folder; minimal pairs are a folder of .jsonl files in "
                    + "BLiMP's format (one {\"sentence_good\": ..., \"sentence_bad\": ..., \"UID\": ...} a line)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(f))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new MalformedDataException(folder, "", "no " + EXTENSION + " files; minimal pairs are a folder of "
                    + ".jsonl files in BLiMP's format");
        }
        List<Pair> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(readFile(f, maxPerFile));
        }
        return out;
    }

    /** The pairs of one file ({@link #read}). */
    public static List<Pair> readFile(Path file, int maxPerFile) throws IOException {
        String name = file.getFileName().toString();
        String paradigm = name.substring(0, name.length() - EXTENSION.length());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < lines.size() && (maxPerFile == 0 || out.size() < maxPerFile); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode o;
            try {
                o = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new MalformedDataException(file, "line " + (i + 1), "not JSON: " + e.getOriginalMessage(), e);
            }
            if (o == null || !o.isObject()) {
                throw new MalformedDataException(file, "line " + (i + 1), "expected a JSON object");
            }
            out.add(new Pair(text(o, "sentence_good", file, i), text(o, "sentence_bad", file, i),
                    optional(o, "UID", paradigm), optional(o, "field", UNKNOWN), optional(o, "linguistics_term", UNKNOWN)));
        }
        return out;
    }

    private static String text(JsonNode o, String key, Path file, int line) throws MalformedDataException {
        JsonNode v = o.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new MalformedDataException(file, "line " + (line + 1), "'" + key + "' must be a non-empty string"
                    + " (BLiMP's format: sentence_good, sentence_bad, UID, field, linguistics_term)");
        }
        return v.asText();
    }

    private static String optional(JsonNode o, String key, String fallback) {
        JsonNode v = o.get(key);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : fallback;
    }
}
