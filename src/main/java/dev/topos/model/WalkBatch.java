package dev.topos.model;

import dev.topos.nn.Engine;
import dev.topos.nn.Tensors;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * One chunk of B parallel walks, T steps each, as tensors. Step t of slot b shows observation
 * {@code obs[b][t]} after taking action {@code actionIn[b][t]} (both int64); {@code worldStart[b][t]} marks the
 * first step of a new world (state resets there). Masks for memory validity are derived here:
 *
 * <ul>
 *   <li>{@code continuing} (B, T): 1 - start, where the state carries on from the previous step;</li>
 *   <li>{@code causal} (B, T, T): 1 where tau &lt; t and both steps are in the same world;</li>
 *   <li>{@code carriedAlive} (B, T): 1 while no world has started in this chunk up to step t, i.e.
 *       memories carried in from earlier chunks are still of the current world;</li>
 *   <li>{@code inLastWorld} (B, T): 1 where step tau is in the world the chunk ends in (what the
 *       memory keeps); {@code aliveAtEnd} (B): carried memories survive the chunk.</li>
 * </ul>
 */
public record WalkBatch(int batch, int steps, Tensor obs, Tensor actionIn, Tensor start, Tensor continuing,
                        Tensor causal, Tensor carriedAlive, Tensor inLastWorld, Tensor aliveAtEnd) {

    public static WalkBatch of(int[][] obs, int[][] actionIn, boolean[][] worldStart, long[][] worldId) {
        int b = obs.length;
        int t = obs[0].length;
        long[] o = new long[b * t];
        long[] a = new long[b * t];
        float[] s = new float[b * t];
        float[] cont = new float[b * t];
        float[] causal = new float[b * t * t];
        float[] alive = new float[b * t];
        float[] last = new float[b * t];
        float[] aliveEnd = new float[b];
        for (int i = 0; i < b; i++) {
            boolean stillAlive = true;
            for (int j = 0; j < t; j++) {
                o[i * t + j] = obs[i][j];
                a[i * t + j] = actionIn[i][j];
                s[i * t + j] = worldStart[i][j] ? 1f : 0f;
                cont[i * t + j] = 1f - s[i * t + j];
                stillAlive &= !worldStart[i][j];
                alive[i * t + j] = stillAlive ? 1f : 0f;
                last[i * t + j] = worldId[i][j] == worldId[i][t - 1] ? 1f : 0f;
                for (int k = 0; k < j; k++) {
                    causal[(i * t + j) * t + k] = worldId[i][k] == worldId[i][j] ? 1f : 0f;
                }
            }
            aliveEnd[i] = stillAlive ? 1f : 0f;
        }
        return new WalkBatch(b, t, Tensors.longs(o, b, t), Tensors.longs(a, b, t), Tensors.floats(s, b, t),
                Tensors.floats(cont, b, t), Tensors.floats(causal, b, t, t), Tensors.floats(alive, b, t),
                Tensors.floats(last, b, t), Tensors.floats(aliveEnd, b));
    }

    /** One-hot observations (B, T, S) as float. */
    public Tensor obsOneHot(int symbols) {
        return torch.one_hot(obs, symbols).toType(Engine.floatType());
    }
}
