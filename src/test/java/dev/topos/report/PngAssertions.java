package dev.topos.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads a PNG back and checks it really is one, of the expected size. */
final class PngAssertions {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngAssertions() {
    }

    static BufferedImage assertPng(Path file, int width, int height) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals(SIGNATURE, in.readNBytes(SIGNATURE.length), "PNG signature of " + file);
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "ImageIO could not decode " + file);
        assertEquals(width, image.getWidth(), "width of " + file);
        assertEquals(height, image.getHeight(), "height of " + file);
        return image;
    }
}
