package dev.topos.experiment.columnformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.topos.geometry.Neighbours;
import dev.topos.geometry.Sheet;
import dev.topos.nn.ColumnSheet;
import dev.topos.nn.PruneAndGrow;
import dev.topos.nn.SparseColumnAttention;
import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prune-and-grow during training (spec section 6): sums each sparse sheet's attention per source over
 * the updates since the last rewiring and, every {@code every} updates, replaces the weakest
 * sources ({@link PruneAndGrow}). Its tables and sums are checkpointed so a resumed run rewires the
 * same way.
 */
final class Rewiring {
    private final List<SparseColumnAttention> attentions;
    private final Sheet sheet;
    private final PruneAndGrow rule;
    private final int every;
    private final long seed;
    private final double[][][] sums;
    private long observed;

    Rewiring(List<ColumnSheet> sheets, Sheet sheet, ColumnformerStudyConfig.Rewire cfg, long seed) {
        this.attentions = sheets.stream().map(s -> (SparseColumnAttention) s.attention()).toList();
        this.sheet = sheet;
        this.rule = new PruneAndGrow(cfg.fraction());
        this.every = cfg.every();
        this.seed = seed;
        Neighbours t = attentions.get(0).table();
        sums = new double[attentions.size()][t.size()][t.perRow()];
    }

    /** Adds one update's attention, (B, h, N, K) per step; a non-recurrent stack has one sheet per step. */
    void observe(List<NDArray> weights) {
        for (int t = 0; t < weights.size(); t++) {
            double[][] sum = sums[attentions.size() == 1 ? 0 : t];
            float[] mean = weights.get(t).mean(new int[] {0}).mean(new int[] {0}).toFloatArray();
            int k = sum[0].length;
            for (int i = 0; i < sum.length; i++) {
                for (int s = 0; s < k; s++) {
                    sum[i][s] += mean[i * k + s];
                }
            }
        }
        observed++;
    }

    /** Rewires every sheet if {@code step} is a rewiring step (a positive multiple of every). */
    void maybeRewire(long step) {
        if (step == 0 || step % every != 0 || observed == 0) {
            return;
        }
        for (int a = 0; a < attentions.size(); a++) {
            SparseColumnAttention att = attentions.get(a);
            att.rewire(rule.apply(att.table(), sums[a], sheet, Rng.derive(seed, step * 31 + a)));
            for (double[] row : sums[a]) {
                Arrays.fill(row, 0);
            }
        }
        observed = 0;
    }

    Map<String, NDArray> state(NDManager manager) {
        Map<String, NDArray> out = new TreeMap<>();
        for (int a = 0; a < attentions.size(); a++) {
            Neighbours t = attentions.get(a).table();
            int[] flat = new int[t.size() * t.perRow()];
            double[] d = new double[flat.length];
            double[] s = new double[flat.length];
            for (int i = 0; i < t.size(); i++) {
                for (int k = 0; k < t.perRow(); k++) {
                    flat[i * t.perRow() + k] = t.index()[i][k];
                    d[i * t.perRow() + k] = t.distance()[i][k];
                    s[i * t.perRow() + k] = sums[a][i][k];
                }
            }
            Shape shape = new Shape(t.size(), t.perRow());
            out.put("sources" + a, manager.create(flat, shape));
            out.put("distances" + a, manager.create(d, shape));
            out.put("attention_sums" + a, manager.create(s, shape));
        }
        out.put("observed", manager.create(new long[] {observed}));
        return out;
    }

    void loadState(Map<String, NDArray> saved, String source) {
        for (int a = 0; a < attentions.size(); a++) {
            NDArray index = require(saved, "sources" + a, source);
            NDArray distance = require(saved, "distances" + a, source);
            NDArray sum = require(saved, "attention_sums" + a, source);
            int n = (int) index.getShape().get(0);
            int k = (int) index.getShape().get(1);
            int[] flat = index.toIntArray();
            double[] d = distance.toDoubleArray();
            double[] s = sum.toDoubleArray();
            int[][] rows = new int[n][k];
            double[][] dist = new double[n][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    rows[i][j] = flat[i * k + j];
                    dist[i][j] = d[i * k + j];
                    sums[a][i][j] = s[i * k + j];
                }
            }
            attentions.get(a).use(new Neighbours(rows, dist));
        }
        observed = require(saved, "observed", source).toLongArray()[0];
    }

    private static NDArray require(Map<String, NDArray> saved, String name, String source) {
        NDArray a = saved.get(name);
        if (a == null) {
            throw new IllegalArgumentException(source + ": no rewiring state '" + name + "'");
        }
        return a;
    }
}
