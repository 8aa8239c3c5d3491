package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * One token embedding matrix E (V x N) used at both ends of a language model (Press &amp; Wolf 2017,
 * "Using the output embedding to improve language models"; BERT and the crammed BERT tie them):
 *
 * <pre>
 *   x_t    = E[id_t]                 input lookup
 *   logits = h E^T                   output decoder (the caller adds its bias)
 * </pre>
 *
 * E is one parameter ({@code weight}), so a gradient step through the decoder moves the lookup,
 * and the tree counts it once. E starts N(0, std^2) (cramming and BERT: std 0.02).
 */
public final class TiedEmbeddings extends Module {
    private final Tensor weight;

    /**
     * @param vocabulary V, number of token ids
     * @param width      N
     * @param std        standard deviation of the initial E
     */
    public TiedEmbeddings(int vocabulary, int width, double std) {
        weight = parameter("weight", Init.normal(std, vocabulary, width));
    }

    /** E[ids]: (B, T) ids to (B, T, N). */
    public Tensor lookup(Tensor ids) {
        return torch.embedding(weight, ids.toType(ScalarType.Long));
    }

    /** h E^T: (..., N) to (..., V). */
    public Tensor decode(Tensor h) {
        return torch.linear(h, weight);
    }

    /** E itself. */
    public Tensor weight() {
        return weight;
    }
}
