package dev.topos.experiment.topoformer;

import dev.topos.data.EpochSampler;
import dev.topos.data.TokenizedSet;
import dev.topos.model.Topoformer;
import dev.topos.nn.Engine;
import dev.topos.nn.Tensors;
import dev.topos.train.Losses;
import dev.topos.train.TrainingTask;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * Training the Topoformer classifier: each update draws the next mini-batch of a seeded epoch
 * order and takes the mean cross-entropy of the class logits. Dropout draws from the engine's
 * generator, reseeded from (seed, step) before every update, so a resumed run drops the same units.
 */
public final class ClassifierTask implements TrainingTask {
    private static final String SAMPLER = "sampler";
    private final Topoformer model;
    private final TokenizedSet data;
    private final EpochSampler sampler;
    private final long seed;
    private final TokenizedSet validation;
    private final int evalBatch;

    /**
     * @param data       the training reviews
     * @param validation the validation reviews, classified whole by {@link #validate}
     * @param evalBatch  reviews per forward pass when validating
     */
    public ClassifierTask(Topoformer model, TokenizedSet data, TokenizedSet validation, int batch, int evalBatch,
                          long seed) {
        this.model = model;
        this.data = data;
        this.validation = validation;
        this.evalBatch = evalBatch;
        this.sampler = new EpochSampler(data.size(), batch, seed);
        this.seed = seed;
    }

    /** Updates per pass over the training items. */
    public int updatesPerEpoch() {
        return sampler.batchesPerEpoch();
    }

    @Override
    public Map<String, Tensor> parameters() {
        return model.parameters();
    }

    @Override
    public Loss forward(long step) {
        Engine.seed(Rng.derive(seed, step).nextLong());
        TokenizedSet.Batch b = data.batch(sampler.next());
        Tensor logits = model.forward(b.ids(), b.real(), true).logits();
        Tensor all = Tensors.ones(b.labels().shape());
        Map<String, Tensor> metrics = new LinkedHashMap<>();
        metrics.put("train_acc", Losses.correct(logits, b.labels()).mean());
        return new Loss(Losses.maskedCrossEntropy(logits, b.labels(), all), metrics);
    }

    /** {@code val_acc}: the fraction of the validation reviews classified correctly (no dropout). */
    @Override
    public Map<String, Double> validate() {
        return Map.of("val_acc", Activations.accuracy(model, validation, evalBatch));
    }

    @Override
    public Map<String, Tensor> state() {
        return Map.of(SAMPLER, Tensors.longs(sampler.state(), 2));
    }

    @Override
    public void loadState(Map<String, Tensor> saved, String source) {
        Tensor s = saved.get(SAMPLER);
        if (s == null) {
            throw new IllegalArgumentException(source + ": no sampler state '" + SAMPLER + "'");
        }
        sampler.setState(Tensors.toLongs(s), source);
    }
}
