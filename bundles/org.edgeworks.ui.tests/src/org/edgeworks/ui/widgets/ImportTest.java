package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Raw scans are never plotted as mu: the MRCAT transmission scan (columns energy mcs3 mcs4 mcs5 mcs6; I0 = mcs3,
 * It = mcs4, Iref = mcs5) is imported through the import panel as the user would choose it, the live plot is
 * ln(I0/It) computed here from the file's own columns, and its E0 equals the command line's on the same choice.
 */
class ImportTest {
    static final Path SHARED = SharedData.dir();
    static final Path MRCAT = SHARED.resolve("xanes/mn_k/mn3o4.201");

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    /** The import panel over the MRCAT scan in an opened shell, the mode chosen as the user's first click. */
    private ImportPanel open(String title, ImportPanel.Mode mode) throws Exception {
        Scan scan = DetectorRegistry.load().read(MRCAT);
        shell = Ui.shell(title, 1280, 800);
        ImportPanel panel = new ImportPanel(shell, SWT.NONE, scan, MRCAT);
        Ui.open(shell);
        panel.setMode(mode);
        return panel;
    }

    /** The MRCAT file's columns by label, parsed here (header until a dashed line, then labels, then numbers). */
    static Map<String, double[]> columns(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int i = 0;
        while (!lines.get(i).startsWith("----")) i++;
        String[] labels = lines.get(i + 1).trim().split("\\s+");
        List<double[]> rows = new ArrayList<>();
        for (String l : lines.subList(i + 2, lines.size())) {
            if (l.isBlank()) continue;
            String[] p = l.trim().split("\\s+");
            double[] r = new double[p.length];
            for (int k = 0; k < p.length; k++) r[k] = Double.parseDouble(p[k]);
            rows.add(r);
        }
        Map<String, double[]> out = new HashMap<>();
        for (int k = 0; k < labels.length; k++) {
            double[] c = new double[rows.size()];
            for (int r = 0; r < c.length; r++) c[r] = rows.get(r)[k];
            out.put(labels[k], c);
        }
        return out;
    }

    /** E0 the command line writes for the file with these options ({@code xas normalize}). */
    static double cliE0(Path out, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("xas", "normalize", MRCAT.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", out.toString()));
        StringWriter o = new StringWriter(), err = new StringWriter();
        int code = org.edgeworks.cli.Main.run(args.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        try (Stream<Path> s = Files.list(out)) {
            Path json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(Files.readString(json)).get("e0").asDouble();
        }
    }

    @Test
    void theImportedMrcatScanIsLnI0OverItAndItsE0EqualsTheCommandLines(@TempDir Path tmp) throws Exception {
        // the user's choice, widget by widget
        ImportPanel panel = open("Import", ImportPanel.Mode.TRANSMISSION);
        panel.choose("energy", "energy");
        panel.choose("i0", "mcs3");
        panel.choose("it", "mcs4");
        panel.choose("reference", "mcs5");
        Ui.settle();
        assertNotNull(panel.current(), panel.status());
        Ui.screenshot(shell, "tour-01-import-transmission");

        // live plot = ln(mcs3/mcs4) from the raw columns, point by point; the reference = ln(mcs4/mcs5)
        Map<String, double[]> raw = columns(MRCAT);
        // (a repeated energy is one point, the mean of its rows: Larch's and EnergyGrid's rule for duplicates)
        Map<Double, List<Integer>> rows = new HashMap<>();
        for (int r = 0; r < raw.get("energy").length; r++) rows.computeIfAbsent(raw.get("energy")[r], k -> new ArrayList<>()).add(r);
        SpectrumChart.Curve mu = panel.chart().curves().get(0), ref = panel.chart().curves().get(1);
        assertTrue(mu.x().length > 2600, "points " + mu.x().length);
        for (int k = 0; k < mu.x().length; k++) {
            double want = 0;
            for (int r : rows.get(mu.x()[k])) want += Math.log(raw.get("mcs3")[r] / raw.get("mcs4")[r]) / rows.get(mu.x()[k]).size();
            assertEquals(want, mu.y()[k], 1e-12, "mu at " + mu.x()[k]);
        }
        for (int k = 0; k < ref.x().length; k += 50) {
            double want = 0;
            for (int r : rows.get(ref.x()[k])) want += Math.log(raw.get("mcs4")[r] / raw.get("mcs5")[r]) / rows.get(ref.x()[k]).size();
            assertEquals(want, ref.y()[k], 1e-12, "reference mu at " + ref.x()[k]);
        }
        assertEquals("mu(E)", panel.chart().chart().getAxisSet().getYAxis(0).getTitle().getText());

        // Import: the spectrum handed on has the command line's E0 on the same choice, near Larch's (peers: 6528.14 eV)
        List<Spectrum> imported = new ArrayList<>();
        panel.onImport(l -> imported.add(l.spectrum()));
        panel.importNow();
        assertEquals(1, imported.size());
        double e0 = Processors.<NormalizeProcessor.Normalized>run(NormalizeProcessor.ID, imported.get(0), Map.of()).value().e0();
        double cli = cliE0(tmp.resolve("cli"), "--energy", "energy", "--mode", "transmission", "--i0", "mcs3", "--it", "mcs4");
        assertEquals(cli, e0, 1e-9, "E0 of the imported scan = xas normalize's");
        assertEquals(6528.14, e0, 1.0, "E0 near Larch's 6528.14 eV (uncalibrated MRCAT energy)");
        assertTrue(Math.abs(e0 - 7083) > 100, "not the raw It's false 'edge'");
    }

    @Test
    void doubleClickingARawScanOpensTheImportDialogAndTheChoiceIsRemembered(@TempDir Path tmp) throws Exception {
        // a double-click on the raw MRCAT file: no mu is plotted until the user confirms how it is made
        shell = Ui.shell("browser", 600, 500);
        DataBrowserPanel browser = new DataBrowserPanel(shell, SWT.NONE, tmp.resolve("recent"));
        Ui.open(shell);
        List<Object> opened = new ArrayList<>();
        browser.onOpen(opened::add);
        browser.addFiles(List.of(MRCAT));
        browser.lastJob().join();
        Ui.settle();
        browser.open(browser.files().get(0));
        browser.lastJob().join();
        Ui.settle();
        assertEquals(List.of(), opened, "nothing plotted before the import choice");
        ImportPanel dialog = browser.lastImport();
        assertNotNull(dialog, "the import dialog opened");
        // pre-filled from the channel roles (mcs3 = I0, mcs4 = It): transmission; the user confirms
        assertEquals(ImportPanel.Mode.TRANSMISSION, dialog.mode());
        assertEquals("mcs3", dialog.selection().i0());
        assertEquals("mcs4", dialog.selection().it());
        Ui.screenshot(dialog.getShell(), "tour-01-import-dialog-on-double-click");
        dialog.importNow();
        Ui.settle();
        Spectrum s = assertInstanceOf(Spectrum.class, opened.get(0));
        assertEquals("mu", s.channel());
        Map<String, double[]> raw = columns(MRCAT);
        double e100 = s.energies()[100], want = 0;
        int n = 0;
        for (int r = 0; r < raw.get("energy").length; r++)
            if (raw.get("energy")[r] == e100) { want += Math.log(raw.get("mcs3")[r] / raw.get("mcs4")[r]); n++; }
        assertEquals(want / n, s.signal()[100], 1e-12, "ln(I0/It), not It");
        double e0 = Processors.<NormalizeProcessor.Normalized>run(NormalizeProcessor.ID, s, Map.of()).value().e0();
        assertEquals(cliE0(tmp.resolve("auto"), "--i0", "mcs3", "--it", "mcs4", "--mode", "transmission"), e0, 1e-9);
        // the raw path and checksum travel with it
        assertTrue(Sources.of(s).file().endsWith("mn3o4.201"), Sources.of(s).toString());
        // the choice holds for files of the same layout: the second scan opens as mu at once
        Object second = DataOpener.openFile(SHARED.resolve("xanes/mn_k/mn3o4.202"));
        assertEquals("mu", assertInstanceOf(Spectrum.class, second).channel());
    }

    @Test
    void severalFluorescenceChannelsAreSummed() throws Exception {
        ImportPanel panel = open("Import fluorescence", ImportPanel.Mode.FLUORESCENCE);
        panel.choose("i0", "mcs3");
        panel.choose("reference", null);
        panel.chooseFluorescence(List.of("mcs4", "mcs5"));
        Ui.settle();
        assertNotNull(panel.current(), panel.status());
        assertEquals("mcs4+mcs5", panel.selection().ifl());
        Map<String, double[]> raw = columns(MRCAT);
        SpectrumChart.Curve mu = panel.chart().curves().get(0);
        assertEquals(1, panel.chart().curves().size(), "no reference curve when none is chosen");
        for (int k = 0; k < mu.x().length; k += 37) {
            double want = 0;
            int n = 0;
            for (int r = 0; r < raw.get("energy").length; r++)
                if (raw.get("energy")[r] == mu.x()[k]) { want += (raw.get("mcs4")[r] + raw.get("mcs5")[r]) / raw.get("mcs3")[r]; n++; }
            assertEquals(want / n, mu.y()[k], 1e-12);
        }
        Ui.screenshot(shell, "tour-01-import-fluorescence-summed");
    }
}
