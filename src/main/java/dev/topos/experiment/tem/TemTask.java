package dev.topos.experiment.tem;

import dev.topos.data.grid.WalkChunk;
import dev.topos.data.grid.WalkStream;
import dev.topos.model.Carry;
import dev.topos.model.WalkBatch;
import dev.topos.model.WalkPredictor;
import dev.topos.nn.Tensors;
import dev.topos.train.AdamW;
import dev.topos.train.Losses;
import dev.topos.train.TrainingTask;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.bytedeco.pytorch.Tensor;

/**
 * Training a walk model (spec tem-t.md §1): each update walks every slot {@code chunk} steps
 * further, predicts each step's observation, and takes the cross-entropy only on steps whose node
 * was visited before in the current world (the rest cannot be predicted). The model's state and
 * memory are carried, detached, to the next chunk; n_restart is annealed from max to min.
 */
public final class TemTask implements TrainingTask {
    private static final String STREAM = "walk_stream";
    private static final String CARRY = "carry.";
    /** The tensors the weights' L2 covers: those weight decay would (rank 2 or more), none exempt. */
    private static final BiPredicate<String, Tensor> WEIGHTS = AdamW.decayRule(name -> false);
    private final TemConfig cfg;
    private final WalkPredictor model;
    private WalkStream stream;
    private Carry carry;

    public TemTask(TemConfig cfg, WalkPredictor model) {
        this.cfg = cfg;
        this.model = model;
        this.stream = new WalkStream(cfg.walkConfig());
        this.carry = model.initialCarry(cfg.world().batch());
    }

    @Override
    public Map<String, Tensor> parameters() {
        return model.parameters();
    }

    @Override
    public Loss forward(long step) {
        WalkChunk chunk = stream.next(cfg.walk().chunk(), cfg.walk().restart(step));
        WalkBatch batch = WalkBatch.of(chunk.obs, chunk.actionIn, chunk.worldStart, chunk.worldId);
        WalkPredictor.Prediction p = model.forward(carry, batch);
        Tensor visited = TemArrays.mask(chunk.visited);
        Tensor zeroShot = TemArrays.mask(chunk.zeroShot);
        Tensor correct = Losses.correct(p.logits(), batch.obs());
        Map<String, Tensor> metrics = new LinkedHashMap<>();
        metrics.put("acc_visited", Losses.maskedMean(correct, visited));
        metrics.put("acc_zero_shot", Losses.maskedMean(correct, zeroShot));
        metrics.put("restart", Tensors.scalar(cfg.walk().restart(step)));
        return new Loss(loss(p, batch, visited, metrics), metrics);
    }

    /**
     * TEM's losses ({@link TemConfig.Loss}): the cross-entropy of the prediction from g_PI on visited
     * steps; with landmark correction, that of the prediction from g and the squared difference g - g_PI;
     * the L2 of g and of the weights; the activity of the grid units. Each term beside the first is also logged.
     */
    private Tensor loss(WalkPredictor.Prediction p, WalkBatch batch, Tensor visited, Map<String, Tensor> metrics) {
        TemConfig.Loss w = cfg.loss();
        Tensor loss = Losses.maskedCrossEntropy(p.logits(), batch.obs(), visited);
        if (p.corrected() != null) {
            Tensor ce = Losses.maskedCrossEntropy(p.corrected(), batch.obs(), visited);
            Tensor match = p.codes().sub(p.pathCodes()).square().mean();
            metrics.put("ce_corrected", ce);
            metrics.put("code_match", match);
            loss = loss.add(Tensors.mul(ce, w.corrected())).add(Tensors.mul(match, w.codeMatch()));
        }
        if (p.pathCodes() != null && w.codeL2() > 0) {
            Tensor l2 = p.codes().square().mean();
            metrics.put("code_l2", l2);
            loss = loss.add(Tensors.mul(l2, w.codeL2()));
        }
        if (p.gridUnits() != null && w.gridActivity() > 0) {
            Tensor activity = p.gridUnits().square().mean();
            metrics.put("grid_activity", activity);
            loss = loss.add(Tensors.mul(activity, w.gridActivity()));
        }
        if (w.weightL2() > 0) {
            Tensor l2 = null;
            for (Map.Entry<String, Tensor> weight : model.parameters().entrySet()) {
                if (WEIGHTS.test(weight.getKey(), weight.getValue())) {
                    Tensor s = Tensors.div(weight.getValue().square().sum(), 2);
                    l2 = l2 == null ? s : l2.add(s);
                }
            }
            if (l2 != null) {
                metrics.put("weight_l2", l2);
                loss = loss.add(Tensors.mul(l2, w.weightL2()));
            }
        }
        return loss;
    }

    @Override
    public Map<String, Tensor> state() {
        long[] walk = stream.saveState();
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(STREAM, Tensors.longs(walk, walk.length));
        carry.tensors().forEach((k, v) -> out.put(CARRY + k, v));
        return out;
    }

    @Override
    public void loadState(Map<String, Tensor> saved, String source) {
        Tensor s = saved.get(STREAM);
        if (s == null) {
            throw new IllegalArgumentException(source + ": no walk-stream state '" + STREAM + "'");
        }
        stream = WalkStream.restore(cfg.walkConfig(), Tensors.toLongs(s));
        Carry restored = model.initialCarry(cfg.world().batch());
        for (Map.Entry<String, Tensor> e : restored.tensors().entrySet()) {
            Tensor v = saved.get(CARRY + e.getKey());
            if (v == null || !Arrays.equals(v.shape(), e.getValue().shape())) {
                restored.close();
                throw new IllegalArgumentException(source + ": carried state '" + e.getKey()
                        + "' missing or of the wrong shape (expected " + Arrays.toString(e.getValue().shape()) + ")");
            }
            Tensors.copy(v, e.getValue());
        }
        carry.close();
        carry = restored;
    }
}
