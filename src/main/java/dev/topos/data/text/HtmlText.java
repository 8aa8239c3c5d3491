package dev.topos.data.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns review text with HTML remnants into plain text: tags become a space, common entities are
 * decoded, whitespace runs collapse to one space, the ends are trimmed.
 *
 * <p>IMDB reviews (Maas et al. 2011) carry about 200,000 {@code <br />} line breaks and a few
 * {@code <i>}, {@code <p>}, {@code <hr>} tags. A tag is recognised only when the {@code <} is
 * directly followed by a letter (or {@code /} and a letter) and no other {@code <} or {@code >}
 * comes before its {@code >}: emoticons and prose such as {@code <3}, {@code <_<},
 * {@code < Cough >} or {@code <=8} are text, not markup, and stay.
 */
public final class HtmlText {
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]+));");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /** The named entities decoded (the HTML 4 core set plus typographic quotes and dashes);
     *  any other name is left as written. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"),
            Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"), Map.entry("aacute", "\u00E1"),
            Map.entry("iacute", "\u00ED"), Map.entry("oacute", "\u00F3"), Map.entry("uacute", "\u00FA"),
            Map.entry("ntilde", "\u00F1"), Map.entry("ccedil", "\u00E7"), Map.entry("uuml", "\u00FC"),
            Map.entry("ouml", "\u00F6"), Map.entry("auml", "\u00E4"), Map.entry("szlig", "\u00DF"),
            Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"), Map.entry("trade", "\u2122"),
            Map.entry("deg", "\u00B0"), Map.entry("frac12", "\u00BD"), Map.entry("middot", "\u00B7"));

    private HtmlText() {}

    public static String clean(String html) {
        String noTags = TAG.matcher(html).replaceAll(" ");
        return SPACES.matcher(decodeEntities(noTags)).replaceAll(" ").strip();
    }

    /** Decodes {@code &#NNN;}, {@code &#xHH;} and the {@link #NAMED} entities; unknown names and
     *  numbers that are not Unicode scalar values are kept verbatim. */
    static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(Matcher m) {
        if (m.group(3) != null) {
            return NAMED.getOrDefault(m.group(3), m.group());
        }
        int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
        boolean scalar = cp > 0 && cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF);
        return scalar ? new String(Character.toChars(cp)) : m.group();
    }
}
