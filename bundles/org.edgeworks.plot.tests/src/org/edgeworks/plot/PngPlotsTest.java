package org.edgeworks.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.edgeworks.core.EdgeworksException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks real pixels of rendered plots through their {@link PixelMapping}. */
class PngPlotsTest {

    private static final int SPOT_X = 25, SPOT_Y = 10, COLUMNS = 40, ROWS = 30;

    /** A dark map with one bright cell at (x[25], y[10]); x in eV 500..519.5, y 520..527.25. */
    static MapPlot spotMap(Colormap colormap, Scaling scaling) {
        double[] x = new double[COLUMNS], y = new double[ROWS], values = new double[ROWS * COLUMNS];
        for (int i = 0; i < COLUMNS; i++) x[i] = 500 + 0.5 * i;
        for (int j = 0; j < ROWS; j++) y[j] = 520 + 0.25 * j;
        values[SPOT_Y * COLUMNS + SPOT_X] = 1;
        return new MapPlot("spot", "Emission energy (eV)", "Excitation energy (eV)", x, y, values, colormap, scaling);
    }

    @Test
    void mapFeatureAppearsAtItsPositionInTheTopColour() throws Exception {
        MapPlot plot = spotMap(Colormap.VIRIDIS, Scaling.linear());
        Rendered rendered = PngPlots.renderMapPlot(plot);
        BufferedImage image = rendered.image();
        PixelMapping map = rendered.mapping();
        int column = map.column(plot.x()[SPOT_X]), row = map.row(plot.y()[SPOT_Y]);
        assertEquals(Colormap.VIRIDIS.argb(1.0), image.getRGB(column, row));
        // the spot is a whole cell: its neighbours one cell away are the low colour
        assertEquals(Colormap.VIRIDIS.argb(0.0), image.getRGB(map.column(plot.x()[SPOT_X + 1]), row));
        assertEquals(Colormap.VIRIDIS.argb(0.0), image.getRGB(column, map.row(plot.y()[SPOT_Y + 1])));
        assertEquals(Colormap.VIRIDIS.argb(0.0), image.getRGB(map.column(plot.x()[2]), map.row(plot.y()[27])));
        // y grows upward: row 10 of 30 is in the lower half of the picture
        assertTrue(row > map.top() + map.height() / 2);
        // exactly one cell's worth of bright pixels
        long bright = 0;
        for (int r = map.top(); r < map.top() + map.height(); r++)
            for (int c = map.left(); c < map.left() + map.width(); c++)
                if (image.getRGB(c, r) == Colormap.VIRIDIS.argb(1.0)) bright++;
        double cellPixels = map.width() / (double) COLUMNS * map.height() / ROWS;
        assertEquals(cellPixels, bright, cellPixels * 0.3);
    }

    @Test
    void mapPixelsAreTheSharedRasterCore() throws Exception {
        MapPlot plot = spotMap(Colormap.JET, Scaling.percentile(0, 99.9));
        Rendered rendered = PngPlots.renderMapPlot(plot, 500, 400);
        PixelMapping map = rendered.mapping();
        int[] cells = MapRaster.render(plot.rowMajor(), ROWS, COLUMNS, plot.colormap(), plot.scaling());
        int[] expected = MapRaster.resample(cells, ROWS, COLUMNS, plot.x(), plot.y(), map);
        int[] actual = rendered.image().getRGB(map.left(), map.top(), map.width(), map.height(), null, 0, map.width());
        assertTrue(java.util.Arrays.equals(expected, actual), "PNG map pixels equal MapRaster's");
    }

    @Test
    void colourBarRunsMonotonicallyFromLowAtTheBottomToHighAtTheTop() throws Exception {
        for (Colormap colormap : Colormap.values()) {
            Rendered rendered = PngPlots.renderMapPlot(spotMap(colormap, Scaling.linear()));
            PixelMapping bar = rendered.areas().get(1);
            int centre = bar.left() + bar.width() / 2, previous = Integer.MAX_VALUE;
            for (int row = bar.top(); row < bar.top() + bar.height(); row++) {
                int index = tableIndex(colormap, rendered.image().getRGB(centre, row));
                assertTrue(index >= 0, colormap + " bar pixel is a colormap colour at row " + row);
                assertTrue(index <= previous, colormap + " bar decreases downward at row " + row);
                previous = index;
            }
            assertEquals(colormap.argb(1), rendered.image().getRGB(centre, bar.top()));
            assertEquals(colormap.argb(0), rendered.image().getRGB(centre, bar.top() + bar.height() - 1));
        }
    }

    @Test
    void nanCellsAreTheBadColourAndLogMapsRender() throws Exception {
        MapPlot spot = spotMap(Colormap.INFERNO, Scaling.log());
        double[] values = spot.rowMajor().clone();
        values[0] = Double.NaN;
        values[1] = -4; // log: lowest colour
        values[2] = 1e-3;
        MapPlot plot = new MapPlot("log", "x", "y", spot.x(), spot.y(), values, Colormap.INFERNO, Scaling.log());
        Rendered rendered = PngPlots.renderMapPlot(plot);
        PixelMapping map = rendered.mapping();
        int bottom = map.row(plot.y()[0]);
        assertEquals(Colormap.BAD_ARGB, rendered.image().getRGB(map.column(plot.x()[0]), bottom));
        assertEquals(Colormap.INFERNO.argb(0), rendered.image().getRGB(map.column(plot.x()[1]), bottom));
        assertEquals(Colormap.INFERNO.argb(1), rendered.image().getRGB(map.column(plot.x()[SPOT_X]), map.row(plot.y()[SPOT_Y])));
    }

    @Test
    void lineOfYEqualsXCrossesTheExpectedPixels() throws Exception {
        int n = 1001;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i / 100.0;
        Rendered rendered = PngPlots.renderLinePlot(LinePlot.of("y = x", "x", "y", List.of(Series.of("", x, x))));
        PixelMapping m = rendered.mapping();
        for (double v : new double[] {1.5, 2.5, 5, 7.5, 9}) {
            int column = m.column(v), row = m.row(v);
            assertTrue(nearColour(rendered.image(), column, row, 1, PngPlots.PALETTE.get(0)), "curve at x = y = " + v);
            assertTrue(isBackground(rendered.image().getRGB(column, m.row(v + 1))), "nothing above the curve at " + v);
            assertTrue(isBackground(rendered.image().getRGB(column, m.row(v - 1))), "nothing below the curve at " + v);
        }
    }

    @Test
    void hugeSeriesKeepsASingleSpike() throws Exception {
        int n = 2_000_000, spike = 1_234_567;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) x[i] = i;
        y[spike] = 10;
        Rendered rendered = PngPlots.renderLinePlot(LinePlot.of("spike", "x", "y", List.of(Series.of("", x, y))));
        PixelMapping m = rendered.mapping();
        assertTrue(nearColour(rendered.image(), m.column(spike), m.row(10), 1, PngPlots.PALETTE.get(0)),
                "the spike's top is drawn");
        assertTrue(nearColour(rendered.image(), m.column(spike), m.row(5), 1, PngPlots.PALETTE.get(0)),
                "the spike's flank is drawn");
    }

    @Test
    void nanLeavesAGapAndDashedSeriesAndMarkersAreDrawn() throws Exception {
        double[] x = new double[101], y = new double[101], y2 = new double[101];
        for (int i = 0; i <= 100; i++) {
            x[i] = i;
            y[i] = i >= 40 && i <= 60 ? Double.NaN : 1;
            y2[i] = 3;
        }
        LinePlot plot = new LinePlot("gap", "E (eV)", "mu", List.of(Series.of("data", x, y), new Series("fit", x, y2, true)),
                List.of(25.0));
        Rendered rendered = PngPlots.renderLinePlot(plot);
        PixelMapping m = rendered.mapping();
        BufferedImage image = rendered.image();
        assertTrue(nearColour(image, m.column(20), m.row(1), 1, PngPlots.PALETTE.get(0)));
        assertTrue(isBackground(image.getRGB(m.column(50), m.row(1))), "NaN points are a gap");
        int dashed = 0, row = m.row(3);
        for (int c = m.column(5); c < m.column(95); c++)
            if (nearColour(image, c, row, 0, PngPlots.PALETTE.get(1))) dashed++;
        int span = m.column(95) - m.column(5);
        assertTrue(dashed > span / 3 && dashed < span * 0.9, "dashed line covers part of its row: " + dashed + " of " + span);
        int marker = m.column(25), markerPixels = 0;
        for (int r = m.top(); r < m.top() + m.height(); r++)
            if ((image.getRGB(marker, r) & 0xFFFFFF) != 0xFFFFFF && !isBackground(image.getRGB(marker, r))) markerPixels++;
        assertTrue(markerPixels > m.height() / 4, "vertical marker drawn at x = 25");
    }

    @Test
    void constantDataAndMultiplePanelsRender() throws Exception {
        LinePlot flat = LinePlot.of("flat", "x", "y", List.of(Series.of("c", new double[] {1, 2, 3}, new double[] {5, 5, 5})));
        PixelMapping m = PngPlots.renderLinePlot(flat).mapping();
        assertTrue(m.yMin() < 5 && m.yMax() > 5);
        Rendered panels = PngPlots.renderPanels(List.of(flat, flat, flat));
        assertEquals(3, panels.areas().size());
        assertEquals(2 * PngPlots.PANEL_WIDTH, panels.image().getWidth());
        assertEquals(2 * PngPlots.PANEL_HEIGHT, panels.image().getHeight());
        PixelMapping third = panels.areas().get(2);
        assertTrue(third.top() > PngPlots.PANEL_HEIGHT && third.left() < PngPlots.PANEL_WIDTH);
        assertTrue(nearColour(panels.image(), third.column(2), third.row(5), 1, PngPlots.PALETTE.get(0)));
    }

    @Test
    void barsReachTheirValues() throws Exception {
        BarPlot plot = new BarPlot("weights", "weight", List.of("FeO", "Fe2O3", "missing"), new double[] {0.25, 0.75, Double.NaN});
        Rendered rendered = PngPlots.renderBarPlot(plot);
        PixelMapping m = rendered.mapping();
        int bar = PngPlots.PALETTE.get(0).getRGB();
        assertEquals(bar, rendered.image().getRGB(m.column(1), m.row(0.7)));
        assertTrue(isBackground(rendered.image().getRGB(m.column(1), m.row(0.8))));
        assertEquals(bar, rendered.image().getRGB(m.column(0), m.row(0.2)));
        assertTrue(isBackground(rendered.image().getRGB(m.column(0), m.row(0.3))));
    }

    @Test
    void badInputNamesThePlotAndSeries() {
        double[] one = {1};
        var empty = assertThrows(EdgeworksException.class, () -> PngPlots.renderLinePlot(
                LinePlot.of("mu", "x", "y", List.of(Series.of("sample 3", new double[0], new double[0])))));
        assertTrue(empty.getMessage().contains("sample 3") && empty.getMessage().contains("mu"), empty.getMessage());
        assertThrows(EdgeworksException.class, () -> PngPlots.renderLinePlot(LinePlot.of("mu", "x", "y", List.of())));
        assertThrows(EdgeworksException.class, () -> PngPlots.renderLinePlot(
                LinePlot.of("mu", "x", "y", List.of(Series.of("s", one, new double[] {1, 2})))));
        assertThrows(EdgeworksException.class, () -> PngPlots.renderLinePlot(
                LinePlot.of("mu", "x", "y", List.of(Series.of("s", one, new double[] {Double.NaN})))));
        MapPlot spot = spotMap(Colormap.GREY, Scaling.linear());
        var shape = assertThrows(EdgeworksException.class, () -> PngPlots.renderMapPlot(new MapPlot("m", "x", "y",
                spot.x(), spot.y(), new double[7], Colormap.GREY, Scaling.linear())));
        assertFalse(shape.getMessage().contains("\n"));
        assertThrows(EdgeworksException.class, () -> PngPlots.renderBarPlot(new BarPlot("b", "y", List.of("a"), new double[] {1, 2})));
    }

    @Test
    void pngFilesHoldTheRenderedPixelsAndRespectOverwrite(@TempDir Path dir) throws Exception {
        MapPlot plot = spotMap(Colormap.VIRIDIS, Scaling.linear());
        Path png = dir.resolve("reports/map.png");
        PngPlots.mapPlot(png, false, plot);
        BufferedImage read = ImageIO.read(png.toFile());
        BufferedImage rendered = PngPlots.renderMapPlot(plot).image();
        assertEquals(rendered.getWidth(), read.getWidth());
        for (int r = 0; r < read.getHeight(); r++)
            for (int c = 0; c < read.getWidth(); c++)
                if (read.getRGB(c, r) != rendered.getRGB(c, r)) throw new AssertionError("pixel differs at " + c + "," + r);
        var exists = assertThrows(EdgeworksException.class, () -> PngPlots.mapPlot(png, false, plot));
        assertTrue(exists.getMessage().startsWith(png.toString()), exists.getMessage());
        PngPlots.mapPlot(png, true, plot);
        Path failed = dir.resolve("bad.png");
        var bad = assertThrows(EdgeworksException.class, () -> PngPlots.linePlot(failed, true, LinePlot.of("t", "x", "y", List.of())));
        assertTrue(bad.getMessage().startsWith(failed.toString()), bad.getMessage());
        assertFalse(Files.exists(failed));
        try (var listing = Files.list(dir.resolve("reports"))) {
            assertEquals(1, listing.count(), "no temporary files left");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static int tableIndex(Colormap colormap, int argb) {
        for (int i = 0; i < colormap.size(); i++)
            if (colormap.argb((i + 0.5) / colormap.size()) == argb) return i;
        return -1;
    }

    static boolean isBackground(int argb) {
        return (argb >> 16 & 0xFF) > 0xD0 && (argb >> 8 & 0xFF) > 0xD0 && (argb & 0xFF) > 0xD0;
    }

    /** Whether a pixel within {@code radius} of (column, row) is within 60 levels of the colour (anti-aliasing). */
    static boolean nearColour(BufferedImage image, int column, int row, int radius, Color colour) {
        for (int r = row - radius; r <= row + radius; r++)
            for (int c = column - radius; c <= column + radius; c++) {
                int argb = image.getRGB(c, r);
                int distance = Math.abs((argb >> 16 & 0xFF) - colour.getRed()) + Math.abs((argb >> 8 & 0xFF) - colour.getGreen())
                        + Math.abs((argb & 0xFF) - colour.getBlue());
                if (distance <= 60) return true;
            }
        return false;
    }
}
