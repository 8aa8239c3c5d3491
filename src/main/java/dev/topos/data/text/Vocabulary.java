package dev.topos.data.text;

import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word-level vocabulary: token ↔ index, built from training tokens only.
 *
 * <p>Layout (topoformer.md §4, as the reference's torchtext {@code build_vocab_from_iterator}):
 * the five specials {@code <unk> <pad> <eos> <bos> <mask>} at indices 0..4, then every word seen at
 * least {@code minFrequency} times, most frequent first, ties in alphabetical ({@link String}
 * code-unit) order so the same data always gives the same indices. Tokens equal to a special are
 * not counted as words.
 *
 * <p>Saved as UTF-8 text, one token per line in index order; tokens never contain whitespace
 * (they come from a whitespace split), so a line is exactly one token.
 */
public final class Vocabulary {
    public static final String UNK = "<unk>";
    public static final String PAD = "<pad>";
    public static final String EOS = "<eos>";
    public static final String BOS = "<bos>";
    public static final String MASK = "<mask>";
    public static final List<String> SPECIALS = List.of(UNK, PAD, EOS, BOS, MASK);
    public static final int UNK_ID = 0;
    public static final int PAD_ID = 1;
    public static final int EOS_ID = 2;
    public static final int BOS_ID = 3;
    public static final int MASK_ID = 4;
    /** The reference's frequency cut-off. */
    public static final int DEFAULT_MIN_FREQUENCY = 5;
    private static final String TOKEN_RULE = "allowed: non-empty, no whitespace";

    private final List<String> tokens;
    private final Map<String, Integer> index;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.index = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            index.put(tokens.get(i), i);
        }
    }

    /** Builds with the default cut-off {@value #DEFAULT_MIN_FREQUENCY}. */
    public static Vocabulary build(Iterable<List<String>> tokenizedTexts) {
        return build(tokenizedTexts, DEFAULT_MIN_FREQUENCY);
    }

    /**
     * @param tokenizedTexts the training texts, each already tokenized
     * @param minFrequency   keep words seen at least this often (>= 1)
     * @throws IllegalArgumentException for a cut-off below 1, or an empty token or one containing
     *                                  whitespace (it could not be saved one per line)
     */
    public static Vocabulary build(Iterable<List<String>> tokenizedTexts, int minFrequency) {
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minFrequency = " + minFrequency + "; allowed: >= 1");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> text : tokenizedTexts) {
            for (String t : text) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minFrequency && !SPECIALS.contains(e.getKey())) {
                if (!isToken(e.getKey())) {
                    throw new IllegalArgumentException("'" + e.getKey() + "' is not a token; " + TOKEN_RULE);
                }
                words.add(e.getKey());
            }
        }
        words.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(Comparator.naturalOrder()));
        List<String> all = new ArrayList<>(SPECIALS);
        all.addAll(words);
        return new Vocabulary(all);
    }

    public int size() {
        return tokens.size();
    }

    /** The index of {@code token}, or {@link #UNK_ID} if it is not in the vocabulary. */
    public int id(String token) {
        return index.getOrDefault(token, UNK_ID);
    }

    public boolean contains(String token) {
        return index.containsKey(token);
    }

    /** @throws IndexOutOfBoundsException naming the id and the vocabulary size */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IndexOutOfBoundsException("token id " + id + " is outside [0, " + tokens.size() + ")");
        }
        return tokens.get(id);
    }

    /** All tokens in index order. */
    public List<String> tokens() {
        return tokens;
    }

    /**
     * A fixed-length model input: {@code <bos>}, the tokens' ids (unknown words → {@code <unk>}),
     * {@code <eos>}, then {@code <pad>} up to {@code length}. Longer texts are truncated to their
     * first {@code length - 2} tokens so that the last slot is still {@code <eos>}.
     *
     * @param length at least 2 (room for {@code <bos>} and {@code <eos>})
     */
    public int[] encode(List<String> tokens, int length) {
        int real = realLength(tokens.size(), length);
        int[] ids = new int[length];
        ids[0] = BOS_ID;
        for (int i = 1; i < real - 1; i++) {
            ids[i] = id(tokens.get(i - 1));
        }
        ids[real - 1] = EOS_ID;
        for (int i = real; i < length; i++) {
            ids[i] = PAD_ID;
        }
        return ids;
    }

    /** The number of non-padding slots {@link #encode} fills for {@code tokenCount} tokens:
     *  min(tokenCount + 2, length). This is what a padding mask needs. */
    public static int realLength(int tokenCount, int length) {
        if (length < 2) {
            throw new IllegalArgumentException("sequence length = " + length + "; allowed: >= 2 (room for "
                    + BOS + " and " + EOS + ")");
        }
        return Math.min(tokenCount + 2, length);
    }

    /** The tokens of an encoded sequence without {@code <bos>}, {@code <eos>} and {@code <pad>}. */
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            if (id != BOS_ID && id != EOS_ID && id != PAD_ID) {
                out.add(token(id));
            }
        }
        return out;
    }

    /** Writes one token per line, atomically. */
    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, String.join("\n", tokens) + "\n");
    }

    /**
     * Reads a file written by {@link #save}. The first five lines must be the specials in order;
     * every line must be one token (non-empty, no whitespace) and no token may repeat.
     *
     * @throws MalformedDataException naming the file, the line and what is allowed
     */
    public static Vocabulary load(Path file) throws IOException {
        List<String> lines = DataFiles.lines(file);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i);
            String where = "line " + (i + 1);
            if (i < SPECIALS.size() && !t.equals(SPECIALS.get(i))) {
                throw new MalformedDataException(file, where, "expected " + SPECIALS.get(i) + ", found '" + t
                        + "'; a vocabulary starts with the specials " + String.join(" ", SPECIALS) + " in that order");
            }
            if (!isToken(t)) {
                throw new MalformedDataException(file, where, "'" + t + "' is not a token; " + TOKEN_RULE
                        + ", one per line");
            }
            Integer first = seen.putIfAbsent(t, i + 1);
            if (first != null) {
                throw new MalformedDataException(file, where, "duplicate token '" + t + "' (first on line " + first + ")");
            }
        }
        if (lines.size() < SPECIALS.size()) {
            throw new MalformedDataException(file, "", "has " + lines.size() + " lines; a vocabulary starts with the "
                    + SPECIALS.size() + " specials " + String.join(" ", SPECIALS));
        }
        return new Vocabulary(lines);
    }

    private static boolean isToken(String t) {
        return !t.isEmpty() && t.codePoints().noneMatch(Character::isWhitespace);
    }
}
