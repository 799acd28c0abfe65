package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Range;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spectrum viewer as a user sees it: SWTChart in a real shell, checked on screenshot pixels. */
class SpectrumChartTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    private SpectrumChart open(String title) {
        shell = Ui.shell(title, 1000, 650);
        SpectrumChart chart = new SpectrumChart(shell, SWT.NONE);
        Ui.open(shell);
        return chart;
    }

    static Spectrum sample(String name) throws Exception {
        Path file = SharedData.samples().resolve("xanes").resolve(name);
        return (Spectrum) DataOpener.openFile(file);
    }

    /** True when a pixel of the given colour is within the radius of (x, y). */
    static boolean curveNear(ImageData shot, int x, int y, int rgb, int radius) {
        return MapCanvasTest.nearColour(shot, x, y, rgb, radius);
    }

    static int palette(int i) {
        return PngPlots.PALETTE.get(i).getRGB();
    }

    @Test
    void aStraightLineCrossesTheExpectedPixels() throws Exception {
        double[] e = new double[101], y = new double[101];
        for (int i = 0; i < e.length; i++) { e[i] = 6500 + i; y[i] = i / 100.0; }
        SpectrumChart chart = open("line");
        chart.setSpectra(List.of(Spectrum.of("line", e, y)));
        chart.zoomTo(6500, 6600, 0, 1);
        ImageData shot = Ui.screenshot(chart, "spectrum-line");
        PixelMapping m = chart.plotMapping();
        for (double energy = 6510; energy <= 6590; energy += 10) {
            int px = (int) Math.round(m.pixelX(energy)), py = (int) Math.round(m.pixelY((energy - 6500) / 100));
            assertTrue(curveNear(shot, px, py, palette(0), 2), "line passes pixel " + px + "," + py + " (E = " + energy + ")");
        }
        // and not through the opposite corner region
        assertTrue(!curveNear(shot, (int) m.pixelX(6590), (int) m.pixelY(0.1), palette(0), 2), "no curve where y=x is not");
    }

    @Test
    void sampleSpectrumOverlayWithLegendAndNormalisedCurvesFromTheProcessor() throws Exception {
        Spectrum foil = sample("Mn_foil.dat"), mno = sample("MnO.dat"), mn2o3 = sample("Mn2O3x.dat");
        SpectrumChart chart = open("overlay");
        chart.setSpectra(List.of(foil, mno, mn2o3));
        Ui.screenshot(chart, "spectrum-overlay-mu");
        for (var s : List.of(foil, mno, mn2o3))
            assertTrue(chart.chart().getLegend().getBounds(s.name()).width > 0, "legend entry for " + s.name());

        chart.setMode(SpectrumChart.Mode.NORM);
        ImageData shot = Ui.screenshot(chart, "spectrum-overlay-norm");
        NormalizeProcessor.Normalized expected = new NormalizeProcessor().apply(mno, NormalizeProcessor.Params.defaults()).value();
        SpectrumChart.Curve drawn = chart.curves().get(1);
        assertArrayEquals(expected.norm(), drawn.y(), 0, "normalised MnO drawn = processor's norm");
        // the MnO curve (second colour) crosses the pixel of a point well above the edge
        PixelMapping m = chart.plotMapping();
        int k = indexNear(drawn.x(), expected.e0() + 60);
        assertTrue(curveNear(shot, (int) Math.round(m.pixelX(drawn.x()[k])), (int) Math.round(m.pixelY(drawn.y()[k])), palette(1), 2),
                "normalised MnO crosses its pixel at E0 + 60 eV");

        chart.setMode(SpectrumChart.Mode.FLAT);
        assertArrayEquals(expected.flat(), chart.curves().get(1).y(), 0);
        chart.setMode(SpectrumChart.Mode.DERIVATIVE);
        Ui.screenshot(chart, "spectrum-overlay-derivative");
        assertEquals(3, chart.curves().size());
    }

    @Test
    void preAndPostEdgeLinesAndTheE0MarkerComeFromTheNormalisation() throws Exception {
        Spectrum foil = sample("Mn_foil.dat");
        SpectrumChart chart = open("edge lines");
        chart.setSpectra(List.of(foil));
        chart.setEdgeLines(true);
        ImageData shot = Ui.screenshot(chart, "spectrum-edge-lines");
        NormalizeProcessor.Normalized n = new NormalizeProcessor().apply(foil, NormalizeProcessor.Params.defaults()).value();
        List<SpectrumChart.Curve> curves = chart.curves();
        assertEquals(4, curves.size());
        assertArrayEquals(n.pre(), curves.get(1).y(), 0);
        assertArrayEquals(n.post(), curves.get(2).y(), 0);
        assertEquals(n.e0(), curves.get(3).x()[0], 0);
        assertTrue(curves.get(3).name().contains(String.format(java.util.Locale.ROOT, "%.2f", n.e0())));
        // the E0 marker (dashed, in the spectrum's own colour: one colour per spectrum, so overlays never repeat
        // colours) is a vertical line at E0: its colour appears over many rows of that column
        PixelMapping m = chart.plotMapping();
        int column = (int) Math.round(m.pixelX(n.e0())), hits = 0;
        for (int row = m.top(); row < m.top() + m.height(); row += 4)
            if (curveNear(shot, column, row, palette(0), 1)) hits++;
        assertTrue(hits > m.height() / 4 / 3, "E0 marker found on " + hits + " sampled rows of column " + column);
    }

    @Test
    void zoomPanReadoutAndExport(@TempDir Path tmp) throws Exception {
        Spectrum foil = sample("Mn_foil.dat");
        SpectrumChart chart = open("zoom");
        chart.setSpectra(List.of(foil));
        var plot = chart.chart().getPlotArea().getControl();
        Range before = new Range(chart.chart().getAxisSet().getXAxis(0).getRange());
        var wheel = new org.eclipse.swt.widgets.Event();
        wheel.x = plot.getSize().x / 2;
        wheel.y = plot.getSize().y / 2;
        wheel.count = 3;
        plot.notifyListeners(SWT.MouseVerticalWheel, wheel);
        Range zoomed = chart.chart().getAxisSet().getXAxis(0).getRange();
        assertTrue(zoomed.upper - zoomed.lower < before.upper - before.lower, "wheel zooms in");
        var shiftDown = new org.eclipse.swt.widgets.Event();
        shiftDown.x = 100; shiftDown.y = 100; shiftDown.button = 1; shiftDown.stateMask = SWT.SHIFT;
        plot.notifyListeners(SWT.MouseDown, shiftDown);
        Ui.mouse(plot, SWT.MouseMove, 150, 100, 0);
        Ui.mouse(plot, SWT.MouseUp, 150, 100, 1);
        Range panned = chart.chart().getAxisSet().getXAxis(0).getRange();
        assertNotEquals(zoomed.lower, panned.lower, "shift-drag pans");
        assertEquals(zoomed.upper - zoomed.lower, panned.upper - panned.lower, 1e-6, "a pan keeps the width");
        Ui.screenshot(chart, "spectrum-zoomed");
        Ui.mouse(plot, SWT.MouseMove, 200, 120, 0);
        PixelMapping m = chart.plotMapping();
        double expectedE = chart.chart().getAxisSet().getXAxis(0).getDataCoordinate(200);
        assertTrue(readout(chart).startsWith(String.format(java.util.Locale.ROOT, "E = %.2f eV", expectedE)), readout(chart));
        Ui.mouse(plot, SWT.MouseDoubleClick, 10, 10, 1);
        Range reset = chart.chart().getAxisSet().getXAxis(0).getRange();
        assertEquals(before.lower, reset.lower, 1e-9);

        Path csv = tmp.resolve("spectrum.csv");
        chart.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(foil.size() + 1, lines.size());
        assertTrue(lines.get(1).endsWith("," + foil.signal()[0]), lines.get(1));
        Path png = tmp.resolve("spectrum.png");
        Snapshots.savePng(chart.chart(), png);
        assertTrue(Files.size(png) > 1000);
        Path svg = tmp.resolve("spectrum.svg");
        chart.exportSvg(svg);
        String svgText = Files.readString(svg);
        assertTrue(svgText.startsWith("<?xml") || svgText.startsWith("<svg"), svgText.substring(0, 40));
        assertTrue(svgText.contains(">" + chart.curves().get(0).name() + "<"), "the SVG legend names the curve");
        assertTrue(m.width() > 100);
    }

    @Test
    void fitComponentsAndResidualAreDrawnAsTheProcessorReturnsThem() throws Exception {
        Spectrum foil = sample("Mn_foil.dat");
        SpectrumChart chart = open("fit");
        double[] e = foil.energies(), data = foil.signal(), fit = data.clone(), baseline = new double[data.length];
        for (int i = 0; i < fit.length; i++) { fit[i] = data[i] * 0.98; baseline[i] = data[0]; }
        chart.showFit("Mn foil", e, data, fit, Map.of("baseline", baseline));
        Ui.screenshot(chart, "spectrum-fit-residual");
        List<SpectrumChart.Curve> curves = chart.curves();
        assertEquals(List.of("Mn foil data", "Mn foil fit", "baseline", "residual"), curves.stream().map(SpectrumChart.Curve::name).toList());
        for (int i = 0; i < data.length; i++) assertEquals(data[i] - fit[i], curves.get(3).y()[i], 1e-15);
    }

    @Test
    void spectraOfDifferentEdgesAreShownAgainstEMinusE0() throws Exception {
        Spectrum mn = sample("Mn_foil.dat");
        Spectrum cu = (Spectrum) DataOpener.openFile(SharedData.samples().resolve("exafs").resolve("cu_metal_rt.xdi"));
        SpectrumChart chart = open("edges");
        chart.add(mn);
        assertTrue(!chart.relativeEnergy(), "one edge: absolute energy");
        chart.add(cu);
        assertTrue(chart.relativeEnergy(), "Mn K and Cu K: E - E0 chosen by itself");
        double e0Mn = new NormalizeProcessor().apply(mn, NormalizeProcessor.Params.defaults()).value().e0();
        double e0Cu = new NormalizeProcessor().apply(cu, NormalizeProcessor.Params.defaults()).value().e0();
        assertTrue(e0Cu - e0Mn > 2000, e0Mn + " " + e0Cu);
        assertEquals(mn.energies()[0] - e0Mn, chart.curves().get(0).x()[0], 1e-9);
        assertEquals(cu.energies()[5] - e0Cu, chart.curves().get(1).x()[5], 1e-9);
        assertEquals("E - E0 (eV)", chart.chart().getAxisSet().getXAxis(0).getTitle().getText());
        Ui.screenshot(chart, "tour-06-overlay-different-edges");
        chart.setRelativeEnergy(false);
        assertEquals(cu.energies()[5], chart.curves().get(1).x()[5], 0);
    }

    private static String readout(SpectrumChart chart) {
        for (var c : chart.getChildren()) if (c instanceof org.eclipse.swt.widgets.Label l && l.getText().startsWith("E =")) return l.getText();
        return "";
    }

    private static int indexNear(double[] x, double v) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (Math.abs(x[i] - v) < Math.abs(x[best] - v)) best = i;
        return best;
    }
}
