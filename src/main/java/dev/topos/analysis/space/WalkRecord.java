package dev.topos.analysis.space;

import dev.topos.data.grid.WalkChunk;

/**
 * What a rollout of a walk model recorded over one walk, the arrays {@link WalkAnalysis} reads.
 *
 * @param walk          the walk (slot 0 of the chunk)
 * @param correct       per step, whether the model's most likely observation was the one seen
 * @param half          the first step whose code and attention are kept (the second half of the walk)
 * @param codes         [t - half][unit] the model's code at each kept step (TEM-t: the position code
 *                      e; LSTM: its hidden state h)
 * @param memorySteps   the storage steps of the memories whose attention is kept, ascending; empty
 *                      for a model without an attention memory
 * @param memoryWeights [t - half][m] the attention weight memory m gets at each kept step (0 once it
 *                      has left the buffer), or null for a model without an attention memory
 */
public record WalkRecord(WalkChunk walk, boolean[] correct, int half, float[][] codes, int[] memorySteps,
                         float[][] memoryWeights) {
    public WalkRecord {
        int kept = walk.steps() - half;
        if (correct.length != walk.steps() || codes.length != kept
                || (memoryWeights != null && memoryWeights.length != kept)) {
            throw new IllegalArgumentException("a record of " + walk.steps() + " steps keeps " + kept + " steps from "
                    + half + "; got " + correct.length + " flags, " + codes.length + " codes"
                    + (memoryWeights == null ? "" : ", " + memoryWeights.length + " weight rows"));
        }
    }

    public boolean hasMemory() {
        return memoryWeights != null;
    }
}
