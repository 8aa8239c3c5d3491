package dev.topos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * One chunk of B parallel walks, T steps each, as tensors. Step t of slot b shows observation
 * {@code obs[b][t]} after taking action {@code actionIn[b][t]}; {@code worldStart[b][t]} marks the
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
public record WalkBatch(int batch, int steps, NDArray obs, NDArray actionIn, NDArray start, NDArray continuing,
                        NDArray causal,
                        NDArray carriedAlive, NDArray inLastWorld, NDArray aliveAtEnd) {

    public static WalkBatch of(NDManager m, int[][] obs, int[][] actionIn, boolean[][] worldStart, long[][] worldId) {
        int b = obs.length;
        int t = obs[0].length;
        int[] o = new int[b * t];
        int[] a = new int[b * t];
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
        Shape bt = new Shape(b, t);
        return new WalkBatch(b, t, m.create(o, bt), m.create(a, bt), m.create(s, bt), m.create(cont, bt),
                m.create(causal, new Shape(b, t, t)), m.create(alive, bt), m.create(last, bt), m.create(aliveEnd));
    }

    /** One-hot observations (B, T, S) as float. */
    public NDArray obsOneHot(int symbols) {
        return obs.oneHot(symbols, DataType.FLOAT32);
    }
}
