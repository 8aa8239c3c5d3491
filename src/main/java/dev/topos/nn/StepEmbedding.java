package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * A learned vector per recurrent step, added to every column's state before the step, so a sheet
 * shared across steps can tell them apart (Columnformer spec section 3, "per-step time embedding"):
 * x &lt;- x + tau[t], tau (steps, C), truncated normal std 0.02 at birth.
 */
public final class StepEmbedding extends Module {
    private final Tensor steps;

    public StepEmbedding(int count, int channels) {
        steps = parameter("step_embed", Init.truncatedNormal(UntiedLinear.INIT_STD, count, channels));
    }

    /** x + tau[t] for x of shape (..., C). */
    public Tensor add(Tensor x, int t) {
        return x.add(steps.select(0, t));
    }
}
