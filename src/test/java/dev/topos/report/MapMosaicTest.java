package dev.topos.report;

import static dev.topos.report.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aSharedScaleColoursEveryTileOnTheRangeOfAllAndTheBarNamesTheQuantity() {
        double[][][] maps = {{{-2, 6}}, {{100, 1000}}};
        BufferedImage image = MapMosaic.minMax(maps, List.of("a", "b")).sharedScale().colorBar("activity (a.u.)")
                .render(600, 300);
        // One range, [-2, 1000]: tile a is nearly all the first colour, b reaches the last.
        assertEquals(List.of(Colormap.VIRIDIS.rgb(0), Colormap.VIRIDIS.rgb(8 / 1002.0),
                Colormap.VIRIDIS.rgb(102 / 1002.0), Colormap.VIRIDIS.rgb(1)), coloursAcrossMiddleRow(image));
        assertTrue(barRow(image) > image.getHeight() * 3 / 4, "the colour bar runs under the tiles");
    }

    @Test
    void perTileScalesStillGetABar() {
        BufferedImage image = MapMosaic.symmetric(new double[][][] {{{-1, 0, 3}}}, List.of("s"))
                .colorBar("signed -log10 p").render(300, 300);
        assertTrue(barRow(image) > 200, "a bar from the first to the last colour at the bottom");
    }

    @Test
    void mutedCellsAreBlendedTowardGrey() {
        double[][][] maps = {{{0, 1}}};
        BufferedImage image = MapMosaic.minMax(maps, List.of("m")).muted(new boolean[][][] {{{true, false}}})
                .render(300, 300);
        assertEquals(List.of(Colormap.VIRIDIS.rgb(0),
                MapMosaic.blend(Colormap.VIRIDIS.rgb(1), MapMosaic.MUTED_RGB, MapMosaic.MUTE)),
                coloursAcrossMiddleRow(image));
        assertEquals(0x808080, MapMosaic.blend(0x000000, 0xFFFFFF, 0.5), "half-way, per channel, rounded");
        assertEquals(0x102030, MapMosaic.blend(0x102030, 0xFFFFFF, 0));
        assertThrows(IllegalArgumentException.class,
                () -> MapMosaic.minMax(maps, List.of("m")).muted(new boolean[][][] {{{true}}}));
    }

    /** The lowest row holding a gradient (more than 50 distinct colours): the colour bar's. */
    private static int barRow(BufferedImage image) {
        for (int y = image.getHeight() - 1; y >= 0; y--) {
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
            if (colours.size() > 50) {
                return y;
            }
        }
        return -1;
    }

    @Test
    void aTitleWiderThanItsTileIsSetSmallerNotClipped() {
        BufferedImage image = MapMosaic.minMax(new double[][][] {{{0, 1}}},
                List.of("positive-vs-negative-sentences (5 sig.)")).render(200, 800); // 14 px font
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        assertTrue(left >= 2 && right <= 197 && right - left > 100, "title inked from " + left + " to " + right);
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
