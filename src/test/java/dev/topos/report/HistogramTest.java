package dev.topos.report;

import static dev.topos.report.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramTest {
    private static final double[] EDGES = {0, 1, 2, 4, 8};

    @TempDir
    Path dir;

    @Test
    void outlineStepsAlongTheBinTopsAtTheTrueEdges() {
        double[][] line = Histogram.outline(new double[] {0, 1, 3}, new double[] {0.25, 0.75});
        assertArrayEquals(new double[] {0, 0, 1, 1, 3, 3}, line[0]);
        assertArrayEquals(new double[] {0, 0.25, 0.25, 0.75, 0.75, 0}, line[1]);
    }

    @Test
    void writesPngOfRequestedSizeWithSeveralSeries() throws Exception {
        Path file = dir.resolve("figures/distances.png");
        new Histogram("Connection distance", "distance", "fraction of attention", EDGES)
                .series("lambda = 0", new double[] {0.1, 0.2, 0.3, 0.4})
                .series("lambda = 0.01", new double[] {0.3, 0.3, 0.3, 0.1})
                .series("lambda = 0.1", new double[] {0.7, 0.2, 0.1, 0})
                .writePng(file, 640, 400);
        assertPng(file, 640, 400);
    }

    @Test
    void eachSeriesIsDrawnInItsPaletteColour() {
        BufferedImage image = new Histogram("h", "x", "mass", EDGES)
                .series("a", new double[] {1, 2, 3, 4})
                .series("b", new double[] {4, 3, 2, 1})
                .render(500, 300);
        assertTrue(count(image, Histogram.PALETTE[0]) > 50, "outline of the first series");
        assertTrue(count(image, Histogram.PALETTE[1]) > 50, "outline of the second series");
    }

    @Test
    void rejectsBadEdgesMassesAndNames() {
        assertThrows(IllegalArgumentException.class, () -> new Histogram("h", "x", "y", new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Histogram("h", "x", "y", new double[] {0, 2, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Histogram("h", "x", "y", new double[] {0, Double.NaN}));
        Histogram h = new Histogram("h", "x", "y", EDGES).series("a", new double[4]);
        assertThrows(IllegalArgumentException.class, () -> h.series("b", new double[3]));
        assertThrows(IllegalArgumentException.class, () -> h.series("a", new double[4]));
        assertThrows(IllegalArgumentException.class, () -> h.series("c", new double[] {0, Double.NaN, 0, 0}));
        assertThrows(IllegalStateException.class, () -> new Histogram("h", "x", "y", EDGES).render(100, 100));
    }

    static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
