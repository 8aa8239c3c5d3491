package dev.topos.experiment.columnformer;

import dev.topos.geometry.Neighbours;
import dev.topos.geometry.Sheet;
import dev.topos.nn.ColumnSheet;
import dev.topos.nn.PruneAndGrow;
import dev.topos.nn.SparseColumnAttention;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.pytorch.Tensor;

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
    void observe(List<Tensor> weights) {
        for (int t = 0; t < weights.size(); t++) {
            double[][] sum = sums[attentions.size() == 1 ? 0 : t];
            float[] mean = Tensors.toFloats(Tensors.mean(weights.get(t), 0, 1)); // over images and heads
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

    /** Per sheet a: its sources (int64), their distances and the attention sums (float64), all N x K. */
    Map<String, Tensor> state() {
        Map<String, Tensor> out = new TreeMap<>();
        for (int a = 0; a < attentions.size(); a++) {
            Neighbours t = attentions.get(a).table();
            long[] flat = new long[t.size() * t.perRow()];
            double[] d = new double[flat.length];
            double[] s = new double[flat.length];
            for (int i = 0; i < t.size(); i++) {
                for (int k = 0; k < t.perRow(); k++) {
                    flat[i * t.perRow() + k] = t.index()[i][k];
                    d[i * t.perRow() + k] = t.distance()[i][k];
                    s[i * t.perRow() + k] = sums[a][i][k];
                }
            }
            out.put("sources" + a, Tensors.longs(flat, t.size(), t.perRow()));
            out.put("distances" + a, Tensors.doubles(d, t.size(), t.perRow()));
            out.put("attention_sums" + a, Tensors.doubles(s, t.size(), t.perRow()));
        }
        out.put("observed", Tensors.longs(new long[] {observed}, 1));
        return out;
    }

    void loadState(Map<String, Tensor> saved, String source) {
        for (int a = 0; a < attentions.size(); a++) {
            Tensor index = require(saved, "sources" + a, source);
            Tensor distance = require(saved, "distances" + a, source);
            Tensor sum = require(saved, "attention_sums" + a, source);
            int n = (int) index.size(0);
            int k = (int) index.size(1);
            int[] flat = Tensors.toInts(index);
            double[] d = Tensors.toDoubles(distance);
            double[] s = Tensors.toDoubles(sum);
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
        observed = Tensors.toLongs(require(saved, "observed", source))[0];
    }

    private static Tensor require(Map<String, Tensor> saved, String name, String source) {
        Tensor a = saved.get(name);
        if (a == null) {
            throw new IllegalArgumentException(source + ": no rewiring state '" + name + "'");
        }
        return a;
    }
}
