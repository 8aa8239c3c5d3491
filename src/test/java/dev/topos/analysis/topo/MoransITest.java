package dev.topos.analysis.topo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.analysis.topo.MoransI.Contiguity;
import dev.topos.util.Rng;
import org.junit.jupiter.api.Test;

class MoransITest {
    private static double[] map(int side, java.util.function.IntBinaryOperator value) {
        double[] map = new double[side * side];
        for (int n = 0; n < map.length; n++) {
            map[n] = value.applyAsInt(n / side, n % side);
        }
        return map;
    }

    @Test
    void checkerboardUnderRookWeightsIsMinusOne() {
        // even side: z = +-1/2 with mean 0 exactly, and every rook neighbour has the opposite sign,
        // so sum w z z = -W/4, sum z^2 = N/4 and I = (N/W)(-W/N) = -1, with or without wrap
        double[] board = map(8, (r, c) -> (r + c) % 2);
        assertEquals(-1.0, new MoransI(Contiguity.ROOK, false).of(board, 8), 1e-12);
        assertEquals(-1.0, new MoransI(Contiguity.ROOK, true).of(board, 8), 1e-12);
    }

    @Test
    void smoothGradientIsStronglyPositive() {
        double[] gradient = map(20, (r, c) -> r + c);
        assertTrue(MoransI.TOPOLM.of(gradient, 20) > 0.85, () -> "I = " + MoransI.TOPOLM.of(gradient, 20));
    }

    @Test
    void handComputedThreeByThreeQueen() {
        // values 1..9 row-major, mean 5: z = -4 -3 -2 / -1 0 1 / 2 3 4, sum z^2 = 60.
        // Queen without wrap: corners 3, edge cells 5, centre 8 neighbours: W = 12 + 20 + 8 = 40.
        // z_i * (sum of neighbours' z): (0,0) -4*(-3-1+0) = 16; (0,1) -3*(-4-2-1+0+1) = 18;
        // (0,2) -2*(-3+0+1) = 4; (1,0) -1*(-4-3+0+2+3) = 2; (1,1) 0; (1,2) 1*(-3-2+0+3+4) = 2;
        // (2,0) 2*(-1+0+3) = 4; (2,1) 3*(2+4-1+0+1) = 18; (2,2) 4*(3+0+1) = 16; total 80.
        // I = (9/40) (80/60) = 0.3
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(0.3, MoransI.TOPOLM.of(values, 3), 1e-12);
    }

    @Test
    void threeByThreeQueenTorusMakesEveryCellANeighbour() {
        // with wrap every cell's 8 neighbours are all the other cells: sum_j!=i z_j = -z_i, so
        // sum w z z = -sum z^2, W = 72 and I = (9/72)(-1) = -1/8 for any non-constant map
        MoransI torus = new MoransI(Contiguity.QUEEN, true);
        assertEquals(-0.125, torus.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3), 1e-12);
        assertEquals(-0.125, torus.of(new double[] {0, 0, 5, 0, 0, 0, -1, 0, 0}, 3), 1e-12);
    }

    @Test
    void noiseAveragesToMinusOneOverNMinusOne() {
        Rng rng = new Rng(7);
        int side = 10;
        int maps = 400;
        double sum = 0;
        for (int k = 0; k < maps; k++) {
            double[] noise = new double[side * side];
            for (int n = 0; n < noise.length; n++) {
                noise[n] = rng.nextGaussian();
            }
            sum += MoransI.TOPOLM.of(noise, side);
        }
        // E[I] = -1/99 = -0.0101; one map's sd is about 0.055 on this lattice, so the mean of 400
        // has a standard error near 0.003 (the tolerance is under 3 of them)
        assertEquals(-1.0 / 99, sum / maps, 0.008);
    }

    @Test
    void constantMapIsNaN() {
        double[] flat = new double[16];
        java.util.Arrays.fill(flat, 0.1);
        assertTrue(Double.isNaN(MoransI.TOPOLM.of(flat, 4)));
    }

    @Test
    void rejectsAMapThatIsNotSideSquared() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MoransI.TOPOLM.of(new double[10], 3));
        assertTrue(e.getMessage().contains("9") && e.getMessage().contains("10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MoransI.TOPOLM.of(new double[1], 1));
        assertThrows(IllegalArgumentException.class, () -> new MoransI(Contiguity.QUEEN, true).of(new double[4], 2));
    }
}
