package dev.topos.data.text;

/**
 * One sentence of the UCI "Sentiment Labelled Sentences" set.
 *
 * @param text   the sentence, surrounding whitespace removed
 * @param label  1 = positive, 0 = negative
 * @param source where it was posted: "imdb", "amazon" or "yelp"
 */
public record LabelledSentence(String text, int label, String source) {
    public LabelledSentence {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("sentence text is empty");
        }
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("sentence label = " + label + "; allowed: 0 (negative), 1 (positive)");
        }
    }
}
