package dev.topos.data;

import dev.topos.nn.Tensors;
import java.util.Arrays;
import org.bytedeco.pytorch.Tensor;

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

    /** The first {@code n} items (all of them if there are fewer). */
    public TokenizedSet head(int n) {
        int k = Math.min(n, size());
        return new TokenizedSet(Arrays.copyOf(ids, k), Arrays.copyOf(lengths, k), Arrays.copyOf(labels, k));
    }

    /** Tokens per item (0 for an empty set). */
    public int length() {
        return ids.length == 0 ? 0 : ids[0].length;
    }

    /** The items at {@code index} as tensors: ids and labels int64, the real-token mask float. */
    public Batch batch(int[] index) {
        int t = length();
        long[] flat = new long[index.length * t];
        float[] real = new float[index.length * t];
        long[] y = new long[index.length];
        for (int b = 0; b < index.length; b++) {
            int i = index[b];
            for (int p = 0; p < t; p++) {
                flat[b * t + p] = ids[i][p];
            }
            Arrays.fill(real, b * t, b * t + lengths[i], 1f);
            y[b] = labels[i];
        }
        return new Batch(Tensors.longs(flat, index.length, t), Tensors.floats(real, index.length, t),
                Tensors.longs(y, index.length));
    }

    /** The items from {@code start} (inclusive) to {@code end} (exclusive) as tensors. */
    public Batch range(int start, int end) {
        int[] index = new int[end - start];
        for (int i = 0; i < index.length; i++) {
            index[i] = start + i;
        }
        return batch(index);
    }

    /**
     * @param ids    (B, T) token ids
     * @param real   (B, T) 1 for real tokens, 0 for padding
     * @param labels (B) classes
     */
    public record Batch(Tensor ids, Tensor real, Tensor labels) {}
}
