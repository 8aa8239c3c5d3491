package dev.topos.model;

import dev.topos.geometry.Mask;
import dev.topos.geometry.Masks;
import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import dev.topos.nn.Dense;
import dev.topos.nn.Dropout;
import dev.topos.nn.GeluGlu;
import dev.topos.nn.Init;
import dev.topos.nn.LayerNorm;
import dev.topos.nn.Module;
import dev.topos.nn.ScaledSinusoidalPositions;
import dev.topos.nn.SpatialQuerying;
import dev.topos.nn.SpatialReweighting;
import dev.topos.nn.TiedEmbeddings;
import dev.topos.nn.TopographicAttention;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The Topoformer-BERT (Binhuraib, Tuckute &amp; Blauch 2024, their BERT, reference config
 * {@code bert-c5_topo}): a masked language model on the crammed-BERT recipe (Geiping &amp; Goldstein
 * 2023, "Cramming") whose every layer lives on one s x s torus sheet of N units, with one attention
 * head N wide, spatial querying on the queries and spatial reweighting as the output projection.
 *
 * <pre>
 *   x_0 = dropout(LN_e(E[ids] + a PE))              tied E; scaled sinusoidal positions; LN_e optional
 *   x_l = TopoformerBertLayer_l(x_{l-1})             l = 1 .. L, pre-LN (see the layer)
 *   z   = LN_f(x_L)                                  final norm
 *   u   = LN_h(GELU(z W_h^T + b_h))                  MLM head (cramming's PredictionHeadComponent)
 *   logits = u E^T (+ b_dec with biases)             (B, T, V), decoder tied to the input embeddings
 * </pre>
 *
 * Controls ({@link TopoformerBertConfig#control}): "literal" keeps the code path of the reference
 * with sq = sr = 1 and full masks, so M^ = 1 1^T / N pools every query unit to the same mean
 * (the scores Q~ K^T are rank one in the units: Q~[t, n] = mean_m Q[t, m]) and the output weights
 * |W (.) 1| are non-negative but dense; "dense" is standard attention with a dense output
 * projection. All three have the same parameters under the same names (SR has the weights and bias
 * of the dense projection it replaces; SQ has none).
 */
public final class TopoformerBert extends Module {
    /** Activations {@link Output#layers} holds for every layer, in the order of the forward pass. */
    public static final List<String> LAYERS = List.of("query", "key", "value", "attn_out", "ffn_out");
    /** Standard deviation of the initial embedding matrix (BERT's and cramming's 0.02). */
    public static final double EMBEDDING_STD = 0.02;
    private final TopoformerBertConfig cfg;
    private final Sheet sheet;
    private final TiedEmbeddings embeddings;
    private final ScaledSinusoidalPositions positions;
    private final LayerNorm embeddingNorm;
    private final List<TopoformerBertLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Dense headDense;
    private final LayerNorm headNorm;
    private final Tensor decoderBias;

    /**
     * @param rng samples Gaussian masks, one per field (the weights come from the engine's seeded
     *            generator)
     */
    public TopoformerBert(TopoformerBertConfig cfg, Rng rng) {
        cfg.validate("model");
        this.cfg = cfg;
        int n = cfg.width();
        sheet = Sheets.grid(cfg.side(), true);
        decoderBias = cfg.bias() ? parameter("decoder_bias", Init.constant(0, cfg.vocabulary())) : null;
        embeddings = child("embed", new TiedEmbeddings(cfg.vocabulary(), n, EMBEDDING_STD));
        positions = child("positions", new ScaledSinusoidalPositions(cfg.length(), n,
                cfg.positions().equals(TopoformerBertConfig.LEARNED_SCALE)));
        embeddingNorm = cfg.embeddingNorm() ? child("embed_norm", new LayerNorm(n, cfg.normEps())) : null;
        for (int l = 0; l < cfg.layers(); l++) {
            layers.add(child("layer" + l, layer(rng)));
        }
        finalNorm = child("final_norm", new LayerNorm(n, cfg.normEps()));
        headDense = child("head", new Dense(n, n, cfg.bias()));
        headNorm = child("head_norm", new LayerNorm(n, cfg.normEps()));
    }

    private TopoformerBertLayer layer(Rng rng) {
        int n = cfg.width();
        TopographicAttention attention = new TopographicAttention(n,
                new Dense(n, n, cfg.bias()), new Dense(n, n, cfg.bias()), new Dense(n, n, cfg.bias()),
                cfg.spatialQuerying() ? new SpatialQuerying(mask(cfg.sq(), rng), false) : null,
                cfg.spatialReweighting() ? new SpatialReweighting(mask(cfg.sr(), rng)) : new Dense(n, n, true),
                cfg.attnDropout());
        return new TopoformerBertLayer(new LayerNorm(n, cfg.normEps()), attention, new LayerNorm(n, cfg.normEps()),
                new GeluGlu(n, cfg.ffn(), cfg.bias()), cfg.dropout());
    }

    private Mask mask(double r, Rng rng) {
        return switch (cfg.mask()) {
            case "full" -> Masks.full(cfg.width());
            case "gaussian" -> Masks.gaussian(sheet, r, rng);
            default -> Masks.circular(sheet, r);
        };
    }

    public TopoformerBertConfig config() {
        return cfg;
    }

    /** The sheet every layer's units live on: s x s, torus. */
    public Sheet sheet() {
        return sheet;
    }

    /** The L layers, in order. */
    public List<TopoformerBertLayer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The tied embedding matrix E (V x N), input lookup and decoder. */
    public TiedEmbeddings embeddings() {
        return embeddings;
    }

    /**
     * Logits at every position.
     *
     * @param ids      (B, T) token ids, T &lt;= length
     * @param real     (B, T) 1 for real tokens, 0 for padding
     * @param training whether dropout is on
     * @return logits (B, T, V), and for every layer the activations of {@link #LAYERS}, each (B, T, N)
     *     (in training under spatial querying without the query, folded into the pooled one)
     */
    public Output forward(Tensor ids, Tensor real, boolean training) {
        Encoded e = encode(ids, real, training);
        return new Output(predict(e.hidden()), e.layers(), e.weights());
    }

    /**
     * The encoder up to the final norm, z (B, T, N), so a trainer can gather the masked positions
     * before the head ({@link #predict}), as cramming's sparse prediction does.
     */
    public Encoded encode(Tensor ids, Tensor real, boolean training) {
        Tensor x = embeddings.lookup(ids).add(positions.positions(ids.size(1)));
        if (embeddingNorm != null) {
            x = embeddingNorm.apply(x);
        }
        x = Dropout.apply(x, cfg.dropout(), training);
        List<Map<String, Tensor>> acts = new ArrayList<>();
        List<Tensor> weights = new ArrayList<>();
        for (TopoformerBertLayer layer : layers) {
            TopoformerBertLayer.Result r = layer.forward(x, real, training);
            Map<String, Tensor> a = new LinkedHashMap<>();
            if (r.attention().query() != null) {
                a.put("query", r.attention().query());
            }
            a.put("key", r.attention().key());
            a.put("value", r.attention().value());
            a.put("attn_out", r.attention().output());
            a.put("ffn_out", r.ffn());
            acts.add(a);
            weights.add(r.attention().weights());
            x = r.output();
        }
        return new Encoded(finalNorm.apply(x), acts, weights);
    }

    /** The MLM head and tied decoder: z (..., N) to logits (..., V). */
    public Tensor predict(Tensor z) {
        Tensor u = headNorm.apply(torch.gelu(headDense.apply(z)));
        Tensor logits = embeddings.decode(u);
        return decoderBias == null ? logits : logits.add(decoderBias);
    }

    /**
     * Multiply-add FLOPs (2 per multiply-add) of the matrix products of one training forward pass
     * over (batch, steps) tokens: per layer and token Q, K, V and output projections 4 * 2N^2, scores
     * and A V 2 * 2TN, GELU-GLU 2 * N * 2F + 2 * F * N; spatial querying folded into the query
     * weights, 2N^3 once per layer; the head 2N^2 + 2NV per token it predicts.
     *
     * @param predicted the share of positions the head runs on: 1 for logits everywhere, the masking
     *                  rate (0.15) for masked-LM training's sparse prediction
     */
    public double forwardFlops(int batch, int steps, double predicted) {
        double n = cfg.width();
        double f = cfg.ffn();
        double perLayer = 4 * 2 * n * n + 2 * 2.0 * steps * n + 2 * n * 2 * f + 2 * f * n;
        double head = 2 * n * n + 2 * n * cfg.vocabulary();
        double fold = cfg.spatialQuerying() ? cfg.layers() * 2 * n * n * n : 0;
        return (double) batch * steps * (cfg.layers() * perLayer + predicted * head) + fold;
    }

    /**
     * @param logits  (B, T, V)
     * @param layers  per layer, activations by name ({@link #LAYERS}), each (B, T, N)
     * @param weights per layer, the attention weights A (B, T, T)
     */
    public record Output(Tensor logits, List<Map<String, Tensor>> layers, List<Tensor> weights) {}

    /**
     * @param hidden  z, the final-normed encoder output (B, T, N)
     * @param layers  as {@link Output#layers}
     * @param weights as {@link Output#weights}
     */
    public record Encoded(Tensor hidden, List<Map<String, Tensor>> layers, List<Tensor> weights) {}
}
