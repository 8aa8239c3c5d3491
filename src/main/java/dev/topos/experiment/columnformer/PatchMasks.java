package dev.topos.experiment.columnformer;

import dev.topos.nn.Engine;
import dev.topos.nn.Tensors;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Masked image modelling (Columnformer spec section 7; the masking of He et al. 2022, MAE): each
 * image hides round(ratio P) of its P patches, chosen uniformly without replacement from the
 * engine's (seeded) generator, and the loss is the mean squared error of the reconstruction over
 * the hidden patches only:
 *
 * <pre>
 *   L = sum_{b,p} m_bp mean_pixels (x^_bp - x_bp)^2 / sum_{b,p} m_bp          m = 1 - keep
 * </pre>
 */
public final class PatchMasks {
    private PatchMasks() {}

    /**
     * keep (B, P) float: 1 = shown, 0 = hidden; exactly round(ratio P) zeros per row (the patches
     * whose uniform draw ranks among the row's round(ratio P) smallest).
     */
    public static Tensor keep(int batch, int patches, double ratio) {
        long hidden = Math.round(ratio * patches);
        Tensor draws = torch.rand(new long[] {batch, patches}, Tensors.options(ScalarType.Float));
        Tensor rank = draws.argsort(1, false).argsort(1, false);
        return Tensors.gte(rank, hidden).toType(Engine.floatType());
    }

    /**
     * @param predicted (B, P, pixels)
     * @param target    (B, P, pixels)
     * @param keep      (B, P)
     */
    public static Tensor loss(Tensor predicted, Tensor target, Tensor keep) {
        Tensor hidden = Tensors.oneMinus(keep);
        Tensor perPatch = Tensors.mean(predicted.sub(target).square(), -1);
        return perPatch.mul(hidden).sum().div(hidden.sum());
    }
}
