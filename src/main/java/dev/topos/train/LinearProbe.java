package dev.topos.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.topos.nn.Tensors;

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
 * @param steps gradient steps
 * @param rate  step size
 * @param l2    weight penalty
 */
public record LinearProbe(int steps, double rate, double l2) {
    /**
     * Fits on (trainX, trainY) and returns the accuracy on (testX, testY).
     *
     * @param trainX (n, F) features
     * @param trainY (n) int32 labels in [0, classes)
     * @param testX  (m, F)
     * @param testY  (m) int32
     */
    public double accuracy(NDArray trainX, NDArray trainY, NDArray testX, NDArray testY, int classes) {
        NDManager m = trainX.getManager();
        NDArray mean = trainX.mean(new int[] {0});
        NDArray std = Tensors.add(trainX.sub(mean).square().mean(new int[] {0}).sqrt(), 1e-6);
        NDArray x = trainX.sub(mean).div(std);
        NDArray w = m.zeros(new Shape(x.getShape().get(1), classes), DataType.FLOAT32);
        NDArray b = m.zeros(new Shape(classes), DataType.FLOAT32);
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
        NDArray all = m.ones(trainY.getShape());
        for (int s = 0; s < steps; s++) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Losses.maskedCrossEntropy(x.matMul(w).add(b), trainY, all)
                        .add(Tensors.mul(w.square().sum(), l2 / 2));
                gc.backward(loss);
            }
            w.subi(Tensors.mul(w.getGradient(), rate));
            b.subi(Tensors.mul(b.getGradient(), rate));
        }
        NDArray logits = testX.sub(mean).div(std).matMul(w).add(b);
        return Losses.correct(logits, testY).mean().getFloat();
    }
}
