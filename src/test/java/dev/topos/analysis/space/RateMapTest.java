package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateMapTest {
    @Test
    void meansPerNodeByHandOnAThreeByTwoWorld() {
        // width 3, height 2: node 4 is (x=1, y=1), node 2 is (x=2, y=0)
        RateMap rm = new RateMap(3, 2, 2);
        rm.add(4, new float[] {1, 10});
        rm.add(4, new float[] {3, 20});
        rm.add(0, new float[] {-2, 0.5f});
        rm.add(2, new float[] {5, 5});
        rm.add(4, new float[] {2, 0});

        double[][][] maps = rm.maps();
        assertEquals(2.0, maps[0][1][1], 1e-12); // (1 + 3 + 2) / 3
        assertEquals(10.0, maps[1][1][1], 1e-12); // (10 + 20 + 0) / 3
        assertEquals(-2.0, maps[0][0][0], 1e-12);
        assertEquals(0.5, maps[1][0][0], 1e-12);
        assertEquals(5.0, maps[0][0][2], 1e-12);
        for (int unit = 0; unit < 2; unit++) {
            assertTrue(Double.isNaN(maps[unit][0][1])); // node 1 never visited
            assertTrue(Double.isNaN(maps[unit][1][0])); // node 3
            assertTrue(Double.isNaN(maps[unit][1][2])); // node 5
        }
        int[][] visits = rm.visits();
        assertArrayEquals(new int[] {1, 0, 1}, visits[0]);
        assertArrayEquals(new int[] {0, 3, 0}, visits[1]);
    }

    @Test
    void rejectsNodesOutsideTheBoxAndWrongWidths() {
        RateMap rm = new RateMap(3, 2, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> rm.add(6, new float[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> rm.add(0, new float[] {0}));
    }
}
