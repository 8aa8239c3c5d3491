package dev.topos.analysis.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.analysis.topo.Selectivity.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;

class SelectivityTest {
    /** Column u of the result holds condition A = as[u], condition B = bs[u] (equal counts per column). */
    private static double[][] columns(double[]... values) {
        double[][] m = new double[values[0].length][values.length];
        for (int u = 0; u < values.length; u++) {
            for (int i = 0; i < values[u].length; i++) {
                m[i][u] = values[u][i];
            }
        }
        return m;
    }

    @Test
    @DisplayName("Student: A = 1,2,3 vs B = 4,5,9 gives t = -sqrt 6, df = 4 and the closed-form p")
    void studentByHand() {
        // means 2 and 6; SS_A = 1+0+1 = 2, SS_B = 4+1+9 = 14; pooled s^2 = 16/4 = 4;
        // se^2 = 4 (1/3 + 1/3) = 8/3; t = -4 / sqrt(8/3) = -sqrt 6; df = 4.
        // For df = 4 the t CDF has a closed form, F(t) = 1/2 + (3/8) x (1 - t^2 / (12 (1 + t^2/4)))
        // with x = t / sqrt(1 + t^2/4), so p = 1 - (3/4) x (1 - t^2 / (12 (1 + t^2/4))):
        // t^2 = 6, 1 + t^2/4 = 2.5, x = sqrt(2.4), p = 1 - 0.75 sqrt(2.4) 0.8 = 1 - 0.6 sqrt(2.4) = 0.0704840
        Selectivity s = Selectivity.compute(new double[][] {{1}, {2}, {3}}, new double[][] {{4}, {5}, {9}}, Method.STUDENT);
        assertEquals(-Math.sqrt(6), s.t()[0], 1e-12);
        assertEquals(4, s.df()[0], 0);
        double p = 1 - 0.6 * Math.sqrt(2.4);
        assertEquals(p, s.p()[0], 1e-9);
        assertEquals(Math.log10(p), s.map()[0], 1e-9); // sign(t) = -1
    }

    @Test
    @DisplayName("Welch: Welch-Satterthwaite df by hand, and a constant condition reduces df to n - 1")
    void welchByHand() {
        // unit 0: A = 19,22,16,29,24 (mean 22, SS 9+0+36+49+4 = 98, var 24.5),
        //         B = 20,11,17,12 (mean 15, SS 25+16+4+9 = 54, var 18)
        //   Welch: v_A/n_A = 4.9, v_B/n_B = 4.5, se^2 = 9.4, t = 7 / sqrt 9.4,
        //          df = 9.4^2 / (4.9^2/4 + 4.5^2/3) = 88.36 / (6.0025 + 6.75) = 88.36 / 12.7525
        //   Student: s^2 = 152/7, se^2 = 152/7 * 9/20 = 1368/140, t = 7 / sqrt(1368/140), df = 7
        double[][] a = {{19}, {22}, {16}, {29}, {24}};
        double[][] b = {{20}, {11}, {17}, {12}};
        Selectivity welch = Selectivity.compute(a, b, Method.WELCH);
        assertEquals(7 / Math.sqrt(9.4), welch.t()[0], 1e-12);
        assertEquals(88.36 / 12.7525, welch.df()[0], 1e-9);
        Selectivity student = Selectivity.compute(a, b, Method.STUDENT);
        assertEquals(7 / Math.sqrt(1368.0 / 140), student.t()[0], 1e-12);
        assertEquals(7, student.df()[0], 0);
        // Welch's df lies between min(n) - 1 and n_A + n_B - 2 and its t differs from Student's
        assertTrue(welch.df()[0] > 3 && welch.df()[0] < 7);

        // A = 5,5,5 (var 0) vs B = 1,2,3 (var 1): se^2 = 1/3, t = 3 sqrt 3,
        // df = (1/3)^2 / ((1/3)^2 / 2) = 2, and for df = 2 the two-sided p = 1 - |t| / sqrt(t^2 + 2)
        Selectivity flat = Selectivity.compute(new double[][] {{5}, {5}, {5}}, new double[][] {{1}, {2}, {3}}, Method.WELCH);
        assertEquals(3 * Math.sqrt(3), flat.t()[0], 1e-12);
        assertEquals(2, flat.df()[0], 1e-12);
        assertEquals(1 - Math.sqrt(27) / Math.sqrt(29), flat.p()[0], 1e-9);
    }

    @Test
    @DisplayName("Equal counts: Welch's t equals Student's, df = 2.56 by hand")
    void welchEqualCounts() {
        // A = 1,2,3 (var 1), B = 4,5,9 (var 7): se^2 = 1/3 + 7/3 = 8/3 as pooled; df = (8/3)^2 / ((1/9 + 49/9) / 2)
        // = (64/9) (18/50) = 2.56
        Selectivity s = Selectivity.compute(new double[][] {{1}, {2}, {3}}, new double[][] {{4}, {5}, {9}}, Method.WELCH);
        assertEquals(-Math.sqrt(6), s.t()[0], 1e-12);
        assertEquals(2.56, s.df()[0], 1e-12);
        // fewer degrees of freedom, heavier tails: larger p than Student's 0.0705, smaller than df = 2's
        assertTrue(s.p()[0] > 1 - 0.6 * Math.sqrt(2.4) && s.p()[0] < 1 - Math.sqrt(6) / Math.sqrt(8));
    }

    @Test
    @DisplayName("Units are tested independently; constant units give t = 0, p = 1, map 0")
    void perUnitAndConstantUnits() {
        double[][] a = columns(new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.1}, new double[] {7, 7, 7});
        double[][] b = columns(new double[] {4, 5, 9}, new double[] {0.1, 0.1, 0.1}, new double[] {7, 7, 7});
        for (Method method : Method.values()) {
            Selectivity s = Selectivity.compute(a, b, method);
            assertEquals(3, s.units());
            assertEquals(-Math.sqrt(6), s.t()[0], 1e-12);
            assertArrayEquals(new double[] {0, 0}, new double[] {s.t()[1], s.t()[2]});
            assertArrayEquals(new double[] {1, 1}, new double[] {s.p()[1], s.p()[2]});
            assertEquals(0.0, s.map()[1]);
            assertEquals(0.0, s.map()[2]);
        }
        assertTrue(Double.isNaN(Selectivity.compute(a, b, Method.WELCH).df()[1]));
        assertEquals(4, Selectivity.compute(a, b, Method.STUDENT).df()[1]);
    }

    @Test
    @DisplayName("An underflowing p is capped at -log10(Double.MIN_VALUE), sign kept")
    void capWhenPUnderflows() {
        double[][] a = new double[50][1];
        double[][] b = new double[50][1];
        for (int i = 0; i < 50; i++) {
            a[i][0] = 1e6 + (i % 2) * 1e-3;
            b[i][0] = -1e6 + (i % 2) * 1e-3;
        }
        Selectivity s = Selectivity.compute(b, a, Method.STUDENT);
        assertEquals(0.0, s.p()[0]);
        assertEquals(-Selectivity.MAX_MAP_VALUE, s.map()[0]);
        assertEquals(323.3, Selectivity.MAX_MAP_VALUE, 0.01);
    }

    @Test
    @DisplayName("The FDR map keeps only units Benjamini-Hochberg rejects")
    void mapAtFdr() {
        // unit 0: strong effect; unit 1: A = 1,2,3 vs B = 4,5,9 (p = 0.07); unit 2: none
        double[][] a = columns(new double[] {10, 11, 12, 10.5}, new double[] {1, 2, 3, 2}, new double[] {1, 2, 1, 2});
        double[][] b = columns(new double[] {0, 1, 0.5, 1.5}, new double[] {4, 5, 9, 6}, new double[] {2, 1, 2, 1});
        Selectivity s = Selectivity.compute(a, b, Method.WELCH);
        double[] thresholded = s.mapAtFdr(BenjaminiHochberg.DEFAULT_Q);
        assertTrue(thresholded[0] > 0);
        assertEquals(s.map()[0], thresholded[0]);
        assertEquals(0.0, thresholded[2]);
        assertArrayEquals(s.fdr(0.05).rejected(), new boolean[] {thresholded[0] != 0, thresholded[1] != 0, false});
    }

    @Test
    @DisplayName("Bad input is rejected with a message naming the problem")
    void badInput() {
        double[][] two = {{1, 2}, {3, 4}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Selectivity.compute(new double[][] {{1, 2}}, two, Method.STUDENT));
        assertTrue(e.getMessage().contains("at least 2 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Selectivity.compute(two, new double[][] {{1, 2, 3}, {4, 5, 6}}, Method.WELCH));
        assertTrue(e.getMessage().contains("same units"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Selectivity.compute(two, new double[][] {{1, 2}, {4}}, Method.WELCH));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Selectivity.compute(two, new double[][] {{1, Double.NaN}, {4, 5}}, Method.WELCH));
    }
}
