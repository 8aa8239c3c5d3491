package dev.topos.report;

import static dev.topos.report.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void rejectsMismatchedOrDuplicateSeries() {
        LineChart chart = new LineChart("t", "x", "y").series("a", new double[] {1}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> chart.series("b", new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> chart.series("a", new double[] {1}, new double[] {1}));
    }
}
