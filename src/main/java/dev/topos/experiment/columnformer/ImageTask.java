package dev.topos.experiment.columnformer;

import dev.topos.model.Columnformer;
import dev.topos.nn.Tensors;
import dev.topos.train.Checkpoints;
import dev.topos.train.Losses;
import dev.topos.train.SampledTask;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

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
 * same patches. Learned positions get no weight decay (decay would pull every column to the
 * origin): their name, {@code geometry.positions}, is among the training config's exemptions.
 */
final class ImageTask extends SampledTask {
    private static final String REWIRE = "rewire.";
    private final Columnformer model;
    private final ImageInputs inputs;
    private final ColumnformerStudyConfig cfg;
    private final Rewiring rewiring;

    ImageTask(Columnformer model, ImageInputs inputs, ColumnformerStudyConfig cfg) {
        super(model.parameters(), inputs.train().size(), cfg.batch(), cfg.seed());
        this.model = model;
        this.inputs = inputs;
        this.cfg = cfg;
        this.rewiring = cfg.rewire().every() > 0
                ? new Rewiring(model.sheets(), model.sheet(), cfg.rewire(), cfg.seed()) : null;
    }

    @Override
    public Loss forward(long step) {
        if (rewiring != null) {
            rewiring.maybeRewire(step);
        }
        ImageInputs.Batch b = inputs.batch(inputs.train(), next(step));
        Map<String, Tensor> metrics = new LinkedHashMap<>();
        Tensor taskLoss;
        Columnformer.Output out;
        if (cfg.mim()) {
            Tensor patches = b.patches();
            Tensor keep = PatchMasks.keep((int) patches.size(0), (int) patches.size(1), cfg.maskRatio());
            out = model.forward(b.patches(), keep);
            taskLoss = PatchMasks.loss(model.reconstruct(out), b.patches(), keep);
            metrics.put("mim_loss", taskLoss);
        } else {
            out = model.forward(b.patches(), null);
            Tensor logits = model.classify(out);
            taskLoss = Losses.maskedCrossEntropy(logits, b.labels(), Tensors.ones(b.labels().shape()));
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

    /**
     * The validation split's accuracy or masked-patch MSE; evaluation masks are seeded apart from
     * training's, and training reseeds before every update.
     */
    @Override
    public Map<String, Double> validate() {
        return Evaluation.validation(model, inputs, cfg);
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> out = super.state();
        if (rewiring != null) {
            rewiring.state().forEach((k, v) -> out.put(REWIRE + k, v));
        }
        return out;
    }

    @Override
    public void loadState(Map<String, Tensor> saved, String source) {
        super.loadState(saved, source);
        if (rewiring != null) {
            rewiring.loadState(Checkpoints.under(saved, REWIRE), source);
        }
    }
}
