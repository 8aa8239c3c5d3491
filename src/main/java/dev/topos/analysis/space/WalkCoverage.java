package dev.topos.analysis.space;

import java.util.HashSet;
import java.util.Set;

/**
 * What a walk has seen before each step: the x-axis and the reference agents of
 * {@link AccuracyCurve}.
 *
 * <p>For a walk of node ids w_0..w_{T-1}: {@link #nodes} gives, at step t, the fraction of the
 * world's nodes among w_0..w_{t-1} and whether w_t is among them (the node agent knows the
 * observation). {@link #edges} does the same for directed edges (w_{s-1} → w_s), s ≤ t - 1,
 * and the edge w_{t-1} → w_t (the edge agent knows); step 0 arrives by no edge and is unknown.
 * A self-transition (staying put) counts as an edge. Both count what was seen strictly before
 * step t, so step 0 has fraction 0.
 */
public record WalkCoverage(double[] fraction, boolean[] known) {
    private static final long NONE = Long.MIN_VALUE; // step 0 arrives by no edge

    /** Node coverage of {@code walk} in a world of {@code nodeCount} nodes. */
    public static WalkCoverage nodes(int[] walk, int nodeCount) {
        long[] keys = new long[walk.length];
        for (int t = 0; t < walk.length; t++) {
            keys[t] = walk[t];
        }
        return track(keys, nodeCount);
    }

    /** Directed-edge coverage of {@code walk} in a world of {@code edgeCount} directed edges. */
    public static WalkCoverage edges(int[] walk, int edgeCount) {
        long[] keys = new long[walk.length];
        if (walk.length > 0) {
            keys[0] = NONE;
        }
        for (int t = 1; t < walk.length; t++) {
            keys[t] = ((long) walk[t - 1] << 32) | (walk[t] & 0xFFFFFFFFL);
        }
        return track(keys, edgeCount);
    }

    private static WalkCoverage track(long[] keys, int total) {
        if (total <= 0) {
            throw new IllegalArgumentException("total must be positive, got " + total);
        }
        double[] fraction = new double[keys.length];
        boolean[] known = new boolean[keys.length];
        Set<Long> seen = new HashSet<>();
        for (int t = 0; t < keys.length; t++) {
            fraction[t] = seen.size() / (double) total;
            if (keys[t] != NONE) {
                known[t] = !seen.add(keys[t]);
            }
            if (seen.size() > total) {
                throw new IllegalArgumentException("walk sees more than " + total + " distinct items by step " + t);
            }
        }
        return new WalkCoverage(fraction, known);
    }
}
