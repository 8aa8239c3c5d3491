package dev.topos.data.image;

import dev.topos.data.text.MalformedDataException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files of LeCun, Cortes &amp; Burges' MNIST page, the format Fashion-MNIST (Xiao,
 * Rasul &amp; Vollgraf 2017) also ships in: a 4-byte big-endian magic number {@code 0x0000TTDD}
 * (TT the data type, 0x08 = unsigned byte; DD the number of dimensions), one big-endian int32 size
 * per dimension, then the values in row-major order. Two kinds are read:
 * <ul>
 *   <li>images, magic {@code 0x00000803}: sizes (n, rows, cols), then n·rows·cols
 *       pixels, 0 = background, 255 = full ink; returned divided by 255;</li>
 *   <li>labels, magic {@code 0x00000801}: size (n), then n class bytes.</li>
 * </ul>
 * A file whose first two bytes are the gzip magic 0x1f 0x8b is decompressed first (the published
 * {@code *-ubyte.gz} files); any other file is read as it is. Every problem is a
 * {@link MalformedDataException} naming the file.
 */
public final class IdxFile {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final float MAX_PIXEL = 255f;

    private IdxFile() {}

    /**
     * Images as read from an IDX file.
     *
     * @param rows   pixels per column
     * @param cols   pixels per row
     * @param pixels one row-major array of rows·cols values in [0, 1] per image
     */
    public record Images(int rows, int cols, float[][] pixels) {}

    /**
     * The images and labels of a pair of IDX files as one set.
     *
     * @param classes labels must lie in [0, classes)
     * @throws MalformedDataException if either file is malformed or they hold different numbers of items
     */
    public static ImageSet read(Path images, Path labels, int classes) throws IOException {
        Images x = readImages(images);
        int[] y = readLabels(labels, classes);
        if (y.length != x.pixels().length) {
            throw new MalformedDataException(labels, "", y.length + " labels but " + images + " holds "
                    + x.pixels().length + " images; the two files must hold the same number of items");
        }
        return ImageSet.adopt(x.pixels(), y, x.rows(), x.cols(), classes);
    }

    /** The images of an IDX file with magic {@code 0x00000803}, pixels divided by 255. */
    public static Images readImages(Path file) throws IOException {
        byte[] data = content(file);
        int[] dims = header(file, data, IMAGES_MAGIC, "unsigned-byte images: count, rows, cols");
        int n = dims[0];
        int rows = dims[1];
        int cols = dims[2];
        if (rows < 1 || cols < 1) {
            throw new MalformedDataException(file, "header", "images of " + rows + " x " + cols
                    + " pixels; rows and columns must be >= 1");
        }
        long pixelsPerImage = (long) rows * cols;
        int offset = 4 + 4 * dims.length;
        checkLength(file, data, offset, pixelsPerImage * n,
                "pixels (" + n + " images of " + rows + " x " + cols + ")");
        float[][] out = new float[n][(int) pixelsPerImage];
        int k = offset;
        for (float[] image : out) {
            for (int j = 0; j < image.length; j++) {
                image[j] = (data[k++] & 0xff) / MAX_PIXEL;
            }
        }
        return new Images(rows, cols, out);
    }

    /**
     * The labels of an IDX file with magic {@code 0x00000801}.
     *
     * @param classes each label must lie in [0, classes)
     */
    public static int[] readLabels(Path file, int classes) throws IOException {
        byte[] data = content(file);
        int n = header(file, data, LABELS_MAGIC, "unsigned-byte labels: count")[0];
        int offset = 8;
        checkLength(file, data, offset, n, "labels");
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = data[offset + i] & 0xff;
            if (out[i] >= classes) {
                throw new MalformedDataException(file, "label " + i, "class " + out[i] + " is out of range; allowed: 0 .. "
                        + (classes - 1));
            }
        }
        return out;
    }

    /** The bytes of the file, decompressed if it starts with the gzip magic. */
    private static byte[] content(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == GZIP_MAGIC_0 && raw.read() == GZIP_MAGIC_1;
            raw.reset();
            if (!gzip) {
                return raw.readAllBytes();
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return in.readAllBytes();
            } catch (ZipException | EOFException e) {
                throw new MalformedDataException(file, "", "starts like gzip but is not a valid gzip stream ("
                        + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * Checks the magic number and returns the dimension sizes.
     *
     * @param kind what the expected magic stands for, for messages
     */
    private static int[] header(Path file, byte[] data, int expected, String kind) throws IOException {
        String expect = "; expected " + hex(expected) + " (" + kind + ")";
        if (data.length < 4) {
            throw new MalformedDataException(file, "", "file ends after " + data.length
                    + " bytes, before the 4-byte IDX magic number" + expect);
        }
        int magic = readInt(data, 0);
        if (magic >>> 16 != 0) {
            throw new MalformedDataException(file, "header", "magic number " + hex(magic) + " is not IDX" + expect);
        }
        int type = (magic >>> 8) & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new MalformedDataException(file, "header", String.format(Locale.ROOT,
                    "data type byte 0x%02X is not supported; expected 0x%02X (unsigned byte), magic %s",
                    type, UNSIGNED_BYTE, hex(expected)));
        }
        int count = magic & 0xff;
        int expectedCount = expected & 0xff;
        if (count != expectedCount) {
            throw new MalformedDataException(file, "header", "magic number " + hex(magic) + " says " + count
                    + " dimensions, not " + expectedCount + expect);
        }
        int headerBytes = 4 + 4 * count;
        if (data.length < headerBytes) {
            throw new MalformedDataException(file, "header", "file ends after " + data.length
                    + " bytes, inside the header of " + headerBytes + " bytes (magic and " + count + " dimension sizes)");
        }
        int[] dims = new int[count];
        for (int d = 0; d < count; d++) {
            dims[d] = readInt(data, 4 + 4 * d);
            if (dims[d] < 0) {
                throw new MalformedDataException(file, "header", "size of dimension " + d + " is "
                        + Integer.toUnsignedString(dims[d]) + "; at most " + Integer.MAX_VALUE + " supported");
            }
        }
        return dims;
    }

    /** Checks that exactly {@code expected} bytes follow the header at {@code offset}. */
    private static void checkLength(Path file, byte[] data, int offset, long expected, String what) throws IOException {
        long found = data.length - offset;
        if (found < expected) {
            throw new MalformedDataException(file, "", "truncated: expected " + expected + " bytes of " + what
                    + ", file ends after " + found);
        }
        if (found > expected) {
            throw new MalformedDataException(file, "", (found - expected) + " bytes after the " + expected
                    + " bytes of " + what + "; expected the file to end there");
        }
    }

    private static int readInt(byte[] data, int at) {
        return (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8 | (data[at + 3] & 0xff);
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "0x%08X", value);
    }
}
