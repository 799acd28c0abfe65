package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.DeglitchProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pipeline view's "Run on files" is the pipeline bundle's runner in an Eclipse Job: a pipeline file with a
 * {@code from} step runs as {@code ./edgeworks run} runs it, a failing file in the middle is reported with its
 * name while the files after it still run, each result carries the raw file and its SHA-256, and cancel stops
 * the run between files.
 */
class PipelineRunnerPanelTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    static final String PIPELINE = """
            {"schema": "edgeworks-pipeline/1", "name": "norm then deglitch",
             "steps": [{"processor": "org.edgeworks.pipeline.mu"},
                       {"processor": "org.edgeworks.xas.normalize", "parameters": {"nnorm": 1}},
                       {"processor": "org.edgeworks.xas.deglitch", "from": "normSpectrum"}]}
            """;

    @Test
    void aFailingFileInTheMiddleIsReportedAndTheRestStillRun(@TempDir Path tmp) throws Exception {
        shell = Ui.shell("pipeline runner", 1000, 600);
        PipelinePanel panel = new PipelinePanel(shell, SWT.NONE);
        Ui.open(shell);
        Path json = Files.writeString(tmp.resolve("p.json"), PIPELINE);
        panel.setSteps(PipelineDocument.load(json));
        assertEquals(2, panel.steps().size(), "the mu adapter is the editor's implicit first step");
        assertEquals("normSpectrum", panel.steps().get(1).from(), "from is kept");

        Path broken = Files.writeString(tmp.resolve("broken.dat"), "not a spectrum\n");
        List<Path> files = List.of(LcfPanelTest.sample("MnO.dat"), LcfPanelTest.sample("Mn2O3x.dat"), broken,
                LcfPanelTest.sample("Pyrolusite.dat"), LcfPanelTest.sample("Mn3O4.dat"));
        List<PipelinePanel.FileRun> runs = new ArrayList<>();
        panel.onFileRun(runs::add);
        Job job = panel.runOnFiles(files);
        job.join();
        Ui.settle();
        assertEquals(IStatus.OK, job.getResult().getSeverity());
        assertEquals(5, runs.size());
        assertTrue(runs.get(2).error() != null && runs.get(2).error().contains("broken.dat"), String.valueOf(runs.get(2).error()));
        assertTrue(panel.status().contains("5 file(s) run, 1 failed"), panel.status());
        for (int i : new int[] {0, 1, 3, 4}) {
            PipelinePanel.FileRun r = runs.get(i);
            assertNull(r.error(), r.file() + ": " + r.error());
            // the last step took the normalised spectrum ("from": "normSpectrum"): 0 before the edge, about 1
            // (white line included) from 50 to 150 eV above where it first reaches one half; the channel says it is norm
            DeglitchProcessor.Deglitched d = assertInstanceOf(DeglitchProcessor.Deglitched.class, r.results().get(0).value());
            Spectrum s = d.spectrum();
            assertEquals("norm", s.channel());
            double[] e = s.energies(), y = s.signal();
            assertEquals(0, y[2], 0.05, r.file() + " pre-edge");
            int half = 0;
            while (y[half] < 0.5) half++;
            double sum = 0;
            int n = 0;
            for (int k = 0; k < e.length; k++) if (e[k] > e[half] + 50 && e[k] < e[half] + 150) { sum += y[k]; n++; }
            assertEquals(1.0, sum / n, 0.25, r.file().toString());
            // provenance: every step of the runner, the raw file and its SHA-256
            assertEquals(3, r.run().steps().size());
            var source = r.results().get(0).provenance().source();
            assertEquals(files.get(i).toAbsolutePath().normalize().toString(), source.file());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(files.get(i)))), source.sha256());
        }
        Ui.screenshot(shell, "tour-07-pipeline-runner-failed-file");
    }

    @Test
    void cancelStopsTheRunBetweenFiles(@TempDir Path tmp) throws Exception {
        shell = Ui.shell("pipeline cancel", 1000, 600);
        PipelinePanel panel = new PipelinePanel(shell, SWT.NONE);
        Ui.open(shell);
        panel.setSteps(PipelineDocument.load(Files.writeString(tmp.resolve("p.json"), PIPELINE)));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 400; i++) files.add(LcfPanelTest.sample("MnO.dat"));
        List<PipelinePanel.FileRun> runs = new ArrayList<>();
        panel.onFileRun(runs::add);
        Job job = panel.runOnFiles(files);
        long end = System.currentTimeMillis() + 60_000;
        while (runs.isEmpty() && System.currentTimeMillis() < end) if (!Ui.display().readAndDispatch()) Thread.sleep(5);
        job.cancel();
        job.join();
        Ui.settle();
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        assertTrue(!runs.isEmpty() && runs.size() < files.size(), runs.size() + " of " + files.size() + " files ran");
        assertTrue(runs.stream().allMatch(r -> r.error() == null), "files before the cancel are whole");
    }
}
