package dev.topos.data.image;

import dev.topos.nn.Tensors;
import org.bytedeco.pytorch.Tensor;

/**
 * An immutable set of labelled grayscale images, all {@code height x width}, pixels as floats in
 * [0, 1] stored row-major, labels in [0, classes).
 *
 * <p>Each image is its own array, never exposed; {@link #subset} shares them, so a split of a
 * 60,000-image set costs an index per image rather than a copy of the pixels.
 */
public final class ImageSet {
    private final float[][] images;
    private final int[] labels;
    private final int height;
    private final int width;
    private final int classes;

    private ImageSet(float[][] images, int[] labels, int height, int width, int classes) {
        this.images = images;
        this.labels = labels;
        this.height = height;
        this.width = width;
        this.classes = classes;
    }

    /**
     * A set of copies of {@code images}.
     *
     * @param images  one row-major array of {@code height * width} pixels in [0, 1] per image
     * @param labels  one class per image, in [0, classes)
     * @throws IllegalArgumentException naming the first image or label that breaks these rules
     */
    public static ImageSet of(float[][] images, int[] labels, int height, int width, int classes) {
        float[][] copies = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            copies[i] = images[i].clone();
        }
        return adopt(copies, labels.clone(), height, width, classes);
    }

    /**
     * Like {@link #of} but takes the arrays themselves: for loaders that built them and keep no
     * reference (a copy of 60,000 images would cost 188 MB).
     */
    static ImageSet adopt(float[][] images, int[] labels, int height, int width, int classes) {
        if (height < 1 || width < 1 || classes < 1) {
            throw new IllegalArgumentException("height, width and classes must be >= 1, got "
                    + height + ", " + width + ", " + classes);
        }
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        for (int i = 0; i < images.length; i++) {
            check(images[i], i, height, width);
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i] + "; allowed: 0 .. "
                        + (classes - 1));
            }
        }
        return new ImageSet(images, labels, height, width, classes);
    }

    private static void check(float[] image, int index, int height, int width) {
        if (image.length != height * width) {
            throw new IllegalArgumentException("image " + index + " has " + image.length + " pixels; expected "
                    + height + " x " + width + " = " + height * width);
        }
        for (int k = 0; k < image.length; k++) {
            if (!(image[k] >= 0f && image[k] <= 1f)) {
                throw new IllegalArgumentException("image " + index + " pixel " + k + " is " + image[k]
                        + "; allowed: 0 .. 1");
            }
        }
    }

    /** The images at {@code indices}, in that order (an index may repeat). */
    public ImageSet subset(int[] indices) {
        float[][] picked = new float[indices.length][];
        int[] y = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int i = checkIndex(indices[b]);
            picked[b] = images[i];
            y[b] = labels[i];
        }
        return new ImageSet(picked, y, height, width, classes);
    }

    public int size() {
        return images.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The number of classes; labels lie in [0, classes). Some classes may have no image here. */
    public int classes() {
        return classes;
    }

    /** Image {@code i}'s class. */
    public int label(int i) {
        return labels[checkIndex(i)];
    }

    /** A copy of all labels, in set order. */
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of image {@code i}'s pixels, row-major. */
    public float[] pixels(int i) {
        return images[checkIndex(i)].clone();
    }

    /** How many images each class has (length {@link #classes()}). */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    /** The mean of all pixels of all images (NaN for an empty set). */
    public double meanPixel() {
        double sum = 0;
        for (float[] image : images) {
            for (float v : image) {
                sum += v;
            }
        }
        return sum / ((double) images.length * height * width);
    }

    /** The population standard deviation of all pixels of all images (NaN for an empty set). */
    public double stdPixel() {
        double mean = meanPixel();
        double sum = 0;
        for (float[] image : images) {
            for (float v : image) {
                double d = v - mean;
                sum += d * d;
            }
        }
        return Math.sqrt(sum / ((double) images.length * height * width));
    }

    /**
     * The images at {@code indices} as tensors ({@link Tensors}): images (B, H, W) float with
     * pixels in [0, 1], labels (B) int64 (what {@code Losses.maskedCrossEntropy} and
     * {@code Losses.correct} take as targets).
     */
    public Batch batch(int[] indices) {
        int pixels = height * width;
        float[] flat = new float[indices.length * pixels];
        long[] y = new long[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int i = checkIndex(indices[b]);
            System.arraycopy(images[i], 0, flat, b * pixels, pixels);
            y[b] = labels[i];
        }
        return new Batch(Tensors.floats(flat, indices.length, height, width), Tensors.longs(y, indices.length));
    }

    /** The images from {@code start} (inclusive) to {@code end} (exclusive) as tensors; see {@link #batch}. */
    public Batch range(int start, int end) {
        if (start < 0 || end < start || end > images.length) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") is not within [0, "
                    + images.length + "]");
        }
        int[] indices = new int[end - start];
        for (int b = 0; b < indices.length; b++) {
            indices[b] = start + b;
        }
        return batch(indices);
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= images.length) {
            throw new IndexOutOfBoundsException("image " + i + " is not in a set of " + images.length);
        }
        return i;
    }

    /**
     * @param images (B, H, W) float pixels in [0, 1]
     * @param labels (B) int64 classes
     */
    public record Batch(Tensor images, Tensor labels) {}
}
