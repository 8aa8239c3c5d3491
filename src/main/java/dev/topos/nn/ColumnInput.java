package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;

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
public final class ColumnInput extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int columns;
    private final Dense patchEmbedding;
    private final Parameter position;

    /**
     * @param columns   N
     * @param patchSize pixels per patch
     * @param channels  C
     */
    public ColumnInput(int columns, int patchSize, int channels) {
        super(VERSION);
        this.columns = columns;
        patchEmbedding = addChildBlock("patch_embed", new Dense(patchSize, channels, true));
        position = addParameter(Parameter.builder().setName("position_embed").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(columns, 1, channels))
                .optInitializer(new TruncatedNormalInitializer(UntiedLinear.INIT_STD)).build());
    }

    /**
     * The patches written into the input columns.
     *
     * @param patches (B, P, pixels)
     * @param keep    (B, P), 1 where the patch is shown and 0 where it is masked; null shows all
     * @return drive, column-first (N, B, C)
     */
    public NDArray drive(NDArray patches, NDArray keep) {
        NDArray e = patchEmbedding.apply(patches);
        if (keep != null) {
            e = e.mul(keep.expandDims(-1));
        }
        NDArray inputs = e.transpose(1, 0, 2); // (P, B, C)
        Shape s = inputs.getShape();
        NDArray rest = inputs.getManager().zeros(new Shape(columns - s.get(0), s.get(1), s.get(2)), e.getDataType());
        return inputs.concat(rest, 0);
    }

    /** x0 = drive + pos. */
    public NDArray start(NDArray drive) {
        return drive.add(position.getArray());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        patchEmbedding.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(start(drive(in.get(0), in.size() > 1 ? in.get(1) : null)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape p = inputShapes[0];
        return new Shape[] {new Shape(columns, p.get(0), position.getShape().get(2))};
    }
}
