package dev.topos.data;

import dev.topos.util.Rng;
import java.util.Arrays;

/**
 * Mini-batches of item indices, epoch after epoch: each epoch is a fresh seeded permutation of the
 * n items cut into floor(n / batch) batches (the last n mod batch items of that permutation wait
 * for a later epoch, as with {@code drop_last}). The whole position is (epoch, batch within it), so
 * a checkpoint restores the stream exactly; epoch e's permutation depends only on (seed, e).
 */
public final class EpochSampler {
    private final int items;
    private final int batch;
    private final long seed;
    private long epoch;
    private int next;
    private int[] order;

    /** @param batch items per batch, 1..items */
    public EpochSampler(int items, int batch, long seed) {
        if (batch < 1 || batch > items) {
            throw new IllegalArgumentException("batch size " + batch + " must be in [1, " + items
                    + "] (the number of items)");
        }
        this.items = items;
        this.batch = batch;
        this.seed = seed;
        this.order = permutation(0);
    }

    /** Batches per epoch: floor(items / batch). */
    public int batchesPerEpoch() {
        return items / batch;
    }

    /** The next batch's item indices. */
    public int[] next() {
        if (next == batchesPerEpoch()) {
            epoch++;
            next = 0;
            order = permutation(epoch);
        }
        int[] out = new int[batch];
        System.arraycopy(order, next * batch, out, 0, batch);
        next++;
        return out;
    }

    /** (epoch, batches of it already drawn). */
    public long[] state() {
        return new long[] {epoch, next};
    }

    /** Restores a {@link #state()}; {@code source} names the checkpoint in errors. */
    public void setState(long[] state, String source) {
        if (state.length != 2 || state[0] < 0 || state[1] < 0 || state[1] > batchesPerEpoch()) {
            throw new IllegalArgumentException(source + ": sampler state must be (epoch >= 0, batch in [0, "
                    + batchesPerEpoch() + "]), got " + Arrays.toString(state));
        }
        epoch = state[0];
        next = (int) state[1];
        order = permutation(epoch);
    }

    /** Fisher–Yates shuffle of 0..items-1 with the stream derived from (seed, epoch). */
    private int[] permutation(long e) {
        Rng rng = Rng.derive(seed, e);
        int[] p = new int[items];
        for (int i = 0; i < items; i++) {
            p[i] = i;
        }
        for (int i = items - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
