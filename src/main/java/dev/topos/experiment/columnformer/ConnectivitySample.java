package dev.topos.experiment.columnformer;

import dev.topos.geometry.Neighbours;
import dev.topos.model.Columnformer;
import dev.topos.nn.SparseColumnAttention;
import dev.topos.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * What the connectivity analyses read from a trained Columnformer: the attention of every step
 * averaged over images and heads (row i = column i's incoming connectivity), the sources each
 * weight belongs to, and each column's final state on the same images as its feature vector.
 *
 * @param attention per step, N x K mean attention
 * @param sources   per step, N x K source columns (every column, in order, for dense attention)
 * @param features  N x (images C), each column's final state over the images
 */
record ConnectivitySample(double[][][] attention, int[][][] sources, double[][] features) {
    /** Runs the first {@code images} test images through the model, nothing masked. */
    static ConnectivitySample of(Columnformer model, ImageInputs inputs, int images, int batch) {
        int n = model.sheet().size();
        int steps = model.config().depth();
        int count = Math.min(images, inputs.test().size());
        double[][][] attention = null;
        double[][] features = new double[n][];
        int c = model.config().dim();
        for (int col = 0; col < n; col++) {
            features[col] = new double[count * c];
        }
        for (int start = 0; start < count; start += batch) {
            int end = Math.min(count, start + batch);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                Columnformer.Output out = model.forward(inputs.batch(inputs.test(), start, end).patches(), null);
                for (int t = 0; t < steps; t++) {
                    // summed over the images (divided by their count below), averaged over the heads
                    Tensor a = Tensors.mean(Tensors.sum(out.weights().get(t), 0), 0); // (N, K)
                    int k = (int) a.size(1);
                    if (attention == null) {
                        attention = new double[steps][n][k];
                    }
                    float[] flat = Tensors.toFloats(a);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < k; j++) {
                            attention[t][i][j] += flat[i * k + j] / count;
                        }
                    }
                }
                float[] state = Tensors.toFloats(out.state()); // (N, B, C)
                int b = end - start;
                for (int col = 0; col < n; col++) {
                    for (int x = 0; x < b * c; x++) {
                        features[col][start * c + x] = state[col * b * c + x];
                    }
                }
            }
        }
        int[][][] sources = new int[steps][][];
        for (int t = 0; t < steps; t++) {
            // A recurrent model's steps share one sheet, and so one table.
            sources[t] = t > 0 && model.config().recurrent() ? sources[0] : sourcesOf(model, t, n);
        }
        return new ConnectivitySample(attention, sources, features);
    }

    private static int[][] sourcesOf(Columnformer model, int step, int n) {
        var sheet = model.sheets().get(model.config().recurrent() ? 0 : step);
        if (sheet.attention() instanceof SparseColumnAttention sparse) {
            Neighbours table = sparse.table();
            return table.index();
        }
        int[][] all = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                all[i][j] = j;
            }
        }
        return all;
    }
}
