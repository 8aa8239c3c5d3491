package dev.topos.data.text;

/**
 * One State of the Union address.
 *
 * @param name its file name without {@code .txt}, e.g. {@code 1790_george_washington_n}
 * @param text the full text
 */
public record Speech(String name, String text) {}
