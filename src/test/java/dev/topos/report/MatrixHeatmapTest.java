package dev.topos.report;

import static dev.topos.report.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixHeatmapTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    @Test
    void blockAverageOfHandBuiltMatrix() {
        // 5 x 5 shrunk to at most 2 per side: blocks of 3 x 3, the last ones 2 wide.
        double[][] m = {
            {1, 2, 3, 4, 5},
            {6, 7, 8, 9, 10},
            {11, 12, 13, 14, 15},
            {16, 17, 18, 19, 20},
            {21, 22, 23, 24, 25}};
        double[][] expected = {
            {(1 + 2 + 3 + 6 + 7 + 8 + 11 + 12 + 13) / 9.0, (4 + 5 + 9 + 10 + 14 + 15) / 6.0},
            {(16 + 17 + 18 + 21 + 22 + 23) / 6.0, (19 + 20 + 24 + 25) / 4.0}};
        double[][] shrunk = MatrixHeatmap.blockAverage(m, 2);
        assertEquals(2, shrunk.length);
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(expected[r], shrunk[r], 1e-12);
        }
    }

    @Test
    void blockAverageSkipsNonFiniteAndKeepsSmallMatricesAsCopies() {
        double[][] m = {{1, NAN, 5, 7}, {3, Double.POSITIVE_INFINITY, NAN, NAN}};
        double[][] halves = MatrixHeatmap.blockAverage(m, 2); // rows fit; columns in pairs
        assertArrayEquals(new double[] {1, 6}, halves[0], 1e-12);
        assertEquals(3, halves[1][0]);
        assertTrue(Double.isNaN(halves[1][1]), "a block without finite entries is NaN");
        assertArrayEquals(new double[] {(1 + 5 + 7 + 3) / 4.0}, MatrixHeatmap.blockAverage(m, 1)[0], 1e-12);
        double[][] rowsOnly = MatrixHeatmap.blockAverage(new double[][] {{1, 2}, {3, 4}, {5, 6}}, 2);
        assertArrayEquals(new double[] {2, 3}, rowsOnly[0], 1e-12); // rows 0-1 averaged
        assertArrayEquals(new double[] {5, 6}, rowsOnly[1], 1e-12);
        double[][] allMissing = MatrixHeatmap.blockAverage(new double[][] {{NAN, NAN}}, 1);
        assertTrue(Double.isNaN(allMissing[0][0]));
        double[][] fits = {{1, 2}, {3, 4}};
        double[][] copy = MatrixHeatmap.blockAverage(fits, 600);
        assertNotSame(fits, copy);
        assertArrayEquals(fits[1], copy[1]);
    }

    @Test
    void cellsTakeTheirColoursRowZeroAtTheTop() {
        MatrixHeatmap map = MatrixHeatmap.minMax(new double[][] {{0, 1}, {NAN, 3}}, "A");
        BufferedImage image = map.render(400, 400);
        Rectangle m = map.matrixBounds(400, 400);
        assertEquals(m.width, m.height, "a square matrix is drawn square");
        int q = m.width / 4;
        assertEquals(Colormap.VIRIDIS.rgb(0), image.getRGB(m.x + q, m.y + q) & 0xFFFFFF);
        assertEquals(Colormap.VIRIDIS.rgb(1.0 / 3), image.getRGB(m.x + 3 * q, m.y + q) & 0xFFFFFF);
        assertEquals(MapMosaic.MISSING_RGB, image.getRGB(m.x + q, m.y + 3 * q) & 0xFFFFFF);
        assertEquals(Colormap.VIRIDIS.rgb(1), image.getRGB(m.x + 3 * q, m.y + 3 * q) & 0xFFFFFF);
        assertEquals("A", map.drawnTitle());
    }

    @Test
    void largeMatrixIsShrunkAndSaysSo() throws Exception {
        int n = 1300;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        MatrixHeatmap map = MatrixHeatmap.symmetric(a, "connectivity").maxSide(600);
        assertEquals("connectivity (block means of 3 x 3)", map.drawnTitle());
        Path file = dir.resolve("A.png");
        map.writePng(file, 700, 760);
        BufferedImage image = assertPng(file, 700, 760);
        // 434 x 434 block means: diagonal blocks hold 3 ones of 9, except the last, 1 x 1 block
        // (row and column 1299), which holds 1 and is the maximum; off-diagonal blocks are 0.
        Rectangle m = map.matrixBounds(700, 760);
        assertEquals(m.width, m.height);
        assertTrue(m.width >= 434 && m.width <= 600, "drawn at least one pixel per block: " + m.width);
        assertEquals(Colormap.RDBU.rgb(1), image.getRGB(m.x + m.width - 1, m.y + m.height - 1) & 0xFFFFFF);
        assertEquals(Colormap.RDBU.rgb((1.0 / 3 + 1) / 2), image.getRGB(m.x, m.y) & 0xFFFFFF);
        assertEquals(0xF7F7F7, image.getRGB(m.x + m.width - 1, m.y) & 0xFFFFFF);
    }

    @Test
    void rejectsEmptyOrRaggedMatricesAndBadSides() {
        assertThrows(IllegalArgumentException.class, () -> MatrixHeatmap.minMax(new double[0][0], "empty"));
        assertThrows(IllegalArgumentException.class, () -> MatrixHeatmap.minMax(new double[][] {{1}, {1, 2}}, "r"));
        assertThrows(IllegalArgumentException.class, () -> MatrixHeatmap.blockAverage(new double[][] {{1}}, 0));
    }
}
