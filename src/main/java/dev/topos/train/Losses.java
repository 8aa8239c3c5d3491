package dev.topos.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.topos.nn.Tensors;

/** Losses and accuracies over masked positions. */
public final class Losses {
    private Losses() {}

    /**
     * Mean cross-entropy over the positions where {@code mask} is 1:
     * L = - sum_i m_i log softmax(z_i)[y_i] / max(1, sum_i m_i).
     *
     * @param logits  (..., C)
     * @param targets (...) class indices
     * @param mask    (...) 0/1 float
     */
    public static NDArray maskedCrossEntropy(NDArray logits, NDArray targets, NDArray mask) {
        int classes = (int) logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray logp = logits.logSoftmax(-1).mul(targets.oneHot(classes, DataType.FLOAT32)).sum(new int[] {-1});
        return logp.mul(mask).sum().neg().div(Tensors.maximum(mask.sum(), 1));
    }

    /** Per-position correctness of the arg-max prediction, as 0/1 float (...). */
    public static NDArray correct(NDArray logits, NDArray targets) {
        return logits.argMax(-1).toType(DataType.INT32, false).eq(targets.toType(DataType.INT32, false))
                .toType(DataType.FLOAT32, false);
    }

    /** Mean of {@code values} over positions where {@code mask} is 1 (0 if none). */
    public static NDArray maskedMean(NDArray values, NDArray mask) {
        return values.mul(mask).sum().div(Tensors.maximum(mask.sum(), 1));
    }
}
