package dev.topos.experiment.columnformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.topos.nn.Tensors;

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

    /** keep (B, P) float32: 1 = shown, 0 = hidden; exactly round(ratio P) zeros per row. */
    public static NDArray keep(NDManager manager, int batch, int patches, double ratio) {
        long hidden = Math.round(ratio * patches);
        NDArray rank = manager.randomUniform(0f, 1f, new Shape(batch, patches)).argSort(1).argSort(1);
        return Tensors.gte(rank, hidden).toType(DataType.FLOAT32, false);
    }

    /**
     * @param predicted (B, P, pixels)
     * @param target    (B, P, pixels)
     * @param keep      (B, P)
     */
    public static NDArray loss(NDArray predicted, NDArray target, NDArray keep) {
        NDArray hidden = Tensors.oneMinus(keep);
        NDArray perPatch = predicted.sub(target).square().mean(new int[] {-1});
        return perPatch.mul(hidden).sum().div(hidden.sum());
    }
}
