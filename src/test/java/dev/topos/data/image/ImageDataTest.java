package dev.topos.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.fetch.Catalog;
import dev.topos.data.fetch.DataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDataTest {
    @TempDir
    Path dir;

    @Test
    void unknownNameListsTheAllowedOnesWithoutFetching() {
        DataStore store = new DataStore(dir, Catalog.standard(), (d, c) -> {
            throw new AssertionError("nothing should be fetched");
        }, line -> { });
        String m = assertThrows(IllegalArgumentException.class, () -> ImageData.load(store, "cifar", 0.2, 1))
                .getMessage();
        assertEquals("unknown image data set 'cifar'; allowed: fashion-mnist, mnist", m);
    }

    @Test
    void fashionMnistReadsTheOfficialSplit() throws IOException {
        byte[] trainImages = new byte[3 * 28 * 28];
        trainImages[0] = (byte) 255;
        write("train-images-idx3-ubyte.gz", IdxFileTest.gzip(IdxFileTest.idx(0x803, new int[] {3, 28, 28}, trainImages)));
        write("train-labels-idx1-ubyte.gz", IdxFileTest.gzip(IdxFileTest.idx(0x801, new int[] {3}, new byte[] {9, 0, 9})));
        write("t10k-images-idx3-ubyte.gz", IdxFileTest.gzip(IdxFileTest.idx(0x803, new int[] {1, 28, 28}, new byte[784])));
        write("t10k-labels-idx1-ubyte.gz", IdxFileTest.gzip(IdxFileTest.idx(0x801, new int[] {1}, new byte[] {4})));
        ImageData data = ImageData.fashionMnist(dir);
        assertEquals("fashion-mnist", data.name());
        assertArrayEquals(new int[] {9, 0, 9}, data.train().labels());
        assertArrayEquals(new int[] {4}, data.test().labels());
        assertEquals(10, data.train().classes());
        assertEquals(1.0 / (3 * 784), data.train().meanPixel(), 1e-12);
        assertTrue(data.describe().startsWith("fashion-mnist: 3 train and 1 test images of 28 x 28, 10 classes"),
                data.describe());
    }

    @Test
    void mnistIsSplitByDigitDeterministically() throws IOException {
        for (int d = 0; d < 10; d++) {
            String image = String.join(",", Collections.nCopies(784, Float.toString(d / 10f)));
            write(d + ".json", "{\"data\": [" + String.join(",", Collections.nCopies(10, image)) + "]}");
        }
        ImageData a = ImageData.mnist(dir, 0.2, 5);
        assertEquals("mnist", a.name());
        assertEquals(80, a.train().size());
        assertEquals(20, a.test().size());
        int[] twoEach = new int[10];
        java.util.Arrays.fill(twoEach, 2);
        assertArrayEquals(twoEach, a.test().classCounts());
        for (int i = 0; i < a.test().size(); i++) {
            assertEquals(a.test().label(i) / 10f, a.test().pixels(i)[0], 1e-6f);
        }
        ImageData b = ImageData.mnist(dir, 0.2, 5);
        assertArrayEquals(a.test().labels(), b.test().labels());
        assertArrayEquals(a.train().labels(), b.train().labels());

        ImageSplit v = a.validation(0.25, 5);
        assertEquals(60, v.kept().size());
        assertEquals(20, v.heldOut().size());
        assertArrayEquals(twoEach, v.heldOut().classCounts());
    }

    private void write(String name, byte[] data) throws IOException {
        Files.write(dir.resolve(name), data);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
