package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.MapPlot;
import org.edgeworks.plot.MapRaster;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.plot.Rendered;
import org.edgeworks.plot.Scaling;
import org.edgeworks.rixs.CutAtExcitation;
import org.edgeworks.rixs.PartialYield;
import org.edgeworks.rixs.QuantifyFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mRIXS map viewer as a user sees it: screenshots of a real SWT shell, checked pixel by pixel. */
class MapCanvasTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    private MapCanvas open(RixsMap map, String title) {
        shell = Ui.shell(title, 900, 700);
        MapCanvas canvas = new MapCanvas(shell, SWT.NONE);
        canvas.setMap(map);
        Ui.open(shell);
        return canvas;
    }

    @Test
    void featureAppearsAtItsEnergiesInTheTopColourOfEachColormap() throws Exception {
        RixsMap map = SyntheticMaps.withFeature("synthetic feature", 40);
        MapCanvas canvas = open(map, "map feature");
        for (Colormap cmap : Colormap.values()) {
            canvas.setColormap(cmap);
            ImageData shot = Ui.screenshot(canvas.canvas(), "map-feature-" + cmap.name().toLowerCase());
            PixelMapping area = canvas.plotArea();
            int fx = area.column(SyntheticMaps.FEATURE_EM), fy = area.row(SyntheticMaps.FEATURE_EX);
            assertEquals(Ui.hex(cmap.argb(1)), Ui.hex(Snapshots.argb(shot, fx, fy)),
                    cmap + ": feature pixel at (" + fx + "," + fy + ")");
            // the brightest pixel of the plot area is at the feature (within one cell)
            int[] best = brightestLike(shot, area, cmap.argb(1));
            assertTrue(Math.abs(area.dataX(best[0]) - SyntheticMaps.FEATURE_EM) <= 0.1
                    && Math.abs(area.dataY(best[1]) - SyntheticMaps.FEATURE_EX) <= 0.1,
                    cmap + ": top colour found at " + area.dataX(best[0]) + ", " + area.dataY(best[1]) + " eV");
            // the lowest corner (lowest excitation, lowest emission) is the bottom of the colormap
            assertEquals(Ui.hex(cmap.argb(0)), Ui.hex(Snapshots.argb(shot, area.left() + 1, area.top() + area.height() - 2)));
            // colour bar: top row = colormap 1, bottom row = colormap 0
            PixelMapping bar = canvas.colourBarArea();
            assertEquals(Ui.hex(MapRaster.colourBar(cmap, bar.height())[0]), Ui.hex(Snapshots.argb(shot, bar.left() + 5, bar.top())));
            assertEquals(Ui.hex(MapRaster.colourBar(cmap, bar.height())[bar.height() - 1]),
                    Ui.hex(Snapshots.argb(shot, bar.left() + 5, bar.top() + bar.height() - 1)));
        }
    }

    /** Centre of gravity of the pixels that have exactly the given colour. */
    private static int[] brightestLike(ImageData shot, PixelMapping area, int argb) {
        long sx = 0, sy = 0, n = 0;
        for (int y = area.top(); y < area.top() + area.height(); y++)
            for (int x = area.left(); x < area.left() + area.width(); x++)
                if (Snapshots.argb(shot, x, y) == argb) { sx += x; sy += y; n++; }
        assertTrue(n > 0, "no pixel of the top colour");
        return new int[] {(int) (sx / n), (int) (sy / n)};
    }

    @Test
    void swtPixelsAreTheMapRasterPixelsAndMatchTheHeadlessPng() throws Exception {
        RixsMap map = SyntheticMaps.withFeature("same pixels", 40);
        MapCanvas canvas = open(map, "same pixels");
        for (Scaling scaling : List.of(Scaling.linear(), Scaling.log(), Scaling.percentile(1, 99))) {
            canvas.setColormap(Colormap.INFERNO);
            canvas.setScaling(scaling);
            ImageData shot = Ui.screenshot(canvas.canvas(), "map-same-pixels-" + scaling.kind().name().toLowerCase());
            PixelMapping area = canvas.plotArea();
            double[] x = map.emission().values(), y = map.excitation().values();
            int[] cells = MapRaster.render(map.data(), map.rows(), map.columns(), Colormap.INFERNO, scaling);
            int[] expected = MapRaster.resample(cells, y.length, x.length, x, y, area);
            int mismatches = 0;
            for (int r = 0; r < area.height(); r++)
                for (int c = 0; c < area.width(); c++)
                    if (Snapshots.argb(shot, area.left() + c, area.top() + r) != expected[r * area.width() + c]) mismatches++;
            assertEquals(0, mismatches, scaling + ": SWT pixels differing from MapRaster.resample");

            // the headless PNG writer shows the same colour at every cell centre
            Rendered png = PngPlots.renderMapPlot(new MapPlot("same", "Emission (eV)", "Excitation (eV)", x, y, map.data(),
                    Colormap.INFERNO, scaling));
            PixelMapping pngArea = png.mapping();
            for (int i = 0; i < y.length; i += 7)
                for (int j = 0; j < x.length; j += 7) {
                    int swt = Snapshots.argb(shot, area.column(x[j]), area.row(y[i]));
                    int head = png.image().getRGB(pngArea.column(x[j]), pngArea.row(y[i])) | 0xFF000000;
                    assertEquals(Ui.hex(head), Ui.hex(swt), scaling + ": cell (" + y[i] + ", " + x[j] + ") eV");
                }
        }
    }

    @Test
    void draggingAHorizontalBandShowsTheProcessorCutLiveInTheLinkedSpectrumViewer() throws Exception {
        RixsMap map = SyntheticMaps.withFeature("cut band", 40);
        shell = Ui.shell("cut band", 1400, 700);
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        MapCanvas canvas = new MapCanvas(sash, SWT.NONE);
        SpectrumChart linked = new SpectrumChart(sash, SWT.NONE);
        List<Result<Spectrum>> seen = new ArrayList<>();
        canvas.onSpectrum(r -> { if (r == null) return; seen.add(r); linked.setSpectra(List.of(r.value())); });
        canvas.setMap(map);
        Ui.open(shell);
        PixelMapping area = canvas.plotArea();
        int x = area.left() + area.width() / 2;
        int y0 = area.row(531.25), y1 = area.row(530.75);
        Ui.mouse(canvas.canvas(), SWT.MouseDown, x, y0, 1);
        Ui.mouse(canvas.canvas(), SWT.MouseMove, x + 3, (y0 + y1) / 2, 0);
        int live = seen.size();
        Ui.mouse(canvas.canvas(), SWT.MouseMove, x + 6, y1, 0);
        Ui.mouse(canvas.canvas(), SWT.MouseUp, x + 6, y1, 1);
        assertTrue(live >= 1 && seen.size() > live, "the cut updates while dragging");
        ImageData shot = Ui.screenshot(shell, "map-cut-band");

        double exTop = area.dataY(y0), exBottom = area.dataY(y1);
        Spectrum expected = new CutAtExcitation().apply(map,
                new CutAtExcitation.Parameters((exTop + exBottom) / 2, exTop - exBottom)).value();
        Spectrum shown = seen.get(seen.size() - 1).value();
        assertArrayEquals(expected.signal(), shown.signal(), 0, "cut shown = processor cut of the dragged band");
        assertArrayEquals(expected.energies(), shown.energies(), 0);
        SpectrumChart.Curve curve = linked.curves().get(0);
        assertArrayEquals(expected.signal(), curve.y(), 0, "linked viewer draws the processor's cut");

        // the linked chart's curve passes through the pixel of the cut's maximum (the feature at 523.7 eV)
        PixelMapping plot = linked.plotMapping();
        int peak = 0;
        for (int i = 1; i < curve.y().length; i++) if (curve.y()[i] > curve.y()[peak]) peak = i;
        assertEquals(SyntheticMaps.FEATURE_EM, curve.x()[peak], 0.051);
        int px = plot.column(curve.x()[peak]) + linked.getLocation().x, py = plot.row(curve.y()[peak]) + linked.getLocation().y;
        assertTrue(nearColour(shot, px, py, PngPlots.PALETTE.get(0).getRGB(), 3),
                "curve colour near the cut's maximum at pixel " + px + "," + py);
    }

    @Test
    void verticalBandGivesThePfyAndTheBoxTheQuantification() throws Exception {
        RixsMap map = SyntheticMaps.withFeature("pfy", 40);
        MapCanvas canvas = open(map, "pfy");
        List<Result<Spectrum>> spectra = new ArrayList<>();
        List<Result<QuantifyFeature.Quantification>> features = new ArrayList<>();
        canvas.onSpectrum(r -> { if (r != null) spectra.add(r); });
        canvas.onFeature(features::add);
        canvas.select(MapCanvas.Drag.PFY, 522.5, 0, 525.0, 0);
        Spectrum pfy = spectra.get(spectra.size() - 1).value();
        assertArrayEquals(new PartialYield().apply(map, new PartialYield.Parameters(522.5, 525.0)).value().signal(), pfy.signal(), 0);
        Ui.screenshot(canvas.canvas(), "map-pfy-band");
        canvas.select(MapCanvas.Drag.FEATURE_BOX, 523.2, 530.7, 524.2, 531.3);
        Ui.screenshot(canvas.canvas(), "map-feature-box");
        QuantifyFeature.Quantification q = features.get(0).value();
        QuantifyFeature.Quantification expected = new QuantifyFeature().apply(map,
                new QuantifyFeature.Parameters(531.0, 523.7, 0.3, 0.5, 0.3, 0.5, "total")).value();
        assertEquals(expected.featureIntensity(), q.featureIntensity(), 1e-9 * Math.abs(expected.featureIntensity()));
        assertTrue(q.featureIntensity() > 0);
    }

    @Test
    void crosshairReadsOutTheCellUnderThePointer() throws Exception {
        RixsMap map = SyntheticMaps.withFeature("crosshair", 40);
        MapCanvas canvas = open(map, "crosshair");
        PixelMapping area = canvas.plotArea();
        Ui.mouse(canvas.canvas(), SWT.MouseMove, area.column(SyntheticMaps.FEATURE_EM), area.row(SyntheticMaps.FEATURE_EX), 0);
        Ui.screenshot(canvas.canvas(), "map-crosshair");
        String text = canvas.readoutText();
        assertTrue(text.contains("E_ex = 531.00 eV") && text.contains("E_em = 523.70 eV"), text);
        assertTrue(text.contains("I = " + String.format(java.util.Locale.ROOT, "%.4g", map.get(60, 87))), text);
    }

    @Test
    void energyLossAxesComeFromTheProcessor() throws Exception {
        RixsMap map = SyntheticMaps.withFeature("loss", 40);
        MapCanvas canvas = open(map, "loss");
        canvas.setEnergyLoss(true);
        assertNotNull(canvas.shown());
        assertEquals("energy loss", canvas.shown().emission().name());
        ImageData shot = Ui.screenshot(canvas.canvas(), "map-energy-loss");
        PixelMapping area = canvas.plotArea();
        // the feature sits at loss = 531.0 - 523.7 = 7.3 eV
        assertEquals(Ui.hex(Colormap.VIRIDIS.argb(1)), Ui.hex(Snapshots.argb(shot, area.column(7.3), area.row(531.0))));
    }

    static boolean nearColour(ImageData shot, int x, int y, int rgb, int radius) {
        for (int dy = -radius; dy <= radius; dy++)
            for (int dx = -radius; dx <= radius; dx++) {
                int xx = x + dx, yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= shot.width || yy >= shot.height) continue;
                if ((Snapshots.argb(shot, xx, yy) & 0xFFFFFF) == (rgb & 0xFFFFFF)) return true;
            }
        return false;
    }
}
