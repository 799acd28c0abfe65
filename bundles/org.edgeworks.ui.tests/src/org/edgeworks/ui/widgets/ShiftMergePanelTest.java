package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.AlignProcessor;
import org.edgeworks.xas.CalibrateProcessor;
import org.edgeworks.xas.MergeProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Calibrate / Align / Merge panel driven through its widgets: calibration equals {@code xas calibrate} on
 * the same files, an alignment finds a shift put in by construction, a merge is the mean of its scans, the
 * shift is shown, and Undo brings back exactly the previous spectra.
 */
class ShiftMergePanelTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    static void select(org.eclipse.swt.widgets.Table t, int i) {
        t.setSelection(i);
        t.notifyListeners(SWT.Selection, new Event());
    }

    static void check(org.eclipse.swt.widgets.Table t, int i, boolean on) {
        TableItem row = t.getItem(i);
        row.setChecked(on);
        Event e = new Event();
        e.item = row;
        e.detail = SWT.CHECK;
        t.notifyListeners(SWT.Selection, e);
    }

    static void press(org.eclipse.swt.widgets.Composite panel, String text) {
        for (Button b : SpectrumTaskPanelTest.buttons(panel))
            if (b.getText().equals(text) && (b.getStyle() & SWT.PUSH) != 0) { b.notifyListeners(SWT.Selection, new Event()); return; }
        throw new AssertionError("no button " + text);
    }

    static void radio(org.eclipse.swt.widgets.Composite panel, String text) {
        for (Button b : SpectrumTaskPanelTest.buttons(panel))
            if (b.getText().equals(text) && (b.getStyle() & SWT.RADIO) != 0) {
                b.setSelection(true);
                b.notifyListeners(SWT.Selection, new Event());
                return;
            }
        throw new AssertionError("no radio " + text);
    }

    @Test
    void calibrateEqualsXasCalibrateAndUndoRestoresTheSpectraExactly(@TempDir Path tmp) throws Exception {
        shell = Ui.shell("calibrate", 1280, 900);
        ShiftMergePanel panel = new ShiftMergePanel(shell, SWT.NONE);
        Path foil = LcfPanelTest.sample("Mn_foil.dat"), mno = LcfPanelTest.sample("MnO.dat"), mn2o3 = LcfPanelTest.sample("Mn2O3x.dat");
        for (Path f : List.of(foil, mno, mn2o3)) panel.add((Spectrum) DataOpener.openFile(f));
        Ui.open(shell);
        List<double[]> before = new ArrayList<>();
        for (Spectrum s : panel.spectra()) before.add(s.energies().clone());
        List<double[]> signals = new ArrayList<>();
        for (Spectrum s : panel.spectra()) signals.add(s.signal().clone());

        // the foil is the reference; MnO and Mn2O3 were measured with it
        select(panel.group(), 0);
        check(panel.group(), 1, true);
        check(panel.group(), 2, true);
        assertEquals("reference", panel.group().getItem(0).getText(1));
        panel.form().setText("referenceE0", "6539.0");
        assertEquals(null, panel.form().error());
        press(panel, "Run");
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());
        CalibrateProcessor.Calibration c = (CalibrateProcessor.Calibration) panel.lastResult().value();

        // the command line on the same files
        Path out = tmp.resolve("cli");
        StringWriter o = new StringWriter(), err = new StringWriter();
        int code = org.edgeworks.cli.Main.run(new String[] {"xas", "calibrate", foil.toString(), mno.toString(), mn2o3.toString(),
                "--e0", "6539.0", "--out", out.toString()}, new PrintWriter(o, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonNode cli = new ObjectMapper().readTree(Files.readString(out.resolve("calibrate.json")));
        assertEquals(cli.get("shift").asDouble(), c.shift(), 1e-9);
        assertEquals(cli.get("shift_stderr").asDouble(), c.shiftStderr(), 1e-9);
        assertEquals(cli.get("measured_e0").asDouble(), c.measuredE0(), 1e-9);
        assertEquals(6539.0 - c.measuredE0(), c.shift(), 1e-9);
        // the samples were moved by the shift, their mu untouched
        for (int k = 1; k < 3; k++) {
            double[] e = panel.spectra().get(k).energies();
            for (int i = 0; i < e.length; i++) assertEquals(before.get(k)[i] + c.shift(), e[i], 1e-9);
            assertArrayEquals(signals.get(k), panel.spectra().get(k).signal(), 0);
        }
        // the shift is shown for each of the three spectra
        assertEquals(3, panel.shiftsTable().getItemCount());
        assertEquals(String.format(java.util.Locale.ROOT, "%+.4f", c.shift()), panel.shiftsTable().getItem(1).getText(1));
        assertTrue(panel.status().contains("shift"), panel.status());
        Ui.screenshot(shell, "tour-07-calibrate");

        // undo: exactly the arrays the files gave
        assertTrue(panel.canUndo());
        press(panel, "Undo");
        Ui.settle();
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(before.get(k), panel.spectra().get(k).energies(), 0);
            assertArrayEquals(signals.get(k), panel.spectra().get(k).signal(), 0);
        }
        assertFalse(panel.canUndo());
        assertTrue(panel.group().getItem(1).getChecked(), "the checks come back too");
    }

    @Test
    void alignFindsAConstructedShiftMergeAveragesAndBothUndo() throws Exception {
        shell = Ui.shell("align", 1280, 900);
        ShiftMergePanel panel = new ShiftMergePanel(shell, SWT.NONE);
        Spectrum mno = (Spectrum) DataOpener.openFile(LcfPanelTest.sample("MnO.dat"));
        // by construction: the same spectrum measured 1.5 eV too high, and one with the signal raised by 0.1
        double[] e = mno.energies().clone();
        for (int i = 0; i < e.length; i++) e[i] += 1.5;
        Spectrum moved = new Spectrum("MnO moved", Axis.energy(e), mno.signal(), null, "mu");
        double[] up = mno.signal().clone();
        for (int i = 0; i < up.length; i++) up[i] += 0.1;
        Spectrum raised = new Spectrum("MnO raised", Axis.energy(mno.energies()), up, null, "mu");
        panel.add(mno);
        panel.add(moved);
        panel.add(raised);
        Ui.open(shell);

        radio(panel, "Align");
        assertEquals(ShiftMergePanel.Operation.ALIGN, panel.operation());
        select(panel.group(), 0);
        check(panel.group(), 1, true);
        press(panel, "Run");
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());
        AlignProcessor.Alignment a = (AlignProcessor.Alignment) panel.lastResult().value();
        assertEquals(-1.5, a.shift(), 0.02, "the shift put in by construction, undone");
        assertEquals(String.format(java.util.Locale.ROOT, "%+.4f", a.shift()), panel.shiftsTable().getItem(0).getText(1));
        // and its standard error as the processor gives it (xas align's shift_stderr)
        assertTrue(a.shiftStderr() > 0 && Double.isFinite(a.shiftStderr()), "shift stderr " + a.shiftStderr());
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", a.shiftStderr()), panel.shiftsTable().getItem(0).getText(2));
        double[] alignedE = panel.spectra().get(1).energies();
        for (int i = 0; i < e.length; i++) assertEquals(e[i] + a.shift(), alignedE[i], 1e-9);
        Ui.screenshot(shell, "tour-07-align");

        // merge MnO and the raised copy: the mean is MnO + 0.05 on MnO's own grid
        radio(panel, "Merge");
        check(panel.group(), 1, false);
        check(panel.group(), 0, true);
        check(panel.group(), 2, true);
        press(panel, "Run");
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());
        MergeProcessor.Merged m = (MergeProcessor.Merged) panel.lastResult().value();
        assertEquals(4, panel.spectra().size());
        Spectrum merged = panel.spectra().get(3);
        assertEquals(2, m.count());
        for (int i = 0; i < merged.energies().length; i++) {
            int j = java.util.Arrays.binarySearch(mno.energies(), merged.energies()[i]);
            assertTrue(j >= 0, "the merge grid is the first scan's points");
            assertEquals(mno.signal()[j] + 0.05, merged.signal()[i], 1e-12);
        }
        Ui.screenshot(shell, "tour-07-merge");

        // undo the merge, then the alignment: the very arrays of before
        press(panel, "Undo");
        assertEquals(3, panel.spectra().size());
        press(panel, "Undo");
        assertArrayEquals(e, panel.spectra().get(1).energies(), 0);
        assertArrayEquals(mno.signal(), panel.spectra().get(1).signal(), 0);
        assertFalse(panel.canUndo());
    }
}
