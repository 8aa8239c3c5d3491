package dev.topos.experiment.topoformer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.topos.data.EpochSampler;
import dev.topos.data.TokenizedSet;
import dev.topos.model.Topoformer;
import dev.topos.train.Losses;
import dev.topos.train.TrainingTask;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private final NDManager manager;
    private final long seed;

    public ClassifierTask(Topoformer model, TokenizedSet data, int batch, long seed, NDManager manager) {
        this.model = model;
        this.data = data;
        this.sampler = new EpochSampler(data.size(), batch, seed);
        this.manager = manager;
        this.seed = seed;
    }

    /** Updates per pass over the training items. */
    public int updatesPerEpoch() {
        return sampler.batchesPerEpoch();
    }

    @Override
    public Map<String, Parameter> parameters() {
        return model.parameters();
    }

    @Override
    public Loss forward(long step) {
        Engine.getInstance().setRandomSeed((int) Rng.derive(seed, step).nextLong());
        TokenizedSet.Batch b = data.batch(manager, sampler.next());
        NDArray logits = model.forward(b.ids(), b.real(), true).logits();
        NDArray all = manager.ones(b.labels().getShape());
        Map<String, NDArray> metrics = new LinkedHashMap<>();
        metrics.put("train_acc", Losses.correct(logits, b.labels()).mean());
        return new Loss(Losses.maskedCrossEntropy(logits, b.labels(), all), metrics);
    }

    @Override
    public Map<String, NDArray> state() {
        return Map.of(SAMPLER, manager.create(sampler.state()));
    }

    @Override
    public void loadState(Map<String, NDArray> saved, String source) {
        NDArray s = saved.get(SAMPLER);
        if (s == null) {
            throw new IllegalArgumentException(source + ": no sampler state '" + SAMPLER + "'");
        }
        sampler.setState(s.toLongArray(), source);
    }
}
