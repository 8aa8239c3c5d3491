package dev.topos.nn;

import java.util.List;
import org.bytedeco.pytorch.Tensor;

/**
 * How an image enters the Columnformer's sheet (spec section 3): its P patches are embedded by ONE
 * shared linear map and written into the P input columns, columns 0 .. P-1, zero elsewhere; every
 * column also gets its own learned position embedding:
 *
 * <pre>
 *   drive[n] = E patch_n + b      for n &lt; P (times keep_n: a masked patch drives nothing), else 0
 *   x0[n]    = drive[n] + pos[n]
 * </pre>
 *
 * Position embeddings start as truncated normal, std 0.02.
 */
public final class ColumnInput extends Module {
    private final int columns;
    private final Dense patchEmbedding;
    private final Tensor position;

    /**
     * @param columns   N
     * @param patchSize pixels per patch
     * @param channels  C
     */
    public ColumnInput(int columns, int patchSize, int channels) {
        this.columns = columns;
        patchEmbedding = child("patch_embed", new Dense(patchSize, channels, true));
        position = parameter("position_embed", Init.truncatedNormal(UntiedLinear.INIT_STD, columns, 1, channels));
    }

    /**
     * The patches written into the input columns.
     *
     * @param patches (B, P, pixels)
     * @param keep    (B, P), 1 where the patch is shown and 0 where it is masked; null shows all
     * @return drive, column-first (N, B, C)
     */
    public Tensor drive(Tensor patches, Tensor keep) {
        Tensor e = patchEmbedding.apply(patches);
        if (keep != null) {
            e = e.mul(keep.unsqueeze(-1));
        }
        Tensor inputs = e.permute(1, 0, 2); // (P, B, C)
        Tensor rest = Tensors.zeros(columns - inputs.size(0), inputs.size(1), inputs.size(2));
        return Tensors.cat(List.of(inputs, rest), 0);
    }

    /** x0 = drive + pos. */
    public Tensor start(Tensor drive) {
        return drive.add(position);
    }
}
