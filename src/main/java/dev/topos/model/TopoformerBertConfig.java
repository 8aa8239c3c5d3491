package dev.topos.model;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import java.util.List;

/**
 * Model section of a Topoformer-BERT study: the Topoformer's BERT (Binhuraib, Tuckute &amp; Blauch
 * 2024, reference config {@code bert-c5_topo}) on the crammed-BERT recipe (Geiping &amp; Goldstein
 * 2023, "Cramming"). Every layer's units live on one s x s torus sheet of N = s^2 units, and the one
 * attention head is N wide.
 *
 * @param layers        L, pre-LN transformer layers
 * @param side          s, the side of the sheet; N = s^2
 * @param ffn           F, width of the GELU-GLU product (W_in: N -&gt; 2F, W_out: F -&gt; N); cramming's
 *                      {@code intermed_size} is 2F
 * @param vocabulary    V, token ids (BERT's uncased WordPiece: 30,522)
 * @param length        tokens per sequence (cramming: 128)
 * @param sq            spatial-querying field as a fraction of the sheet's area; 1 under the literal
 *                      control, -1 (off) under the dense control; -1 under the topographic model turns
 *                      spatial querying alone off (queries unpooled), to measure what each constraint costs
 * @param sr            spatial-reweighting field of the attention output projection; likewise (-1 under
 *                      the topographic model: a dense output projection)
 * @param mask          field shape: "circular" (area fraction r), "gaussian" (r is the sigma), or
 *                      "full" (all ones; only the literal control)
 * @param control       "topographic" (the model), "literal" (the reference's sq = sr = 1 with full
 *                      masks: globally pooled queries, non-negative output weights) or "dense"
 *                      (standard attention, dense output projection)
 * @param bias          biases on Q, K, V, the FFN, the MLM head's dense layer and the decoder (cramming:
 *                      use_bias and decoder_bias false);
 *                      the attention output projection always has one (SR keeps the dense projection's bias)
 * @param embeddingNorm layer-normalise the summed embeddings (cramming: true)
 * @param normEps       epsilon of every layer norm (cramming: 1e-12; PyTorch: 1e-5)
 * @param dropout       dropout on the embeddings and on each block's output before its residual sum
 * @param attnDropout   dropout on the attention weights (reference: 0)
 * @param spatialLoss   TopoLM's spatial-correlation loss on the layers' outputs (off by default)
 * @param positions     the scale a of the sinusoidal positions a PE: "learned-scale" (cramming's: a
 *                      trains from 1 / sqrt(N)) or "fixed-scale" (a stays 1 / sqrt(N)). With AdamW at
 *                      these small batches the learned a falls from 0.0625 to 0.001-0.004 within the
 *                      first hundreds of updates (measured on the bundled sizes, README "Topoformer-BERT"):
 *                      Adam moves a scalar by about lr per update whatever its gradient's size, and
 *                      while the model still predicts frequent pieces the positions only add noise, so
 *                      the model loses word order before it could use it; the bundled runs fix a.
 */
public record TopoformerBertConfig(int layers, int side, int ffn, int vocabulary, int length, double sq, double sr,
                                   String mask, String control, boolean bias, boolean embeddingNorm, double normEps,
                                   double dropout, double attnDropout, SpatialLossConfig spatialLoss,
                                   String positions)
        implements Validated {
    public static final List<String> MASKS = List.of("circular", "gaussian", "full");
    public static final List<String> CONTROLS = List.of("topographic", "literal", "dense");
    /** Cramming's scaled sinusoidal positions, whose scale trains. */
    public static final String LEARNED_SCALE = "learned-scale";
    /** Sinusoidal positions at the fixed scale 1 / sqrt(N). */
    public static final String FIXED_SCALE = "fixed-scale";
    public static final List<String> POSITIONS = List.of(LEARNED_SCALE, FIXED_SCALE);
    /** The value of sq or sr that turns the spatial constraint off (the dense control). */
    public static final double OFF = -1;
    /** BERT's uncased WordPiece vocabulary. */
    public static final int BERT_VOCABULARY = 30_522;

    /**
     * A config written before the spatial loss existed has it off; one written before the positions
     * setting existed has cramming's learned scale, as its model had.
     */
    public TopoformerBertConfig {
        spatialLoss = spatialLoss == null ? SpatialLossConfig.OFF : spatialLoss;
        positions = positions == null ? LEARNED_SCALE : positions;
    }

    /** A model without the spatial loss, with cramming's learned position scale. */
    public TopoformerBertConfig(int layers, int side, int ffn, int vocabulary, int length, double sq, double sr,
                                String mask, String control, boolean bias, boolean embeddingNorm, double normEps,
                                double dropout, double attnDropout) {
        this(layers, side, ffn, vocabulary, length, sq, sr, mask, control, bias, embeddingNorm, normEps, dropout,
                attnDropout, SpatialLossConfig.OFF, LEARNED_SCALE);
    }

    /**
     * The topographic model with the reference's other choices: sq = sr = 0.3 circular, length 128,
     * no biases, embedding norm, eps 1e-12, dropout 0.1, attention dropout 0.
     */
    public static TopoformerBertConfig topographic(int layers, int side, int ffn, int vocabulary) {
        return new TopoformerBertConfig(layers, side, ffn, vocabulary, 128, 0.3, 0.3, "circular", "topographic",
                false, true, 1e-12, 0.1, 0.0);
    }

    /** This model as the reference's literal control: sq = sr = 1 with full masks. */
    public TopoformerBertConfig literal() {
        return new TopoformerBertConfig(layers, side, ffn, vocabulary, length, 1, 1, "full", "literal", bias,
                embeddingNorm, normEps, dropout, attnDropout, spatialLoss, positions);
    }

    /** This model as the true dense control: sq = sr = -1, standard attention, dense output projection. */
    public TopoformerBertConfig dense() {
        return new TopoformerBertConfig(layers, side, ffn, vocabulary, length, OFF, OFF, mask.equals("full")
                ? "circular" : mask, "dense", bias, embeddingNorm, normEps, dropout, attnDropout, spatialLoss, positions);
    }

    @Override
    public void validate(String p) {
        Check.range(at(p, "layers"), layers, 1, 1024);
        Check.range(at(p, "side"), side, 2, 256);
        Check.range(at(p, "ffn"), ffn, 1, 1 << 20);
        Check.range(at(p, "vocabulary"), vocabulary, 2, 1 << 24);
        Check.range(at(p, "length"), length, 1, 1 << 16);
        Check.oneOf(at(p, "mask"), mask, MASKS);
        Check.oneOf(at(p, "control"), control, CONTROLS);
        switch (control) {
            case "topographic" -> {
                field(at(p, "sq"), sq);
                field(at(p, "sr"), sr);
                Check.require(sq != OFF || sr != OFF, at(p, "sq") + " = " + at(p, "sr") + " = -1 under "
                        + at(p, "control") + " = 'topographic' leaves nothing spatial; set " + at(p, "control")
                        + " = 'dense' for the dense control");
                Check.require(!mask.equals("full"), at(p, "mask") + " = 'full' is the literal control; set "
                        + at(p, "control") + " = 'literal' (with sq = sr = 1) or use 'circular' / 'gaussian'");
            }
            case "literal" -> {
                Check.require(sq == 1, at(p, "sq") + " = " + sq + " must be 1 under " + at(p, "control")
                        + " = 'literal' (the reference's sq = 1 with a full mask)");
                Check.require(sr == 1, at(p, "sr") + " = " + sr + " must be 1 under " + at(p, "control")
                        + " = 'literal' (the reference's sr = 1 with a full mask)");
                Check.require(mask.equals("full"), at(p, "mask") + " = '" + mask + "' must be 'full' under "
                        + at(p, "control") + " = 'literal'");
            }
            default -> {
                Check.require(sq == OFF, at(p, "sq") + " = " + sq + " must be -1 (off) under " + at(p, "control")
                        + " = 'dense'");
                Check.require(sr == OFF, at(p, "sr") + " = " + sr + " must be -1 (off) under " + at(p, "control")
                        + " = 'dense'");
            }
        }
        Check.range(at(p, "norm_eps"), normEps, 1e-30, 1);
        Check.range(at(p, "dropout"), dropout, 0, 0.99);
        Check.range(at(p, "attn_dropout"), attnDropout, 0, 0.99);
        spatialLoss.validate(at(p, "spatial_loss"));
        Check.oneOf(at(p, "positions"), positions, POSITIONS);
    }

    /** N = s^2, units per layer and the width of the head. */
    public int width() {
        return side * side;
    }

    /**
     * Which model this is, as reports name it: the control, and for the topographic model which of its
     * two constraints is off if one is.
     */
    public String label() {
        if (control.equals("topographic") && sq == OFF) {
            return "topographic without spatial querying";
        }
        return control.equals("topographic") && sr == OFF ? "topographic without spatial reweighting" : control;
    }

    /** Whether the queries are spatially pooled: sq is on (the dense control validates with sq = -1). */
    public boolean spatialQuerying() {
        return sq != OFF;
    }

    /** Whether the attention output projection is spatial reweighting: sr is on (off in the dense control). */
    public boolean spatialReweighting() {
        return sr != OFF;
    }

    private static void field(String field, double r) {
        Check.require(r == OFF || (r > 0 && r <= 1), field + " = " + r + " must be a fraction of the sheet in "
                + "(0, 1], or -1 (off), under control = 'topographic'");
    }
}
