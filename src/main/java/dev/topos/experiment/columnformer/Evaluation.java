package dev.topos.experiment.columnformer;

import dev.topos.data.image.ImageSet;
import dev.topos.model.Columnformer;
import dev.topos.nn.Engine;
import dev.topos.nn.Tensors;
import dev.topos.train.LinearProbe;
import dev.topos.train.Losses;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * The numbers every Columnformer run reports (spec section 7; issue: {@code test_acc},
 * {@code mim_loss}, {@code mim_baseline_loss}, {@code wiring_length}):
 * <ul>
 *   <li>classification: accuracy on the validation and test images;</li>
 *   <li>masked image modelling: masked-patch MSE on the test images under seeded masks, beside the
 *       mean-patch baseline, which predicts every hidden patch as the training set's mean patch at
 *       that position;</li>
 *   <li>both: the linear-probe accuracy of the mean output-column features (all patches shown),
 *       and the mean attention-weighted distance on the test images.</li>
 * </ul>
 * Every batch runs without autograd in a scope of its own; what outlives it is copied to Java arrays.
 */
final class Evaluation {
    /** Gradient-descent probe on standardised features: 300 steps of 0.5, l2 1e-4. */
    private static final double PROBE_RATE = 0.5;
    private static final double PROBE_L2 = 1e-4;

    private Evaluation() {}

    static Map<String, Object> run(Columnformer model, ImageInputs inputs, ColumnformerStudyConfig cfg) {
        Map<String, Object> out = new LinkedHashMap<>();
        Pass test = pass(model, inputs, inputs.test(), cfg, inputs.test().size());
        if (cfg.mim()) {
            MeanPatch meanPatch = meanPatch(inputs, cfg.analysis().evalBatch());
            out.put("mim_loss", test.reconstruction);
            out.put("mim_baseline_loss", baseline(inputs, inputs.test(), meanPatch, cfg));
        } else {
            out.put("test_acc", test.accuracy);
        }
        out.putAll(validation(model, inputs, cfg));
        int probeImages = Math.min(cfg.analysis().probeImages(), inputs.train().size());
        Pass probeTrain = pass(model, inputs, inputs.train().subset(range(probeImages)), cfg, probeImages);
        try (PointerScope ignored = new PointerScope()) {
            LinearProbe probe = new LinearProbe(cfg.analysis().probeSteps(), PROBE_RATE, PROBE_L2);
            int dim = cfg.model().dim();
            out.put("probe_acc", probe.accuracy(
                    Tensors.floats(probeTrain.features, probeTrain.labels.length, dim),
                    Tensors.longs(probeTrain.labels, probeTrain.labels.length),
                    Tensors.floats(test.features, test.labels.length, dim),
                    Tensors.longs(test.labels, test.labels.length), inputs.test().classes()));
        }
        out.put("probe_train_images", probeImages);
        out.put("wiring_length", test.wiringLength);
        return out;
    }

    /**
     * The validation split's task figure, as training logs it: {@code val_mim_loss} (masked image
     * modelling) or {@code val_acc} (classification).
     */
    static Map<String, Double> validation(Columnformer model, ImageInputs inputs, ColumnformerStudyConfig cfg) {
        Pass p = pass(model, inputs, inputs.validation(), cfg, 0);
        return cfg.mim() ? Map.of("val_mim_loss", p.reconstruction) : Map.of("val_acc", p.accuracy);
    }

    /**
     * One pass over a set: accuracy (classification), masked MSE under masks seeded per batch
     * (masked image modelling), mean wiring length, and the features of the first {@code keep}
     * images (mean over the output columns, nothing masked) with their labels.
     */
    private static Pass pass(Columnformer model, ImageInputs inputs, ImageSet set, ColumnformerStudyConfig cfg,
                             int keep) {
        int batch = cfg.analysis().evalBatch();
        double correct = 0;
        double squared = 0;
        double length = 0;
        long[] labels = new long[Math.min(keep, set.size())];
        int dim = cfg.model().dim();
        float[] features = new float[labels.length * dim];
        for (int start = 0; start < set.size(); start += batch) {
            int end = Math.min(set.size(), start + batch);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                ImageInputs.Batch b = inputs.batch(set, start, end);
                Columnformer.Output shown = model.forward(b.patches(), null);
                length += Tensors.item(model.wiring(shown).length()) * (end - start);
                if (cfg.mim()) {
                    Tensor hide = evaluationMask(b.patches(), start, cfg);
                    Columnformer.Output masked = model.forward(b.patches(), hide);
                    squared += Tensors.item(PatchMasks.loss(model.reconstruct(masked), b.patches(), hide))
                            * (end - start);
                } else {
                    correct += Tensors.item(Losses.correct(model.classify(shown), b.labels()).sum());
                }
                if (start < keep) {
                    int take = Math.min(end, keep) - start;
                    Tensor f = Tensors.mean(shown.outputs(), 1).narrow(0, 0, take);
                    System.arraycopy(Tensors.toFloats(f), 0, features, start * dim, take * dim);
                    System.arraycopy(Tensors.toLongs(b.labels()), 0, labels, start, take);
                }
            }
        }
        int n = set.size();
        return new Pass(correct / n, squared / n, length / n, features, labels);
    }

    /** The training set's mean normalised patch at each position, (P, pixels). */
    private static MeanPatch meanPatch(ImageInputs inputs, int batch) {
        ImageSet train = inputs.train();
        double[] sum = null;
        long[] shape = null;
        for (int start = 0; start < train.size(); start += batch) {
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                Tensor s = Tensors.sum(inputs.batch(train, start, Math.min(train.size(), start + batch)).patches(), 0);
                double[] values = Tensors.toDoubles(s);
                if (sum == null) {
                    sum = new double[values.length];
                    shape = s.shape();
                }
                for (int i = 0; i < values.length; i++) {
                    sum[i] += values[i];
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= train.size();
        }
        return new MeanPatch(sum, shape);
    }

    /** Masked MSE of predicting every hidden patch as the mean patch, under the evaluation's masks. */
    private static double baseline(ImageInputs inputs, ImageSet set, MeanPatch meanPatch, ColumnformerStudyConfig cfg) {
        int batch = cfg.analysis().evalBatch();
        double squared = 0;
        for (int start = 0; start < set.size(); start += batch) {
            int end = Math.min(set.size(), start + batch);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                ImageInputs.Batch b = inputs.batch(set, start, end);
                Tensor hide = evaluationMask(b.patches(), start, cfg);
                Tensor predicted = meanPatch.tensor().unsqueeze(0).expand(b.patches().shape());
                squared += Tensors.item(PatchMasks.loss(predicted, b.patches(), hide)) * (end - start);
            }
        }
        return squared / set.size();
    }

    /**
     * The mask of the evaluation batch starting at image {@code start}: seeded by (seed, start), so the
     * model and the mean-patch baseline are scored on the same hidden patches.
     */
    private static Tensor evaluationMask(Tensor patches, int start, ColumnformerStudyConfig cfg) {
        Engine.seed(Rng.derive(cfg.seed() ^ 0x5EED, start).nextLong());
        return PatchMasks.keep((int) patches.size(0), (int) patches.size(1), cfg.maskRatio());
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** The mean patch's values (row-major) and shape (P, pixels). */
    private record MeanPatch(double[] values, long[] shape) {
        /** As a float tensor, in the caller's scope. */
        Tensor tensor() {
            return Tensors.doubles(values, shape).toType(Engine.floatType());
        }
    }

    /**
     * @param features (labels.length x dim) mean output-column features, row-major
     * @param labels   the classes of the images whose features were kept
     */
    private record Pass(double accuracy, double reconstruction, double wiringLength, float[] features,
                        long[] labels) {}
}
