package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.E0Method;
import org.edgeworks.xas.Normalization;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The normalisation task panel: values typed in its form are the ones the processor uses, and copy to checked spectra. */
class SpectrumTaskPanelTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    @Test
    void editedNormalisationParametersAreUsedAndCopiedToCheckedSpectra() throws Exception {
        shell = Ui.shell("normalisation", 1280, 800);
        SpectrumTaskPanel panel = new SpectrumTaskPanel(shell, SWT.NONE, NormalizeProcessor.ID);
        List<Spectrum> spectra = List.of(SpectrumChartTest.sample("MnO.dat"), SpectrumChartTest.sample("Mn2O3x.dat"),
                SpectrumChartTest.sample("Mn_foil.dat"));
        spectra.forEach(panel::add);
        Ui.open(shell);
        panel.group().select(0);
        panel.form().setText("pre1", "-150");
        panel.form().setText("pre2", "-60");
        panel.form().setText("norm1", "100");
        panel.form().setText("norm2", "400");
        panel.form().setText("nnorm", "1");
        assertEquals(null, panel.form().error());
        press(panel, "Run");
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());
        NormalizeProcessor.Params typed = new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, -150.0, -60.0, 100.0, 400.0, 1, 0,
                null, Normalization.EDGE_STEP);
        NormalizeProcessor.Normalized expected = new NormalizeProcessor().apply(spectra.get(0), typed).value();
        NormalizeProcessor.Normalized shown = (NormalizeProcessor.Normalized) panel.results().get(0).value();
        assertEquals(expected.e0(), shown.e0(), 0);
        assertEquals(expected.edgeStep(), shown.edgeStep(), 0);
        assertEquals(-150, shown.pre1(), 0);
        assertEquals(1, shown.nnorm());
        assertTrue(panel.chart().curves().get(3).name().startsWith(String.format(java.util.Locale.ROOT, "E0 = %.2f eV", expected.e0())));
        Ui.screenshot(shell, "tour-06-normalisation-panel");

        // copy the parameters to the two other spectra
        for (int i = 1; i < 3; i++) panel.group().getItem(i).setChecked(true);
        press(panel, "Apply to checked");
        assertEquals(2, panel.results().size());
        for (int i = 0; i < 2; i++) {
            NormalizeProcessor.Normalized want = new NormalizeProcessor().apply(spectra.get(i + 1), typed).value();
            NormalizeProcessor.Normalized got = (NormalizeProcessor.Normalized) panel.results().get(i).value();
            assertEquals(want.e0(), got.e0(), 0, spectra.get(i + 1).name());
            assertEquals(want.edgeStep(), got.edgeStep(), 0, spectra.get(i + 1).name());
            assertEquals(100, got.norm1(), 0);
        }
    }

    private static void press(SpectrumTaskPanel panel, String text) {
        for (var b : buttons(panel)) if (b.getText().equals(text)) { b.notifyListeners(SWT.Selection, new Event()); return; }
        throw new AssertionError("no button " + text);
    }

    static List<org.eclipse.swt.widgets.Button> buttons(org.eclipse.swt.widgets.Composite root) {
        List<org.eclipse.swt.widgets.Button> out = new java.util.ArrayList<>();
        for (var c : root.getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.Button b) out.add(b);
            if (c instanceof org.eclipse.swt.widgets.Composite k) out.addAll(buttons(k));
        }
        return out;
    }
}
