package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.plot.Scaling;
import org.edgeworks.rixs.DifferenceMap;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.ui.viewers.MapSeries;
import org.edgeworks.ui.viewers.ViewerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare states on synthetic maps with known feature amplitudes, and on the bundled raw mRIXS samples. */
class CompareStatesTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    @Test
    void threeStatesShareOneColourScaleWithTheirDifferenceAndQuantification() throws Exception {
        List<RixsMap> states = List.of(SyntheticMaps.withFeature("pristine", 5), SyntheticMaps.withFeature("charged", 40),
                SyntheticMaps.withFeature("discharged", 15));
        shell = Ui.shell("compare", 1280, 900);
        ComparePanel panel = new ComparePanel(shell, SWT.NONE);
        panel.setMaps(states);
        Ui.open(shell);
        ImageData shot = Ui.screenshot(shell, "compare-synthetic");
        double[] range = panel.commonRange();
        for (MapCanvas c : panel.canvases()) assertEquals(range[0], c.range()[0], 0, "one colour range for every map");
        // the same colour means the same normalised intensity: the charged feature is brighter than the pristine one
        List<Integer> featureColourIndex = new ArrayList<>();
        for (MapCanvas c : panel.canvases()) {
            PixelMapping a = c.plotArea();
            var origin = shell.toControl(c.canvas().toDisplay(0, 0));
            int argb = Snapshots.argb(shot, origin.x + a.column(SyntheticMaps.FEATURE_EM), origin.y + a.row(SyntheticMaps.FEATURE_EX));
            RixsMap n = c.shown();
            double expected = Scaling.linear().normalise(n.get(60, 87), range);
            assertEquals(Ui.hex(Colormap.VIRIDIS.argb(expected)), Ui.hex(argb), c.source().name() + " feature colour");
            featureColourIndex.add((int) Math.round(expected * 255));
        }
        assertTrue(featureColourIndex.get(1) > featureColourIndex.get(2) && featureColourIndex.get(2) > featureColourIndex.get(0),
                featureColourIndex.toString());
        // differences = processor's differences against the first state (the default reference)
        RixsMap expectedDifference = new DifferenceMap().apply(new DifferenceMap.MapPair(states.get(2), states.get(0)),
                DifferenceMap.Parameters.defaults()).value().difference();
        org.junit.jupiter.api.Assertions.assertArrayEquals(expectedDifference.data(),
                panel.differences().get("discharged - pristine").data(), 0);
        assertEquals(2, panel.differences().size());
        // quantification table: one feature row per map, ordered as the amplitudes
        List<Double> intensities = new ArrayList<>();
        for (var row : panel.table().rows()) if (row.quantity().equals("featureIntensity")) intensities.add(Double.parseDouble(row.value()));
        assertEquals(3, intensities.size(), panel.table().rows().toString());
        assertTrue(intensities.get(1) > intensities.get(2) && intensities.get(2) > intensities.get(0), intensities.toString());
    }

    @Test
    void bundledRawSamplesAreBuiltIntoMapsInAJobAndCompared(@TempDir Path tmp) throws Exception {
        Path rixs = SharedData.samples().resolve("rixs");
        shell = Ui.shell("compare samples", 1280, 900);
        DataBrowserPanel browser = new DataBrowserPanel(shell, SWT.NONE, tmp.resolve("recent"));
        Ui.open(shell);
        browser.addFiles(List.of(rixs.resolve("synthetic_OK_pristine.nxs"), rixs.resolve("synthetic_OK_charged.nxs"),
                rixs.resolve("synthetic_OK_discharged.nxs")));
        browser.lastJob().join();
        Ui.settle();
        List<Object> opened = new ArrayList<>();
        browser.onOpen(opened::add);
        browser.compare(new ArrayList<>(browser.files()));
        browser.lastJob().join();
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());
        MapSeries series = assertInstanceOf(MapSeries.class, opened.get(0));
        assertEquals(3, series.maps().size());
        var entry = ViewerRegistry.load().best(series).orElseThrow();
        assertEquals("org.edgeworks.ui.compareViewer", entry.id());
        shell.dispose();
        shell = Ui.shell("compare samples", 1280, 900);
        var viewer = entry.create();
        viewer.createControl(shell);
        viewer.show(series);
        Ui.open(shell);
        Ui.screenshot(shell, "compare-bundled-samples");
        ComparePanel panel = ((org.edgeworks.ui.viewers.CompareViewer) viewer).panel();
        // known truth of the samples: feature amplitude 0.15 (pristine) < 0.3 (discharged) < 1.0 (charged)
        List<Double> normalised = new ArrayList<>();
        for (var row : panel.table().rows()) if (row.quantity().equals("normalisedIntensity")) normalised.add(Double.parseDouble(row.value()));
        assertEquals(3, normalised.size());
        assertTrue(normalised.get(0) < normalised.get(2) && normalised.get(2) < normalised.get(1), normalised.toString());
    }

    @Test
    void aChosenReferenceGivesChargedMinusPristineAndTheDraggedBoxIsQuantified() throws Exception {
        // tree order puts "charged" first: the user picks "pristine" as the reference in the combo
        RixsMap charged = SyntheticMaps.withFeature("charged", 40), pristine = SyntheticMaps.withFeature("pristine", 5);
        shell = Ui.shell("compare reference", 1280, 900);
        ComparePanel panel = new ComparePanel(shell, SWT.NONE);
        panel.setMaps(List.of(charged, pristine));
        Ui.open(shell);
        var combo = panel.referenceCombo();
        combo.select(1);
        combo.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        Ui.settle();
        assertEquals("pristine", panel.reference().name());
        RixsMap expected = new DifferenceMap().apply(new DifferenceMap.MapPair(charged, pristine),
                DifferenceMap.Parameters.defaults()).value().difference();
        assertEquals(List.of("charged - pristine"), List.copyOf(panel.differences().keySet()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.data(), panel.differences().get("charged - pristine").data(), 0);
        // the feature is stronger in the charged state: charged - pristine is positive at the feature
        RixsMap diff = panel.differences().get("charged - pristine");
        assertTrue(diff.get(60, 87) > 0, "charged - pristine > 0 at the feature: " + diff.get(60, 87));

        // one colour bar for the states, and each state map gets a usable size (not ~40 px)
        for (MapCanvas c : panel.canvases()) {
            assertTrue(c.plotArea().width() >= 250 && c.plotArea().height() >= 150,
                    c.title() + " plot area " + c.plotArea().width() + " x " + c.plotArea().height());
        }
        ImageData shot = Ui.screenshot(shell, "tour-04-compare-states");
        PixelMapping bar = panel.sharedBarArea();
        var barOrigin = shell.toControl(panel.sharedBar().toDisplay(0, 0));
        assertEquals(Ui.hex(Colormap.VIRIDIS.argb(1)), Ui.hex(Snapshots.argb(shot, barOrigin.x + bar.left() + 5, barOrigin.y + bar.top())),
                "the shared colour bar's top is the colormap's top");

        // drag a box on the pristine map around a place that is NOT the default feature: the table follows it
        MapCanvas onPristine = panel.canvases().get(1);
        PixelMapping a = onPristine.plotArea();
        int x0 = a.column(526.0), x1 = a.column(527.0), y0 = a.row(533.3), y1 = a.row(532.7);
        Ui.mouse(onPristine.canvas(), SWT.MouseDown, x0, y0, 1);
        Ui.mouse(onPristine.canvas(), SWT.MouseMove, (x0 + x1) / 2, (y0 + y1) / 2, 0);
        Ui.mouse(onPristine.canvas(), SWT.MouseUp, x1, y1, 1);
        Ui.settle();
        assertTrue(panel.boxFromDrag());
        double ex = (a.dataY(y0) + a.dataY(y1)) / 2, em = (a.dataX(x0) + a.dataX(x1)) / 2;
        double hex = Math.abs(a.dataY(y0) - a.dataY(y1)) / 2, hem = Math.abs(a.dataX(x1) - a.dataX(x0)) / 2;
        var box = new org.edgeworks.rixs.QuantifyFeature.Parameters(ex, em, hex, hem, hex, hem, "total");
        var expectedTable = new org.edgeworks.rixs.QuantifySeries().apply(
                new org.edgeworks.rixs.QuantifySeries.MapSeries(List.of(charged, pristine)), box).value();
        List<Double> shown = new ArrayList<>();
        for (var row : panel.table().rows()) if (row.quantity().equals("featureIntensity")) shown.add(Double.parseDouble(row.value()));
        assertEquals(2, shown.size());
        for (int i = 0; i < 2; i++) {
            double want = expectedTable.rows().get(i).featureIntensity();
            assertEquals(want, shown.get(i), 1e-5 * Math.max(1e-12, Math.abs(want)), "row " + i + " is the dragged box's quantification");
        }
        Ui.screenshot(shell, "tour-04-compare-states-box");
    }
}
