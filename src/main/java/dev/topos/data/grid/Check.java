package dev.topos.data.grid;

/** Argument checks whose messages name the field, the offending value and the allowed range. */
final class Check {
    private Check() {
    }

    /** Returns {@code value} if it lies in [lo, hi], else throws an IllegalArgumentException. */
    static int inRange(String field, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(
                    field + " = " + value + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
        return (int) value;
    }
}
