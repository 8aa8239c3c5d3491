package dev.topos.model;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import dev.topos.geometry.Sheet;
import dev.topos.nn.SpatialCorrelationLoss;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * TopoLM's spatial-correlation loss as an option of a Topoformer model ({@code model.spatial_loss};
 * Rathi et al. 2024, "TopoLM", §2.2; {@link SpatialCorrelationLoss}): the training loss becomes
 * task loss + alpha x the mean of SL over the named sites of every layer. TopoLM's setting: alpha
 * 2.5, 5 neighbourhoods of radius 5 per layer and update, on every attention and MLP block's output.
 *
 * @param alpha          the weight of the spatial loss; 0 turns it off
 * @param neighbourhoods squares drawn per site, layer and update
 * @param radius         half a square's side, in grid steps
 * @param sites          the activations the loss is taken on, each one of the model's sites
 *                       ({@code attn_out}, {@code ffn_out}, {@code key}, {@code value})
 */
public record SpatialLossConfig(double alpha, int neighbourhoods, int radius, List<String> sites) implements Validated {
    /** Sites the loss may be taken on: those every model gives in training (the query is folded into SQ there). */
    public static final List<String> SITES = List.of("key", "value", "attn_out", "ffn_out");
    /** No spatial loss; TopoLM's neighbourhoods and sites if alpha is set. */
    public static final SpatialLossConfig OFF = new SpatialLossConfig(0, 5, 5, List.of("attn_out", "ffn_out"));

    @Override
    public void validate(String p) {
        Check.range(at(p, "alpha"), alpha, 0, 1e6);
        Check.range(at(p, "neighbourhoods"), neighbourhoods, 1, 1000);
        Check.range(at(p, "radius"), radius, 1, 1000);
        Check.require(sites != null && !sites.isEmpty(), at(p, "sites") + " must name at least one of " + SITES);
        for (String s : sites) {
            Check.oneOf(at(p, "sites"), s, SITES);
        }
    }

    /** Whether the loss is on (alpha &gt; 0). */
    public boolean on() {
        return alpha > 0;
    }

    /**
     * The mean of SL over {@link #sites} of every layer.
     *
     * @param layers per layer, activations by site, each (B, T, N) on {@code sheet}
     * @param rng    draws the neighbourhoods' centres
     */
    public Tensor loss(List<Map<String, Tensor>> layers, Sheet sheet, Rng rng) {
        SpatialCorrelationLoss sl = new SpatialCorrelationLoss(sheet, radius, neighbourhoods);
        List<Tensor> parts = new ArrayList<>();
        for (Map<String, Tensor> layer : layers) {
            for (String site : sites) {
                Tensor x = layer.get(site);
                if (x == null) {
                    throw new IllegalArgumentException("model.spatial_loss.sites: '" + site + "' is not among this "
                            + "model's activations " + layer.keySet());
                }
                parts.add(sl.apply(x, rng));
            }
        }
        return Tensors.div(Tensors.stack(parts, 0).sum(), parts.size());
    }
}
