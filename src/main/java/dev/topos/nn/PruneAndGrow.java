package dev.topos.nn;

import dev.topos.geometry.Neighbours;
import dev.topos.geometry.Sheet;
import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Prune-and-grow rewiring of a sparse source table (Columnformer spec section 6: "periodically drop
 * the weakest connections by mean attention and regrow"), in the manner of sparse evolutionary
 * training (Mocanu et al. 2018, Nat. Commun. 9:2383): in every row, the {@code fraction} of
 * sources with the smallest mean attention are dropped and as many new sources are drawn uniformly
 * from the columns the row does not read yet. A column's own slot (source 0, itself) is never
 * dropped, so every column keeps its self-connection.
 *
 * @param fraction share of each row's non-self sources replaced, in (0, 1)
 */
public record PruneAndGrow(double fraction) {
    public PruneAndGrow {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("prune fraction must be in (0, 1), got " + fraction);
        }
    }

    /** Sources replaced per row of K: round(fraction (K - 1)). */
    public int perRow(int k) {
        return (int) Math.round(fraction * (k - 1));
    }

    /**
     * @param table         the current sources
     * @param meanAttention N x K mean attention of each source over recent updates
     * @param sheet         gives the distances of the new sources
     * @return the rewired table; sources not replaced keep their slot
     */
    public Neighbours apply(Neighbours table, double[][] meanAttention, Sheet sheet, Rng rng) {
        int n = table.size();
        int k = table.perRow();
        if (meanAttention.length != n || meanAttention[0].length != k) {
            throw new IllegalArgumentException("mean attention must be " + n + " x " + k + " like the source table, got "
                    + meanAttention.length + " x " + meanAttention[0].length);
        }
        int drop = perRow(k);
        if (drop > 0 && k >= n) {
            throw new IllegalArgumentException("every column already reads all " + n + " columns; nothing to regrow");
        }
        int[][] index = new int[n][];
        double[][] distance = new double[n][];
        for (int i = 0; i < n; i++) {
            index[i] = table.index()[i].clone();
            distance[i] = table.distance()[i].clone();
            if (drop == 0) {
                continue;
            }
            double[] weight = meanAttention[i];
            Integer[] slots = new Integer[k - 1];
            Arrays.setAll(slots, s -> s + 1);
            Arrays.sort(slots, (a, b) -> Double.compare(weight[a], weight[b]));
            boolean[] dropped = new boolean[k];
            for (int d = 0; d < drop; d++) {
                dropped[slots[d]] = true;
            }
            Set<Integer> reading = new HashSet<>();
            for (int s = 0; s < k; s++) {
                reading.add(index[i][s]);
            }
            for (int s = 1; s < k; s++) {
                if (dropped[s]) {
                    int c;
                    do {
                        c = rng.nextInt(n);
                    } while (reading.contains(c));
                    reading.add(c);
                    index[i][s] = c;
                    distance[i][s] = sheet.between(i, c);
                }
            }
        }
        return new Neighbours(index, distance);
    }
}
