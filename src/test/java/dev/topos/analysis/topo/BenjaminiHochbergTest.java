package dev.topos.analysis.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {
    /** The 15 p-values of Benjamini & Hochberg (1995), section 4.2. */
    private static final double[] PAPER = {
        0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
        0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000};

    @Test
    void rejectsTheFourHypothesesOfThePaper() {
        // q i / m = i / 300: p_(4) = 0.0095 <= 0.0133 but p_(5) = 0.0201 > 0.0167, p_(6) = 0.0278 > 0.02,
        // ..., p_(9) = 0.0459 > 0.03: k = 4, as in the paper (Bonferroni would reject 3)
        BenjaminiHochberg bh = BenjaminiHochberg.of(PAPER, 0.05);
        assertEquals(4, bh.rejectedCount());
        boolean[] expected = new boolean[15];
        expected[0] = expected[1] = expected[2] = expected[3] = true;
        assertArrayEquals(expected, bh.rejected());
    }

    @Test
    void adjustedPValuesByHand() {
        // m p_(j) / j then the running minimum from the largest j down:
        // j=15: 1; 14: 15*.759/14 = .813214; 13: 15*.6528/13 = .753231; 12: 15*.5719/12 = .714875;
        // 11: 15*.4262/11 = .581182; 10: 15*.324/10 = .486; 9: 15*.0459/9 = .0765; 8: 15*.0344/8 = .0645;
        // 7: 15*.0298/7 = .063857; 6: 15*.0278/6 = .0695 -> min .063857; 5: 15*.0201/5 = .0603;
        // 4: 15*.0095/4 = .035625; 3: 15*.0019/3 = .0095; 2: 15*.0004/2 = .003; 1: 15*.0001 = .0015
        double[] expected = {
            0.0015, 0.003, 0.0095, 0.035625, 0.0603, 15 * 0.0298 / 7, 15 * 0.0298 / 7, 0.0645, 0.0765,
            0.486, 15 * 0.4262 / 11, 0.714875, 15 * 0.6528 / 13, 15 * 0.759 / 14, 1.0};
        assertArrayEquals(expected, BenjaminiHochberg.of(PAPER, 0.05).adjusted(), 1e-12);
    }

    @Test
    void orderOfTheInputIsKeptAndTiesShareTheirValue() {
        // p = .04, .01, .03, .04 (m = 4): sorted .01 .03 .04 .04 -> 4*.01/1 = .04, 4*.03/2 = .06,
        // 4*.04/3 = .0533, 4*.04/4 = .04 -> running min from the top: .04, .04, .04, .04
        BenjaminiHochberg bh = BenjaminiHochberg.of(new double[] {0.04, 0.01, 0.03, 0.04}, 0.05);
        assertArrayEquals(new double[] {0.04, 0.04, 0.04, 0.04}, bh.adjusted(), 1e-12);
        assertEquals(4, bh.rejectedCount());
        // at q = 0.03 none survives
        assertEquals(0, BenjaminiHochberg.of(new double[] {0.04, 0.01, 0.03, 0.04}, 0.03).rejectedCount());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.of(new double[] {0.5, 1.2}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.of(new double[] {Double.NaN}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.of(new double[0], 0.05));
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.of(new double[] {0.5}, 0));
    }
}
