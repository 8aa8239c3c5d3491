package dev.topos.report;

import static dev.topos.report.PngAssertions.assertPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetPlotTest {
    private static final int W = 600;
    private static final int H = 400;

    @TempDir
    Path dir;

    @Test
    void gridCellsTakeTheirValuesColourRowMajorWithGreyForNaN() {
        Sheet sheet = Sheets.grid(5, false);
        double[] values = ramp(25);
        values[7] = Double.NaN;
        SheetPlot plot = SheetPlot.minMax(sheet, List.of(values), List.of("ramp"));
        BufferedImage image = plot.render(W, H);
        assertEquals(Colormap.VIRIDIS.rgb(1), pixel(image, plot.centre(0, 24, W, H)));
        assertEquals(Colormap.VIRIDIS.rgb(0), pixel(image, plot.centre(0, 0, W, H)));
        assertEquals(Colormap.VIRIDIS.rgb(12.0 / 24), pixel(image, plot.centre(0, 12, W, H)));
        assertEquals(MapMosaic.MISSING_RGB, pixel(image, plot.centre(0, 7, W, H)));
        // Row-major like a reshaped matrix: column 1 is right of column 0, column 5 below it.
        Point2D.Double c0 = plot.centre(0, 0, W, H);
        Point2D.Double c1 = plot.centre(0, 1, W, H);
        Point2D.Double c5 = plot.centre(0, 5, W, H);
        assertTrue(c1.x > c0.x && c1.y == c0.y, "column 1 right of column 0");
        assertTrue(c5.y > c0.y && c5.x == c0.x, "column 5 below column 0");
        assertEquals(SheetLayout.Kind.GRID, plot.layout().kind());
    }

    @Test
    void theQuantityIsWrittenUnderTheColourBarOnly() {
        Sheet sheet = Sheets.grid(5, false);
        java.awt.image.BufferedImage plain = SheetPlot.minMax(sheet, List.of(ramp(25)), List.of("m")).render(400, 400);
        java.awt.image.BufferedImage named = SheetPlot.minMax(sheet, List.of(ramp(25)), List.of("m"))
                .quantity("mean attention weight").render(400, 400);
        int firstDifferingRow = -1;
        for (int y = 0; y < 400 && firstDifferingRow < 0; y++) {
            for (int x = 0; x < 400; x++) {
                if (plain.getRGB(x, y) != named.getRGB(x, y)) {
                    firstDifferingRow = y;
                    break;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(firstDifferingRow > 340, "the label sits under the bar, at the "
                + "bottom; first differing row " + firstDifferingRow);
    }

    @Test
    void stackedGridGetsOnePanelPerLayer() {
        Sheet sheet = Sheets.stackedGrid(3, 4);
        SheetPlot plot = SheetPlot.minMax(sheet, List.of(ramp(48)), List.of("three layers"));
        assertEquals(3, plot.layout().panels());
        for (int c = 0; c < 48; c++) {
            assertEquals(c / 16, plot.layout().panel(c), "layer of column " + c);
        }
        BufferedImage image = plot.render(900, 300);
        // Along the row through the cells' second row, drawn runs are separated by background.
        int y = (int) plot.centre(0, 5, 900, 300).y;
        int runs = 0;
        boolean inside = false;
        for (int x = 0; x < image.getWidth(); x++) {
            boolean drawn = (image.getRGB(x, y) & 0xFFFFFF) != MapMosaic.BACKGROUND_RGB;
            if (drawn && !inside) {
                runs++;
            }
            inside = drawn;
        }
        assertEquals(3, runs);
        // Panels sit side by side, left to right in layer order, and are square.
        Rectangle first = plot.panelBounds(0, 0, 900, 300);
        Rectangle second = plot.panelBounds(0, 1, 900, 300);
        assertEquals(first.width, first.height);
        assertTrue(second.x >= first.x + first.width);
        assertEquals(Colormap.VIRIDIS.rgb(1), pixel(image, plot.centre(0, 47, 900, 300)));
    }

    @Test
    void liftedLayerIsOneGridPanel() {
        SheetPlot plot = SheetPlot.minMax(Sheets.liftedLayer(6), List.of(ramp(36)), List.of("lifted"));
        assertEquals(SheetLayout.Kind.GRID, plot.layout().kind());
        assertEquals(1, plot.layout().panels());
    }

    @Test
    void hemispheresPutThePolesAtTheirPanelsCentres() {
        double r = 3;
        double s60 = Math.sin(Math.PI / 3);
        double[][] coords = {
            {0, 0, r}, {0, 0, -r}, {r, 0, 0}, {r * s60, 0, r * 0.5}, {0, r * s60, -r * 0.5}};
        double[] values = {10, 0, 1, 2, 3};
        SheetPlot plot = SheetPlot.minMax("sphere", coords, List.of(values), List.of("sphere"));
        SheetLayout layout = plot.layout();
        assertEquals(SheetLayout.Kind.HEMISPHERES, layout.kind());
        assertEquals(2, layout.panels());
        assertEquals(List.of(0, 1, 0, 0, 1), List.of(layout.panel(0), layout.panel(1), layout.panel(2),
                layout.panel(3), layout.panel(4)));
        assertEquals(0.5, layout.u(0), 1e-12);
        assertEquals(0.5, layout.v(0), 1e-12);
        assertEquals(0.5, layout.u(1), 1e-12);
        assertEquals(0.5, layout.v(1), 1e-12);
        // Lambert equal-area: colatitude theta lands at radius 2 sin(theta / 2) (unit sphere); the
        // equator (theta = 90 deg) at sqrt 2, the disc's rim; theta = 60 deg at radius 1.
        double perUnit = (1 - 2 * SheetLayout.MARGIN) / (2 * Math.sqrt(2));
        assertEquals(0.5 + Math.sqrt(2) * perUnit, layout.u(2), 1e-12);
        assertEquals(0.5 + perUnit, layout.u(3), 1e-12);
        // The southern point at +y, seen from below, is still up in its panel.
        assertEquals(0.5 - perUnit, layout.v(4), 1e-12);

        BufferedImage image = plot.render(W, H);
        Rectangle north = plot.panelBounds(0, 0, W, H);
        Point2D.Double pole = plot.centre(0, 0, W, H);
        assertEquals(north.getCenterX(), pole.x, 1e-9);
        assertEquals(north.getCenterY(), pole.y, 1e-9);
        assertEquals(Colormap.VIRIDIS.rgb(1), pixel(image, pole));
        Rectangle south = plot.panelBounds(0, 1, W, H);
        assertTrue(south.x > north.x + north.width, "southern panel right of the northern one");
        assertEquals(Colormap.VIRIDIS.rgb(0), pixel(image, plot.centre(0, 1, W, H)));
    }

    @Test
    void fibonacciSphereSplitsIntoTwoEqualHemispheres() {
        Sheet sheet = Sheets.sphere(2000, 2);
        SheetLayout layout = SheetPlot.symmetric(sheet, List.of(ramp(2000)), List.of("sphere")).layout();
        int north = 0;
        for (int c = 0; c < 2000; c++) {
            north += layout.panel(c) == 0 ? 1 : 0;
        }
        assertEquals(1000, north);
        // Equal-area lattice, equal-area projection: 1000 dots share a disc of diameter
        // 1 - 2 margin, about sqrt(pi (0.45)^2 / 1000) = 0.025 apart, and dots are as wide as that.
        assertEquals(0.025, layout.mark(), 0.01);
    }

    @Test
    void learnedPointsAreProjectedOntoTheirPlaneWithoutDistortion() {
        // A 3 x 2 lattice in the plane spanned by e1 = (1, 1, 0)/sqrt 2 (spacing 2) and
        // e2 = (0, 0, 1) (spacing 1), shifted: its principal plane is that plane, so the
        // projection keeps all distances up to one scale factor.
        double[][] coords = new double[6][];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 2; b++) {
                double t = 2 * a / Math.sqrt(2);
                coords[a * 2 + b] = new double[] {5 + t, -1 + t, 7 + b};
            }
        }
        SheetLayout layout = SheetLayout.of("learned", coords);
        assertEquals(SheetLayout.Kind.PCA, layout.kind());
        assertEquals(List.of("PC1 vs PC2 (100% of variance)"), layout.panelLabels());
        double scale = planar(layout, 0, 2) / 2;
        assertEquals(1 * scale, planar(layout, 0, 1), 1e-9);
        assertEquals(Math.sqrt(4 * 4 + 1) * scale, planar(layout, 0, 5), 1e-9);
        assertEquals((1 - 2 * SheetLayout.MARGIN) / 4, scale, 1e-9); // widest span, 4, fills the panel
    }

    @Test
    void lowDimensionalPointsKeepXRightAndYUp() {
        SheetLayout line = SheetLayout.of("csv", new double[][] {{0}, {3}, {1}});
        assertEquals(SheetLayout.Kind.POINTS, line.kind());
        assertTrue(line.u(0) < line.u(2) && line.u(2) < line.u(1));
        assertEquals(0.5, line.v(1), 1e-12);
        SheetLayout plane = SheetLayout.of("csv", new double[][] {{0, 0}, {0, 2}, {1, 1}});
        assertTrue(plane.v(1) < plane.v(0), "larger y is higher up");
        assertEquals(plane.u(0), plane.u(1), 1e-12);
        assertEquals(1, plane.panels());
    }

    @Test
    void rowOfMapsWithSharedOrOwnScale() throws Exception {
        Sheet sheet = Sheets.grid(4, true);
        double[] small = ramp(16);
        double[] large = new double[16];
        for (int c = 0; c < 16; c++) {
            large[c] = 2 * small[c];
        }
        List<double[]> maps = List.of(small, large);
        List<String> titles = List.of("step 0", "step 1");
        SheetPlot own = SheetPlot.minMax(sheet, maps, titles);
        assertEquals(Colormap.VIRIDIS.rgb(1), pixel(own.render(W, H), own.centre(0, 15, W, H)));
        SheetPlot shared = SheetPlot.minMax(sheet, maps, titles).sharedScale(true);
        BufferedImage image = shared.render(W, H);
        assertEquals(Colormap.VIRIDIS.rgb(0.5), pixel(image, shared.centre(0, 15, W, H)));
        assertEquals(Colormap.VIRIDIS.rgb(1), pixel(image, shared.centre(1, 15, W, H)));
        assertTrue(shared.centre(1, 0, W, H).x > shared.centre(0, 15, W, H).x, "second map right of the first");

        Path file = dir.resolve("maps/steps.png");
        shared.columns(1).writePng(file, 300, 500);
        assertPng(file, 300, 500);
    }

    @Test
    void highlightRingsTheColumnButLeavesItsCell() {
        SheetPlot plot = SheetPlot.minMax(Sheets.grid(10, false), List.of(ramp(100)), List.of("field"))
                .highlightIn(0, 44);
        BufferedImage image = plot.render(W, H);
        Point2D.Double c = plot.centre(0, 44, W, H);
        assertEquals(Colormap.VIRIDIS.rgb(44.0 / 99), pixel(image, c));
        double radius = Math.max(6, 0.9 * plot.layout().mark() * plot.panelBounds(0, 0, W, H).width);
        int darkest = 255;
        for (int x = (int) (c.x + radius) - 2; x <= (int) (c.x + radius) + 2; x++) {
            int rgb = image.getRGB(x, (int) c.y);
            darkest = Math.min(darkest, Math.max((rgb >> 16) & 0xFF, Math.max((rgb >> 8) & 0xFF, rgb & 0xFF)));
        }
        assertTrue(darkest < 40, "the ring crosses the row through the cell, darkest channel max " + darkest);
    }

    @Test
    void rejectsInconsistentInput() {
        Sheet sheet = Sheets.grid(3, false);
        assertThrows(IllegalArgumentException.class,
                () -> SheetPlot.minMax(sheet, List.of(new double[8]), List.of("short")));
        assertThrows(IllegalArgumentException.class,
                () -> SheetPlot.minMax(sheet, List.of(new double[9]), List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> SheetPlot.minMax(sheet, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> SheetPlot.minMax("sphere", new double[][] {{1, 0}}, List.of(new double[1]), List.of("2-D")));
        assertThrows(IndexOutOfBoundsException.class,
                () -> SheetPlot.minMax(sheet, List.of(new double[9]), List.of("a")).highlight(9));
    }

    private static double planar(SheetLayout layout, int a, int b) {
        return Math.hypot(layout.u(a) - layout.u(b), layout.v(a) - layout.v(b));
    }

    private static double[] ramp(int n) {
        double[] values = new double[n];
        for (int c = 0; c < n; c++) {
            values[c] = c;
        }
        return values;
    }

    private static int pixel(BufferedImage image, Point2D.Double at) {
        return image.getRGB((int) at.x, (int) at.y) & 0xFFFFFF;
    }
}
