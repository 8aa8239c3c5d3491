package dev.topos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.config.ConfigException;
import dev.topos.geometry.Sheet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnGeometryTest {
    @TempDir
    Path tmp;

    private static ColumnGeometry of(String kind, int layers, int width, int columns, String file, double lift) {
        return new ColumnGeometry(kind, layers, width, columns, file, lift, false, 0);
    }

    @Test
    void stackedGridIsUnliftedAndLayersAreTwoApart() {
        Sheet s = of("stacked", 3, 4, 0, "", 2).sheet(tmp);
        assertEquals(48, s.size());
        assertEquals(0, s.between(5, 5), 0);
        assertEquals(2, s.between(0, 16), 1e-12); // same place, next layer
        assertEquals(4.0 / 3, s.between(0, 1), 1e-12); // linspace(-2, 2, 4) spacing
    }

    @Test
    void singleSurfacesAreSeenFromTheLift() {
        Sheet grid = of("grid", 1, 5, 0, "", 2).sheet(tmp);
        assertEquals(2, grid.between(3, 3), 1e-12);
        Sheet torus = of("torus", 1, 6, 0, "", 2).sheet(tmp);
        assertEquals(Math.sqrt(1 + 4), torus.between(0, 5), 1e-12);
        Sheet flat = of("torus", 1, 6, 0, "", 0).sheet(tmp);
        assertEquals(1, flat.between(0, 5), 1e-12);
    }

    @Test
    void sphereGivesEachColumnUnitArea() {
        Sheet sphere = of("sphere", 1, 1, 400, "", 0).sheet(tmp);
        assertEquals(400, sphere.size());
        double r = Math.sqrt(400 / (4 * Math.PI));
        assertEquals(Math.PI * r, sphere.between(0, 399), 0.2 * r, "first and last points are near the poles");
        double nearest = Double.MAX_VALUE;
        for (int n = 0; n < 400; n++) {
            if (n != 200) {
                nearest = Math.min(nearest, sphere.between(200, n));
            }
        }
        assertTrue(nearest > 0.7 && nearest < 1.3, "about unit spacing: " + nearest);
    }

    @Test
    void csvCoordinatesAreReadRelativeToTheBaseFolder() throws Exception {
        Files.writeString(tmp.resolve("cols.csv"), "x,y\n0,0\n3,4\n");
        Sheet csv = of("csv", 1, 1, 2, "cols.csv", 0).sheet(tmp);
        assertEquals(5, csv.between(0, 1), 1e-12);
        assertEquals(Math.sqrt(29), of("csv", 1, 1, 2, "cols.csv", 2).sheet(tmp).between(0, 1), 1e-12);
    }

    @Test
    void invalidGeometriesNameTheirField() {
        ConfigException e = assertThrows(ConfigException.class, () -> of("hex", 1, 4, 2, "", 2).validate("model.geometry"));
        assertTrue(e.getMessage().contains("model.geometry.kind"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> of("csv", 1, 4, 2, "", 2).validate("model.geometry"));
        assertTrue(e.getMessage().contains("model.geometry.file"), e.getMessage());
    }
}
