package dev.topos.geometry;

import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A fixed number of source units per unit: the wiring table of sparse attention (Columnformer spec
 * section 6). Row n lists the units n reads from, {@code index[n][k]}, and their distances
 * {@code distance[n][k]} = D[n][index[n][k]].
 *
 * <p>{@link #nearest} builds the table from rows of the metric ({@link Sheet#distancesFrom}), never
 * the N x N matrix, so it scales to sheets of 10^5 units in O(N^2) time and O(N k) memory.
 *
 * @param index    N x K source units; within a row all distinct
 * @param distance N x K distances to them
 */
public record Neighbours(int[][] index, double[][] distance) {
    public Neighbours {
        if (index.length == 0 || index.length != distance.length) {
            throw new IllegalArgumentException("index and distance need the same number >= 1 of rows, got "
                    + index.length + " and " + distance.length);
        }
        int k = index[0].length;
        for (int n = 0; n < index.length; n++) {
            if (index[n].length != k || distance[n].length != k || k == 0) {
                throw new IllegalArgumentException("row " + n + " has " + index[n].length + " sources and "
                        + distance[n].length + " distances; every row needs the same K >= 1 (row 0 has " + k + ")");
            }
        }
    }

    /**
     * Each unit's {@code k} nearest units, itself included (ties broken by lower index), followed by
     * {@code longRange} further units drawn uniformly from the rest (seeded), as in the note's
     * "local sparse attention over the k nearest columns (+ optional few long-range ones)".
     *
     * @param k         nearest units per row, in [1, N]
     * @param longRange extra random units per row, in [0, N - k]
     */
    public static Neighbours nearest(Sheet sheet, int k, int longRange, Rng rng) {
        int size = sheet.size();
        Require.inRange("k (nearest units per row)", k, 1, size);
        Require.inRange("long_range (random far units per row)", longRange, 0, size - k);
        long[] seeds = IntStream.range(0, size).mapToLong(n -> rng.nextLong()).toArray();
        int[][] index = new int[size][];
        double[][] distance = new double[size][];
        IntStream.range(0, size).parallel().forEach(n -> {
            double[] row = sheet.distancesFrom(n);
            int[] chosen = closest(row, n, k);
            int[] all = Arrays.copyOf(chosen, k + longRange);
            boolean[] taken = new boolean[size];
            for (int c : chosen) {
                taken[c] = true;
            }
            Rng local = new Rng(seeds[n]);
            for (int r = k; r < all.length; r++) {
                int c;
                do {
                    c = local.nextInt(size);
                } while (taken[c]);
                taken[c] = true;
                all[r] = c;
            }
            index[n] = all;
            distance[n] = Arrays.stream(all).mapToDouble(c -> row[c]).toArray();
        });
        return new Neighbours(index, distance);
    }

    /** N, the number of rows. */
    public int size() {
        return index.length;
    }

    /** K, the number of sources per row. */
    public int perRow() {
        return index[0].length;
    }

    /**
     * The k smallest entries of row by (distance, index), unit {@code self} first: one pass keeping
     * a sorted list of the best k - 1 others, O(N k) at worst and O(N) for most rows.
     */
    private static int[] closest(double[] row, int self, int k) {
        int[] best = new int[k];
        best[0] = self;
        int filled = 1;
        for (int n = 0; n < row.length && k > 1; n++) {
            if (n == self || (filled == k && !before(row, n, best[k - 1]))) {
                continue;
            }
            int at = filled == k ? k - 1 : filled++;
            while (at > 1 && before(row, n, best[at - 1])) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = n;
        }
        return best;
    }

    private static boolean before(double[] row, int a, int b) {
        int byDistance = Double.compare(row[a], row[b]);
        return byDistance != 0 ? byDistance < 0 : a < b;
    }
}
