package dev.topos.experiment.topoformer;

import dev.topos.data.text.MlmMasking;
import dev.topos.model.TopoformerBert;
import dev.topos.nn.Tensors;
import dev.topos.train.Losses;
import java.util.Arrays;
import org.bytedeco.pytorch.Tensor;

/**
 * Masked sequences as tensors, with the positions the masked-LM loss is taken on gathered flat, so
 * that the MLM head and the decoder run on those positions only (cramming's sparse prediction: the
 * loss over 15% of the positions costs 15% of the decoder's B T N V products).
 *
 * @param ids       (B, T) corrupted input ids, int64
 * @param real      (B, T) 1 for every position (packed sequences have no padding), float
 * @param positions (M) flat indices b T + t of the positions the loss is taken on, int64
 * @param targets   (M) their original ids, int64
 * @param count     M
 */
record MaskedBatch(Tensor ids, Tensor real, Tensor positions, Tensor targets, int count) {
    /** The rows {@code [from, to)} of a masked set. */
    static MaskedBatch of(MlmMasking.Masked masked, int from, int to) {
        int b = to - from;
        int t = masked.inputs()[from].length;
        long[] ids = new long[b * t];
        long[] positions = new long[b * t];
        long[] targets = new long[b * t];
        int m = 0;
        for (int i = 0; i < b; i++) {
            int[] in = masked.inputs()[from + i];
            int[] target = masked.targets()[from + i];
            for (int p = 0; p < t; p++) {
                ids[i * t + p] = in[p];
                if (target[p] != MlmMasking.IGNORE) {
                    positions[m] = (long) i * t + p;
                    targets[m++] = target[p];
                }
            }
        }
        return new MaskedBatch(Tensors.longs(ids, b, t), Tensors.ones(b, t), Tensors.longs(Arrays.copyOf(positions, m), m),
                Tensors.longs(Arrays.copyOf(targets, m), m), m);
    }

    /**
     * The logits at the loss positions, (M, V): the encoder over the whole batch, its final-normed
     * output gathered at {@link #positions}, then the MLM head and tied decoder.
     */
    Tensor logits(TopoformerBert model, boolean training) {
        return logits(model, encode(model, training));
    }

    /** The encoder over the whole batch. */
    TopoformerBert.Encoded encode(TopoformerBert model, boolean training) {
        return model.encode(ids, real, training);
    }

    /** The logits at the loss positions from an encoding of this batch ({@link #encode}). */
    Tensor logits(TopoformerBert model, TopoformerBert.Encoded encoded) {
        Tensor hidden = encoded.hidden();
        return model.predict(hidden.reshape(-1, hidden.size(2)).index_select(0, positions));
    }

    /** Summed cross-entropy of {@code logits} (M, V) against {@link #targets}, as a scalar tensor. */
    Tensor lossSum(Tensor logits) {
        return Tensors.mul(Losses.maskedCrossEntropy(logits, targets, Tensors.ones(count)), count);
    }

    /** How many of {@code logits}' arg-max predictions are the targets, as a scalar tensor. */
    Tensor correct(Tensor logits) {
        return Losses.correct(logits, targets).sum();
    }
}
