package dev.topos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import dev.topos.geometry.Mask;
import dev.topos.geometry.Masks;
import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import dev.topos.nn.Dense;
import dev.topos.nn.LearnedEmbeddings;
import dev.topos.nn.NamedParameters;
import dev.topos.nn.Projection;
import dev.topos.nn.SpatialQuerying;
import dev.topos.nn.SpatialReweighting;
import dev.topos.nn.TopographicAttention;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
public final class Topoformer {
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
    private final ParameterStore store;

    /**
     * @param vocabulary number of token ids
     * @param rng        samples Gaussian masks (the weights come from the engine's seeded generator)
     */
    public Topoformer(NDManager manager, TopoformerConfig cfg, int vocabulary, Rng rng) {
        this.cfg = cfg;
        int n = cfg.width();
        sheet = Sheets.grid(cfg.side(), true);
        embeddings = new LearnedEmbeddings(vocabulary, cfg.length(), n);
        attention = new TopographicAttention(n,
                queryKeyValue(rng), queryKeyValue(rng), queryKeyValue(rng),
                cfg.sq() == TopoformerConfig.OFF || cfg.localQuerying()
                        ? null : new SpatialQuerying(mask(cfg.sq(), rng), cfg.learnedSq()),
                cfg.sr() == TopoformerConfig.OFF ? new Dense(n, n, true) : new SpatialReweighting(mask(cfg.sr(), rng)),
                (float) cfg.attnDropout());
        norm1 = LayerNorm.builder().axis(2).build();
        ffnIn = new Dense(n, cfg.ffn(), true);
        ffnOut = new Dense(cfg.ffn(), n, true);
        norm2 = LayerNorm.builder().axis(2).build();
        classifier = new Dense(n, cfg.classes(), true);
        Shape tokens = new Shape(1, cfg.length());
        Shape units = new Shape(1, cfg.length(), n);
        embeddings.initialize(manager, DataType.FLOAT32, tokens);
        attention.initialize(manager, DataType.FLOAT32, units, tokens);
        norm1.initialize(manager, DataType.FLOAT32, units);
        ffnIn.initialize(manager, DataType.FLOAT32, units);
        ffnOut.initialize(manager, DataType.FLOAT32, new Shape(1, cfg.length(), cfg.ffn()));
        norm2.initialize(manager, DataType.FLOAT32, units);
        classifier.initialize(manager, DataType.FLOAT32, new Shape(1, n));
        store = new ParameterStore(manager, false);
    }

    public Map<String, Parameter> parameters() {
        return NamedParameters.of(Map.entry("embed", embeddings), Map.entry("attention", attention),
                Map.entry("norm1", norm1), Map.entry("ffn_in", ffnIn), Map.entry("ffn_out", ffnOut),
                Map.entry("norm2", norm2), Map.entry("classifier", classifier));
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
     * @return logits (B, classes) and the activations of {@link #LAYERS}, each (B, T, N)
     */
    public Output forward(NDArray ids, NDArray real, boolean training) {
        float p = (float) cfg.dropout();
        NDArray x = dropout(embeddings.embed(ids), p, training);
        TopographicAttention.Result att = attention.attend(x, real, training);
        NDArray h = dropout(norm(norm1, att.output().add(x), training), p, training);
        NDArray f = ffnOut.apply(Activation.relu(ffnIn.apply(h)));
        NDArray y = dropout(norm(norm2, f.add(h), training), p, training);
        NDArray m = real.expandDims(2);
        NDArray pooled = y.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}));
        NDArray logits = classifier.apply(pooled.tanh());
        Map<String, NDArray> layers = new LinkedHashMap<>();
        layers.put("query", att.query());
        layers.put("key", att.key());
        layers.put("value", att.value());
        layers.put("attn_out", att.output());
        layers.put("ffn_out", f);
        return new Output(logits, layers);
    }

    /**
     * Multiply-add FLOPs (2 per multiply-add) of the matrix products of one forward pass over
     * (batch, steps) tokens: Q, K, V and output projections 4 * 2N^2 per token (+ 2N^2 for spatial
     * querying), scores and A V 2 * 2TN per token, FFN 2 * 2 N ffn per token, classifier 2N C.
     */
    public double forwardFlops(int batch, int steps) {
        double n = cfg.width();
        double perToken = (4 + (hasSpatialQuerying() ? 1 : 0)) * 2 * n * n + 2 * 2.0 * steps * n + 2 * 2 * n * cfg.ffn();
        return batch * (steps * perToken + 2 * n * cfg.classes());
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

    private NDArray norm(LayerNorm block, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    private static NDArray dropout(NDArray x, float rate, boolean training) {
        return rate == 0 ? x : Dropout.dropout(x, rate, training).singletonOrThrow();
    }

    /**
     * @param logits (B, classes)
     * @param layers activations by layer name ({@link #LAYERS}), each (B, T, N)
     */
    public record Output(NDArray logits, Map<String, NDArray> layers) {}
}
