package org.edgeworks.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MapRasterTest {

    @Test
    void renderKeepsTheDataOrder() {
        double[] data = {0, 1, 2, 3, 4, 5}; // 2 rows x 3 columns
        int[] argb = MapRaster.render(data, 2, 3, Colormap.GREY, Scaling.linear());
        assertEquals(Colormap.GREY.argb(0), argb[0]);
        assertEquals(Colormap.GREY.argb(1), argb[5]);
        assertEquals(Colormap.GREY.argb(0.6), argb[3]);
    }

    @Test
    void sharedRangeGivesOneColourScale() {
        double[] pristine = {0, 1}, charged = {0, 2};
        double[] common = {0, 2};
        int[] a = MapRaster.render(pristine, 1, 2, Colormap.VIRIDIS, Scaling.linear(), common);
        int[] b = MapRaster.render(charged, 1, 2, Colormap.VIRIDIS, Scaling.linear(), common);
        assertEquals(Colormap.VIRIDIS.argb(0.5), a[1]);
        assertEquals(Colormap.VIRIDIS.argb(1), b[1]);
    }

    @Test
    void resampleFlipsRowsSoYGrowsUpward() {
        // 2 rows (y = 10 bottom, 20 top) x 2 columns (x = 1, 2), each cell its own colour
        int[] cells = {1, 2, 3, 4};
        double[] x = {1, 2}, y = {10, 20};
        double[] xs = MapRaster.extent(x), ys = MapRaster.extent(y);
        assertArrayEquals(new double[] {0.5, 2.5}, xs);
        assertArrayEquals(new double[] {5, 25}, ys);
        PixelMapping area = new PixelMapping(0, 0, 4, 4, xs[0], xs[1], ys[0], ys[1]);
        int[] pixels = MapRaster.resample(cells, 2, 2, x, y, area);
        assertArrayEquals(new int[] {3, 3, 4, 4, 3, 3, 4, 4, 1, 1, 2, 2, 1, 1, 2, 2}, pixels);
        // descending axes land in the same place
        int[] reversedCells = {4, 3, 2, 1};
        assertArrayEquals(pixels, MapRaster.resample(reversedCells, 2, 2, new double[] {2, 1}, new double[] {20, 10}, area));
    }

    @Test
    void shapeMismatchIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> MapRaster.render(new double[5], 2, 3, Colormap.GREY, Scaling.linear()));
    }
}
