package dev.topos.train;

import dev.topos.nn.Tensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019), with global-norm gradient clipping:
 *
 * <pre>
 *   g   &lt;- g * min(1, clip / ||g||_2)            (norm over all parameters)
 *   m   &lt;- b1 m + (1 - b1) g,   v &lt;- b2 v + (1 - b2) g^2
 *   w   &lt;- w (1 - lr wd) - lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)
 * </pre>
 *
 * The moments are float32 tensors beside float32 master weights, whatever precision the forward
 * pass computes in; this class owns them and the step count so a checkpoint saves and restores
 * them exactly. Weight decay applies to the parameters {@code decays} accepts.
 *
 * <p>A parameter the backward pass did not reach this update (its gradient is undefined) counts
 * as a zero gradient: it adds 0 to the norm, and its moments decay as for g = 0. Gradients are
 * zeroed in their own storage after every update, so the next backward pass accumulates from 0.
 */
public final class AdamW {
    /** Below sqrt(Float.MAX_VALUE) / 2: no partial sum of squares of such a gradient overflows float32. */
    private static final double FLOAT32_SAFE_NORM = 9e18;
    private final Map<String, Tensor> params;
    private final Map<String, Boolean> decay = new LinkedHashMap<>();
    private final Map<String, Tensor> mean = new LinkedHashMap<>();
    private final Map<String, Tensor> variance = new LinkedHashMap<>();
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final double clip;
    private long t;

    /** @param decays which parameters, by name and tensor, get weight decay */
    public AdamW(Map<String, Tensor> params, double beta1, double beta2, double eps, double weightDecay,
                 double clip, java.util.function.BiPredicate<String, Tensor> decays) {
        this.params = params;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.clip = clip;
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            Tensor w = e.getValue();
            mean.put(e.getKey(), kept(Tensors.zeros(w.shape())));
            variance.put(e.getKey(), kept(Tensors.zeros(w.shape())));
            decay.put(e.getKey(), decays.test(e.getKey(), w));
        }
    }

    private static Tensor kept(Tensor t) {
        t.retainReference();
        return t;
    }

    /** The gradient of {@code w} this update, or null if the backward pass did not reach it. */
    private static Tensor gradient(Tensor w) {
        Tensor g = w.grad();
        return g.defined() ? g : null;
    }

    /**
     * Squared L2 norm of each parameter's current gradient. A float32 norm whose square would
     * overflow (gradients near 1e19 and beyond) or that is not finite is taken again in float64, so
     * a finite gradient always gives a finite norm; the float64 pass costs a copy of the gradient
     * at twice its size (90 ms an update for the Topoformer's 14M parameters), so only those pay it.
     */
    private Map<String, Double> squaredGradNorms() {
        Map<String, Double> out = new LinkedHashMap<>();
        try (PointerScope ignored = new PointerScope(); NoGradGuard ng = new NoGradGuard()) {
            for (Map.Entry<String, Tensor> e : params.entrySet()) {
                Tensor g = gradient(e.getValue());
                out.put(e.getKey(), g == null ? 0.0 : squaredNorm(g));
            }
        }
        return out;
    }

    private static double squaredNorm(Tensor g) {
        double norm = torch.linalg_vector_norm(g).item_double();
        if (Double.isFinite(norm) && norm < FLOAT32_SAFE_NORM) {
            return norm * norm;
        }
        return g.toType(ScalarType.Double).square().sum().item_double();
    }

    /** Global L2 norm of the current gradients (see {@link #squaredGradNorms()}). */
    public double gradNorm() {
        return norm(squaredGradNorms());
    }

    private static double norm(Map<String, Double> squared) {
        return Math.sqrt(squared.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /** Discards the current gradients without updating (a skipped update): each is zeroed in its own storage. */
    public void discardGradients() {
        try (PointerScope ignored = new PointerScope(); NoGradGuard ng = new NoGradGuard()) {
            for (Tensor w : params.values()) {
                Tensor g = gradient(w);
                if (g != null) {
                    g.zero_();
                }
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
        double rescale = clip > 0 && norm > clip ? clip / norm : 1.0;
        t++;
        double stepSize = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        try (PointerScope ignored = new PointerScope(); NoGradGuard ng = new NoGradGuard()) {
            for (Map.Entry<String, Tensor> e : params.entrySet()) {
                Tensor w = e.getValue();
                Tensor g = gradient(w);
                Tensor m = mean.get(e.getKey());
                Tensor v = variance.get(e.getKey());
                m.mul_(new Scalar(beta1));
                v.mul_(new Scalar(beta2));
                if (g != null) {
                    Tensor clipped = rescale == 1.0 ? g : Tensors.mul(g, rescale);
                    m.add_(clipped, new Scalar(1 - beta1));
                    v.addcmul_(clipped, clipped, new Scalar(1 - beta2));
                }
                if (decay.get(e.getKey())) {
                    w.mul_(new Scalar(1 - lr * weightDecay));
                }
                w.addcdiv_(m, Tensors.add(v.sqrt(), eps), new Scalar(-stepSize));
                if (g != null) {
                    g.zero_();
                }
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

    /** Moments as named tensors ({@code adam.m.NAME}, {@code adam.v.NAME}). */
    public Map<String, Tensor> state() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        mean.forEach((k, v) -> out.put("adam.m." + k, v));
        variance.forEach((k, v) -> out.put("adam.v." + k, v));
        return out;
    }

    public void setStepCount(long t) {
        this.t = t;
    }

    /** Copies saved moments into this optimizer's tensors; names and shapes must match exactly. */
    public void loadState(Map<String, Tensor> saved, String source) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : state().entrySet()) {
            Tensor s = saved.get(e.getKey());
            if (s == null || !java.util.Arrays.equals(s.shape(), e.getValue().shape())) {
                missing.add(e.getKey());
            } else {
                Tensors.copy(s, e.getValue());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": optimizer state missing or of the wrong shape: " + missing);
        }
    }

    /** Weight decay by rule: tensors of rank 2 or more, except those whose names {@code exempt} matches. */
    public static java.util.function.BiPredicate<String, Tensor> decayRule(Predicate<String> exempt) {
        return (name, w) -> w.dim() >= 2 && !exempt.test(name);
    }
}
