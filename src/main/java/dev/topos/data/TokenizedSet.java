package dev.topos.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Labelled token sequences of one fixed length: {@code ids[i]} holds item i's token ids, its first
 * {@code lengths[i]} positions real and the rest padding.
 *
 * @param ids     (items, length) token ids
 * @param lengths real (non-padding) tokens per item, 1..length
 * @param labels  class per item
 */
public record TokenizedSet(int[][] ids, int[] lengths, int[] labels) {
    public TokenizedSet {
        if (ids.length != lengths.length || ids.length != labels.length) {
            throw new IllegalArgumentException("ids, lengths and labels must have one entry per item: "
                    + ids.length + ", " + lengths.length + ", " + labels.length);
        }
    }

    public int size() {
        return ids.length;
    }

    /** Tokens per item (0 for an empty set). */
    public int length() {
        return ids.length == 0 ? 0 : ids[0].length;
    }

    /** The items at {@code index} as tensors. */
    public Batch batch(NDManager manager, int[] index) {
        int t = length();
        int[] flat = new int[index.length * t];
        float[] real = new float[index.length * t];
        int[] y = new int[index.length];
        for (int b = 0; b < index.length; b++) {
            int i = index[b];
            System.arraycopy(ids[i], 0, flat, b * t, t);
            Arrays.fill(real, b * t, b * t + lengths[i], 1f);
            y[b] = labels[i];
        }
        Shape shape = new Shape(index.length, t);
        return new Batch(manager.create(flat, shape), manager.create(real, shape), manager.create(y));
    }

    /** The items from {@code start} (inclusive) to {@code end} (exclusive) as tensors. */
    public Batch range(NDManager manager, int start, int end) {
        int[] index = new int[end - start];
        for (int i = 0; i < index.length; i++) {
            index[i] = start + i;
        }
        return batch(manager, index);
    }

    /**
     * @param ids    (B, T) token ids
     * @param real   (B, T) 1 for real tokens, 0 for padding
     * @param labels (B) classes
     */
    public record Batch(NDArray ids, NDArray real, NDArray labels) {}
}
