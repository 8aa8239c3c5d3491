package dev.topos.report;

import static dev.topos.report.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapMosaicTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    @Test
    void writesPngOfRequestedSize() throws Exception {
        double[][][] maps = new double[5][4][6];
        List<String> titles = new ArrayList<>();
        for (int k = 0; k < maps.length; k++) {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 6; c++) {
                    maps[k][r][c] = Math.sin(k + r * 0.7 + c * 0.3);
                }
            }
            titles.add("unit " + k);
        }
        Path file = dir.resolve("maps.png");
        MapMosaic.minMax(maps, titles).columns(3).writePng(file, 420, 300);
        assertPng(file, 420, 300);
    }

    @Test
    void eachTileRunsFromFirstToLastColourWithGreyForNaN() {
        // Two 1x3 tiles on very different scales, side by side; the middle row of the image
        // crosses the cells of both from left to right.
        double[][][] maps = {{{-2, NAN, 6}}, {{100, NAN, 1000}}};
        BufferedImage image = MapMosaic.minMax(maps, List.of("a", "b")).render(600, 300);
        int first = Colormap.VIRIDIS.rgb(0);
        int last = Colormap.VIRIDIS.rgb(1);
        assertEquals(List.of(first, MapMosaic.MISSING_RGB, last, first, MapMosaic.MISSING_RGB, last),
                coloursAcrossMiddleRow(image));
    }

    @Test
    void symmetricScalePutsZeroAtTheDivergingMapsCentre() {
        // Range is [-3, 3]: -1 -> t = 1/3, 0 -> t = 1/2 (white), 3 -> t = 1.
        BufferedImage image = MapMosaic.symmetric(new double[][][] {{{-1, 0, 3}}}, List.of("s")).render(300, 300);
        assertEquals(List.of(Colormap.RDBU.rgb(1.0 / 3), 0xF7F7F7, Colormap.RDBU.rgb(1)),
                coloursAcrossMiddleRow(image));
    }

    @Test
    void rejectsMismatchedTitlesAndRaggedMaps() {
        assertThrows(IllegalArgumentException.class,
                () -> MapMosaic.minMax(new double[][][] {{{1}}}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> MapMosaic.minMax(new double[][][] {{{1, 2}, {3}}}, List.of("ragged")));
    }

    /** Runs of equal colour along the middle row, background left out. */
    private static List<Integer> coloursAcrossMiddleRow(BufferedImage image) {
        List<Integer> runs = new ArrayList<>();
        int y = image.getHeight() / 2;
        for (int x = 0; x < image.getWidth(); x++) {
            int rgb = image.getRGB(x, y) & 0xFFFFFF;
            if (rgb != MapMosaic.BACKGROUND_RGB && (runs.isEmpty() || runs.get(runs.size() - 1) != rgb)) {
                runs.add(rgb);
            }
        }
        return runs;
    }
}
