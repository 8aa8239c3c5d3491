package dev.topos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColormapTest {
    @Test
    void viridisEndpointsAndMidpoint() {
        assertEquals(0x440154, Colormap.VIRIDIS.rgb(0));
        assertEquals(0xFDE725, Colormap.VIRIDIS.rgb(1));
        // t = 0.5 lies halfway between anchors 4 (#26828E) and 5 (#1F9E89) of ten:
        // R (38 + 31) / 2 = 34.5 -> 35, G (130 + 158) / 2 = 144, B (142 + 137) / 2 = 139.5 -> 140.
        assertEquals(0x23908C, Colormap.VIRIDIS.rgb(0.5));
    }

    @Test
    void rdbuRunsBlueWhiteRed() {
        assertEquals(0x053061, Colormap.RDBU.rgb(0));
        assertEquals(0xF7F7F7, Colormap.RDBU.rgb(0.5));
        assertEquals(0x67001F, Colormap.RDBU.rgb(1));
        // t = 0.25 is halfway between anchors 2 (#4393C3) and 3 (#92C5DE) of eleven:
        // R (67 + 146) / 2 = 106.5 -> 107, G (147 + 197) / 2 = 172, B (195 + 222) / 2 = 208.5 -> 209.
        assertEquals(0x6BACD1, Colormap.RDBU.rgb(0.25));
    }

    @Test
    void clampsOutOfRangeAndRejectsNaN() {
        assertEquals(Colormap.VIRIDIS.rgb(0), Colormap.VIRIDIS.rgb(-3));
        assertEquals(Colormap.VIRIDIS.rgb(1), Colormap.VIRIDIS.rgb(7));
        assertThrows(IllegalArgumentException.class, () -> Colormap.VIRIDIS.rgb(Double.NaN));
    }
}
