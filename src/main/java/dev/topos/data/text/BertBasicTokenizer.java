package dev.topos.data.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BERT's basic tokenisation (Devlin et al. 2019), the step before WordPiece: the
 * {@code BasicTokenizer} of the reference {@code tokenization.py} (google-research/bert), step by
 * step.
 *
 * <ol>
 *   <li>Clean: drop U+0000, U+FFFD and every character of a Unicode category C* (control, format,
 *       surrogate, private use, unassigned) except tab, newline and carriage return; turn those three,
 *       the space and every space separator (Zs) into a space.</li>
 *   <li>Put spaces around each CJK ideograph (the reference's eight code point ranges), so each
 *       becomes a word of its own.</li>
 *   <li>Split on whitespace. For an uncased vocabulary, lower-case each word and strip its accents
 *       (NFD, then drop the non-spacing marks, category Mn).</li>
 *   <li>Split each word around punctuation: every character is a word of its own if it is ASCII
 *       33–47, 58–64, 91–96 or 123–126 (all ASCII that is not a letter, digit or space, so {@code $}
 *       {@code ^} {@code `} too) or of a Unicode category P*.</li>
 * </ol>
 *
 * It works on code points, as Python's {@code str} does, so characters outside the Basic
 * Multilingual Plane are one character each. The whitespace split, like Python's
 * {@code str.split()}, also splits at the line and paragraph separators U+2028 and U+2029 (cleaning
 * already turned every other whitespace character into a space or removed it). Text is taken
 * literally: a {@code [MASK]} written in the text is the three words {@code [ mask ]}; special pieces
 * are added by the caller.
 */
public final class BertBasicTokenizer {
    private BertBasicTokenizer() {}

    /**
     * @param lowerCase lower-case and strip accents, for an uncased vocabulary such as
     *     bert-base-uncased; a cased vocabulary keeps both (the reference's {@code do_lower_case})
     */
    public static List<String> tokenize(String text, boolean lowerCase) {
        List<String> words = new ArrayList<>();
        for (String word : splitOnWhitespace(cleanAndSpaceCjk(text))) {
            if (lowerCase) {
                word = stripAccents(word.toLowerCase(Locale.ROOT));
            }
            splitOnPunctuation(word, words);
        }
        return words;
    }

    private static String cleanAndSpaceCjk(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                out.append(' ');
            } else if (isCjk(c)) {
                out.append(' ').appendCodePoint(c).append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static List<String> splitOnWhitespace(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == ' ' || c == 0x2028 || c == 0x2029) {
                flush(word, words);
            } else {
                word.appendCodePoint(c);
            }
        });
        flush(word, words);
        return words;
    }

    private static String stripAccents(String word) {
        StringBuilder out = new StringBuilder(word.length());
        Normalizer.normalize(word, Normalizer.Form.NFD).codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static void splitOnPunctuation(String word, List<String> words) {
        StringBuilder run = new StringBuilder();
        word.codePoints().forEach(c -> {
            if (isPunctuation(c)) {
                flush(run, words);
                words.add(Character.toString(c));
            } else {
                run.appendCodePoint(c);
            }
        });
        flush(run, words);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** The reference's {@code _is_whitespace}: space, tab, newline, carriage return or category Zs. */
    static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** The reference's {@code _is_control}: category C* other than tab, newline and carriage return. */
    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    /** The reference's {@code _is_punctuation}: non-alphanumeric printable ASCII or category P*. */
    static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The reference's {@code _is_chinese_char}: the CJK Unified Ideographs blocks and their extensions. */
    static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
