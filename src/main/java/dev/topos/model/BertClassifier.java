package dev.topos.model;

import dev.topos.geometry.Sheet;
import dev.topos.nn.Dense;
import dev.topos.nn.Dropout;
import dev.topos.nn.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * A pretrained {@link TopoformerBert} fine-tuned to label sequences, with BERT's classification head
 * (Devlin et al. 2019, §4.1): the final-normed encoder output at {@code [CLS]}, a tanh pooler and a
 * linear classifier,
 * <pre>
 *   logits = W_c dropout(tanh(W_p z[CLS] + b_p)) + b_c
 * </pre>
 * The encoder's parameters are named as in the pretrained model under {@code bert.}; the head's are
 * new. The MLM head stays in the module tree, unused (its gradients are zero).
 */
public final class BertClassifier extends Module implements SequenceClassifier {
    private final TopoformerBert bert;
    private final Dense pooler;
    private final Dense classifier;
    private final double dropout;

    /**
     * @param bert    the pretrained encoder (its weights already loaded)
     * @param classes output classes
     */
    public BertClassifier(TopoformerBert bert, int classes) {
        this.bert = child("bert", bert);
        int n = bert.config().width();
        this.pooler = child("pooler", new Dense(n, n, true));
        this.classifier = child("classifier", new Dense(n, classes, true));
        this.dropout = bert.config().dropout();
    }

    /** The encoder. */
    public TopoformerBert bert() {
        return bert;
    }

    @Override
    public Classified classify(Tensor ids, Tensor real, boolean training) {
        TopoformerBert.Encoded e = bert.encode(ids, real, training);
        Tensor cls = e.hidden().select(1, 0);
        Tensor logits = classifier.apply(Dropout.apply(pooler.apply(cls).tanh(), dropout, training));
        return new Classified(logits, e.layers());
    }

    /** Fine-tuning adds no spatial loss. */
    @Override
    public SpatialLossConfig spatialLoss() {
        return SpatialLossConfig.OFF;
    }

    @Override
    public Sheet sheet() {
        return bert.sheet();
    }
}
