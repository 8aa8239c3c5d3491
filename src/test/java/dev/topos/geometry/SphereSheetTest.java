package dev.topos.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SphereSheetTest {
    private static final double EPS = 1e-9;

    @Test
    void greatCircleDistanceOfKnownPoints() {
        double r = 2.5;
        Sheet sheet = Sheet.of("points", new double[][] {{0, 0, r}, {0, 0, -r}, {r, 0, 0}, {0, r, 0}},
                Metric.greatCircle(r));
        assertEquals(Math.PI * r, sheet.distance(0, 1), EPS);      // antipodal
        assertEquals(Math.PI / 2 * r, sheet.distance(0, 2), EPS);  // pole to equator
        assertEquals(Math.PI / 2 * r, sheet.distance(2, 3), EPS);
        assertEquals(0.0, sheet.distance(3, 3), EPS);
    }

    @Test
    void latticePointsLieOnTheSphere() {
        Sheet sphere = Sheets.sphere(200, 3.0);
        assertEquals("sphere", sphere.kind());
        assertEquals(3, sphere.dim());
        for (int n = 0; n < sphere.size(); n++) {
            double[] c = sphere.coord(n);
            assertEquals(3.0, Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]), EPS);
        }
    }

    @Test
    void distancesAreSymmetricBoundedAndZeroOnDiagonal() {
        Sheet sphere = Sheets.sphere(300, 1.0);
        double[][] d = sphere.distances();
        double max = 0;
        for (int m = 0; m < d.length; m++) {
            assertEquals(0.0, d[m][m], EPS);
            for (int n = 0; n < d.length; n++) {
                assertEquals(d[m][n], d[n][m]);
                max = Math.max(max, d[m][n]);
            }
        }
        assertTrue(max <= Math.PI + EPS);
        assertTrue(max > 0.95 * Math.PI, "some pair is nearly antipodal, got " + max);
    }

    /**
     * Equal-area points: each owns about 4 pi / N of the unit sphere. A hexagonal packing, whose
     * spacing d satisfies (sqrt 3 / 2) d^2 = 4 pi / N, has the largest possible nearest-neighbour
     * distance for that area; the Fibonacci lattice is locally a sheared version of it, so its
     * nearest-neighbour distances sit a little below d and are nearly all alike (uniformly random
     * points would give a coefficient of variation near 0.5).
     */
    @Test
    void nearestNeighbourDistancesAreNearlyEqual() {
        int n = 1000;
        Sheet sphere = Sheets.sphere(n, 1.0);
        double[] nearest = new double[n];
        for (int m = 0; m < n; m++) {
            nearest[m] = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (k != m) {
                    nearest[m] = Math.min(nearest[m], sphere.distance(m, k));
                }
            }
        }
        double mean = Arrays.stream(nearest).average().orElseThrow();
        double var = Arrays.stream(nearest).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
        double hexagonal = Math.sqrt(8 * Math.PI / (Math.sqrt(3) * n));
        assertTrue(mean > 0.8 * hexagonal && mean <= hexagonal, "mean " + mean + ", hexagonal " + hexagonal);
        assertTrue(Math.sqrt(var) / mean < 0.05, "coefficient of variation " + Math.sqrt(var) / mean);
    }

    @Test
    void fieldRadiusIsTheCapWithThatAreaFraction() {
        Sheet sphere = Sheets.sphere(10, 2.0);
        assertEquals(Math.PI * 2.0, sphere.fieldRadius(1.0), EPS);     // whole sphere
        assertEquals(Math.PI / 2 * 2.0, sphere.fieldRadius(0.5), EPS); // hemisphere
        // cap area 2 pi R^2 (1 - cos(rho / R)) over 4 pi R^2 gives back r
        double rho = sphere.fieldRadius(0.1);
        assertEquals(0.1, (1 - Math.cos(rho / 2.0)) / 2, EPS);
    }

    @Test
    void badArgumentsNameTheParameter() {
        IllegalArgumentException radius = assertThrows(IllegalArgumentException.class, () -> Sheets.sphere(10, 0));
        assertTrue(radius.getMessage().startsWith("radius must be finite and > 0, got 0.0"), radius.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> Sheets.sphere(0, 1));
        assertTrue(count.getMessage().startsWith("n must be in [1, "), count.getMessage());
    }
}
