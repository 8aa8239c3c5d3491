package dev.topos.experiment.topoformer;

import dev.topos.data.TokenizedSet;
import dev.topos.model.SpatialLossConfig;
import dev.topos.model.SequenceClassifier;
import dev.topos.nn.Tensors;
import dev.topos.train.Losses;
import dev.topos.train.SampledTask;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * Training a sequence classifier (the 1-layer Topoformer, or a pretrained Topoformer-BERT being
 * fine-tuned): each update draws the next mini-batch of a seeded epoch
 * order and takes the mean cross-entropy of the class logits. Dropout draws from the engine's
 * generator, reseeded from (seed, step) before every update, so a resumed run drops the same units.
 * With TopoLM's spatial loss on ({@code model.spatial_loss.alpha} &gt; 0) the loss is cross-entropy +
 * alpha SL over the layers' outputs ({@link SpatialLossConfig}), both logged.
 */
public final class ClassifierTask extends SampledTask {
    /** Label that derives the generator of the spatial loss's neighbourhoods from the seed. */
    private static final long SPATIAL = 0x73706C;
    private final SequenceClassifier model;
    private final TokenizedSet data;
    private final TokenizedSet validation;
    private final int evalBatch;

    /**
     * @param data       the training reviews
     * @param validation the validation reviews, classified whole by {@link #validate}
     * @param evalBatch  reviews per forward pass when validating
     */
    public ClassifierTask(SequenceClassifier model, TokenizedSet data, TokenizedSet validation, int batch, int evalBatch,
                          long seed) {
        super(model.parameters(), data.size(), batch, seed);
        this.model = model;
        this.data = data;
        this.validation = validation;
        this.evalBatch = evalBatch;
    }

    @Override
    public Loss forward(long step) {
        TokenizedSet.Batch b = data.batch(next(step));
        SequenceClassifier.Classified out = model.classify(b.ids(), b.real(), true);
        Tensor logits = out.logits();
        Tensor all = Tensors.ones(b.labels().shape());
        Map<String, Tensor> metrics = new LinkedHashMap<>();
        metrics.put("train_acc", Losses.correct(logits, b.labels()).mean());
        Tensor ce = Losses.maskedCrossEntropy(logits, b.labels(), all);
        SpatialLossConfig spatial = model.spatialLoss();
        if (!spatial.on()) {
            return new Loss(ce, metrics);
        }
        Tensor sl = spatial.loss(out.layers(), model.sheet(), Rng.derive(Rng.derive(seed, SPATIAL).nextLong(),
                step));
        metrics.put("ce_loss", ce);
        metrics.put("spatial_loss", sl);
        return new Loss(ce.add(Tensors.mul(sl, spatial.alpha())), metrics);
    }

    /** {@code val_acc}: the fraction of the validation reviews classified correctly (no dropout). */
    @Override
    public Map<String, Double> validate() {
        return Map.of("val_acc", Activations.accuracy(model, validation, evalBatch));
    }
}
