package dev.topos.data.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises Brown corpus tags (Francis &amp; Kučera, Brown Corpus Manual, 1964/1979) so that a
 * word's tag says only its part of speech.
 *
 * <p>Choices:
 * <ul>
 *   <li>Upper case: the corpus files write {@code nn}, the manual {@code NN}.</li>
 *   <li>The position suffixes {@code -TL} (in a title), {@code -HL} (in a headline) and
 *       {@code -NC} (cited word) are removed, also when stacked ({@code nn-tl-hl} → {@code NN}):
 *       they say where a word stands, not what it is.</li>
 *   <li>{@code +} compounds (contractions: {@code it's} = {@code PPS+BEZ}, {@code I'll} =
 *       {@code PPSS+MD}) keep every part, each normalised: such a word is none of its parts,
 *       so it never equals a simple tag and never counts as, say, a plain noun or verb.</li>
 *   <li>{@code *} marks negation: the tag {@code *} alone is "not"/"n't"; {@code X*} is a
 *       negated form of X ({@code can't} = {@code MD*}, {@code isn't} = {@code BEZ*}). The star
 *       is kept, so a negated form never counts as its positive class.</li>
 *   <li>Foreign words keep their {@code FW-} prefix ({@code FW-NN} is not {@code NN}).</li>
 * </ul>
 */
public final class BrownTag {
    private static final Pattern POSITION_SUFFIX = Pattern.compile("-(?:TL|HL|NC)(?=$|-|\\+)");

    private BrownTag() {}

    public static String normalise(String raw) {
        // stacked suffixes do not overlap, so one pass removes them all ("NN-TL-HL": "-TL" and "-HL")
        return POSITION_SUFFIX.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
    }
}
