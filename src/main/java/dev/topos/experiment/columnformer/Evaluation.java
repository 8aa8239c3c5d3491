package dev.topos.experiment.columnformer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.topos.data.image.ImageSet;
import dev.topos.model.Columnformer;
import dev.topos.train.Losses;
import dev.topos.train.LinearProbe;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

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
 */
final class Evaluation {
    /** Gradient-descent probe on standardised features: 300 steps of 0.5, l2 1e-4. */
    private static final double PROBE_RATE = 0.5;
    private static final double PROBE_L2 = 1e-4;

    private Evaluation() {}

    static Map<String, Object> run(Columnformer model, ImageInputs inputs, ColumnformerStudyConfig cfg,
                                   NDManager manager) {
        Map<String, Object> out = new LinkedHashMap<>();
        Pass test = pass(model, inputs, inputs.test(), cfg, manager, inputs.test().size());
        if (cfg.mim()) {
            NDArray meanPatch = meanPatch(inputs, cfg.analysis().evalBatch(), manager);
            out.put("mim_loss", test.reconstruction);
            out.put("mim_baseline_loss", baseline(inputs, inputs.test(), meanPatch, cfg, manager));
            out.put("val_mim_loss", pass(model, inputs, inputs.validation(), cfg, manager, 0).reconstruction);
        } else {
            out.put("test_acc", test.accuracy);
            out.put("val_acc", pass(model, inputs, inputs.validation(), cfg, manager, 0).accuracy);
        }
        int probeImages = Math.min(cfg.analysis().probeImages(), inputs.train().size());
        Pass probeTrain = pass(model, inputs, inputs.train().subset(range(probeImages)), cfg, manager, probeImages);
        try (NDScope ignored = new NDScope()) {
            LinearProbe probe = new LinearProbe(cfg.analysis().probeSteps(), PROBE_RATE, PROBE_L2);
            out.put("probe_acc", probe.accuracy(probeTrain.features.get(0), probeTrain.features.get(1),
                    test.features.get(0), test.features.get(1), inputs.test().classes()));
        }
        out.put("probe_train_images", probeImages);
        out.put("wiring_length", test.wiringLength);
        return out;
    }

    /**
     * One pass over a set: accuracy (classification), masked MSE under masks seeded per batch
     * (masked image modelling), mean wiring length, and the features of the first {@code keep}
     * images (mean over the output columns, nothing masked) with their labels.
     */
    private static Pass pass(Columnformer model, ImageInputs inputs, ImageSet set, ColumnformerStudyConfig cfg,
                             NDManager manager, int keep) {
        int batch = cfg.analysis().evalBatch();
        double correct = 0;
        double squared = 0;
        double length = 0;
        int batches = 0;
        int[] labels = new int[Math.min(keep, set.size())];
        int dim = cfg.model().dim();
        float[] features = new float[labels.length * dim];
        for (int start = 0; start < set.size(); start += batch) {
            int end = Math.min(set.size(), start + batch);
            try (NDScope ignored = new NDScope()) {
                ImageInputs.Batch b = inputs.batch(set, start, end, manager);
                Columnformer.Output shown = model.forward(b.patches(), null);
                length += model.wiring(shown).length().getFloat() * (end - start);
                if (cfg.mim()) {
                    NDArray hide = evaluationMask(b.patches(), start, cfg, manager);
                    Columnformer.Output masked = model.forward(b.patches(), hide);
                    squared += PatchMasks.loss(model.reconstruct(masked), b.patches(), hide).getFloat() * (end - start);
                } else {
                    correct += Losses.correct(model.classify(shown), b.labels()).sum().getFloat();
                }
                if (start < keep) {
                    int take = Math.min(end, keep) - start;
                    NDArray f = shown.outputs().mean(new int[] {1}).get(":" + take);
                    System.arraycopy(f.toFloatArray(), 0, features, start * dim, take * dim);
                    System.arraycopy(b.labels().toIntArray(), 0, labels, start, take);
                }
            }
            batches++;
        }
        int n = set.size();
        NDList kept = new NDList();
        if (labels.length > 0) {
            kept.add(manager.create(features, new Shape(labels.length, dim)));
            kept.add(manager.create(labels));
        }
        return new Pass(correct / n, squared / n, length / n, kept, batches);
    }

    /** The training set's mean normalised patch at each position, (P, pixels). */
    private static NDArray meanPatch(ImageInputs inputs, int batch, NDManager manager) {
        ImageSet train = inputs.train();
        double[] sum = null;
        long[] shape = null;
        for (int start = 0; start < train.size(); start += batch) {
            try (NDScope ignored = new NDScope()) {
                NDArray s = inputs.batch(train, start, Math.min(train.size(), start + batch), manager).patches()
                        .sum(new int[] {0});
                double[] values = s.toType(DataType.FLOAT64, false).toDoubleArray();
                if (sum == null) {
                    sum = new double[values.length];
                    shape = s.getShape().getShape();
                }
                for (int i = 0; i < values.length; i++) {
                    sum[i] += values[i];
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= train.size();
        }
        return manager.create(sum, new Shape(shape)).toType(DataType.FLOAT32, false);
    }

    /** Masked MSE of predicting every hidden patch as the mean patch, under the evaluation's masks. */
    private static double baseline(ImageInputs inputs, ImageSet set, NDArray meanPatch, ColumnformerStudyConfig cfg,
                                   NDManager manager) {
        int batch = cfg.analysis().evalBatch();
        double squared = 0;
        for (int start = 0; start < set.size(); start += batch) {
            int end = Math.min(set.size(), start + batch);
            try (NDScope ignored = new NDScope()) {
                ImageInputs.Batch b = inputs.batch(set, start, end, manager);
                NDArray hide = evaluationMask(b.patches(), start, cfg, manager);
                NDArray predicted = meanPatch.expandDims(0).broadcast(b.patches().getShape());
                squared += PatchMasks.loss(predicted, b.patches(), hide).getFloat() * (end - start);
            }
        }
        return squared / set.size();
    }

    /**
     * The mask of the evaluation batch starting at image {@code start}: seeded by (seed, start), so the
     * model and the mean-patch baseline are scored on the same hidden patches.
     */
    private static NDArray evaluationMask(NDArray patches, int start, ColumnformerStudyConfig cfg,
                                          NDManager manager) {
        Engine.getInstance().setRandomSeed((int) Rng.derive(cfg.seed() ^ 0x5EED, start).nextLong());
        long[] s = patches.getShape().getShape();
        return PatchMasks.keep(manager, (int) s[0], (int) s[1], cfg.maskRatio());
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private record Pass(double accuracy, double reconstruction, double wiringLength, NDList features, int batches) {}
}
