package dev.topos.report;

import static dev.topos.report.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
    @TempDir
    Path dir;

    @Test
    void writesPngOfRequestedSizeIgnoringNaN() throws Exception {
        double[] x = {0, 1, 2, 3, 4};
        Path file = dir.resolve("chart.png");
        new LineChart("Loss", "step", "loss")
                .series("train", x, new double[] {2.0, 1.5, Double.NaN, 0.9, 0.7})
                .series("eval", new double[] {0, 4}, new double[] {2.1, 0.8})
                .series("all missing", new double[] {0}, new double[] {Double.NaN})
                .writePng(file, 640, 360);
        assertPng(file, 640, 360);
    }

    @Test
    void logYDropsNonPositivePoints() throws Exception {
        Path file = dir.resolve("sub/log.png");
        new LineChart("lr", "step", "lr").logY(true)
                .series("lr", new double[] {0, 1, 2, 3}, new double[] {0, 1e-3, 1e-4, -1})
                .writePng(file, 300, 200);
        assertPng(file, 300, 200);
    }

    @Test
    void errorBarsAreDrawnAroundThePoints() throws Exception {
        // Mean cosine similarity per distance bin, +- its standard deviation.
        double[] bins = {0.5, 1.5, 2.5, 3.5};
        double[] mean = {0.8, 0.5, 0.3, 0.2};
        LineChart plain = new LineChart("Feature consistency", "distance", "cosine similarity")
                .series("cos", bins, mean);
        LineChart withBars = new LineChart("Feature consistency", "distance", "cosine similarity")
                .series("cos", bins, mean, new double[] {0.1, 0.2, Double.NaN, 0.05});
        BufferedImage a = plain.render(500, 300);
        BufferedImage b = withBars.render(500, 300);
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                differing += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differing > 20, "the error bars add pixels: " + differing + " differ");
        Path file = dir.resolve("cos.png");
        withBars.writePng(file, 500, 300);
        assertPng(file, 500, 300);
    }

    /** Points alone: the line that joins two distant points is not drawn, so fewer pixels are inked. */
    @Test
    void pointsDrawMarkersWithoutTheJoiningLine() throws Exception {
        double[] x = {0, 10};
        double[] y = {0, 10};
        BufferedImage line = new LineChart("w", "x", "y").series("s", x, y).render(400, 400);
        BufferedImage points = new LineChart("w", "x", "y").points().series("s", x, y).render(400, 400);
        int lineInk = 0;
        int pointInk = 0;
        for (int r = 0; r < 400; r++) {
            for (int c = 0; c < 400; c++) {
                lineInk += line.getRGB(c, r) != points.getRGB(c, r) && (line.getRGB(c, r) & 0xffffff) != 0xffffff ? 1 : 0;
                pointInk += line.getRGB(c, r) != points.getRGB(c, r) && (points.getRGB(c, r) & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        assertTrue(lineInk > 100 && pointInk < lineInk / 4, "line pixels only in the line chart: " + lineInk
                + " vs " + pointInk);
        Path file = dir.resolve("points.png");
        new LineChart("w", "x", "y").points().series("s", x, y).writePng(file, 300, 300);
        assertPng(file, 300, 300);
    }

    @Test
    void errorBarsNeedALinearAxisAndOneErrorPerPoint() {
        LineChart log = new LineChart("t", "x", "y").logY(true)
                .series("a", new double[] {1, 2}, new double[] {1, 2}, new double[] {0.1, 0.1});
        assertThrows(IllegalStateException.class, () -> log.render(200, 100));
        assertThrows(IllegalArgumentException.class, () -> new LineChart("t", "x", "y")
                .series("a", new double[] {1, 2}, new double[] {1, 2}, new double[] {0.1}));
    }

    @Test
    void rejectsMismatchedOrDuplicateSeries() {
        LineChart chart = new LineChart("t", "x", "y").series("a", new double[] {1}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> chart.series("b", new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> chart.series("a", new double[] {1}, new double[] {1}));
    }
}
