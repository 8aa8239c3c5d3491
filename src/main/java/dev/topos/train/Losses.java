package dev.topos.train;

import dev.topos.nn.Tensors;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Losses and accuracies over masked positions. */
public final class Losses {
    private Losses() {}

    /**
     * Mean cross-entropy over the positions where {@code mask} is 1:
     * L = - sum_i m_i log softmax(z_i)[y_i] / max(1, sum_i m_i).
     *
     * @param logits  (..., C)
     * @param targets (...) class indices (int64)
     * @param mask    (...) 0/1 float
     */
    public static Tensor maskedCrossEntropy(Tensor logits, Tensor targets, Tensor mask) {
        Tensor logp = torch.log_softmax(logits.toType(ScalarType.Float), -1)
                .gather(-1, targets.toType(ScalarType.Long).unsqueeze(-1)).squeeze(-1);
        return logp.mul(mask).sum().neg().div(Tensors.maximum(mask.sum(), 1));
    }

    /** Per-position correctness of the arg-max prediction, as 0/1 float (...). */
    public static Tensor correct(Tensor logits, Tensor targets) {
        return logits.argmax(new org.bytedeco.pytorch.LongOptional(-1), false)
                .eq(targets.toType(ScalarType.Long)).toType(ScalarType.Float);
    }

    /** Mean of {@code values} over positions where {@code mask} is 1 (0 if none). */
    public static Tensor maskedMean(Tensor values, Tensor mask) {
        return values.mul(mask).sum().div(Tensors.maximum(mask.sum(), 1));
    }
}
