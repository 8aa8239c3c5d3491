package dev.topos.data.grid;

/**
 * Reads a checkpoint written by {@link StateWriter}, rejecting a malformed array with an
 * IllegalArgumentException that names the field and the position.
 */
final class StateReader {
    private final long[] data;
    private int pos;

    StateReader(long[] data) {
        this.data = data;
    }

    long next(String field) {
        if (pos >= data.length) {
            throw malformed("array ends at index " + pos + " where " + field + " was expected");
        }
        return data[pos++];
    }

    int nextInt(String field, long lo, long hi) {
        long value = next(field);
        if (value < lo || value > hi) {
            throw malformed(field + " = " + value + " at index " + (pos - 1)
                    + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
        return (int) value;
    }

    boolean nextBoolean(String field) {
        return nextInt(field, 0, 1) == 1;
    }

    /** Inverse of {@link StateWriter#putBits}; bits beyond {@code n} in the last word must be 0. */
    boolean[] nextBits(String field, int n) {
        boolean[] flags = new boolean[n];
        for (int start = 0; start < n; start += 64) {
            long word = next(field);
            int bits = Math.min(64, n - start);
            if (bits < 64 && (word >>> bits) != 0) {
                throw malformed(field + " at index " + (pos - 1) + " has bits set beyond " + n);
            }
            for (int i = 0; i < bits; i++) {
                flags[start + i] = ((word >>> i) & 1) != 0;
            }
        }
        return flags;
    }

    /** Throws unless every value was consumed. */
    void finish() {
        if (pos != data.length) {
            throw malformed((data.length - pos) + " unexpected trailing values after index " + pos);
        }
    }

    IllegalArgumentException malformed(String detail) {
        return new IllegalArgumentException("malformed walk-stream state: " + detail);
    }
}
