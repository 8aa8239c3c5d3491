package dev.topos.data.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BERT's tokenizer (Devlin et al. 2019): {@link BertBasicTokenizer}'s words, each cut into
 * WordPiece pieces of a {@link BertVocabulary}, as the {@code FullTokenizer} of the reference
 * {@code tokenization.py} (google-research/bert) does. WordPiece is greedy longest-match-first: take
 * the longest prefix of the word that is a piece, then the longest {@code ##}-piece of the rest, and
 * so on; a word with a rest that no piece starts, or longer than {@value #MAX_WORD_CHARS} characters
 * (code points), becomes one {@code [UNK]}. With bert-base-uncased's vocabulary "unaffable" is
 * {@code una ##ffa ##ble}.
 *
 * <p>Hand-written rather than taken from a library: the Java WordPiece tokenizers on Maven Central
 * either need a native library (DJL's HuggingFace tokenizers, a JNI binding of the Rust
 * {@code tokenizers}, with DJL's api jar, which Topos has dropped as its engine) or differ from the
 * reference (Apache OpenNLP's {@code WordpieceTokenizer} has no lower-casing, accent stripping or CJK
 * splitting, splits only ASCII punctuation, keeps a word's pieces before an {@code [UNK]} and always
 * adds {@code [CLS]}/{@code [SEP]}). The reference is about a hundred lines; this follows it step
 * by step.
 */
public final class BertWordPiece {
    /** The reference's {@code max_input_chars_per_word}: longer words become {@code [UNK]}. */
    public static final int MAX_WORD_CHARS = 100;

    private final BertVocabulary vocabulary;
    private final boolean lowerCase;

    /** A tokenizer for an uncased vocabulary such as bert-base-uncased (lower-cases, strips accents). */
    public BertWordPiece(BertVocabulary vocabulary) {
        this(vocabulary, true);
    }

    /** @param lowerCase false for a cased vocabulary (see {@link BertBasicTokenizer#tokenize}) */
    public BertWordPiece(BertVocabulary vocabulary, boolean lowerCase) {
        this.vocabulary = vocabulary;
        this.lowerCase = lowerCase;
    }

    public BertVocabulary vocabulary() {
        return vocabulary;
    }

    /** The pieces of {@code text}, without specials. */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (String word : BertBasicTokenizer.tokenize(text, lowerCase)) {
            out.addAll(pieces(word));
        }
        return out;
    }

    /** The ids of {@code text}'s pieces, without specials. */
    public int[] encode(String text) {
        return tokenize(text).stream().mapToInt(vocabulary::id).toArray();
    }

    /**
     * A fixed-length model input: {@code [CLS]}, the ids of {@code text}'s pieces, {@code [SEP]},
     * then {@code [PAD]} up to {@code length}; a longer text keeps its first {@code length - 2} pieces.
     *
     * @param length at least 2 (room for {@code [CLS]} and {@code [SEP]})
     */
    public int[] encode(String text, int length) {
        return sequence(encode(text), length);
    }

    /** {@link #encode(String, int)} for ids already encoded. */
    public int[] sequence(int[] pieceIds, int length) {
        int real = realLength(pieceIds.length, length);
        int[] ids = new int[length];
        ids[0] = vocabulary.clsId();
        System.arraycopy(pieceIds, 0, ids, 1, real - 2);
        ids[real - 1] = vocabulary.sepId();
        Arrays.fill(ids, real, length, vocabulary.padId());
        return ids;
    }

    /** The number of non-padding slots of a sequence of {@code pieceCount} pieces: min(pieceCount + 2,
     *  length). This is what a padding mask needs. */
    public static int realLength(int pieceCount, int length) {
        if (length < 2) {
            throw new IllegalArgumentException("sequence length = " + length + "; allowed: >= 2 (room for "
                    + BertVocabulary.CLS + " and " + BertVocabulary.SEP + ")");
        }
        return Math.min(pieceCount + 2, length);
    }

    /** WordPiece on one word of the basic tokenizer: its pieces, or {@code [UNK]} alone. */
    List<String> pieces(String word) {
        int[] chars = word.codePoints().toArray();
        if (chars.length > MAX_WORD_CHARS) {
            return List.of(BertVocabulary.UNK);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < chars.length) {
            String piece = null;
            int end = chars.length;
            for (; end > start; end--) {
                String s = new String(chars, start, end - start);
                String candidate = start > 0 ? BertVocabulary.CONTINUATION + s : s;
                if (vocabulary.contains(candidate)) {
                    piece = candidate;
                    break;
                }
            }
            if (piece == null) {
                return List.of(BertVocabulary.UNK);
            }
            out.add(piece);
            start = end;
        }
        return out;
    }
}
