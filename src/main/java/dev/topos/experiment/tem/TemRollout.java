package dev.topos.experiment.tem;

import dev.topos.analysis.space.WalkRecord;
import dev.topos.data.grid.WalkChunk;
import dev.topos.model.Carry;
import dev.topos.model.WalkBatch;
import dev.topos.model.WalkPredictor;
import dev.topos.nn.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * Runs a trained walk model over walks, without gradients and with its weights untouched, and
 * records what the analyses read ({@link WalkRecord}): whether each step's prediction was right,
 * and over the second half of each walk the units it reads positions from (its code, or its grid
 * units: {@link WalkPredictor.Prediction#positionUnits()}) and the attention the chosen memories get.
 *
 * <p>The walks (one slot each, equally long) are the slots of one batch, fed {@code chunk} steps at
 * a time with the model's state carried across chunks; a memory model keeps the last
 * {@code capacity} steps of its world ({@code capacity >= steps} keeps the whole walk). Every tensor
 * made is freed before it returns.
 */
final class TemRollout {
    private TemRollout() {}

    /**
     * @param memorySteps per walk, the storage steps of the memories whose attention to record
     *                    (ascending, in the first half)
     */
    static List<WalkRecord> run(WalkPredictor model, List<WalkChunk> walks, int chunk, int capacity,
                                int[][] memorySteps) {
        int b = walks.size();
        int steps = walks.get(0).steps();
        int half = steps / 2;
        boolean[][] correct = new boolean[b][steps];
        float[][][] codes = new float[b][steps - half][];
        float[][][] weights = null;
        try (NoGradGuard noGrad = new NoGradGuard(); Carry carry = model.initialCarry(b, capacity)) {
            for (int c0 = 0; c0 < steps; c0 += chunk) {
                int len = Math.min(chunk, steps - c0);
                try (PointerScope scope = new PointerScope()) {
                    WalkPredictor.Prediction p = model.forward(carry, batch(walks, c0, len));
                    long[] predicted = Tensors.toLongs(p.logits().argmax(new LongOptional(-1), false));
                    for (int w = 0; w < b; w++) {
                        for (int j = 0; j < len; j++) {
                            correct[w][c0 + j] = predicted[w * len + j] == walks.get(w).obs[0][c0 + j];
                        }
                    }
                    if (c0 + len <= half) {
                        continue;
                    }
                    Tensor mapped = p.positionUnits();
                    int units = (int) mapped.size(2);
                    float[] flat = Tensors.toFloats(mapped);
                    for (int w = 0; w < b; w++) {
                        for (int j = Math.max(0, half - c0); j < len; j++) {
                            codes[w][c0 + j - half] = Arrays.copyOfRange(flat, (w * len + j) * units,
                                    (w * len + j + 1) * units);
                        }
                    }
                    if (p.attention() != null) {
                        weights = weights != null ? weights : new float[b][steps - half][];
                        recordAttention(weights, p.attention(), memorySteps, c0, len, half);
                    }
                }
            }
        }
        List<WalkRecord> out = new ArrayList<>();
        for (int w = 0; w < b; w++) {
            out.add(new WalkRecord(walks.get(w), correct[w], half, codes[w],
                    weights == null ? new int[0] : memorySteps[w], weights == null ? null : weights[w]));
        }
        return out;
    }

    /**
     * The second-half attention weights of the chosen memories. The memory stored at step tau sits,
     * in a chunk starting at c0 with a buffer of {@code cap} carried memories, at index
     * {@code cap + tau - c0} (negative: it has left the buffer, weight 0).
     */
    private static void recordAttention(float[][][] weights, Tensor attention, int[][] memorySteps, int c0, int len,
                                        int half) {
        int k = (int) attention.size(2);
        int cap = k - len;
        float[] att = Tensors.toFloats(attention);
        for (int w = 0; w < weights.length; w++) {
            int[] tau = memorySteps[w];
            for (int j = Math.max(0, half - c0); j < len; j++) {
                float[] row = new float[tau.length];
                for (int m = 0; m < tau.length; m++) {
                    int index = cap + tau[m] - c0;
                    row[m] = index < 0 ? 0f : att[(w * len + j) * k + index];
                }
                weights[w][c0 + j - half] = row;
            }
        }
    }

    /** Steps [c0, c0 + len) of every walk as one batch, slot w = walk w. */
    private static WalkBatch batch(List<WalkChunk> walks, int c0, int len) {
        int b = walks.size();
        int[][] obs = new int[b][];
        int[][] actions = new int[b][];
        boolean[][] start = new boolean[b][];
        long[][] world = new long[b][];
        for (int w = 0; w < b; w++) {
            WalkChunk walk = walks.get(w);
            obs[w] = Arrays.copyOfRange(walk.obs[0], c0, c0 + len);
            actions[w] = Arrays.copyOfRange(walk.actionIn[0], c0, c0 + len);
            start[w] = Arrays.copyOfRange(walk.worldStart[0], c0, c0 + len);
            world[w] = Arrays.copyOfRange(walk.worldId[0], c0, c0 + len);
        }
        return WalkBatch.of(obs, actions, start, world);
    }
}
