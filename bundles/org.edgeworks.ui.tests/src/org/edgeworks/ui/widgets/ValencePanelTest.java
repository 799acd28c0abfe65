package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.ValenceProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The valence panel driven as a user would (tick the references, type their valences, press "Fit line") gives
 * what {@code xas valence} gives on the same files: the line, every edge energy and every valence with its
 * error to 1e-9; the line and the points are plotted.
 */
class ValencePanelTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    @Test
    void theValencePanelEqualsXasValenceOnTheSameFiles(@TempDir Path tmp) throws Exception {
        shell = Ui.shell("valence", 1280, 900);
        ValencePanel panel = new ValencePanel(shell, SWT.NONE);
        List<String> files = List.of("MnO.dat", "Mn2O3x.dat", "Pyrolusite.dat", "Mn3O4.dat");
        for (String f : files) panel.add((Spectrum) DataOpener.openFile(LcfPanelTest.sample(f)), LcfPanelTest.sample(f));
        Ui.open(shell);
        double[] formal = {2, 3, 4};
        for (int i = 0; i < 3; i++) {
            ShiftMergePanelTest.select(panel.group(), i);
            panel.valenceField().setText(String.valueOf(formal[i]));
            ShiftMergePanelTest.check(panel.group(), i, true);
        }
        assertEquals("reference", panel.group().getItem(1).getText(1));
        assertEquals("3.0", panel.group().getItem(1).getText(2));
        assertEquals("sample", panel.group().getItem(3).getText(1));
        ShiftMergePanelTest.press(panel, "Fit line");
        Ui.settle();
        assertEquals(List.of(), Ui.takeErrors());
        ValenceProcessor.Valence ui = panel.lastResult().value();
        Ui.screenshot(shell, "tour-07-valence");

        Path out = tmp.resolve("cli");
        StringWriter o = new StringWriter(), err = new StringWriter();
        int code = org.edgeworks.cli.Main.run(new String[] {"xas", "valence", LcfPanelTest.sample("Mn3O4.dat").toString(),
                "--ref", "2=" + LcfPanelTest.sample("MnO.dat"), "--ref", "3=" + LcfPanelTest.sample("Mn2O3x.dat"),
                "--ref", "4=" + LcfPanelTest.sample("Pyrolusite.dat"), "--out", out.toString()},
                new PrintWriter(o, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonNode cli = new ObjectMapper().readTree(Files.readString(out.resolve("valence.json")));
        assertEquals(cli.get("slope_eV_per_valence").asDouble(), ui.slope(), 1e-9);
        assertEquals(cli.get("intercept_eV").asDouble(), ui.intercept(), 1e-9);
        assertEquals(cli.get("slope_stderr").asDouble(), ui.slopeStderr(), 1e-9);
        assertEquals(cli.get("intercept_stderr").asDouble(), ui.interceptStderr(), 1e-9);
        assertEquals(cli.get("rms_eV").asDouble(), ui.rms(), 1e-9);
        assertEquals(cli.get("rows").size(), ui.rows().size());
        for (int i = 0; i < ui.rows().size(); i++) {
            JsonNode c = cli.get("rows").get(i);
            ValenceProcessor.Row r = ui.rows().get(i);
            assertEquals(c.get("name").asText(), r.name());
            assertEquals(c.get("reference").asBoolean(), r.reference());
            assertEquals(c.get("edge_energy").asDouble(), r.edgeEnergy(), 1e-9, r.name());
            assertEquals(c.get("edge_energy_stderr").asDouble(), r.edgeEnergyStderr(), 1e-9, r.name());
            assertEquals(c.get("valence").asDouble(), r.valence(), 1e-9, r.name());
            assertEquals(c.get("valence_stderr").asDouble(), r.valenceStderr(), 1e-9, r.name());
        }
        // Mn3O4 is Mn(II)Mn(III)2: a predicted valence between 2 and 3 (formal 2.67)
        ValenceProcessor.Row sample = ui.rows().get(3);
        assertTrue(sample.valence() > 2 && sample.valence() < 3.3, String.valueOf(sample.valence()));
        // the table and the plot show it: the line, three references and the sample
        assertEquals(4, panel.rowsTable().getItemCount());
        assertEquals(5, panel.chart().curves().size());
        SpectrumChart.Curve line = panel.chart().curves().get(0);
        assertEquals(ui.intercept() + ui.slope() * line.x()[0], line.y()[0], 1e-9);
        assertTrue(panel.summary().contains("rms"), panel.summary());
    }
}
