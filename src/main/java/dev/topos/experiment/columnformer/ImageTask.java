package dev.topos.experiment.columnformer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.topos.data.EpochSampler;
import dev.topos.model.Columnformer;
import dev.topos.train.Checkpoints;
import dev.topos.train.Losses;
import dev.topos.train.TrainingTask;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training a Columnformer on images (spec section 7): each update draws the next mini-batch of a
 * seeded epoch order and minimises the task loss plus the wiring cost,
 *
 * <pre>
 *   L = L_task + L_w        L_task: masked-patch MSE ({@link PatchMasks}) or cross-entropy of the classes
 * </pre>
 *
 * logging the task loss, the wiring cost and the wiring length every update. Masks draw from the
 * engine's generator, reseeded from (seed, step) before every update, so a resumed run masks the
 * same patches.
 */
final class ImageTask implements TrainingTask {
    private static final String SAMPLER = "sampler";
    private static final String REWIRE = "rewire.";
    private final Columnformer model;
    private final ImageInputs inputs;
    private final ColumnformerStudyConfig cfg;
    private final EpochSampler sampler;
    private final NDManager manager;
    private final Rewiring rewiring;

    ImageTask(Columnformer model, ImageInputs inputs, ColumnformerStudyConfig cfg, NDManager manager) {
        this.model = model;
        this.inputs = inputs;
        this.cfg = cfg;
        this.sampler = new EpochSampler(inputs.train().size(), cfg.batch(), cfg.seed());
        this.manager = manager;
        this.rewiring = cfg.rewire().every() > 0
                ? new Rewiring(model.sheets(), model.sheet(), cfg.rewire(), cfg.seed()) : null;
    }

    int updatesPerEpoch() {
        return sampler.batchesPerEpoch();
    }

    @Override
    public Map<String, Parameter> parameters() {
        return model.parameters();
    }

    /** Learned positions are not decayed either: decay would pull every column to the origin. */
    @Override
    public boolean noDecay(String name) {
        return TrainingTask.super.noDecay(name) || name.endsWith("positions");
    }

    @Override
    public Loss forward(long step) {
        if (rewiring != null) {
            rewiring.maybeRewire(step);
        }
        Engine.getInstance().setRandomSeed((int) Rng.derive(cfg.seed(), step).nextLong());
        ImageInputs.Batch b = inputs.batch(inputs.train(), sampler.next(), manager);
        Map<String, NDArray> metrics = new LinkedHashMap<>();
        NDArray taskLoss;
        Columnformer.Output out;
        if (cfg.mim()) {
            long[] s = b.patches().getShape().getShape();
            NDArray keep = PatchMasks.keep(manager, (int) s[0], (int) s[1], cfg.maskRatio());
            out = model.forward(b.patches(), keep);
            taskLoss = PatchMasks.loss(model.reconstruct(out), b.patches(), keep);
            metrics.put("mim_loss", taskLoss);
        } else {
            out = model.forward(b.patches(), null);
            NDArray logits = model.classify(out);
            taskLoss = Losses.maskedCrossEntropy(logits, b.labels(), manager.ones(b.labels().getShape()));
            metrics.put("ce_loss", taskLoss);
            metrics.put("train_acc", Losses.correct(logits, b.labels()).mean());
        }
        Columnformer.Wiring w = model.wiring(out);
        metrics.put("wiring_cost", w.cost());
        metrics.put("wiring_length", w.length());
        if (model.positions() != null) {
            metrics.put("repulsion", w.repulsion());
        }
        if (rewiring != null) {
            rewiring.observe(out.weights());
        }
        return new Loss(taskLoss.add(w.cost()), metrics);
    }

    @Override
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        out.put(SAMPLER, manager.create(sampler.state()));
        if (rewiring != null) {
            rewiring.state(manager).forEach((k, v) -> out.put(REWIRE + k, v));
        }
        return out;
    }

    @Override
    public void loadState(Map<String, NDArray> saved, String source) {
        NDArray s = saved.get(SAMPLER);
        if (s == null) {
            throw new IllegalArgumentException(source + ": no sampler state '" + SAMPLER + "'");
        }
        sampler.setState(s.toLongArray(), source);
        if (rewiring != null) {
            rewiring.loadState(Checkpoints.under(saved, REWIRE), source);
        }
    }
}
