package dev.topos.config;

/** A config section that checks its own ranges; {@code prefix} is its dotted path, e.g. "train". */
public interface Validated {
    void validate(String prefix);
}
