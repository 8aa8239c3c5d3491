package dev.topos.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import dev.topos.nn.Tensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019), with global-norm gradient clipping.
 *
 * <pre>
 *   g   &lt;- g * min(1, clip / ||g||_2)            (norm over all parameters)
 *   m   &lt;- b1 m + (1 - b1) g,   v &lt;- b2 v + (1 - b2) g^2
 *   w   &lt;- w - lr * ( sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps) + wd * w )
 * </pre>
 *
 * The arithmetic is DJL's fused {@code adamUpdate}; this class owns the moment tensors and the
 * step count so a checkpoint can save and restore them exactly (DJL's own optimizers keep them
 * private). Parameters named in {@code noDecay} get no weight decay (biases, norms, embeddings).
 */
public final class AdamW {
    private final Map<String, Parameter> params;
    private final Map<String, Boolean> decay = new LinkedHashMap<>();
    private final Map<String, NDArray> mean = new LinkedHashMap<>();
    private final Map<String, NDArray> variance = new LinkedHashMap<>();
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final double clip;
    private long t;

    public AdamW(Map<String, Parameter> params, double beta1, double beta2, double eps, double weightDecay,
                 double clip, java.util.function.Predicate<String> noDecay) {
        this.params = params;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.clip = clip;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NDArray w = e.getValue().getArray();
            mean.put(e.getKey(), w.zerosLike());
            variance.put(e.getKey(), w.zerosLike());
            decay.put(e.getKey(), !noDecay.test(e.getKey()));
        }
    }

    /**
     * Squared L2 norm of each parameter's current gradient, summed in float64 so that a float32
     * gradient as large as 1e19 still gives a finite norm (its square overflows float32). A
     * parameter that got no gradient in this update holds zeros (its gradient was zeroed after the
     * last update, or never existed), so it adds 0.
     */
    private Map<String, Double> squaredGradNorms() {
        Map<String, Double> out = new LinkedHashMap<>();
        try (NDScope ignored = new NDScope()) {
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                NDArray g = e.getValue().getArray().getGradient();
                out.put(e.getKey(), g.toType(DataType.FLOAT64, false).square().sum().getDouble());
            }
        }
        return out;
    }

    /** Global L2 norm of the current gradients (see {@link #squaredGradNorms()}). */
    public double gradNorm() {
        return norm(squaredGradNorms());
    }

    private static double norm(Map<String, Double> squared) {
        return Math.sqrt(squared.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /**
     * Discards the current gradients without updating (a skipped update): each is zeroed in its own
     * storage ({@link Tensors#zero}), so the next backward pass accumulates into live memory.
     */
    public void discardGradients() {
        try (NDScope ignored = new NDScope()) {
            for (Parameter p : params.values()) {
                Tensors.zero(p.getArray().getGradient());
            }
        }
    }

    /**
     * Applies one update with learning rate {@code lr} and zeroes the gradients.
     *
     * @return the gradient norm before clipping
     * @throws NonFiniteGradientException if a gradient holds NaN or infinity, naming every such
     *     parameter; nothing is updated then and the gradients are discarded
     */
    public double step(double lr) {
        Map<String, Double> squared = squaredGradNorms();
        double norm = norm(squared);
        if (!Double.isFinite(norm)) {
            List<String> bad = new ArrayList<>();
            squared.forEach((k, v) -> {
                if (!Double.isFinite(v)) {
                    bad.add(k + " (" + v + ")");
                }
            });
            discardGradients();
            throw new NonFiniteGradientException("the gradient norm is " + norm + ", not finite in "
                    + String.join(", ", bad) + " (squared norms); no parameter was updated");
        }
        float rescale = (float) (clip > 0 && norm > clip ? clip / norm : 1.0);
        t++;
        float lrCorrected = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        try (NDScope ignored = new NDScope()) {
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                NDArray w = e.getValue().getArray();
                NDArray g = w.getGradient();
                float wd = decay.get(e.getKey()) ? (float) weightDecay : 0f;
                w.getNDArrayInternal().adamUpdate(
                        new NDList(w, g, mean.get(e.getKey()), variance.get(e.getKey())), new NDList(w),
                        (float) lr, lrCorrected, wd, rescale, Float.MAX_VALUE,
                        (float) beta1, (float) beta2, (float) eps, false, true);
            }
        }
        return norm;
    }

    /** A gradient with NaN or infinity: the update was not applied and the gradients are discarded. */
    public static final class NonFiniteGradientException extends IllegalStateException {
        NonFiniteGradientException(String message) {
            super(message);
        }
    }

    public long stepCount() {
        return t;
    }

    /** Moments and step as named tensors ({@code adam.m.NAME}, {@code adam.v.NAME}, {@code adam.t}). */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        mean.forEach((k, v) -> out.put("adam.m." + k, v));
        variance.forEach((k, v) -> out.put("adam.v." + k, v));
        return out;
    }

    public void setStepCount(long t) {
        this.t = t;
    }

    /** Copies saved moments into this optimizer's tensors; names must match exactly. */
    public void loadState(Map<String, NDArray> saved, String source) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : state().entrySet()) {
            NDArray s = saved.get(e.getKey());
            if (s == null || !s.getShape().equals(e.getValue().getShape())) {
                missing.add(e.getKey());
            } else {
                Tensors.copy(s, e.getValue());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": optimizer state missing or of the wrong shape: " + missing);
        }
    }
}
