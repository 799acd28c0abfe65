package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Multi-element fluorescence in the import dialog (issue 16 item 4): the GSECARS 7-element SDD scan fexanes_b
 * (../shared/data/xanes/fe_k; its element 5 sees a damped white line) imported with elements Fe_Ka_mca*,
 * dead-time factors DTFactor_mca*, fluorescence over I0, typed into the dialog's fields. The automatic outlier
 * test leaves out element 5 and the dialog says so; the live mu equals sum over the six other elements of
 * ROI x DTFactor / I0 computed here from the file's own columns (1e-12), and equals {@code xas normalize} with
 * the same options ({@code --if 'Fe_Ka_mca*' --dt 'DTFactor_mca*'}; its 10-digit CSV, and E0 to 1e-9).
 * Exclusion by name and the outlier test switched off change the sum as constructed.
 */
class ImportMultiElementTest {
    static final Path FILE = ImportTest.SHARED.resolve("xanes/fe_k/fexanes_b.001");

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    /** The file's columns by label ("# Column.N: LABEL ..." header lines; data rows of numbers). */
    static Map<String, double[]> columns(Path file) throws Exception {
        Map<String, Integer> index = new HashMap<>();
        Pattern p = Pattern.compile("^# Column\\.(\\d+): (\\S+)");
        List<double[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            Matcher m = p.matcher(l);
            if (m.find()) index.put(m.group(2), Integer.parseInt(m.group(1)) - 1);
            else if (!l.startsWith("#") && !l.isBlank()) {
                String[] w = l.trim().split("\\s+");
                double[] r = new double[w.length];
                for (int i = 0; i < w.length; i++) r[i] = Double.parseDouble(w[i]);
                rows.add(r);
            }
        }
        Map<String, double[]> out = new HashMap<>();
        index.forEach((name, i) -> {
            double[] c = new double[rows.size()];
            for (int r = 0; r < c.length; r++) c[r] = rows.get(r)[i];
            out.put(name, c);
        });
        return out;
    }

    /** sum over the given elements of Fe_Ka_mcaN * DTFactor_mcaN / I0, row by row (energies strictly increasing here). */
    static double[] expectedMu(Map<String, double[]> c, int... elements) {
        double[] i0 = c.get("I0"), mu = new double[i0.length];
        for (int r = 0; r < mu.length; r++) {
            double s = 0;
            for (int n : elements) s += c.get("Fe_Ka_mca" + n)[r] * c.get("DTFactor_mca" + n)[r];
            mu[r] = s / i0[r];
        }
        return mu;
    }

    static void assertMu(double[] want, Spectrum got) {
        double[] y = got.signal();
        assertEquals(want.length, y.length, "points");
        for (int r = 0; r < y.length; r++) assertEquals(want[r], y[r], 1e-12 * Math.abs(want[r]), "mu at row " + r);
    }

    ImportPanel open(Scan scan) {
        shell = Ui.shell("Import multi-element", 1280, 900);
        ImportPanel panel = new ImportPanel(shell, SWT.NONE, scan, FILE);
        Ui.open(shell);
        panel.setMode(ImportPanel.Mode.FLUORESCENCE);
        panel.choose("i0", "I0");
        return panel;
    }

    @Test
    void elementFiveIsLeftOutByTheOutlierTestAndMuEqualsTheCommandLines(@TempDir Path tmp) throws Exception {
        Scan scan = DetectorRegistry.load().read(FILE);
        ImportPanel panel = open(scan);
        panel.multiElement().set("Fe_Ka_mca*", "DTFactor_mca*", null, null, null, true);
        Ui.settle();
        assertNotNull(panel.current(), panel.status());
        String summary = panel.multiElement().summary();
        assertTrue(summary.startsWith("summed 6:") && summary.contains("excluded Fe_Ka_mca5 ("), summary);
        assertTrue(!summary.contains("excluded Fe_Ka_mca1") && !summary.contains("excluded Fe_Ka_mca7"), summary);
        Ui.screenshot(shell, "tour-01-import-multi-element");
        Map<String, double[]> cols = columns(FILE);
        assertMu(expectedMu(cols, 1, 2, 3, 4, 6, 7), panel.current().spectrum());

        // the command line, same file and options
        Path out = tmp.resolve("cli");
        StringWriter o = new StringWriter(), err = new StringWriter();
        int code = org.edgeworks.cli.Main.run(new String[] {"xas", "normalize", FILE.toString(), "--mode", "fluorescence", "--i0", "I0",
            "--if", "Fe_Ka_mca*", "--dt", "DTFactor_mca*", "--out", out.toString()}, new PrintWriter(o, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        List<String> csv = Files.readAllLines(out.resolve("fexanes_b.001.norm.csv"));
        assertEquals("energy,mu,pre,post,norm,flat", csv.get(0));
        double[] y = panel.current().spectrum().signal(), x = panel.current().spectrum().energies();
        assertEquals(y.length, csv.size() - 1);
        for (int r = 0; r < y.length; r++) {
            String[] w = csv.get(r + 1).split(",");
            assertEquals(Double.parseDouble(w[0]), x[r], 1e-9 * Math.abs(x[r]));
            assertEquals(Double.parseDouble(w[1]), y[r], 1e-9 * Math.abs(y[r]), "CLI mu (10 digits) at row " + r);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("fexanes_b.001.json").toFile());
        assertTrue(json.get("provenance").get("notes").toString().contains("Fe_Ka_mca5"), json.get("provenance").toString());
        double e0 = Processors.<NormalizeProcessor.Normalized>run(NormalizeProcessor.ID, panel.current().spectrum(), Map.of()).value().e0();
        assertEquals(json.get("e0").asDouble(), e0, 1e-9, "E0 = xas normalize's");

        // imported: the choice is not remembered as a plain If choice for the layout (the next file asks again)
        List<Spectrum> imported = new ArrayList<>();
        panel.onImport(l -> imported.add(l.spectrum()));
        panel.importNow();
        assertEquals(1, imported.size());
        assertEquals(null, ImportPanel.remembered(scan), "a multi-element choice is not replayed as a plain If channel");
    }

    @Test
    void exclusionByNameAndTheOutlierTestSwitchedOff() throws Exception {
        Scan scan = DetectorRegistry.load().read(FILE);
        ImportPanel panel = open(scan);
        Map<String, double[]> cols = columns(FILE);
        panel.multiElement().set("Fe_Ka_mca*", "DTFactor_mca*", null, null, null, false);
        Ui.settle();
        assertEquals("summed 7: Fe_Ka_mca1, Fe_Ka_mca2, Fe_Ka_mca3, Fe_Ka_mca4, Fe_Ka_mca5, Fe_Ka_mca6, Fe_Ka_mca7; none excluded",
            panel.multiElement().summary());
        assertMu(expectedMu(cols, 1, 2, 3, 4, 5, 6, 7), panel.current().spectrum());
        panel.multiElement().set("Fe_Ka_mca1,Fe_Ka_mca2,Fe_Ka_mca3,Fe_Ka_mca4", "DTFactor_mca*", null, null, "Fe_Ka_mca2", true);
        Ui.settle();
        assertTrue(panel.multiElement().summary().contains("excluded Fe_Ka_mca2 (excluded by name)"), panel.multiElement().summary());
        assertMu(expectedMu(cols, 1, 3, 4), panel.current().spectrum());
        panel.multiElement().set("Nope_*", null, null, null, null, true);
        Ui.settle();
        assertEquals(null, panel.current());
        assertTrue(panel.status().contains("--if 'Nope_*' matches no channel"), panel.status());
    }
}
