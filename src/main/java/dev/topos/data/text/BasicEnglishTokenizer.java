package dev.topos.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * torchtext's {@code basic_english} tokenizer ({@code torchtext/data/utils.py},
 * {@code _basic_english_normalize}), the one the Topoformer reference uses for IMDB: lower-case the
 * line, apply twelve regex replacements in order, split on whitespace.
 *
 * <pre>
 *   '        -&gt; " '  "      ,   -&gt; " , "      ?  -&gt; " ? "
 *   "        -&gt; ""          (   -&gt; " ( "      ;  -&gt; " "
 *   .        -&gt; " . "       )   -&gt; " ) "      :  -&gt; " "
 *   &lt;br \/&gt;  -&gt; " "         !   -&gt; " ! "      \s+ -&gt; " "
 * </pre>
 *
 * Python matches {@code \s} and {@code str.split()} against Unicode whitespace; Java's {@code \s}
 * is ASCII-only, so this class uses Unicode classes and adds the separators U+001C..U+001F that
 * Python's {@code str.isspace} also counts. Everything else (hyphens, digits, other symbols) stays
 * inside tokens, exactly as in torchtext: "don't" becomes [don, ', t].
 */
public final class BasicEnglishTokenizer {
    private static final String WHITESPACE = "[\\s\\x1C-\\x1F]";
    private static final Pattern[] PATTERNS = {
        Pattern.compile("'"), Pattern.compile("\""), Pattern.compile("\\."), Pattern.compile("<br \\/>"),
        Pattern.compile(","), Pattern.compile("\\("), Pattern.compile("\\)"), Pattern.compile("\\!"),
        Pattern.compile("\\?"), Pattern.compile("\\;"), Pattern.compile("\\:"),
        Pattern.compile(WHITESPACE + "+", Pattern.UNICODE_CHARACTER_CLASS),
    };
    private static final String[] REPLACEMENTS = {
        " '  ", "", " . ", " ", " , ", " ( ", " ) ", " ! ", " ? ", " ", " ", " ",
    };
    private static final Pattern SPLIT = Pattern.compile(WHITESPACE, Pattern.UNICODE_CHARACTER_CLASS);

    private BasicEnglishTokenizer() {}

    public static List<String> tokenize(String line) {
        String s = line.toLowerCase(Locale.ROOT);
        for (int i = 0; i < PATTERNS.length; i++) {
            s = PATTERNS[i].matcher(s).replaceAll(REPLACEMENTS[i]);
        }
        List<String> tokens = new ArrayList<>();
        for (String t : SPLIT.split(s)) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }
}
