package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A dense affine map Y = X W^T + b (W: out x in) with PyTorch's {@code nn.Linear} initialisation,
 * W, b ~ U(-1/sqrt(in), 1/sqrt(in)) (the reference models are PyTorch {@code nn.Linear}s), unless
 * built from other initial values.
 */
public final class Dense extends Module implements Projection {
    private final Tensor weight;
    private final Tensor bias;

    /** @param bias whether to add a bias */
    public Dense(int in, int out, boolean bias) {
        this(Init.uniform(1 / Math.sqrt(in), out, in), bias ? Init.uniform(1 / Math.sqrt(in), out) : null);
    }

    /**
     * A dense map starting from other initial values: {@code weight} (out x in) and {@code bias}
     * (out), or null for none.
     */
    public Dense(Tensor weight, Tensor bias) {
        this.weight = parameter("weight", weight);
        this.bias = bias == null ? null : parameter("bias", bias);
    }

    @Override
    public Tensor apply(Tensor x) {
        return bias == null ? torch.linear(x, weight) : torch.linear(x, weight, new TensorOptional(bias));
    }

    /**
     * (X W^T + b) R = X (R^T W)^T + R^T b: R folded into the weights once, an (in x out x k) product,
     * instead of multiplying every row of the output by R.
     */
    @Override
    public Tensor applyThen(Tensor x, Tensor r) {
        Tensor rt = r.t();
        Tensor w = rt.matmul(weight);
        return bias == null ? torch.linear(x, w) : torch.linear(x, w, new TensorOptional(rt.matmul(bias)));
    }

    @Override
    public Module module() {
        return this;
    }

}
