package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.pipeline.xas.XasInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session file brings back the open files and the import choices (so a raw scan reopens as the same mu). */
class SessionTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
        ImportPanel.restoreChoices(Map.of());
    }

    @Test
    void aSavedSessionReopensTheFilesAndTheImportChoices(@TempDir Path tmp) throws Exception {
        shell = Ui.shell("session", 600, 400);
        DataBrowserPanel browser = new DataBrowserPanel(shell, SWT.NONE, tmp.resolve("recent"));
        Ui.open(shell);
        Path mn = LcfPanelTest.sample("MnO.dat");
        browser.addFiles(List.of(mn, ImportTest.MRCAT));
        browser.lastJob().join();
        Ui.settle();
        Scan scan = DetectorRegistry.load().read(ImportTest.MRCAT);
        XasInput.Selection choice = new XasInput.Selection("energy", null, "fluorescence", "mcs3", null, "mcs4+mcs5", null, null);
        ImportPanel.restoreChoices(Map.of(String.join("|", scan.channels().keySet()), choice));
        Path file = tmp.resolve("beamtime.edgeworks-session.json");
        Session.save(file, browser);
        assertTrue(Files.readString(file).contains("\"import_choices\""), Files.readString(file));
        shell.dispose();

        ImportPanel.restoreChoices(Map.of());
        shell = Ui.shell("session reopened", 600, 400);
        DataBrowserPanel reopened = new DataBrowserPanel(shell, SWT.NONE, tmp.resolve("recent"));
        Ui.open(shell);
        Session.load(file, reopened);
        reopened.lastJob().join();
        Ui.settle();
        assertEquals(List.of(mn.toAbsolutePath(), ImportTest.MRCAT.toAbsolutePath()),
                reopened.files().stream().map(f -> f.path().toAbsolutePath()).toList());
        assertEquals(choice, ImportPanel.remembered(scan));
        // the raw scan opens as the remembered mu: (mcs4 + mcs5) / mcs3
        Spectrum s = assertInstanceOf(Spectrum.class, DataOpener.openFile(ImportTest.MRCAT));
        Map<String, double[]> raw = ImportTest.columns(ImportTest.MRCAT);
        assertEquals((raw.get("mcs4")[0] + raw.get("mcs5")[0]) / raw.get("mcs3")[0], s.signal()[0], 1e-12);
    }
}
