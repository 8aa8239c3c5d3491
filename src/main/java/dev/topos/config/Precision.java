package dev.topos.config;

import java.util.List;
import java.util.Locale;

/**
 * The arithmetic a run trains and evaluates in ({@code train.precision}): {@code fp32}, {@code bf16}
 * (bfloat16 mixed precision: fp32 master weights, matmuls and attention in bfloat16), or
 * {@code auto} (bf16 where the device computes it natively, else fp32). The engine resolves
 * {@code auto} ({@code dev.topos.nn.MixedPrecision#resolve}).
 */
public enum Precision {
    FP32,
    BF16,
    AUTO;

    /** The names {@link #parse} accepts. */
    public static final List<String> NAMES = List.of("fp32", "bf16", "auto");

    /** Parses {@code fp32}, {@code bf16} or {@code auto}; {@code source} names the setting in errors. */
    public static Precision parse(String name, String source) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Check.oneOf(source, n, NAMES);
        return valueOf(n.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
