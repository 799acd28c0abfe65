package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.xas.LcfProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The LCF task panel driven as a user would (select the sample, tick the references, type the constraints,
 * press Fit) gives what {@code xas lcf} gives on the same files: weights, errors, R, reduced chi-square and
 * the combinatorial ranking to 1e-9.
 */
class LcfPanelTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    static Path sample(String name) {
        return SharedData.samples().resolve("xanes").resolve(name);
    }

    @Test
    void theLcfPanelEqualsXasLcfOnTheSameFiles(@TempDir Path tmp) throws Exception {
        List<String> files = List.of("Mn3O4.dat", "MnO.dat", "Mn2O3x.dat", "Pyrolusite.dat");
        shell = Ui.shell("LCF", 1280, 900);
        LcfPanel panel = new LcfPanel(shell, SWT.NONE);
        for (String f : files) panel.add((Spectrum) DataOpener.openFile(sample(f)), sample(f));
        Ui.open(shell);
        // the user selects the sample and ticks three references
        panel.group().setSelection(0);
        panel.group().notifyListeners(SWT.Selection, new Event());
        for (int i = 1; i < 4; i++) {
            TableItem row = panel.group().getItem(i);
            row.setChecked(true);
            Event e = new Event();
            e.item = row;
            e.detail = SWT.CHECK;
            panel.group().notifyListeners(SWT.Selection, e);
        }
        assertEquals("sample", panel.group().getItem(0).getText(1));
        assertEquals("reference", panel.group().getItem(2).getText(1));
        // constraints: weights sum to one, shifts fitted, rank pairs
        panel.form().setText("sumToOne", "true");
        panel.form().setText("shifts", "true");
        panel.form().setText("combinations", "2");
        assertEquals(null, panel.form().error());
        Ui.settle();
        pressFit(panel);
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());
        LcfProcessor.LcfResult ui = panel.lastResult().value();
        Ui.screenshot(shell, "tour-03-lcf-panel");

        // the command line on the same files
        Path out = tmp.resolve("cli");
        StringWriter o = new StringWriter(), err = new StringWriter();
        int code = org.edgeworks.cli.Main.run(new String[] {"xas", "lcf", sample("Mn3O4.dat").toString(),
                "--ref", "MnO=" + sample("MnO.dat"), "--ref", "Mn2O3x=" + sample("Mn2O3x.dat"),
                "--ref", "Pyrolusite=" + sample("Pyrolusite.dat"), "--sum-to-one", "--shifts", "--combinations", "2",
                "--out", out.toString()}, new PrintWriter(o, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonNode cli = new ObjectMapper().readTree(Files.readString(out.resolve("Mn3O4.lcf.json")));
        assertEquals(cli.get("r_factor").asDouble(), ui.rFactor(), 1e-9);
        assertEquals(cli.get("reduced_chi2").asDouble(), ui.reducedChi2(), 1e-9 * Math.max(1, Math.abs(ui.reducedChi2())));
        assertEquals(cli.get("emin").asDouble(), ui.emin(), 1e-9);
        assertEquals(cli.get("emax").asDouble(), ui.emax(), 1e-9);
        // with a combinatorial ranking the fit reported is the best subset's, in both
        List<String> cliNames = new ArrayList<>();
        cli.get("weights").fieldNames().forEachRemaining(cliNames::add);
        assertEquals(cliNames, ui.components().stream().map(LcfProcessor.Component::name).toList());
        for (LcfProcessor.Component c : ui.components()) {
            assertEquals(cli.get("weights").get(c.name()).asDouble(), c.weight(), 1e-9, c.name() + " weight");
            assertEquals(cli.get("stderr").get(c.name()).asDouble(), c.stderr(), 1e-9, c.name() + " stderr");
            assertEquals(cli.get("stderr_fit").get(c.name()).asDouble(), c.stderrFit(), 1e-9, c.name() + " stderr_fit");
            assertEquals(cli.get("shifts").get(c.name()).asDouble(), c.shift(), 1e-9, c.name() + " shift");
        }
        // the combinatorial table: the same subsets in the same order with the same R
        List<String> cliRanks = new ArrayList<>();
        for (JsonNode r : cli.get("ranking")) cliRanks.add(r.get("references").toString() + String.format(java.util.Locale.ROOT, " %.9f", r.get("r_factor").asDouble()));
        List<String> uiRanks = new ArrayList<>();
        for (LcfProcessor.Ranked r : ui.ranking())
            uiRanks.add(new ObjectMapper().writeValueAsString(r.references()) + String.format(java.util.Locale.ROOT, " %.9f", r.rFactor()));
        assertEquals(cliRanks, uiRanks);
        assertEquals(uiRanks.size(), panel.rankingTable().getItemCount());
        // the weights table shows what the fit returned
        assertEquals(ui.components().size(), panel.weightsTable().getItemCount());
        assertEquals(ui.components().get(0).name(), panel.weightsTable().getItem(0).getText(0));
        // Mn3O4 is a Mn(II)/Mn(III) oxide: the best pair is MnO + Mn2O3, not one with MnO2
        assertEquals(List.of("MnO", "Mn2O3x"), cliNames);
        assertTrue(panel.summary().startsWith("Mn3O4: R = "), panel.summary());
    }

    private static void pressFit(LcfPanel panel) {
        for (var b : SpectrumTaskPanelTest.buttons(panel)) if (b.getText().equals("Fit")) { b.notifyListeners(SWT.Selection, new Event()); return; }
        throw new AssertionError("no Fit button");
    }
}
