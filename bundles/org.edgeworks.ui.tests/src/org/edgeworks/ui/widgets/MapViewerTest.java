package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.rixs.CutAtExcitation;
import org.edgeworks.rixs.EnergyLossMap;
import org.edgeworks.rixs.PartialYield;
import org.edgeworks.ui.viewers.MapViewer;
import org.edgeworks.ui.viewers.ViewerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The map viewer as contributed (MapCanvas + its linked cut plot), driven with the mouse as a user would. */
class MapViewerTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    private MapViewer open(String title) {
        shell = Ui.shell(title, 1100, 900);
        return Ui.viewer("org.edgeworks.ui.mapViewer", shell);
    }

    /** Drags a band over the map canvas from data point (x0, y0) to (x1, y1), with a move in between. */
    private static void drag(MapCanvas c, double x0, double y0, double x1, double y1) {
        PixelMapping a = c.plotArea();
        int px0 = a.column(x0), py0 = a.row(y0), px1 = a.column(x1), py1 = a.row(y1);
        Ui.mouse(c.canvas(), SWT.MouseDown, px0, py0, 1);
        Ui.mouse(c.canvas(), SWT.MouseMove, (px0 + px1) / 2, (py0 + py1) / 2, 0);
        Ui.mouse(c.canvas(), SWT.MouseUp, px1, py1, 1);
    }

    @Test
    void theMapViewerIsOneViewPerMap() {
        assertTrue(ViewerRegistry.load().byId("org.edgeworks.ui.mapViewer").orElseThrow().perData(),
                "plugin.xml declares instances=perData for the map viewer");
        assertFalse(ViewerRegistry.load().byId("org.edgeworks.ui.spectrumViewer").orElseThrow().perData(),
                "spectra overlay in one shared viewer");
    }

    @Test
    void aReusedViewerShowsTheNewMapsTitleDataPfyAndReadout() throws Exception {
        MapViewer viewer = open("map viewer reused");
        RixsMap first = SyntheticMaps.withFeature("first map", 40), second = SyntheticMaps.withFeature("second map", 10);
        viewer.show(first);
        Ui.open(shell);
        MapCanvas c = viewer.map();
        c.setDrag(MapCanvas.Drag.PFY);
        drag(c, 522.5, 526, 525.0, 533);
        PixelMapping a = c.plotArea();
        Ui.mouse(c.canvas(), SWT.MouseMove, a.column(SyntheticMaps.FEATURE_EM), a.row(SyntheticMaps.FEATURE_EX), 0);
        assertEquals(1, viewer.linked().curves().size());
        String firstReadout = c.readoutText();
        assertTrue(firstReadout.startsWith("E_ex"), firstReadout);

        viewer.show(second);
        Ui.settle();
        assertEquals("second map", c.title(), "title of the new map");
        assertEquals("second map", viewer.title(second));
        assertEquals(second, c.source());
        assertEquals(0, viewer.linked().curves().size(), "the first map's PFY is gone");
        assertEquals(" ", c.readoutText(), "the first map's read-out is gone");
        drag(c, 522.5, 526, 525.0, 533);
        double lo = Math.min(c.selection()[0], c.selection()[2]), hi = Math.max(c.selection()[0], c.selection()[2]);
        double[] expected = new PartialYield().apply(second, new PartialYield.Parameters(lo, hi)).value().signal();
        assertArrayEquals(expected, viewer.linked().curves().get(0).y(), 0, "PFY of the second map");
        Ui.mouse(c.canvas(), SWT.MouseMove, a.column(SyntheticMaps.FEATURE_EM), a.row(SyntheticMaps.FEATURE_EX), 0);
        assertTrue(c.readoutText().contains("I = " + String.format(java.util.Locale.ROOT, "%.4g", second.get(60, 87))),
                "read-out of the second map: " + c.readoutText());
        Ui.screenshot(shell, "tour-02-map-viewer-second-map");
    }

    @Test
    void theLinkedCutPlotIsReadableInBothAxesModes() throws Exception {
        MapViewer viewer = open("linked cut");
        RixsMap map = SyntheticMaps.withFeature("cut map", 40);
        viewer.show(map);
        Ui.open(shell);
        MapCanvas c = viewer.map();
        c.setDrag(MapCanvas.Drag.CUT);
        drag(c, 520, 531.25, 521, 530.75);
        Ui.settle();
        SpectrumChart linked = viewer.linked();
        assertEquals(1, linked.curves().size());
        // at least half the view wide (it spans the view's width below the map)
        int viewWidth = viewer.control().getSize().x;
        assertTrue(linked.getSize().x >= viewWidth / 2, "cut plot " + linked.getSize().x + " px of a " + viewWidth + " px view");
        assertTrue(linked.plotMapping().width() >= viewWidth / 2, "plot area " + linked.plotMapping().width() + " px");
        // compact legend: energies to 0.01 eV, never more digits
        String name = linked.curves().get(0).name();
        Matcher m = Pattern.compile("\\d+\\.(\\d+)").matcher(name);
        int numbers = 0;
        while (m.find()) { numbers++; assertEquals(2, m.group(1).length(), "two decimals in '" + name + "'"); }
        assertTrue(numbers >= 1, name);
        assertTrue(linked.chart().getLegend().getBounds(name).width < viewWidth / 3, "legend entry is compact");
        // no XAS toggles beside a RIXS cut
        for (String xas : List.of("normalised", "flattened", "dmu/dE", "pre/post lines + E0"))
            assertFalse(buttonTexts(linked).contains(xas), xas + " shown beside the cut");
        assertEquals("Emission energy (eV)", linked.chart().getAxisSet().getXAxis(0).getTitle().getText());
        Ui.screenshot(shell, "tour-02-map-viewer-cut");

        // energy-loss view: the band follows, the cut is the processor's cut of the energy-loss map, the title says so
        c.setEnergyLoss(true);
        Ui.settle();
        assertEquals(1, linked.curves().size(), "the cut stays in the energy-loss view");
        double[] sel = c.selection();
        double lo = Math.min(sel[1], sel[3]), hi = Math.max(sel[1], sel[3]);
        RixsMap loss = new EnergyLossMap().apply(map, EnergyLossMap.Parameters.defaults()).value();
        var expected = new CutAtExcitation().apply(loss, new CutAtExcitation.Parameters((lo + hi) / 2, hi - lo)).value();
        assertArrayEquals(expected.signal(), linked.curves().get(0).y(), 0);
        assertArrayEquals(expected.energies(), linked.curves().get(0).x(), 0);
        assertEquals("Energy loss (eV)", linked.chart().getAxisSet().getXAxis(0).getTitle().getText());
        // the curve is on screen: its maximum (the feature at 7.3 eV loss) lies inside the plot area
        var shot = Ui.screenshot(shell, "tour-02-map-viewer-cut-energy-loss");
        PixelMapping p = linked.plotMapping();
        double[] x = linked.curves().get(0).x(), y = linked.curves().get(0).y();
        int peak = 0;
        for (int i = 1; i < y.length; i++) if (y[i] > y[peak]) peak = i;
        assertEquals(531.0 - SyntheticMaps.FEATURE_EM, x[peak], 0.15);
        var origin = shell.toControl(linked.toDisplay(0, 0));
        assertTrue(MapCanvasTest.nearColour(shot, origin.x + p.column(x[peak]), origin.y + p.row(y[peak]),
                org.edgeworks.plot.PngPlots.PALETTE.get(0).getRGB(), 3), "cut drawn at its maximum");
    }

    private static List<String> buttonTexts(Composite root) {
        List<String> out = new ArrayList<>();
        for (Control c : root.getChildren()) {
            if (c instanceof Button b) out.add(b.getText());
            if (c instanceof Composite k) out.addAll(buttonTexts(k));
        }
        return out;
    }
}
