package dev.topos.experiment.columnformer;

import dev.topos.data.image.ImageSet;
import dev.topos.data.image.Patches;
import dev.topos.model.Columnformer;
import dev.topos.nn.Engine;
import dev.topos.nn.Tensors;
import dev.topos.report.MapMosaic;
import dev.topos.report.ReportFigure;
import dev.topos.report.ReportSection;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * What masked image modelling looks like: for the first test images, the image, what the model was
 * shown (hidden patches at the mean pixel), and its reconstruction with the shown patches pasted
 * back (as MAE's figures), all in normalised pixels.
 */
final class Reconstructions {
    private static final int IMAGES = 8;
    private static final String FILE = "figures/reconstructions.png";

    private Reconstructions() {}

    static ReportSection write(Path runDir, Columnformer model, ImageInputs inputs, ColumnformerStudyConfig cfg)
            throws IOException {
        ImageSet test = inputs.test();
        int n = Math.min(IMAGES, test.size());
        int p = cfg.model().patch();
        List<double[][]> maps = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor patches = inputs.batch(test, 0, n).patches();
            Engine.seed(Rng.derive(cfg.seed(), 0x1A6E).nextLong());
            Tensor keep = PatchMasks.keep(n, (int) patches.size(1), cfg.maskRatio());
            Tensor predicted = model.reconstruct(model.forward(patches, keep));
            Tensor k = keep.unsqueeze(-1);
            Tensor shown = patches.mul(k);
            Tensor pasted = shown.add(predicted.mul(Tensors.oneMinus(k)));
            Tensor[] rows = {patches, shown, pasted};
            String[] names = {"image", "shown", "reconstruction"};
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < rows.length; r++) {
                    maps.add(image(Patches.unpatchify(rows[r].narrow(0, i, 1), p, test.height(), test.width())));
                    titles.add(names[r] + " " + i);
                }
            }
        }
        Files.createDirectories(runDir.resolve(FILE).getParent());
        MapMosaic.minMax(maps.toArray(new double[0][][]), titles).columns(6).sharedScale()
                .colorBar("pixel intensity (normalised input); one scale for all images")
                .writePng(runDir.resolve(FILE), 900, 800 + MapMosaic.BAR_STRIP);
        return new ReportSection("Reconstructions", "Masked image modelling on the first " + n + " test images: "
                + "each image, what the model was shown (" + Math.round(100 * cfg.maskRatio()) + "% of its patches "
                + "hidden, drawn at the mean pixel), and its reconstruction of the hidden patches with the shown ones "
                + "pasted back.", List.of(new ReportFigure(FILE, "Image, shown patches and reconstruction, in pairs "
                + "of three.")), List.of());
    }

    /** (1, H, W) -&gt; H x W. */
    private static double[][] image(Tensor one) {
        return Tensors.toDoubleRows(one.select(0, 0));
    }
}
