package dev.topos.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NeighboursTest {
    @Test
    void interiorGridColumnReadsItselfThenItsFourNeighbours() {
        Sheet grid = Sheets.stackedGrid(1, 5);
        Neighbours t = Neighbours.nearest(grid, 5, 0, new Rng(1));
        int centre = 12; // (2, 2)
        assertEquals(centre, t.index()[centre][0]);
        int[] others = Arrays.copyOfRange(t.index()[centre], 1, 5);
        Arrays.sort(others);
        assertArrayEquals(new int[] {7, 11, 13, 17}, others);
        assertEquals(0, t.distance()[centre][0]);
        for (int k = 1; k < 5; k++) {
            assertEquals(grid.distance(centre, t.index()[centre][k]), t.distance()[centre][k], 1e-12);
        }
    }

    @Test
    void longRangeSourcesAreDistinctAndOutsideTheLocalField() {
        Sheet grid = Sheets.stackedGrid(2, 6);
        Neighbours t = Neighbours.nearest(grid, 9, 3, new Rng(7));
        assertEquals(12, t.perRow());
        for (int n = 0; n < grid.size(); n++) {
            int[] row = t.index()[n];
            assertEquals(12, Arrays.stream(row).distinct().count(), "row " + n + " distinct");
            double localMax = Arrays.stream(t.distance()[n], 0, 9).max().orElseThrow();
            for (int k = 9; k < 12; k++) {
                assertTrue(t.distance()[n][k] >= localMax - 1e-12, "long-range source no nearer than the local ones");
            }
        }
        Neighbours again = Neighbours.nearest(grid, 9, 3, new Rng(7));
        assertTrue(Arrays.deepEquals(t.index(), again.index()), "seeded");
    }

    @Test
    void badCountsAreRejectedByName() {
        Sheet grid = Sheets.stackedGrid(1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Neighbours.nearest(grid, 10, 0, new Rng(1)));
        assertTrue(e.getMessage().contains("k"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Neighbours.nearest(grid, 5, 5, new Rng(1)));
    }

    @Test
    void torusGridWrapsWithItsWidthAndLiftingAddsTheGap() {
        Sheet torus = Sheets.torusGrid(6);
        assertEquals(1, torus.between(0, 5), 1e-12); // (0,0)-(0,5) wraps to 1
        assertEquals(Math.sqrt(2), torus.between(0, 35), 1e-12); // (0,0)-(5,5)
        assertEquals(3, torus.between(0, 3), 1e-12);
        Sheet lifted = torus.lifted(2);
        assertEquals(2, lifted.between(4, 4), 1e-12);
        assertEquals(Math.sqrt(5), lifted.between(0, 5), 1e-12);
        assertEquals("torus", lifted.kind());
        assertArrayEquals(torus.distancesFrom(3), Arrays.stream(torus.distances()[3]).toArray(), 0);
    }
}
