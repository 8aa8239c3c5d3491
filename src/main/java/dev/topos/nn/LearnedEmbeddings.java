package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Learned token and position embeddings, summed: x_t = E_tok[id_t] + E_pos[t] (Vaswani et al.
 * 2017 with learned positions, as the Topoformer's 1-layer model). Both tables start N(0, 1), as
 * PyTorch's {@code nn.Embedding}.
 */
public final class LearnedEmbeddings extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int length;
    private final Parameter tokens;
    private final Parameter positions;

    /**
     * @param vocabulary number of token ids
     * @param length     longest sequence
     * @param width      embedding width N
     */
    public LearnedEmbeddings(int vocabulary, int length, int width) {
        super(VERSION);
        this.length = length;
        tokens = addParameter(Parameter.builder().setName("token_embed").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary, width)).optInitializer(new NormalInitializer(1f)).build());
        positions = addParameter(Parameter.builder().setName("position_embed").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(length, width)).optInitializer(new NormalInitializer(1f)).build());
    }

    /** @param ids (B, T) token ids, T &lt;= length; returns (B, T, N) */
    public NDArray embed(NDArray ids) {
        long t = ids.getShape().get(1);
        if (t > length) {
            throw new IllegalArgumentException("sequence of " + t + " tokens; this model takes at most " + length);
        }
        NDArray tok = Embedding.embedding(ids.toType(DataType.INT64, false), tokens.getArray(), SparseFormat.DENSE).singletonOrThrow();
        return tok.add(positions.getArray().get(new NDIndex("0:{}", t)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(embed(in.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), positions.getShape().get(1))};
    }
}
