package dev.topos.geometry;

import java.util.Arrays;

/**
 * An immutable N x N connectivity mask: M[m][n] = 1 when unit n is in unit m's field (Topoformer
 * spec section 1). Row m lists unit m's inputs, so its fan-in is the row sum. Built by
 * {@link Masks}.
 */
public final class Mask {
    private final int size;
    private final boolean[] cells;

    /** @param cells row-major, size * size entries; taken over, not copied */
    Mask(int size, boolean[] cells) {
        if ((long) size * size != cells.length) {
            throw new IllegalArgumentException("a mask of size " + size + " needs " + (long) size * size
                    + " cells, got " + cells.length);
        }
        this.size = size;
        this.cells = cells;
    }

    /** N. */
    public int size() {
        return size;
    }

    /** Whether unit n is in unit m's field. */
    public boolean get(int m, int n) {
        return cells[index(m, n)];
    }

    /** The number of units in unit m's field: sum_n M[m][n]. */
    public int fanIn(int m) {
        int start = index(m, 0);
        int count = 0;
        for (int i = start; i < start + size; i++) {
            if (cells[i]) {
                count++;
            }
        }
        return count;
    }

    /** M as 0/1 floats in row-major order (entry m * N + n), ready to become an (N, N) tensor. */
    public float[] toFloatArray() {
        float[] values = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = cells[i] ? 1f : 0f;
        }
        return values;
    }

    private int index(int m, int n) {
        if (m < 0 || m >= size || n < 0 || n >= size) {
            throw new IndexOutOfBoundsException("(" + m + ", " + n + ") is outside a " + size + " x " + size + " mask");
        }
        return m * size + n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask other && size == other.size && Arrays.equals(cells, other.cells);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "Mask[" + size + " x " + size + "]";
    }
}
