package dev.topos.experiment.topoformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import dev.topos.data.TokenizedSet;
import dev.topos.model.Topoformer;
import dev.topos.train.Losses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forward passes of a trained Topoformer in evaluation mode (no dropout), in batches, each inside
 * its own scope so nothing outlives the batch but the numbers copied out.
 */
final class Activations {
    private Activations() {}

    /** The fraction of {@code data} classified correctly. */
    static double accuracy(Topoformer model, TokenizedSet data, int batch, NDManager manager) {
        double correct = 0;
        for (int start = 0; start < data.size(); start += batch) {
            try (NDScope ignored = new NDScope()) {
                TokenizedSet.Batch b = data.range(manager, start, Math.min(data.size(), start + batch));
                correct += Losses.correct(model.forward(b.ids(), b.real(), false).logits(), b.labels()).sum().getFloat();
            }
        }
        return correct / data.size();
    }

    /**
     * Each item's activations of every layer of {@link Topoformer#LAYERS}, averaged over the item's
     * own tokens: its real positions without {@code <bos>} and {@code <eos>} (the first and last real
     * ones), so that a one-word item is that word in context.
     *
     * @return layer name -&gt; (items, N)
     */
    static Map<String, double[][]> tokenAveraged(Topoformer model, TokenizedSet data, int batch, NDManager manager) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (String layer : Topoformer.LAYERS) {
            out.put(layer, new double[data.size()][]);
        }
        int t = data.length();
        for (int start = 0; start < data.size(); start += batch) {
            int end = Math.min(data.size(), start + batch);
            try (NDScope ignored = new NDScope()) {
                TokenizedSet.Batch b = data.range(manager, start, end);
                float[] inner = new float[(end - start) * t];
                for (int i = start; i < end; i++) {
                    int len = data.lengths()[i];
                    if (len < 3) {
                        throw new IllegalArgumentException("item " + i + " has no token between <bos> and <eos>");
                    }
                    Arrays.fill(inner, (i - start) * t + 1, (i - start) * t + len - 1, 1f);
                }
                NDArray w = manager.create(inner, b.real().getShape()).expandDims(2);
                NDArray count = w.sum(new int[] {1});
                Map<String, NDArray> layers = model.forward(b.ids(), b.real(), false).layers();
                for (String layer : Topoformer.LAYERS) {
                    NDArray mean = layers.get(layer).mul(w).sum(new int[] {1}).div(count);
                    double[] flat = mean.toType(DataType.FLOAT64, false).toDoubleArray();
                    int n = (int) mean.getShape().get(1);
                    for (int i = start; i < end; i++) {
                        out.get(layer)[i] = Arrays.copyOfRange(flat, (i - start) * n, (i - start + 1) * n);
                    }
                }
            }
        }
        return out;
    }
}
