package dev.topos.model;

import dev.topos.nn.Tensors;
import java.util.List;
import org.bytedeco.pytorch.Tensor;

/**
 * TEM-t's memory between chunks: for each slot, the (g, x) pairs of the last {@code capacity} steps
 * of its current world, and which of them are real memories (a slot that has started a new world,
 * or has not yet walked {@code capacity} steps, holds invalid ones; with a conjunctive memory, a
 * step that found its conjunction already stored is not one either). Kept in the model's
 * {@link Carry}, so checkpoints store it with the rest of the carried state.
 */
final class MemoryBuffer {
    private static final String CODES = "mem_codes";
    private static final String OBS = "mem_obs";
    private static final String VALID = "mem_valid";

    private MemoryBuffer() {}

    /** An empty buffer of {@code capacity} memories of {@code units}-wide codes and one-hot observations. */
    static void allocate(Carry carry, int batch, int capacity, int units, int symbols) {
        carry.put(CODES, Tensors.zeros(batch, capacity, units));
        carry.put(OBS, Tensors.zeros(batch, capacity, symbols));
        carry.put(VALID, Tensors.zeros(batch, capacity));
    }

    /**
     * The memories carried into a chunk.
     *
     * @param codes (B, M, E) their codes g
     * @param obs   (B, M, S) their one-hot observations
     * @param valid (B, M) 1 where a memory is real
     */
    record Carried(Tensor codes, Tensor obs, Tensor valid) {}

    static Carried carried(Carry carry) {
        return new Carried(carry.get(CODES), carry.get(OBS), carry.get(VALID));
    }

    /**
     * A chunk's keys, the carried memories followed by the chunk's own steps.
     *
     * @param carried (B, M, E) the carried memories' codes g (detached)
     * @param own     (B, T, E) the chunk's codes g
     * @param obs   (B, K, S) key observations, one-hot
     * @param mask  (B, T, K) which keys each step may read: carried ones of its own world, and the
     *              chunk's earlier stored steps of its own world
     * @param valid (B, K) which keys are still real memories of the slot's world at the chunk's end
     */
    record Keys(Tensor carried, Tensor own, Tensor obs, Tensor mask, Tensor valid) {
        /** (B, K, E) every key's code, the carried ones first. */
        Tensor codes() {
            return Tensors.cat(List.of(carried, own), 1);
        }
    }

    /**
     * The keys for the chunk {@code in} whose steps have codes {@code g} (B, T, E), observations
     * {@code x} (B, T, S) and are memories where {@code stored} (B, T) is 1.
     */
    static Keys with(Carry carry, Tensor g, Tensor x, Tensor stored, WalkBatch in) {
        Tensor carried = carry.get(VALID);
        return new Keys(carry.get(CODES), g, Tensors.cat(List.of(carry.get(OBS), x), 1),
                Tensors.cat(List.of(carried.unsqueeze(1).mul(in.carriedAlive().unsqueeze(2)),
                        in.causal().mul(stored.unsqueeze(1))), 2),
                Tensors.cat(List.of(carried.mul(in.aliveAtEnd().unsqueeze(1)), in.inLastWorld().mul(stored)), 1));
    }

    /** Keeps the last {@code capacity} of {@code keys} as the buffer carried into the next chunk. */
    static void keepLast(Carry carry, Keys keys) {
        long capacity = carry.get(VALID).size(1);
        long from = keys.valid().size(1) - capacity;
        carry.put(CODES, keys.codes().narrow(1, from, capacity));
        carry.put(OBS, keys.obs().narrow(1, from, capacity));
        carry.put(VALID, keys.valid().narrow(1, from, capacity));
    }
}
