package dev.topos.experiment.topoformer;

import dev.topos.data.text.BertWordPiece;
import dev.topos.data.text.MlmMasking;
import dev.topos.model.TopoformerBert;
import dev.topos.nn.Tensors;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;

/**
 * A masked language model's pseudo-log-likelihood of a sentence (Salazar et al. 2020, "Masked
 * Language Model Scoring", §2.3): each WordPiece of {@code [CLS] w_1 .. w_n [SEP]} masked in turn,
 * the log-probability the model gives the original piece there, summed:
 * <pre>
 *   PLL(W) = sum_{i=1..n} log P(w_i | W with w_i replaced by [MASK])
 * </pre>
 * The n masked copies of a sentence run as one batch (in evaluation mode, no autograd); a sentence
 * longer than the model's length keeps its first length - 2 pieces.
 */
final class PseudoLogLikelihood {
    private PseudoLogLikelihood() {}

    /** PLL of each sentence, in nats. */
    static double[] of(TopoformerBert model, BertWordPiece tokenizer, List<String> sentences) {
        double[] out = new double[sentences.size()];
        int length = model.config().length();
        int maskId = tokenizer.vocabulary().maskId();
        for (int s = 0; s < out.length; s++) {
            int[] pieces = tokenizer.encode(sentences.get(s));
            int real = BertWordPiece.realLength(pieces.length, length);
            int n = real - 2;
            if (n == 0) {
                continue;
            }
            int[] sequence = tokenizer.sequence(pieces, real);
            int[][] inputs = new int[n][];
            int[][] targets = new int[n][real];
            for (int i = 0; i < n; i++) {
                inputs[i] = sequence.clone();
                inputs[i][i + 1] = maskId;
                Arrays.fill(targets[i], MlmMasking.IGNORE);
                targets[i][i + 1] = sequence[i + 1];
            }
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                MaskedBatch b = MaskedBatch.of(new MlmMasking.Masked(inputs, targets), 0, n);
                out[s] = -Tensors.item(b.lossSum(b.logits(model, false)));
            }
        }
        return out;
    }
}
