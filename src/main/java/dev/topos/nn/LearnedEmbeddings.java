package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Learned token and position embeddings, summed: x_t = E_tok[id_t] + E_pos[t] (Vaswani et al.
 * 2017 with learned positions, as the Topoformer's 1-layer model). Both tables start N(0, 1), as
 * PyTorch's {@code nn.Embedding}.
 */
public final class LearnedEmbeddings extends Module {
    private final int length;
    private final Tensor tokens;
    private final Tensor positions;

    /**
     * @param vocabulary number of token ids
     * @param length     longest sequence
     * @param width      embedding width N
     */
    public LearnedEmbeddings(int vocabulary, int length, int width) {
        this.length = length;
        tokens = parameter("tokens", Init.normal(1, vocabulary, width));
        positions = parameter("positions", Init.normal(1, length, width));
    }

    /** @param ids (B, T) token ids, T &lt;= length; returns (B, T, N) */
    public Tensor embed(Tensor ids) {
        long t = ids.size(1);
        if (t > length) {
            throw new IllegalArgumentException("sequence of " + t + " tokens; this model takes at most " + length);
        }
        return torch.embedding(tokens, ids.toType(ScalarType.Long)).add(positions.narrow(0, 0, t));
    }
}
