package dev.topos.data.grid;

import java.util.Arrays;

/** Appends values to a growable {@code long[]} checkpoint; read back by {@link StateReader}. */
final class StateWriter {
    private long[] data = new long[256];
    private int size;

    void put(long value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, 2 * size);
        }
        data[size++] = value;
    }

    /** Packs the flags 64 to a long, bit i of word i / 64 = flags[i]. */
    void putBits(boolean[] flags) {
        for (int start = 0; start < flags.length; start += 64) {
            long word = 0;
            for (int i = start; i < Math.min(start + 64, flags.length); i++) {
                if (flags[i]) {
                    word |= 1L << (i - start);
                }
            }
            put(word);
        }
    }

    long[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
