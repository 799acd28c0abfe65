package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.ui.viewers.SpectrumViewer;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.ValenceProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session keeps the import choice per file, each task panel's parameters per spectrum, and the views (the
 * overlay's spectra, mode, hidden curves and zoom): save, close everything, reopen, and the same numbers and the
 * same plotted curves come back.
 */
class SessionPartsTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
        ImportPanel.restoreChoices(Map.of());
    }

    /** The workbench's parts, in one shell: data browser, spectrum viewer, normalisation, valence, calibrate/align/merge. */
    private record Parts(DataBrowserPanel browser, SpectrumChart viewer, SpectrumTaskPanel norm, ValencePanel valence, ShiftMergePanel shift,
                         LcfPanel lcf) {}

    private Parts open(Path tmp, String title) throws Exception {
        shell = Ui.shell(title, 1280, 1000);
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        DataBrowserPanel browser = new DataBrowserPanel(sash, SWT.NONE, tmp.resolve("recent"));
        SashForm right = new SashForm(sash, SWT.VERTICAL);
        SpectrumViewer viewer = new SpectrumViewer();
        viewer.createControl(right);
        CTabFolder tabs = new CTabFolder(right, SWT.BORDER);
        SpectrumTaskPanel norm = tab(tabs, "Normalisation", new SpectrumTaskPanel(tabs, SWT.NONE, safeId()));
        ValencePanel valence = tab(tabs, "Valence", new ValencePanel(tabs, SWT.NONE));
        ShiftMergePanel shift = tab(tabs, "Calibrate / Align / Merge", new ShiftMergePanel(tabs, SWT.NONE));
        LcfPanel lcf = tab(tabs, "LCF", new LcfPanel(tabs, SWT.NONE));
        tabs.setSelection(0);
        sash.setWeights(1, 4);
        Ui.open(shell);
        return new Parts(browser, viewer.chart(), norm, valence, shift, lcf);
    }

    private static String safeId() { return NormalizeProcessor.ID; }

    private static <T extends Composite> T tab(CTabFolder tabs, String name, T panel) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(name);
        item.setControl(panel);
        return panel;
    }

    private static Spectrum open(String name) throws Exception {
        return (Spectrum) DataOpener.openFile(LcfPanelTest.sample(name));
    }

    @Test
    void aSessionBringsBackImportChoicesParametersPerSpectrumAndViews(@TempDir Path tmp) throws Exception {
        Ui.takeErrors(); // errors left by an earlier test are not this test's
        Parts p = open(tmp, "session");
        // an import choice for the raw MRCAT layout; the file opens as that mu
        Scan scan = DetectorRegistry.load().read(ImportTest.MRCAT);
        XasInput.Selection choice = new XasInput.Selection("energy", null, "transmission", "mcs3", "mcs4", null, null, null);
        ImportPanel.restoreChoices(Map.of(String.join("|", scan.channels().keySet()), choice));
        p.browser().addFiles(List.of(LcfPanelTest.sample("MnO.dat"), ImportTest.MRCAT));
        p.browser().lastJob().join();
        Ui.settle();

        // the viewer: three spectra (one the imported raw scan), normalised, one hidden, zoomed
        p.viewer().setSpectra(List.of(open("MnO.dat"), open("Mn2O3x.dat"), (Spectrum) DataOpener.openFile(ImportTest.MRCAT)));
        p.viewer().setMode(SpectrumChart.Mode.NORM);
        p.viewer().setCurveVisible("Mn2O3x", false);
        p.viewer().zoomTo(6530, 6580, -0.1, 1.6);
        List<SpectrumChart.Curve> curves = p.viewer().curves();
        double[] range = p.viewer().visibleRange();

        // normalisation: each spectrum its own parameters
        p.norm().add(open("MnO.dat"));
        p.norm().add(open("Mn_foil.dat"));
        ShiftMergePanelTest.select(p.norm().group(), 1);
        p.norm().form().setText("pre1", "-120");
        p.norm().form().setText("nnorm", "1");
        ShiftMergePanelTest.press(p.norm(), "Run");
        ShiftMergePanelTest.select(p.norm().group(), 0);
        p.norm().form().setText("pre1", "-90");
        p.norm().form().setText("nnorm", "2");
        ShiftMergePanelTest.press(p.norm(), "Run");
        NormalizeProcessor.Normalized mnoBefore = (NormalizeProcessor.Normalized) p.norm().results().get(0).value();
        List<SpectrumChart.Curve> normCurves = p.norm().chart().curves();

        // valence: three references with valences, one sample, fitted
        for (String f : List.of("MnO.dat", "Mn2O3x.dat", "Pyrolusite.dat", "Mn3O4.dat")) p.valence().add(open(f), null);
        for (int i = 0; i < 3; i++) {
            ShiftMergePanelTest.select(p.valence().group(), i);
            p.valence().valenceField().setText(String.valueOf(i + 2));
            ShiftMergePanelTest.check(p.valence().group(), i, true);
        }
        p.valence().form().setText("edge", "half-height");
        ShiftMergePanelTest.press(p.valence(), "Fit line");
        ValenceProcessor.Valence valenceBefore = p.valence().lastResult().value();

        // calibrate/align/merge: align chosen, its window typed
        p.shift().add(open("Mn_foil.dat"));
        p.shift().add(open("MnO.dat"));
        ShiftMergePanelTest.select(p.shift().group(), 0);
        ShiftMergePanelTest.check(p.shift().group(), 1, true);
        ShiftMergePanelTest.radio(p.shift(), "Align");
        p.shift().form().setText("emin", "-15");
        // LCF: Mn3O4 from MnO and Mn2O3, weights summing to one
        for (String f : List.of("Mn3O4.dat", "MnO.dat", "Mn2O3x.dat")) p.lcf().add(open(f), null);
        ShiftMergePanelTest.select(p.lcf().group(), 0);
        ShiftMergePanelTest.check(p.lcf().group(), 1, true);
        ShiftMergePanelTest.check(p.lcf().group(), 2, true);
        p.lcf().form().setText("sumToOne", "true");
        ShiftMergePanelTest.press(p.lcf(), "Fit");
        var lcfBefore = p.lcf().lastResult().value();
        assertEquals(List.of(), Ui.takeErrors());

        Path file = tmp.resolve("beamtime.edgeworks-session.json");
        Session.save(file, p.browser());
        String text = Files.readString(file);
        assertTrue(text.contains("\"file_choices\"") && text.contains("\"task:" + NormalizeProcessor.ID + "\"")
                && text.contains("\"viewer:spectrum\""), text);

        // close everything, forget the choices; a new workbench opens the session
        shell.dispose();
        ImportPanel.restoreChoices(Map.of());
        assertTrue(SessionParts.live().isEmpty(), "closed parts are gone: " + SessionParts.live().keySet());
        Parts q = open(tmp, "session reopened");
        Session.load(file, q.browser());
        q.browser().lastJob().join();
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());

        // the import choice per file
        assertEquals(choice, ImportPanel.remembered(scan));
        // the viewer: same curves (names and numbers), same mode, hidden curve and window
        assertEquals(SpectrumChart.Mode.NORM, q.viewer().mode());
        assertEquals(curves.size(), q.viewer().curves().size());
        for (int i = 0; i < curves.size(); i++) {
            assertEquals(curves.get(i).name(), q.viewer().curves().get(i).name());
            assertArrayEquals(curves.get(i).x(), q.viewer().curves().get(i).x(), 0);
            assertArrayEquals(curves.get(i).y(), q.viewer().curves().get(i).y(), 0);
        }
        assertEquals(java.util.Set.of("Mn2O3x"), q.viewer().hiddenCurves());
        assertArrayEquals(range, q.viewer().visibleRange(), 1e-9);
        // normalisation: MnO reran with its own parameters, the foil keeps its own
        NormalizeProcessor.Normalized mnoAfter = (NormalizeProcessor.Normalized) q.norm().results().get(0).value();
        assertEquals(mnoBefore.e0(), mnoAfter.e0(), 0);
        assertEquals(mnoBefore.edgeStep(), mnoAfter.edgeStep(), 0);
        assertEquals(-90, mnoAfter.pre1(), 0);
        assertEquals(2, mnoAfter.nnorm());
        assertEquals(normCurves.size(), q.norm().chart().curves().size());
        assertArrayEquals(normCurves.get(1).y(), q.norm().chart().curves().get(1).y(), 0);
        ShiftMergePanelTest.select(q.norm().group(), 1);
        assertEquals("-120.0", ((Text) q.norm().form().field("pre1")).getText());
        assertEquals("1", ((Text) q.norm().form().field("nnorm")).getText());
        // valence: the same line and predictions
        ValenceProcessor.Valence valenceAfter = q.valence().lastResult().value();
        assertEquals(ValenceProcessor.EdgeEnergy.HALF_HEIGHT, valenceAfter.edge());
        assertEquals(valenceBefore.slope(), valenceAfter.slope(), 0);
        assertEquals(valenceBefore.rows().get(3).valence(), valenceAfter.rows().get(3).valence(), 0);
        assertEquals(valenceBefore.rows().get(3).valenceStderr(), valenceAfter.rows().get(3).valenceStderr(), 0);
        // calibrate/align/merge: align with its window, the same reference and checks
        assertEquals(ShiftMergePanel.Operation.ALIGN, q.shift().operation());
        assertEquals("-15.0", ((Text) q.shift().form().field("emin")).getText());
        assertEquals(0, q.shift().group().getSelectionIndex());
        assertTrue(q.shift().group().getItem(1).getChecked());
        assertInstanceOf(Combo.class, q.valence().form().field("edge"));
        // LCF: the same sample, references, constraint and weights
        var lcfAfter = q.lcf().lastResult().value();
        assertEquals(lcfBefore.components().size(), lcfAfter.components().size());
        for (int i = 0; i < lcfBefore.components().size(); i++) {
            assertEquals(lcfBefore.components().get(i).name(), lcfAfter.components().get(i).name());
            assertEquals(lcfBefore.components().get(i).weight(), lcfAfter.components().get(i).weight(), 0);
            assertEquals(lcfBefore.components().get(i).stderr(), lcfAfter.components().get(i).stderr(), 0);
        }
        assertEquals(lcfBefore.rFactor(), lcfAfter.rFactor(), 0);
        Ui.screenshot(shell, "tour-08-session-restored");
    }

    /**
     * A spectrum kept by its numbers comes back bit for bit through the session file's text: doubles with 17
     * significant digits and awkward binary fractions, a missing point (NaN, written as null), infinities, a
     * negative zero; the name, channel and raw file with it. The values are made here, not by the code under test.
     */
    @Test
    void numbersOfASpectrumReadBackBitForBit() throws Exception {
        java.util.Random rnd = new java.util.Random(17);
        int n = 200;
        double[] e = new double[n], y = new double[n], u = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 6500 + i * 0.1 + rnd.nextDouble() * 1e-7; // not representable in few digits
            y[i] = Math.scalb(rnd.nextGaussian(), rnd.nextInt(40) - 20);
            u[i] = Math.abs(rnd.nextGaussian()) * 1e-3;
        }
        y[3] = Double.NaN;
        y[4] = Double.POSITIVE_INFINITY;
        y[5] = Double.NEGATIVE_INFINITY;
        y[6] = -0.0;
        y[7] = Double.MIN_VALUE;
        u[8] = Double.NaN;
        Spectrum s = new Spectrum("made", org.edgeworks.core.data.Axis.energy(e), y, u, "mu");
        Sources.remember(s, new org.edgeworks.core.processing.SourceRef("/data/raw.dat", "energy,mu", "abc123"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(SessionParts.numbers(s));
        assertTrue(!text.contains("NaN"), "no NaN text in the session file: " + text.substring(0, 200));
        Spectrum back = SessionParts.fromNumbers(json.readTree(text));
        assertEquals("made", back.name());
        assertEquals("mu", back.channel());
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(back.energies()[i]), "energy[" + i + "]");
            assertEquals(Double.doubleToLongBits(y[i]), Double.doubleToLongBits(back.signal()[i]), "signal[" + i + "]");
            assertEquals(Double.doubleToLongBits(u[i]), Double.doubleToLongBits(back.uncertainty()[i]), "uncertainty[" + i + "]");
        }
        assertEquals(new org.edgeworks.core.processing.SourceRef("/data/raw.dat", "energy,mu", "abc123"), Sources.of(back));
        assertTrue(SessionParts.fromNumbers(json.readTree(json.writeValueAsString(SessionParts.numbers(s.withSignal(y, "mu"))))).uncertainty() == null,
                "no uncertainty stays none");
    }

    /** A spectrum's numbers as the panel holds them, copied (energy, signal, uncertainty or null). */
    private record Numbers(String name, double[] energy, double[] signal, double[] uncertainty) {
        static List<Numbers> of(List<Spectrum> list) {
            return list.stream().map(s -> new Numbers(s.name(), s.energies(), s.signal(), s.uncertainty())).toList();
        }

        void assertSame(Spectrum s, String what) {
            assertEquals(name, s.name(), what);
            close(energy, s.energies(), what + " energy");
            close(signal, s.signal(), what + " signal");
            if (uncertainty == null) assertEquals(null, s.uncertainty(), what + " uncertainty");
            else close(uncertainty, s.uncertainty(), what + " uncertainty");
        }

        static void close(double[] want, double[] got, String what) {
            assertEquals(want.length, got.length, what + " points");
            for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-12 * Math.max(1, Math.abs(want[i])), what + "[" + i + "]");
        }
    }

    private static void assertList(List<Numbers> want, List<Spectrum> got, String when) {
        assertEquals(want.size(), got.size(), when + ": spectra in the list");
        for (int k = 0; k < want.size(); k++) want.get(k).assertSame(got.get(k), when + ": " + want.get(k).name());
    }

    /**
     * Calibrate / Align / Merge keeps what its operations made: after a calibration and a merge the session is
     * saved, everything closed and reopened, and the list holds the same spectra (the shifted copies and the
     * merge with its stderr, equal to 1e-12 relative), the same checks and reference; Undo then walks back
     * through the same history: the calibrated list without the merge, then exactly the raw files' arrays.
     */
    @Test
    void shiftedAndMergedSpectraAndTheirUndoHistoryComeBackWithASession(@TempDir Path tmp) throws Exception {
        Ui.takeErrors();
        Parts p = open(tmp, "session with made spectra");
        for (String f : List.of("Mn_foil.dat", "MnO.dat", "Mn2O3x.dat")) p.shift().add(open(f));
        List<Numbers> raw = Numbers.of(p.shift().spectra());
        // calibrate MnO and Mn2O3 with the foil, then merge the two calibrated samples
        ShiftMergePanelTest.select(p.shift().group(), 0);
        ShiftMergePanelTest.check(p.shift().group(), 1, true);
        ShiftMergePanelTest.check(p.shift().group(), 2, true);
        p.shift().form().setText("referenceE0", "6539.0");
        ShiftMergePanelTest.press(p.shift(), "Run");
        List<Numbers> calibrated = Numbers.of(p.shift().spectra());
        ShiftMergePanelTest.radio(p.shift(), "Merge");
        ShiftMergePanelTest.press(p.shift(), "Run");
        assertEquals(List.of(), Ui.takeErrors());
        List<Numbers> merged = Numbers.of(p.shift().spectra());
        assertEquals(4, merged.size());
        assertTrue(merged.get(3).uncertainty() != null, "the merge carries its stderr");
        // the operations did move the spectra: the test compares made numbers, not the files' again
        assertTrue(Math.abs(calibrated.get(1).energy()[0] - raw.get(1).energy()[0]) > 1e-3, "MnO was shifted");
        List<Boolean> checks = new java.util.ArrayList<>();
        for (var row : p.shift().group().getItems()) checks.add(row.getChecked());

        Path file = tmp.resolve("made.edgeworks-session.json");
        Session.save(file, p.browser());
        shell.dispose();
        Parts q = open(tmp, "session with made spectra reopened");
        Session.load(file, q.browser());
        q.browser().lastJob().join();
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());

        assertList(merged, q.shift().spectra(), "restored");
        assertEquals(0, q.shift().group().getSelectionIndex(), "the reference");
        for (int k = 0; k < checks.size(); k++) assertEquals(checks.get(k), q.shift().group().getItem(k).getChecked(), "check of row " + k);
        assertEquals(ShiftMergePanel.Operation.MERGE, q.shift().operation());
        assertTrue(q.shift().canUndo());
        ShiftMergePanelTest.press(q.shift(), "Undo");
        assertList(calibrated, q.shift().spectra(), "merge undone");
        ShiftMergePanelTest.press(q.shift(), "Undo");
        assertList(raw, q.shift().spectra(), "calibration undone");
        assertTrue(!q.shift().canUndo(), "two steps were kept, no more");
        assertEquals(List.of(), Ui.takeErrors());
    }
}
