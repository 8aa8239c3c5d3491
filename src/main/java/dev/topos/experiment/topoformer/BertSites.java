package dev.topos.experiment.topoformer;

import dev.topos.data.TokenizedSet;
import dev.topos.data.text.BertWordPiece;
import dev.topos.model.TopoformerBert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * The sites of a Topoformer-BERT a probe reads: {@code layer<l>.<site>} for every layer l and every
 * site of {@link TopoformerBert#LAYERS} (query, key, value, attention output, FFN output), and
 * texts encoded for it.
 */
final class BertSites {
    private BertSites() {}

    /** {@code layer<l>.<site>}, layers in order, sites in {@link TopoformerBert#LAYERS}' order within each. */
    static List<String> of(int layers) {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (String site : TopoformerBert.LAYERS) {
                out.add(name(l, site));
            }
        }
        return out;
    }

    static String name(int layer, String site) {
        return "layer" + layer + "." + site;
    }

    /**
     * The activations of every site in evaluation mode, by {@link #name}; the encoder only, so no
     * logits over the vocabulary are formed.
     */
    static Map<String, Tensor> forward(TopoformerBert model, TokenizedSet.Batch b) {
        List<Map<String, Tensor>> layers = model.encode(b.ids(), b.real(), false).layers();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            for (Map.Entry<String, Tensor> e : layers.get(l).entrySet()) {
                out.put(name(l, e.getKey()), e.getValue());
            }
        }
        return out;
    }

    /**
     * Texts as {@code [CLS]} pieces {@code [SEP]}, padded with {@code [PAD]} to the longest (at most
     * {@code maxLength}); labels as given.
     */
    static TokenizedSet encode(List<String> texts, int[] labels, BertWordPiece tokenizer, int maxLength) {
        List<int[]> pieces = texts.stream().map(tokenizer::encode).toList();
        int length = Math.min(maxLength, pieces.stream().mapToInt(p -> p.length + 2).max().orElse(2));
        int[][] ids = new int[texts.size()][];
        int[] lengths = new int[texts.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokenizer.sequence(pieces.get(i), length);
            lengths[i] = BertWordPiece.realLength(pieces.get(i).length, length);
        }
        return new TokenizedSet(ids, lengths, labels);
    }
}
