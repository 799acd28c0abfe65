package org.edgeworks.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalingTest {

    @Test
    void linearRangeIgnoresNanAndInfinity() {
        double[] data = {Double.NaN, 2, -1, Double.POSITIVE_INFINITY, 5};
        Scaling linear = Scaling.linear();
        double[] range = linear.range(data);
        assertArrayEquals(new double[] {-1, 5}, range);
        assertEquals(0.5, linear.normalise(2, range), 1e-12);
        assertEquals(0, linear.normalise(-10, range));
        assertEquals(1, linear.normalise(10, range));
        assertTrue(Double.isNaN(linear.normalise(Double.NaN, range)));
    }

    @Test
    void logUsesPositiveValuesAndPutsTheRestAtTheBottom() {
        double[] data = {-5, 0, 1, 10, 100, Double.NaN};
        Scaling log = Scaling.log();
        double[] range = log.range(data);
        assertArrayEquals(new double[] {1, 100}, range);
        assertEquals(0.5, log.normalise(10, range), 1e-12);
        assertEquals(0, log.normalise(0, range));
        assertEquals(0, log.normalise(-5, range));
        assertEquals(1, log.normalise(100, range));
        int[] argb = MapRaster.render(data, 2, 3, Colormap.INFERNO, log);
        assertEquals(Colormap.INFERNO.argb(0), argb[0]);
        assertEquals(Colormap.INFERNO.argb(0), argb[1]);
        assertEquals(Colormap.BAD_ARGB, argb[5]);
    }

    @Test
    void logOfNothingPositiveDoesNotFail() {
        Scaling log = Scaling.log();
        double[] range = log.range(new double[] {-1, 0, -3});
        assertTrue(range[0] > 0 && range[1] > range[0]);
        assertEquals(0, log.normalise(-1, range));
    }

    @Test
    void percentileClipsOutliers() {
        double[] data = new double[1001];
        for (int i = 0; i <= 1000; i++) data[i] = i / 10.0; // 0..100
        data[500] = 1e6; // a hot pixel replaces 50.0, so ranks above it shift by one
        Scaling clipped = Scaling.percentile(1, 99);
        double[] range = clipped.range(data);
        // numpy: np.percentile(data, [1, 99]) with the same data
        assertEquals(1.0, range[0], 1e-9);
        assertEquals(99.1, range[1], 1e-9);
        assertEquals(1, clipped.normalise(1e6, range));
        assertEquals(0.5, clipped.normalise(50.05, range), 1e-12);
        assertEquals(1e6, Scaling.linear().range(data)[1]);
    }

    @Test
    void constantDataHasNoDivisionByZero() {
        double[] constant = {3, 3, 3};
        for (Scaling s : new Scaling[] {Scaling.linear(), Scaling.log(), Scaling.percentile(2, 98)}) {
            double[] range = s.range(constant);
            assertEquals(0.5, s.normalise(3, range), s.kind().toString());
        }
        double[] nothing = Scaling.linear().range(new double[] {Double.NaN});
        assertArrayEquals(new double[] {0, 1}, nothing);
    }

    @Test
    void invalidPercentilesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Scaling.percentile(50, 50));
        assertThrows(IllegalArgumentException.class, () -> Scaling.percentile(-1, 99));
        assertThrows(IllegalArgumentException.class, () -> Scaling.percentile(1, 101));
        assertThrows(IllegalArgumentException.class, () -> new Scaling(null, 0, 100));
    }
}
