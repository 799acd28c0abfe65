package org.edgeworks.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColormapTest {

    @Test
    void viridisAndInfernoEndpointsMatchThePublishedTables() {
        assertEquals(0xFF440154, Colormap.VIRIDIS.argb(0.0));
        assertEquals(0xFFFDE725, Colormap.VIRIDIS.argb(1.0));
        assertEquals(0xFF000004, Colormap.INFERNO.argb(0.0));
        assertEquals(0xFFFCFFA4, Colormap.INFERNO.argb(1.0));
    }

    @Test
    void midpointsMatchMatplotlibWithinOneLevel() {
        // matplotlib 3.6: viridis(0.5, bytes=True) = (32, 144, 140), jet(0.5, bytes=True) = (124, 255, 121);
        // matplotlib truncates to bytes where we round, hence one level of tolerance.
        assertRgbNear(32, 144, 140, Colormap.VIRIDIS.argb(0.5), 1);
        assertRgbNear(124, 255, 121, Colormap.JET.argb(0.5), 1);
        assertRgbNear(0, 228, 247, Colormap.JET.argb(0.35), 1);
    }

    @Test
    void jetRunsFromDarkBlueToDarkRed() {
        assertEquals(0xFF000080, Colormap.JET.argb(0.0));
        assertEquals(0xFF800000, Colormap.JET.argb(1.0));
    }

    @Test
    void greyIsBlackToWhiteAndMonotonic() {
        assertEquals(0xFF000000, Colormap.GREY.argb(0));
        assertEquals(0xFFFFFFFF, Colormap.GREY.argb(1));
        int previous = -1;
        for (int i = 0; i <= 1000; i++) {
            int level = Colormap.GREY.argb(i / 1000.0) & 0xFF;
            assertTrue(level >= previous);
            previous = level;
        }
    }

    @Test
    void outOfRangeIsClampedAndNanIsTheBadColour() {
        for (Colormap map : Colormap.values()) {
            assertEquals(map.argb(0), map.argb(-3));
            assertEquals(map.argb(1), map.argb(7));
            assertEquals(Colormap.BAD_ARGB, map.argb(Double.NaN));
            assertEquals(256, map.size());
            for (int i = 0; i < 256; i++) {
                int argb = map.argb((i + 0.5) / 256);
                assertEquals(0xFF, argb >>> 24, "opaque");
                assertTrue(argb != Colormap.BAD_ARGB, "the bad colour must not be a data colour of " + map);
            }
        }
    }

    @Test
    void viridisGetsBrighterAlongTheMap() {
        double previous = -1;
        for (int i = 0; i < 256; i++) {
            double luminance = luminance(Colormap.VIRIDIS.argb((i + 0.5) / 256));
            assertTrue(luminance > previous - 0.5, "viridis luminance is monotonic, entry " + i);
            previous = luminance;
        }
    }

    static double luminance(int argb) {
        return 0.2126 * (argb >> 16 & 0xFF) + 0.7152 * (argb >> 8 & 0xFF) + 0.0722 * (argb & 0xFF);
    }

    static void assertRgbNear(int r, int g, int b, int argb, int tolerance) {
        String message = String.format("expected ~(%d,%d,%d) got %08x", r, g, b, argb);
        assertTrue(Math.abs((argb >> 16 & 0xFF) - r) <= tolerance, message);
        assertTrue(Math.abs((argb >> 8 & 0xFF) - g) <= tolerance, message);
        assertTrue(Math.abs((argb & 0xFF) - b) <= tolerance, message);
    }
}
