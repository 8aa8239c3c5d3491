package dev.topos.report;

import dev.topos.util.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A figure that renders to an image of a given size, and so can be written as a PNG. */
public interface Figure {
    /** Renders the figure into an image of {@code width x height} pixels. */
    BufferedImage render(int width, int height);

    /** Renders the figure and writes it atomically as a PNG of {@code width x height} pixels. */
    default void writePng(Path file, int width, int height) throws IOException {
        BufferedImage image = render(width, height);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }
}
