package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swtchart.IAxis;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Pick from plot": a button arms one click on the spectrum plot; a click driven at a known pixel fills the
 * field with that pixel's energy by the plot's own axis transform, to one grid step (relative fields: minus E0).
 */
class PlotPickTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    private static Button pickButton(org.eclipse.swt.widgets.Composite panel, String name) {
        for (Button b : SpectrumTaskPanelTest.buttons(panel))
            if (b.getText().equals(name) && b.getToolTipText() != null && b.getToolTipText().startsWith("click once on the plot")) return b;
        throw new AssertionError("no pick button " + name);
    }

    /** Presses the pick button, clicks at the pixel of {@code energy}; returns the axis transform's energy of that pixel. */
    static double pickAt(org.eclipse.swt.widgets.Composite panel, SpectrumChart chart, String field, double energy) {
        pickButton(panel, field).notifyListeners(SWT.Selection, new Event());
        Control plot = chart.chart().getPlotArea().getControl();
        IAxis x = chart.chart().getAxisSet().getXAxis(0);
        int px = x.getPixelCoordinate(energy), py = plot.getSize().y / 2;
        Ui.mouse(plot, SWT.MouseDown, px, py, 1);
        Ui.mouse(plot, SWT.MouseUp, px, py, 1);
        Ui.settle();
        return x.getDataCoordinate(px);
    }

    /** The largest spacing of the grid around {@code e}. */
    static double gridStep(double[] grid, double e) {
        double step = 0;
        for (int i = 1; i < grid.length; i++)
            if (Math.abs(grid[i] - e) < 5 || Math.abs(grid[i - 1] - e) < 5) step = Math.max(step, grid[i] - grid[i - 1]);
        return step;
    }

    @Test
    void eachEnergyOfTheNormalisationPanelIsPickedFromThePlot() throws Exception {
        shell = Ui.shell("pick", 1280, 800);
        SpectrumTaskPanel panel = new SpectrumTaskPanel(shell, SWT.NONE, NormalizeProcessor.ID);
        Spectrum foil = SpectrumChartTest.sample("Mn_foil.dat");
        panel.add(foil);
        Ui.open(shell);
        ShiftMergePanelTest.press(panel, "Run");
        Ui.settle();
        NormalizeProcessor.Normalized first = (NormalizeProcessor.Normalized) panel.results().get(0).value();
        double[] grid = first.energy();

        // E0: absolute, and the E0 method becomes "fixed" so the processor uses it
        double clicked = pickAt(panel, panel.chart(), "e0", 6541.0);
        double e0 = Double.parseDouble(((Text) panel.form().field("e0")).getText());
        assertEquals(clicked, e0, gridStep(grid, clicked), "E0 = the clicked pixel's energy to one grid step");
        assertEquals("fixed", ((org.eclipse.swt.widgets.Combo) panel.form().field("e0Method")).getText());
        Ui.screenshot(shell, "tour-08-pick-e0");

        // pre1, pre2, norm1, norm2: relative to the E0 of the normalisation drawn
        double[] targets = {first.e0() - 150, first.e0() - 40, first.e0() + 80, first.e0() + 300};
        String[] names = {"pre1", "pre2", "norm1", "norm2"};
        for (int k = 0; k < 4; k++) {
            double at = pickAt(panel, panel.chart(), names[k], targets[k]);
            double value = Double.parseDouble(((Text) panel.form().field(names[k])).getText());
            assertEquals(at - first.e0(), value, gridStep(grid, at), names[k]);
        }
        assertEquals(null, panel.form().error());
        // one-shot: after the pick the plot is disarmed, a later click changes nothing
        String pre1 = ((Text) panel.form().field("pre1")).getText();
        Control plot = panel.chart().chart().getPlotArea().getControl();
        Ui.mouse(plot, SWT.MouseDown, 100, 100, 1);
        Ui.mouse(plot, SWT.MouseUp, 100, 100, 1);
        assertEquals(pre1, ((Text) panel.form().field("pre1")).getText(), "one-shot");

        // the processor uses what was picked
        ShiftMergePanelTest.press(panel, "Run");
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());
        NormalizeProcessor.Normalized picked = (NormalizeProcessor.Normalized) panel.results().get(0).value();
        assertEquals(e0, picked.e0(), gridStep(grid, e0));
        assertEquals(Double.parseDouble(pre1), picked.pre1(), 1e-9);
        Ui.screenshot(shell, "tour-08-pick-ranges");
    }

    @Test
    void calibrateAndAlignEnergiesArePickedFromThePlot() throws Exception {
        shell = Ui.shell("pick calibrate", 1280, 900);
        ShiftMergePanel panel = new ShiftMergePanel(shell, SWT.NONE);
        Spectrum foil = (Spectrum) DataOpener.openFile(LcfPanelTest.sample("Mn_foil.dat"));
        panel.add(foil);
        panel.add((Spectrum) DataOpener.openFile(LcfPanelTest.sample("MnO.dat")));
        Ui.open(shell);
        ShiftMergePanelTest.select(panel.group(), 0);
        double at = pickAt(panel, panel.chart(), "referenceE0", 6539.0);
        double value = Double.parseDouble(((Text) panel.form().field("referenceE0")).getText());
        assertEquals(at, value, gridStep(foil.energies(), at));
        Ui.screenshot(shell, "tour-08-pick-calibrate");

        ShiftMergePanelTest.radio(panel, "Align");
        NormalizeProcessor.Normalized n = new NormalizeProcessor().apply(foil, NormalizeProcessor.Params.defaults()).value();
        double lo = pickAt(panel, panel.chart(), "emin", n.e0() - 15);
        assertEquals(lo - n.e0(), Double.parseDouble(((Text) panel.form().field("emin")).getText()), gridStep(foil.energies(), lo));
        double hi = pickAt(panel, panel.chart(), "emax", n.e0() + 30);
        assertEquals(hi - n.e0(), Double.parseDouble(((Text) panel.form().field("emax")).getText()), gridStep(foil.energies(), hi));
        assertTrue(panel.status().startsWith("emax = "), panel.status());
    }
}
