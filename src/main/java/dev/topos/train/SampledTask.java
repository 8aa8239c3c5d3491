package dev.topos.train;

import dev.topos.data.EpochSampler;
import dev.topos.nn.Engine;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * A training task whose every update takes the next mini-batch of a seeded epoch order
 * ({@link EpochSampler}) and may draw from the engine's generator (dropout, masks): {@link #next}
 * reseeds that generator from (seed, step) before handing out the batch, and the sampler's position
 * is the task's checkpointed state ({@value #SAMPLER}), so a resumed run draws and drops exactly as
 * an uninterrupted one.
 */
public abstract class SampledTask implements TrainingTask {
    /** The sampler's entry among the task's state tensors. */
    public static final String SAMPLER = "sampler";
    private final Map<String, Tensor> parameters;
    private final EpochSampler sampler;
    /** The task's seed: the epoch orders and the per-update engine seeds derive from it. */
    protected final long seed;

    /**
     * @param parameters the model's trainable parameters, by module-tree name
     * @param items      the training items the batches are drawn from
     * @param batch      items per update
     */
    protected SampledTask(Map<String, Tensor> parameters, int items, int batch, long seed) {
        this.parameters = parameters;
        this.sampler = new EpochSampler(items, batch, seed);
        this.seed = seed;
    }

    @Override
    public final Map<String, Tensor> parameters() {
        return parameters;
    }

    /** Updates per pass over the training items. */
    public final int updatesPerEpoch() {
        return sampler.batchesPerEpoch();
    }

    /** Reseeds the engine's generator for update {@code step} and returns that update's item indices. */
    protected final int[] next(long step) {
        Engine.seed(Rng.derive(seed, step).nextLong());
        return sampler.next();
    }

    /** The sampler's position; a task with more state adds to it. */
    @Override
    public Map<String, Tensor> state() {
        long[] s = sampler.state();
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(SAMPLER, Tensors.longs(s, s.length));
        return out;
    }

    /** Restores the sampler's position; a task with more state restores that too. */
    @Override
    public void loadState(Map<String, Tensor> saved, String source) {
        Tensor s = saved.get(SAMPLER);
        if (s == null) {
            throw new IllegalArgumentException(source + ": no sampler state '" + SAMPLER + "'");
        }
        sampler.setState(Tensors.toLongs(s), source);
    }
}
