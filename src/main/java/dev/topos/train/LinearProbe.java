package dev.topos.train;

import dev.topos.config.Precision;
import dev.topos.nn.MixedPrecision;
import dev.topos.nn.Tensors;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * A linear probe: multinomial logistic regression on frozen features, the standard read-out of what
 * a self-supervised representation holds (e.g. He et al. 2022, MAE, linear probing). Features are
 * standardised with the training features' mean and standard deviation; W and b start at zero and
 * take {@code steps} full-batch gradient-descent steps on
 *
 * <pre>
 *   L = mean_i -log softmax(W z_i + b)[y_i] + (l2 / 2) |W|^2
 * </pre>
 *
 * which is convex, so the result does not depend on a seed.
 *
 * <p>The fit runs in fp32 whatever precision the caller computes in: inside a bfloat16 autocast
 * region libtorch caches its bf16 copy of a leaf that requires grad until the region ends, so every
 * step would read the cached W of the first step (zeros) and the probe would stay at chance.
 *
 * @param steps gradient steps
 * @param rate  step size
 * @param l2    weight penalty
 */
public record LinearProbe(int steps, double rate, double l2) {
    /**
     * Fits on (trainX, trainY) and returns the accuracy on (testX, testY).
     *
     * @param trainX (n, F) features
     * @param trainY (n) labels in [0, classes)
     * @param testX  (m, F)
     * @param testY  (m)
     */
    public double accuracy(Tensor trainX, Tensor trainY, Tensor testX, Tensor testY, int classes) {
        try (PointerScope ignored = new PointerScope();
             MixedPrecision.Scope fp32 = MixedPrecision.enter(Precision.FP32)) {
            Tensor features = trainX.detach();
            Tensor mean = Tensors.mean(features, 0);
            Tensor std = Tensors.add(Tensors.mean(features.sub(mean).square(), 0).sqrt(), 1e-6);
            Tensor x = features.sub(mean).div(std);
            Tensor w = Tensors.zeros(x.size(1), classes).set_requires_grad(true);
            Tensor b = Tensors.zeros(classes).set_requires_grad(true);
            Tensor all = Tensors.ones(trainY.shape());
            for (int s = 0; s < steps; s++) {
                try (PointerScope step = new PointerScope()) {
                    Tensor loss = Losses.maskedCrossEntropy(x.matmul(w).add(b), trainY, all)
                            .add(Tensors.mul(w.square().sum(), l2 / 2));
                    loss.backward();
                    try (NoGradGuard ng = new NoGradGuard()) {
                        w.sub_(w.grad(), new Scalar(rate));
                        b.sub_(b.grad(), new Scalar(rate));
                        w.grad().zero_();
                        b.grad().zero_();
                    }
                }
            }
            try (NoGradGuard ng = new NoGradGuard()) {
                Tensor logits = testX.detach().sub(mean).div(std).matmul(w).add(b);
                return Tensors.item(Losses.correct(logits, testY).mean());
            }
        }
    }
}
