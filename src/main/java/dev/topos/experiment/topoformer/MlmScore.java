package dev.topos.experiment.topoformer;

import dev.topos.data.text.MlmMasking;
import dev.topos.model.TopoformerBert;
import dev.topos.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * A masked language model's score on masked sequences, over every position the masking chose:
 * the mean cross-entropy (nats per masked token), its perplexity exp(loss), and the share of
 * masked tokens whose arg-max prediction is the original token.
 *
 * @param loss      mean cross-entropy over the masked positions
 * @param accuracy  share of masked positions predicted exactly
 * @param positions masked positions scored
 */
record MlmScore(double loss, double accuracy, long positions) {
    /** exp(loss): the perplexity over the masked positions. */
    double perplexity() {
        return Math.exp(loss);
    }

    /** Scores {@code model} in evaluation mode (no dropout, no autograd) on {@code masked}, {@code batch} sequences a pass. */
    static MlmScore of(TopoformerBert model, MlmMasking.Masked masked, int batch) {
        double loss = 0;
        double correct = 0;
        long positions = 0;
        int n = masked.inputs().length;
        for (int start = 0; start < n; start += batch) {
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                MaskedBatch b = MaskedBatch.of(masked, start, Math.min(n, start + batch));
                if (b.count() == 0) {
                    continue;
                }
                Tensor logits = b.logits(model, false);
                loss += Tensors.item(b.lossSum(logits));
                correct += Tensors.item(b.correct(logits));
                positions += b.count();
            }
        }
        if (positions == 0) {
            throw new IllegalArgumentException("no masked position to score among " + n + " sequences");
        }
        return new MlmScore(loss / positions, correct / positions, positions);
    }
}
