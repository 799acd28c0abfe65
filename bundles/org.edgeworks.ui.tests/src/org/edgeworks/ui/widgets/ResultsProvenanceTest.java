package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The results view: one row per file and analysis, with the raw path, its SHA-256 and the processor id + version. */
class ResultsProvenanceTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    @Test
    void oneRowPerFileAndAnalysisWithRawPathChecksumAndProcessorVersion() throws Exception {
        shell = Ui.shell("results", 1280, 500);
        ResultsPanel panel = new ResultsPanel(shell, SWT.NONE);
        Ui.open(shell);
        List<String> names = List.of("Mn_foil.dat", "MnO.dat", "Mn2O3x.dat");
        for (String n : names) {
            Path file = LcfPanelTest.sample(n);
            Spectrum s = (Spectrum) DataOpener.openFile(file);
            Result<NormalizeProcessor.Normalized> r = Sources.attach(Processors.run(NormalizeProcessor.ID, s, Map.of()), s);
            panel.add(n, r);
        }
        Ui.settle();
        Ui.screenshot(shell, "tour-06-results-one-row-per-file");
        assertEquals(3, panel.resultRows().size(), "one row per file and analysis");
        assertTrue(panel.rows().size() > 3 * 5, "every value stays available in the second tab");
        NormalizeProcessor p = new NormalizeProcessor();
        for (int i = 0; i < names.size(); i++) {
            ResultsPanel.ResultRow row = panel.resultRows().get(i);
            Path file = LcfPanelTest.sample(names.get(i)).toAbsolutePath();
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertTrue(row.rawFile().startsWith(file.toString()), row.rawFile());
            assertEquals(sha, row.sha256());
            assertEquals(p.id() + " " + p.version(), row.processor());
            assertTrue(row.values().contains("e0 = "), row.values());
            assertEquals(p.label(), row.analysis());
            assertEquals(row.rawFile(), panel.resultTable().getItem(i).getText(4), "the table shows the raw path");
        }
    }
}
