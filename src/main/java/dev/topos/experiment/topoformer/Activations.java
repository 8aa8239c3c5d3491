package dev.topos.experiment.topoformer;

import dev.topos.data.TokenizedSet;
import dev.topos.model.SequenceClassifier;
import dev.topos.model.Topoformer;
import dev.topos.nn.Tensors;
import dev.topos.train.Losses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * Forward passes of a trained Topoformer in evaluation mode (no dropout, no autograd graph), in
 * batches, each inside its own scope so nothing outlives the batch but the numbers copied out.
 */
final class Activations {
    private Activations() {}

    /** The fraction of {@code data} classified correctly. */
    static double accuracy(SequenceClassifier model, TokenizedSet data, int batch) {
        double correct = 0;
        for (int start = 0; start < data.size(); start += batch) {
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                TokenizedSet.Batch b = data.range(start, Math.min(data.size(), start + batch));
                correct += Tensors.item(Losses.correct(model.classify(b.ids(), b.real(), false).logits(), b.labels())
                        .sum());
            }
        }
        return correct / data.size();
    }

    /**
     * Each item's activations of every layer of {@link Topoformer#LAYERS}, averaged over the item's
     * own tokens ({@link #tokenAveraged(TokenizedSet, int, List, Function)}).
     *
     * @return layer name -&gt; (items, N)
     */
    static Map<String, double[][]> tokenAveraged(Topoformer model, TokenizedSet data, int batch) {
        return tokenAveraged(data, batch, Topoformer.LAYERS, b -> model.forward(b.ids(), b.real(), false).layers());
    }

    /**
     * Each item's activations at every site a model's forward pass gives, averaged over the item's
     * own tokens: its real positions without the first and the last ({@code <bos>} and
     * {@code <eos>}, or {@code [CLS]} and {@code [SEP]}), so that a one-word item is that word in context.
     *
     * @param sites   the sites to average, each a key of what {@code forward} returns
     * @param forward a batch's activations by site, each (B, T, N), computed in evaluation mode
     * @return site -&gt; (items, N)
     */
    static Map<String, double[][]> tokenAveraged(TokenizedSet data, int batch, List<String> sites,
                                                 Function<TokenizedSet.Batch, Map<String, Tensor>> forward) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (String site : sites) {
            out.put(site, new double[data.size()][]);
        }
        int t = data.length();
        for (int start = 0; start < data.size(); start += batch) {
            int end = Math.min(data.size(), start + batch);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                TokenizedSet.Batch b = data.range(start, end);
                float[] inner = new float[(end - start) * t];
                for (int i = start; i < end; i++) {
                    int len = data.lengths()[i];
                    if (len < 3) {
                        throw new IllegalArgumentException("item " + i + " has no token between its first and last");
                    }
                    Arrays.fill(inner, (i - start) * t + 1, (i - start) * t + len - 1, 1f);
                }
                Tensor w = Tensors.floats(inner, end - start, t).unsqueeze(2);
                Tensor count = Tensors.sum(w, 1);
                Map<String, Tensor> acts = forward.apply(b);
                for (String site : sites) {
                    Tensor a = acts.get(site);
                    if (a == null) {
                        throw new IllegalArgumentException("no activations at site '" + site + "'; the model gives "
                                + acts.keySet());
                    }
                    Tensor mean = Tensors.sum(a.mul(w), 1).div(count);
                    double[] flat = Tensors.toDoubles(mean);
                    int n = (int) mean.size(1);
                    for (int i = start; i < end; i++) {
                        out.get(site)[i] = Arrays.copyOfRange(flat, (i - start) * n, (i - start + 1) * n);
                    }
                }
            }
        }
        return out;
    }
}
