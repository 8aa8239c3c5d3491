package dev.topos.experiment.columnformer;

import dev.topos.data.fetch.DataStore;
import dev.topos.data.image.ImageData;
import dev.topos.data.image.ImageSet;
import dev.topos.data.image.ImageSplit;
import dev.topos.data.image.Patches;
import dev.topos.nn.Tensors;
import java.io.IOException;
import java.util.function.Consumer;
import org.bytedeco.pytorch.Tensor;

/**
 * The images of a Columnformer study, split and normalised: train / validation / test sets, and the
 * map from a batch of images to the model's input, normalised pixels (x - mean) / std (train-set
 * mean and std, as the spec's "normalised pixels") cut into patches.
 *
 * @param train      training images (the data set's train split minus validation)
 * @param validation held-out training images
 * @param test       the data set's test images
 * @param mean       training-set pixel mean
 * @param std        training-set pixel standard deviation
 * @param patch      patch side
 */
public record ImageInputs(ImageSet train, ImageSet validation, ImageSet test, double mean, double std, int patch) {
    /** Loads (fetching if needed) and splits the configured data set. */
    public static ImageInputs prepare(ColumnformerStudyConfig cfg, Consumer<String> log) throws IOException {
        ColumnformerStudyConfig.Data d = cfg.data();
        ImageData data = ImageData.load(DataStore.standard(log), d.dataset(), d.mnistTestFraction(), cfg.seed());
        ImageSplit split = data.validation(d.validation(), cfg.seed());
        ImageSet train = split.kept();
        if (train.height() != cfg.model().image() || train.width() != cfg.model().image()) {
            throw new IllegalArgumentException("model.image = " + cfg.model().image() + " but " + d.dataset()
                    + " images are " + train.height() + " x " + train.width());
        }
        log.accept(data.describe() + "; " + train.size() + " train, " + split.heldOut().size() + " validation, "
                + data.test().size() + " test images");
        return new ImageInputs(train, split.heldOut(), data.test(), train.meanPixel(), train.stdPixel(),
                cfg.model().patch());
    }

    /** (B, H, W) pixels in [0, 1] -&gt; (B, P, patch^2) normalised patches. */
    public Tensor patches(Tensor images) {
        return Patches.patchify(Tensors.div(Tensors.sub(images, mean), std), patch);
    }

    /** The normalised patches and labels of images [start, end) of a set. */
    public Batch batch(ImageSet set, int start, int end) {
        ImageSet.Batch b = set.range(start, end);
        return new Batch(patches(b.images()), b.labels());
    }

    /** The normalised patches and labels of the given images of a set. */
    public Batch batch(ImageSet set, int[] indices) {
        ImageSet.Batch b = set.batch(indices);
        return new Batch(patches(b.images()), b.labels());
    }

    /**
     * @param patches (B, P, patch^2)
     * @param labels  (B) int64
     */
    public record Batch(Tensor patches, Tensor labels) {}
}
