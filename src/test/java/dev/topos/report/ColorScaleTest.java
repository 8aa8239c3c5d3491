package dev.topos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorScaleTest {
    @Test
    void rangeSpansFiniteValuesOfAllGroups() {
        ColorScale scale = ColorScale.of(Colormap.VIRIDIS, false,
                new double[] {3, Double.NaN}, new double[] {-1, Double.POSITIVE_INFINITY});
        assertEquals(-1, scale.lo());
        assertEquals(3, scale.hi());
        assertEquals(Colormap.VIRIDIS.rgb(0), scale.rgb(-1));
        assertEquals(Colormap.VIRIDIS.rgb(0.5), scale.rgb(1));
        assertEquals(Colormap.VIRIDIS.rgb(1), scale.rgb(3));
        assertEquals(MapMosaic.MISSING_RGB, scale.rgb(Double.NaN));
    }

    @Test
    void symmetricRangeIsCentredOnZeroAndConstantGetsMiddleColour() {
        ColorScale scale = ColorScale.of(Colormap.RDBU, true, new double[] {-1, 4});
        assertEquals(-4, scale.lo());
        assertEquals(4, scale.hi());
        assertEquals(0xF7F7F7, scale.rgb(0));
        assertEquals(Colormap.VIRIDIS.rgb(0.5), ColorScale.of(Colormap.VIRIDIS, false, new double[] {2, 2}).rgb(2));
    }

    @Test
    void noFiniteValueGivesNaNRangeAndGreyEverywhere() {
        ColorScale scale = ColorScale.of(Colormap.VIRIDIS, true, new double[] {Double.NaN});
        assertTrue(Double.isNaN(scale.lo()));
        assertEquals(MapMosaic.MISSING_RGB, scale.rgb(Double.NaN));
        assertEquals("n/a", ColorScale.label(scale.hi()));
    }

    @Test
    void labelsKeepThreeSignificantDigits() {
        assertEquals("0", ColorScale.label(0));
        assertEquals("0.5", ColorScale.label(0.5));
        assertEquals("1230", ColorScale.label(1234.5));
        assertEquals("-0.0123", ColorScale.label(-0.012345));
        assertEquals("1.20e-05", ColorScale.label(1.2e-5));
    }
}
