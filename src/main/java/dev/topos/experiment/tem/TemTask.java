package dev.topos.experiment.tem;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.topos.data.grid.WalkChunk;
import dev.topos.data.grid.WalkStream;
import dev.topos.model.Carry;
import dev.topos.model.WalkBatch;
import dev.topos.model.WalkPredictor;
import dev.topos.nn.Tensors;
import dev.topos.train.Losses;
import dev.topos.train.TrainingTask;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training a walk model (spec tem-t.md §1): each update walks every slot {@code chunk} steps
 * further, predicts each step's observation, and takes the cross-entropy only on steps whose node
 * was visited before in the current world (the rest cannot be predicted). The model's state and
 * memory are carried, detached, to the next chunk; n_restart is annealed from max to min.
 */
public final class TemTask implements TrainingTask {
    private static final String STREAM = "walk_stream";
    private static final String CARRY = "carry.";
    private final TemConfig cfg;
    private final WalkPredictor model;
    private final NDManager manager;
    private WalkStream stream;
    private Carry carry;

    public TemTask(TemConfig cfg, WalkPredictor model, NDManager manager) {
        this.cfg = cfg;
        this.model = model;
        this.manager = manager;
        this.stream = new WalkStream(cfg.walkConfig());
        this.carry = model.initialCarry(manager, cfg.world().batch());
    }

    @Override
    public Map<String, Parameter> parameters() {
        return model.parameters();
    }

    @Override
    public Loss forward(long step) {
        WalkChunk chunk = stream.next(cfg.walk().chunk(), cfg.walk().restart(step));
        WalkBatch batch = WalkBatch.of(manager, chunk.obs, chunk.actionIn, chunk.worldStart, chunk.worldId);
        NDArray logits = model.forward(carry, batch).logits();
        NDArray visited = manager.create(TemArrays.flatten(chunk.visited)).reshape(batch.obs().getShape());
        NDArray zeroShot = manager.create(TemArrays.flatten(chunk.zeroShot)).reshape(batch.obs().getShape());
        NDArray correct = Losses.correct(logits, batch.obs());
        Map<String, NDArray> metrics = new LinkedHashMap<>();
        metrics.put("acc_visited", Losses.maskedMean(correct, visited));
        metrics.put("acc_zero_shot", Losses.maskedMean(correct, zeroShot));
        metrics.put("restart", manager.create((float) cfg.walk().restart(step)));
        return new Loss(Losses.maskedCrossEntropy(logits, batch.obs(), visited), metrics);
    }

    @Override
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        out.put(STREAM, manager.create(stream.saveState()));
        carry.tensors().forEach((k, v) -> out.put(CARRY + k, v));
        return out;
    }

    @Override
    public void loadState(Map<String, NDArray> saved, String source) {
        NDArray s = saved.get(STREAM);
        if (s == null) {
            throw new IllegalArgumentException(source + ": no walk-stream state '" + STREAM + "'");
        }
        stream = WalkStream.restore(cfg.walkConfig(), s.toLongArray());
        // Copy into tensors this task owns: the saved ones die with the checkpoint's manager.
        Carry restored = model.initialCarry(manager, cfg.world().batch());
        for (Map.Entry<String, NDArray> e : restored.tensors().entrySet()) {
            NDArray v = saved.get(CARRY + e.getKey());
            if (v == null || !v.getShape().equals(e.getValue().getShape())) {
                throw new IllegalArgumentException(source + ": carried state '" + e.getKey()
                        + "' missing or of the wrong shape (expected " + e.getValue().getShape() + ")");
            }
            Tensors.copy(v, e.getValue());
        }
        carry = restored;
    }
}
