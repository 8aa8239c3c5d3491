package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * The learned attention bias's value at birth, local in the sheet (Columnformer spec section 2;
 * reference {@code columnformers/models/layers.py}, attention bias init):
 *
 * <pre>
 *   B_ij = max(-D_ij^2 / (2 sigma^2), floor)          default sigma = 2, floor = -8
 * </pre>
 *
 * so softmax_j(B_ij) is a Gaussian field of width sigma around column i, cut off at e^-8 of its
 * peak.
 */
public record LocalBias(double sigma, double floor) {
    public LocalBias {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma (width of the initial attention field) must be > 0, got " + sigma);
        }
        if (!(floor <= 0) || !Double.isFinite(floor)) {
            throw new IllegalArgumentException("floor (smallest initial attention bias) must be <= 0, got " + floor);
        }
    }

    /** B at distance d. */
    public float at(double d) {
        return (float) Math.max(-d * d / (2 * sigma * sigma), floor);
    }

    /** B at every distance of a tensor of distances, same shape and type. */
    public Tensor at(Tensor d) {
        return Tensors.maximum(Tensors.div(d.square(), -2 * sigma * sigma), floor);
    }
}
