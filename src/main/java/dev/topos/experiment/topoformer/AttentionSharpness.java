package dev.topos.experiment.topoformer;

import dev.topos.analysis.columns.AttentionEntropy;
import dev.topos.analysis.columns.Connectivity;
import dev.topos.data.text.MlmMasking;
import dev.topos.model.TopoformerBert;
import dev.topos.nn.Tensors;
import java.util.Arrays;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * How sharply each layer of a masked language model attends: every query position's attention
 * entropy H_i = -sum_j A_ij ln A_ij ({@link AttentionEntropy}) over the T positions of its sequence,
 * divided by ln T, the entropy of uniform attention, and averaged over positions and sequences. 1 is
 * a layer that averages the whole sequence; 0 one whose every token reads a single other.
 *
 * <p>Why it is measured: spatial querying scores Q M^ K^T / sqrt(N) with M^ = M / ||M||_F, whose
 * eigenvalues have root mean square 1 / sqrt(N) (||M^||_F = 1); with query and key weights the size
 * of a dense model's, the scores are that much flatter, so a Topoformer that has not grown its
 * weights attends almost uniformly.
 *
 * @param perLayer the normalised entropy of each layer
 */
record AttentionSharpness(double[] perLayer) {
    /** The mean over layers. */
    double mean() {
        return Arrays.stream(perLayer).average().orElseThrow();
    }

    /**
     * Runs {@code model} in evaluation mode on the first {@code sequences} of {@code masked} (the inputs
     * as the masked-LM score sees them), {@code batch} a pass.
     */
    static AttentionSharpness of(TopoformerBert model, MlmMasking.Masked masked, int sequences, int batch) {
        int n = Math.min(sequences, masked.inputs().length);
        if (n == 0) {
            throw new IllegalArgumentException("no sequence to measure attention on");
        }
        int layers = model.config().layers();
        double[] sum = new double[layers];
        for (int start = 0; start < n; start += batch) {
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                MaskedBatch b = MaskedBatch.of(masked, start, Math.min(n, start + batch));
                TopoformerBert.Encoded e = b.encode(model, false);
                for (int l = 0; l < layers; l++) {
                    Tensor w = e.weights().get(l);
                    int rows = (int) w.size(0);
                    int t = (int) w.size(1);
                    float[] a = Tensors.toFloats(w);
                    for (int s = 0; s < rows; s++) {
                        double[][] matrix = new double[t][t];
                        for (int i = 0; i < t; i++) {
                            for (int j = 0; j < t; j++) {
                                matrix[i][j] = a[(s * t + i) * t + j];
                            }
                        }
                        AttentionEntropy.Result r = AttentionEntropy.compute(Connectivity.dense(matrix));
                        sum[l] += r.mean() / r.meanUniform();
                    }
                }
            }
        }
        return new AttentionSharpness(Arrays.stream(sum).map(v -> v / n).toArray());
    }
}
