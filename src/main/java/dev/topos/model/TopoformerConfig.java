package dev.topos.model;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import java.util.List;

/**
 * Model section of a Topoformer experiment (spec topoformer.md §1–§4; defaults are the reference's
 * 1-layer IMDB model, {@code cookbook/conf/config_text.yaml}).
 *
 * @param width         N, units per layer: a perfect square s * s (the sheet is s x s, torus)
 * @param ffn           hidden units of the dense feed-forward layer (N -&gt; ffn -&gt; N, ReLU)
 * @param length        tokens per sequence, BOS and EOS included
 * @param sq            spatial-querying field as a fraction of the sheet's area; -1 = off
 * @param sr            spatial-reweighting field of the attention output projection; -1 = dense output
 * @param mask          field shape: "circular" (area fraction r) or "gaussian" (r is the sigma)
 * @param learnedSq     learn a weight per column of the SQ pooling matrix
 * @param localQuerying Q, K, V are locally connected with field sq instead of pooling the queries
 * @param qkvBias       bias on the Q, K, V projections
 * @param dropout       dropout on the embeddings and after each residual norm (reference: 0.1)
 * @param attnDropout   dropout on the attention weights (reference: 0)
 * @param classes       output classes
 * @param spatialLoss   TopoLM's spatial-correlation loss on the layer's outputs (off by default)
 */
public record TopoformerConfig(int width, int ffn, int length, double sq, double sr, String mask, boolean learnedSq,
                               boolean localQuerying, boolean qkvBias, double dropout, double attnDropout, int classes,
                               SpatialLossConfig spatialLoss)
        implements Validated {
    public static final List<String> MASKS = List.of("circular", "gaussian");
    /** The value of sq or sr that turns the spatial constraint off. */
    public static final double OFF = -1;

    /** A config written before the spatial loss existed has it off. */
    public TopoformerConfig {
        spatialLoss = spatialLoss == null ? SpatialLossConfig.OFF : spatialLoss;
    }

    /** A model without the spatial loss. */
    public TopoformerConfig(int width, int ffn, int length, double sq, double sr, String mask, boolean learnedSq,
                            boolean localQuerying, boolean qkvBias, double dropout, double attnDropout, int classes) {
        this(width, ffn, length, sq, sr, mask, learnedSq, localQuerying, qkvBias, dropout, attnDropout, classes,
                SpatialLossConfig.OFF);
    }

    @Override
    public void validate(String p) {
        Check.range(at(p, "width"), width, 4, 65_536);
        int side = side();
        Check.require(side * side == width, at(p, "width") + " = " + width
                + " must be a perfect square (the units tile an s x s sheet), e.g. 400 = 20 x 20");
        Check.range(at(p, "ffn"), ffn, 1, 1 << 20);
        Check.range(at(p, "length"), length, 3, 1 << 16);
        field(at(p, "sq"), sq);
        field(at(p, "sr"), sr);
        Check.oneOf(at(p, "mask"), mask, MASKS);
        Check.require(!(localQuerying && learnedSq), at(p, "local_querying") + " and " + at(p, "learned_sq")
                + " exclude each other (local querying replaces the query pooling)");
        Check.require(!(localQuerying || learnedSq) || sq != OFF, at(p, "sq") + " = -1 (off) cannot go with "
                + at(p, localQuerying ? "local_querying" : "learned_sq"));
        Check.range(at(p, "dropout"), dropout, 0, 0.99);
        Check.range(at(p, "attn_dropout"), attnDropout, 0, 0.99);
        Check.range(at(p, "classes"), classes, 2, 1 << 20);
        spatialLoss.validate(at(p, "spatial_loss"));
    }

    /** s, the side of the sheet. */
    public int side() {
        return (int) Math.round(Math.sqrt(width));
    }

    /** Whether the model has any spatial constraint (else it is the dense control). */
    public boolean topographic() {
        return sq != OFF || sr != OFF;
    }

    private static void field(String field, double r) {
        Check.require(r == OFF || (r > 0 && r <= 1), field + " = " + r
                + " must be -1 (off) or a fraction of the sheet in (0, 1]");
    }
}
