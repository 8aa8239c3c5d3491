package dev.topos.model;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import java.util.List;

/**
 * Model section of a Columnformer experiment (spec columnformer.md sections 1–6). Defaults: the
 * spec's (qk dim 64, MLP hidden 64, one head, sigma 2, floor -8, no attention skip, value = the
 * normalised input, no output projection, input at step 0 only) on a Fashion-MNIST-sized sheet.
 *
 * @param geometry        where the columns sit
 * @param dim             C, the width of each column's state
 * @param qkDim           query/key width (split over the heads)
 * @param mlpHidden       hidden width of each column's MLP
 * @param heads           attention heads
 * @param depth           sheet steps
 * @param recurrent       the same sheet at every step (else an untied stack of depth sheets)
 * @param attention       dense (every column reads every column) or sparse (k nearest + long_range)
 * @param k               sparse: nearest columns read by each column, itself included
 * @param longRange       sparse: extra random far columns read by each column
 * @param sigma           width of the local attention bias at birth
 * @param biasFloor       smallest attention bias at birth
 * @param attentionSkip   add the state back after the attention
 * @param untiedValue     untied value projection Wv_j
 * @param untiedOutput    untied output projection Wo_i
 * @param timeEmbedding   a learned vector added to every column's state at each step
 * @param injectEveryStep add the input at every step (else only at step 0)
 * @param image           side of the (square) input images in pixels
 * @param patch           side of a patch; the (image / patch)^2 patches feed as many input columns
 * @param wiringLambda    weight of the wiring cost
 * @param wiringPower     p of the wiring cost W = D^p / mean(D^p)
 */
public record ColumnformerConfig(ColumnGeometry geometry, int dim, int qkDim, int mlpHidden, int heads, int depth,
                                 boolean recurrent, String attention, int k, int longRange, double sigma,
                                 double biasFloor, boolean attentionSkip, boolean untiedValue, boolean untiedOutput,
                                 boolean timeEmbedding, boolean injectEveryStep, int image, int patch,
                                 double wiringLambda, double wiringPower) implements Validated {
    public static final List<String> ATTENTION = List.of("dense", "sparse");

    /** A Fashion-MNIST Columnformer: 4 stacked 7 x 7 layers (196 columns) of width 64, 6 recurrent steps. */
    public static ColumnformerConfig defaults() {
        return new ColumnformerConfig(new ColumnGeometry("stacked", 4, 7, 196, "", 2, false, 0.1), 64, 64, 64, 1, 6,
                true, "dense", 16, 0, 2, -8, false, false, false, false, false, 28, 4, 0, 1);
    }

    @Override
    public void validate(String p) {
        geometry.validate(at(p, "geometry"));
        Check.range(at(p, "dim"), dim, 1, 4096);
        Check.range(at(p, "qk_dim"), qkDim, 1, 4096);
        Check.range(at(p, "mlp_hidden"), mlpHidden, 1, 1 << 16);
        Check.range(at(p, "heads"), heads, 1, 64);
        Check.require(qkDim % heads == 0 && dim % heads == 0, at(p, "heads") + " = " + heads + " must divide "
                + at(p, "qk_dim") + " = " + qkDim + " and " + at(p, "dim") + " = " + dim);
        Check.range(at(p, "depth"), depth, 1, 256);
        Check.oneOf(at(p, "attention"), attention, ATTENTION);
        Check.range(at(p, "k"), k, 1, 1 << 16);
        Check.range(at(p, "long_range"), longRange, 0, 1 << 16);
        Check.require(!(geometry.learned() && sparse()), at(p, "geometry.learned") + " needs "
                + at(p, "attention") + " = dense (learned positions move every distance)");
        Check.range(at(p, "sigma"), sigma, 1e-6, 1e6);
        Check.range(at(p, "bias_floor"), biasFloor, -1e6, 0);
        Check.range(at(p, "image"), image, 1, 4096);
        Check.range(at(p, "patch"), patch, 1, 4096);
        Check.require(image % patch == 0, at(p, "image") + " = " + image + " must be a multiple of "
                + at(p, "patch") + " = " + patch);
        Check.range(at(p, "wiring_lambda"), wiringLambda, 0, 1e6);
        Check.range(at(p, "wiring_power"), wiringPower, 1e-6, 16);
    }

    /** P, the number of patches = input columns = output columns. */
    public int patches() {
        int side = image / patch;
        return side * side;
    }

    public boolean sparse() {
        return "sparse".equals(attention);
    }
}
