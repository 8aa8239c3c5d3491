package dev.topos.data.text;

/**
 * One movie review: its text with markup already stripped ({@link HtmlText#clean}) and its label,
 * 1 = positive, 0 = negative.
 */
public record Review(String text, int label) {
    public Review {
        if (text == null) {
            throw new IllegalArgumentException("review text is null");
        }
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("review label = " + label + "; allowed: 0 (negative), 1 (positive)");
        }
    }
}
