package dev.topos.data.text;

/**
 * A word of a part-of-speech tagged corpus.
 *
 * @param word the word as written (case kept)
 * @param tag  its normalised tag ({@link BrownTag#normalise})
 */
public record TaggedWord(String word, String tag) {}
