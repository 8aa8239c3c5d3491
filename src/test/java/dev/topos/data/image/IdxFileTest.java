package dev.topos.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topos.data.text.MalformedDataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    /** An IDX file: magic, sizes, then the values. */
    static byte[] idx(int magic, int[] dims, byte[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(values);
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] data) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, data);
        return f;
    }

    /** Two 2 x 3 images, pixels 0, 51, 102, ... and 255 ... */
    private static final byte[] TWO_IMAGES = {0, 51, 102, (byte) 153, (byte) 204, (byte) 255,
        (byte) 255, 0, 0, 0, 0, 17};

    private String error(IoCall call) {
        return assertThrows(MalformedDataException.class, call::run).getMessage();
    }

    @FunctionalInterface
    interface IoCall {
        void run() throws IOException;
    }

    @Test
    void readsPlainAndGzippedImagesAndLabels() throws IOException {
        byte[] images = idx(0x803, new int[] {2, 2, 3}, TWO_IMAGES);
        byte[] labels = idx(0x801, new int[] {2}, new byte[] {7, 0});
        for (boolean gz : new boolean[] {false, true}) {
            Path x = write("x" + gz, gz ? gzip(images) : images);
            Path y = write("y" + gz, gz ? gzip(labels) : labels);
            ImageSet set = IdxFile.read(x, y, 10);
            assertEquals(2, set.size());
            assertEquals(2, set.height());
            assertEquals(3, set.width());
            assertEquals(10, set.classes());
            assertArrayEquals(new int[] {7, 0}, set.labels());
            assertArrayEquals(new float[] {0, 0.2f, 0.4f, 0.6f, 0.8f, 1}, set.pixels(0), 1e-6f);
            assertArrayEquals(new float[] {1, 0, 0, 0, 0, 17 / 255f}, set.pixels(1), 1e-6f);
        }
    }

    @Test
    void zeroImagesIsAnEmptySet() throws IOException {
        Path x = write("x", idx(0x803, new int[] {0, 28, 28}, new byte[0]));
        Path y = write("y", idx(0x801, new int[] {0}, new byte[0]));
        assertEquals(0, IdxFile.read(x, y, 10).size());
    }

    @Test
    void badMagicNamesTheFileAndTheExpectedValue() throws IOException {
        Path f = write("x.gz", gzip("hello world, not idx".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(f + " header: magic number 0x68656C6C is not IDX; expected 0x00000803 "
                + "(unsigned-byte images: count, rows, cols)", error(() -> IdxFile.readImages(f)));
        Path labels = write("l", idx(0x803, new int[] {1, 1, 1}, new byte[1]));
        assertEquals(labels + " header: magic number 0x00000803 says 3 dimensions, not 1; expected 0x00000801 "
                + "(unsigned-byte labels: count)", error(() -> IdxFile.readLabels(labels, 10)));
    }

    @Test
    void wrongDataTypeAndDimensionCountAreNamed() throws IOException {
        Path f = write("floats", idx(0x00000D03, new int[] {1, 1, 1}, new byte[4]));
        assertEquals(f + " header: data type byte 0x0D is not supported; expected 0x08 (unsigned byte), "
                + "magic 0x00000803", error(() -> IdxFile.readImages(f)));
        Path g = write("two-dims", idx(0x802, new int[] {1, 4}, new byte[4]));
        assertEquals(g + " header: magic number 0x00000802 says 2 dimensions, not 3; expected 0x00000803 "
                + "(unsigned-byte images: count, rows, cols)", error(() -> IdxFile.readImages(g)));
    }

    @Test
    void shortHeadersAndBadSizesAreNamed() throws IOException {
        Path tiny = write("tiny", new byte[] {0, 0});
        assertEquals(tiny + ": file ends after 2 bytes, before the 4-byte IDX magic number; expected 0x00000803 "
                + "(unsigned-byte images: count, rows, cols)", error(() -> IdxFile.readImages(tiny)));
        Path half = write("half", Arrays.copyOf(idx(0x803, new int[] {1, 2, 3}, new byte[0]), 10));
        assertEquals(half + " header: file ends after 10 bytes, inside the header of 16 bytes "
                + "(magic and 3 dimension sizes)", error(() -> IdxFile.readImages(half)));
        Path zeroRows = write("zero-rows", idx(0x803, new int[] {1, 0, 3}, new byte[0]));
        assertEquals(zeroRows + " header: images of 0 x 3 pixels; rows and columns must be >= 1",
                error(() -> IdxFile.readImages(zeroRows)));
        Path huge = write("huge", idx(0x801, new int[] {-1}, new byte[0]));
        assertEquals(huge + " header: size of dimension 0 is 4294967295; at most 2147483647 supported",
                error(() -> IdxFile.readLabels(huge, 10)));
    }

    @Test
    void truncatedAndOverlongDataAreNamed() throws IOException {
        Path cut = write("cut.gz", gzip(idx(0x803, new int[] {2, 2, 3}, Arrays.copyOf(TWO_IMAGES, 7))));
        assertEquals(cut + ": truncated: expected 12 bytes of pixels (2 images of 2 x 3), file ends after 7",
                error(() -> IdxFile.readImages(cut)));
        Path labels = write("labels", idx(0x801, new int[] {3}, new byte[] {1, 2}));
        assertEquals(labels + ": truncated: expected 3 bytes of labels, file ends after 2",
                error(() -> IdxFile.readLabels(labels, 10)));
        Path longer = write("longer", idx(0x801, new int[] {1}, new byte[] {1, 2, 3}));
        assertEquals(longer + ": 2 bytes after the 1 bytes of labels; expected the file to end there",
                error(() -> IdxFile.readLabels(longer, 10)));
    }

    @Test
    void brokenGzipIsNamed() throws IOException {
        byte[] gz = gzip(idx(0x801, new int[] {1000}, new byte[1000]));
        Path f = write("broken.gz", Arrays.copyOf(gz, gz.length / 2));
        String m = error(() -> IdxFile.readLabels(f, 10));
        assertEquals(f + ": starts like gzip but is not a valid gzip stream", m.substring(0, m.indexOf(" (")));
    }

    @Test
    void labelOutOfRangeAndCountMismatchAreNamed() throws IOException {
        Path labels = write("labels", idx(0x801, new int[] {3}, new byte[] {1, 9, 10}));
        assertEquals(labels + " label 2: class 10 is out of range; allowed: 0 .. 9",
                error(() -> IdxFile.readLabels(labels, 10)));
        Path high = write("high", idx(0x801, new int[] {1}, new byte[] {(byte) 200}));
        assertEquals(high + " label 0: class 200 is out of range; allowed: 0 .. 9",
                error(() -> IdxFile.readLabels(high, 10)));

        Path x = write("x", idx(0x803, new int[] {2, 2, 3}, TWO_IMAGES));
        Path y = write("y", idx(0x801, new int[] {3}, new byte[] {1, 2, 3}));
        assertEquals(y + ": 3 labels but " + x + " holds 2 images; the two files must hold the same number of items",
                error(() -> IdxFile.read(x, y, 10)));
    }
}
