package dev.topos.model;

import dev.topos.geometry.Mask;
import dev.topos.geometry.Masks;
import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import dev.topos.nn.Dense;
import dev.topos.nn.Dropout;
import dev.topos.nn.LayerNorm;
import dev.topos.nn.LearnedEmbeddings;
import dev.topos.nn.Module;
import dev.topos.nn.Projection;
import dev.topos.nn.SpatialQuerying;
import dev.topos.nn.SpatialReweighting;
import dev.topos.nn.Tensors;
import dev.topos.nn.TopographicAttention;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * The 1-layer Topoformer classifier (Binhuraib, Tuckute &amp; Blauch 2024; spec topoformer.md §4;
 * reference {@code TransformerClassifier} with {@code config_text.yaml}). Units of every layer live
 * on one s x s torus sheet.
 *
 * <pre>
 *   x  = dropout(E_tok[ids] + E_pos)                       learned embeddings
 *   a  = TopographicAttention(x)                           SQ on queries, SR output projection
 *   h  = dropout(LN(a + x))                                post-norm residual
 *   f  = W_2 relu(W_1 h + b_1) + b_2                       dense FFN N -&gt; ffn -&gt; N
 *   y  = dropout(LN(f + h))
 *   p  = sum_t m_t y_t / sum_t m_t                         mean over real tokens (m: 1 = not padding)
 *   logits = W_c tanh(p) + b_c
 * </pre>
 *
 * With sq = sr = -1 it is the dense control: standard attention and a dense output projection, with
 * exactly the same parameters (spatial querying without {@code learned_sq} has none, and SR has
 * the weights and bias of the dense projection it replaces). Unlike the reference, padding is
 * masked out of the attention and of the pooling.
 */
public final class Topoformer extends Module implements SequenceClassifier {
    /** Layers whose activations {@link #forward} returns, in the order of the forward pass. */
    public static final List<String> LAYERS = List.of("query", "key", "value", "attn_out", "ffn_out");
    private final TopoformerConfig cfg;
    private final Sheet sheet;
    private final LearnedEmbeddings embeddings;
    private final TopographicAttention attention;
    private final LayerNorm norm1;
    private final Dense ffnIn;
    private final Dense ffnOut;
    private final LayerNorm norm2;
    private final Dense classifier;

    /**
     * @param vocabulary number of token ids
     * @param rng        samples Gaussian masks (the weights come from the engine's seeded generator)
     */
    public Topoformer(TopoformerConfig cfg, int vocabulary, Rng rng) {
        this.cfg = cfg;
        int n = cfg.width();
        sheet = Sheets.grid(cfg.side(), true);
        embeddings = child("embed", new LearnedEmbeddings(vocabulary, cfg.length(), n));
        attention = child("attention", new TopographicAttention(n,
                queryKeyValue(rng), queryKeyValue(rng), queryKeyValue(rng),
                cfg.sq() == TopoformerConfig.OFF || cfg.localQuerying()
                        ? null : new SpatialQuerying(mask(cfg.sq(), rng), cfg.learnedSq()),
                cfg.sr() == TopoformerConfig.OFF ? new Dense(n, n, true) : new SpatialReweighting(mask(cfg.sr(), rng)),
                cfg.attnDropout()));
        norm1 = child("norm1", new LayerNorm(n));
        ffnIn = child("ffn_in", new Dense(n, cfg.ffn(), true));
        ffnOut = child("ffn_out", new Dense(cfg.ffn(), n, true));
        norm2 = child("norm2", new LayerNorm(n));
        classifier = child("classifier", new Dense(n, cfg.classes(), true));
    }

    public TopoformerConfig config() {
        return cfg;
    }

    /** The sheet the units live on: s x s, torus. */
    public Sheet sheet() {
        return sheet;
    }

    /**
     * @param ids      (B, T) token ids
     * @param real     (B, T) 1 for real tokens, 0 for padding
     * @param training whether dropout is on
     * @return logits (B, classes) and the activations of {@link #LAYERS}, each (B, T, N) (in training
     *     under spatial querying without the query, which is folded into the pooled one)
     */
    public Output forward(Tensor ids, Tensor real, boolean training) {
        double p = cfg.dropout();
        Tensor x = Dropout.apply(embeddings.embed(ids), p, training);
        TopographicAttention.Result att = attention.attend(x, real, training);
        Tensor h = Dropout.apply(norm1.apply(att.output().add(x)), p, training);
        Tensor f = ffnOut.apply(ffnIn.apply(h).relu());
        Tensor y = Dropout.apply(norm2.apply(f.add(h)), p, training);
        Tensor m = real.unsqueeze(2);
        Tensor pooled = Tensors.sum(y.mul(m), 1).div(Tensors.sum(m, 1));
        Tensor logits = classifier.apply(pooled.tanh());
        Map<String, Tensor> layers = new LinkedHashMap<>();
        if (att.query() != null) {
            layers.put("query", att.query());
        }
        layers.put("key", att.key());
        layers.put("value", att.value());
        layers.put("attn_out", att.output());
        layers.put("ffn_out", f);
        return new Output(logits, layers);
    }

    /** {@link #forward} as one layer's activations. */
    @Override
    public Classified classify(Tensor ids, Tensor real, boolean training) {
        Output out = forward(ids, real, training);
        return new Classified(out.logits(), List.of(out.layers()));
    }

    @Override
    public SpatialLossConfig spatialLoss() {
        return cfg.spatialLoss();
    }

    /**
     * Multiply-add FLOPs (2 per multiply-add) of the matrix products of one training forward pass
     * over (batch, steps) tokens: Q, K, V and output projections 4 * 2N^2 per token (spatial querying
     * is folded into the query weights, 2N^3 once), scores and A V 2 * 2TN per token, FFN 2 * 2 N ffn
     * per token, classifier 2N C.
     */
    public double forwardFlops(int batch, int steps) {
        double n = cfg.width();
        double perToken = 4 * 2 * n * n + 2 * 2.0 * steps * n + 2 * 2 * n * cfg.ffn();
        double fold = hasSpatialQuerying() ? 2 * n * n * n : 0;
        return batch * (steps * perToken + 2 * n * cfg.classes()) + fold;
    }

    private boolean hasSpatialQuerying() {
        return cfg.sq() != TopoformerConfig.OFF && !cfg.localQuerying();
    }

    private Projection queryKeyValue(Rng rng) {
        int n = cfg.width();
        return cfg.localQuerying() ? new SpatialReweighting(mask(cfg.sq(), rng)) : new Dense(n, n, cfg.qkvBias());
    }

    private Mask mask(double r, Rng rng) {
        return "gaussian".equals(cfg.mask()) ? Masks.gaussian(sheet, r, rng) : Masks.circular(sheet, r);
    }

    /**
     * @param logits (B, classes)
     * @param layers activations by layer name ({@link #LAYERS}), each (B, T, N)
     */
    public record Output(Tensor logits, Map<String, Tensor> layers) {}
}
