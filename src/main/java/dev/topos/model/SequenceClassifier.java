package dev.topos.model;

import dev.topos.geometry.Sheet;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * A model that labels token sequences: the 1-layer {@link Topoformer}, or a pretrained
 * {@link TopoformerBert} with a classification head ({@link BertClassifier}). What a classification
 * task trains and evaluates.
 */
public interface SequenceClassifier {
    /** Trainable parameters under their module-tree names. */
    Map<String, Tensor> parameters();

    /**
     * @param ids      (B, T) token ids
     * @param real     (B, T) 1 for real tokens, 0 for padding
     * @param training whether dropout is on
     */
    Classified classify(Tensor ids, Tensor real, boolean training);

    /** The spatial loss training adds on {@link Classified#layers} ({@link SpatialLossConfig#OFF} for none). */
    SpatialLossConfig spatialLoss();

    /** The sheet the layers' units live on. */
    Sheet sheet();

    /**
     * @param logits (B, classes)
     * @param layers per layer, activations by site, each (B, T, N)
     */
    record Classified(Tensor logits, List<Map<String, Tensor>> layers) {}
}
