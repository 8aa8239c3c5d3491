package dev.topos.model;

import dev.topos.nn.Dropout;
import dev.topos.nn.GeluGlu;
import dev.topos.nn.LayerNorm;
import dev.topos.nn.Module;
import dev.topos.nn.TopographicAttention;
import org.bytedeco.pytorch.Tensor;

/**
 * One pre-LN layer of the Topoformer-BERT (Binhuraib, Tuckute &amp; Blauch 2024; pre-LN and GELU-GLU
 * from Geiping &amp; Goldstein 2023, "Cramming"):
 *
 * <pre>
 *   a = TopographicAttention(LN1(x))          SQ on queries, SR output projection, padding keys masked
 *   h = x + dropout(a)
 *   f = GeluGlu(LN2(h))                       (v (.) GELU(g)) W_out,  [v, g] = LN2(h) W_in
 *   y = h + dropout(f)
 * </pre>
 *
 * With every weight of both branches zero (and their biases), a = f = 0 and the layer is the identity.
 */
public final class TopoformerBertLayer extends Module {
    private final LayerNorm norm1;
    private final TopographicAttention attention;
    private final LayerNorm norm2;
    private final GeluGlu ffn;
    private final double dropout;

    public TopoformerBertLayer(LayerNorm norm1, TopographicAttention attention, LayerNorm norm2, GeluGlu ffn,
                               double dropout) {
        this.norm1 = child("norm1", norm1);
        this.attention = child("attention", attention);
        this.norm2 = child("norm2", norm2);
        this.ffn = child("ffn", ffn);
        this.dropout = dropout;
    }

    /**
     * @param x        (B, T, N) the residual stream
     * @param real     (B, T) 1 for real tokens, 0 for padding (masked as keys)
     * @param training whether dropout is on
     */
    public Result forward(Tensor x, Tensor real, boolean training) {
        TopographicAttention.Result att = attention.attend(norm1.apply(x), real, training);
        Tensor h = x.add(Dropout.apply(att.output(), dropout, training));
        Tensor f = ffn.apply(norm2.apply(h));
        Tensor y = h.add(Dropout.apply(f, dropout, training));
        return new Result(att, f, y);
    }

    /**
     * @param attention Q (null in training under spatial querying), K, V, the weights A and the
     *                  attention output a, each (B, T, N) ((B, T, T) for A)
     * @param ffn       f, the GELU-GLU output (B, T, N), before its residual sum
     * @param output    y (B, T, N)
     */
    public record Result(TopographicAttention.Result attention, Tensor ffn, Tensor output) {}
}
