package org.edgeworks.exafs.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.processing.Result;
import org.edgeworks.exafs.FeffitProcessor;
import org.edgeworks.exafs.WaveletProcessor;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.ui.widgets.ErrorDialogs;
import org.edgeworks.ui.widgets.Sources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancel in the EXAFS panel stops a running shell fit and a running wavelet through the Processor API: the panel's
 * job gives the processor its progress monitor, the processor reports its units of work there (feffit one per model
 * evaluation, the wavelet one per R row) and stops once it is cancelled. The jobs' monitors are the test's (a
 * {@link ProgressProvider}): they count the units and pause on each, so the step is surely still running when the
 * panel's Cancel is pressed, whatever the machine's load. Judged by the outcome (status "cancelled", no result
 * published, no error dialog, the step did not run to its end), never by a time limit; then the same step runs to
 * its end with the ordinary monitor.
 */
class ExafsCancelTest {
    private final AtomicInteger worked = new AtomicInteger();
    private volatile long pauseMillis = 40;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private Shell shell;

    @AfterEach
    void restore() {
        Job.getJobManager().setProgressProvider(null);
        ErrorDialogs.sink = null;
        if (shell != null) shell.dispose();
    }

    /** Job monitors that count each unit of work and pause {@link #pauseMillis} on it (a slow fit, not a different one). */
    private void countingMonitors() {
        Job.getJobManager().setProgressProvider(new ProgressProvider() {
            @Override
            public IProgressMonitor createMonitor(Job job) {
                return new NullProgressMonitor() {
                    @Override
                    public void worked(int work) {
                        worked.addAndGet(work);
                        try {
                            Thread.sleep(pauseMillis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
            }
        });
    }

    private static void dispatch() throws Exception {
        Display d = Display.getDefault();
        long end = System.currentTimeMillis() + 300;
        while (System.currentTimeMillis() < end) {
            while (d.readAndDispatch()) { /* deliver the job's outcome */ }
            Thread.sleep(10);
        }
    }

    private interface Step { Job run() throws Exception; }

    /** Starts the step, presses Cancel once it has reported 3 units, checks the outcome; returns the units reported. */
    private int cancelWhileRunning(ExafsTaskPanel panel, List<Result<?>> published, Step step, String jobName) throws Exception {
        worked.set(0);
        int before = published.size();
        Job job = step.run();
        assertNotNull(job);
        // wait for the processor's own progress (bounded generously for a loaded machine, never a measure)
        long until = System.currentTimeMillis() + 120_000;
        while (worked.get() < 3 && job.getState() != Job.NONE && System.currentTimeMillis() < until) {
            Display.getDefault().readAndDispatch();
            Thread.sleep(5);
        }
        assertTrue(worked.get() >= 3, jobName + ": the processor's progress reaches the job's monitor: " + worked.get());
        assertEquals(Job.RUNNING, job.getState(), jobName + " still running when Cancel is pressed");
        assertTrue(panel.cancelButton().isEnabled(), "Cancel enabled while a step runs");
        panel.cancelButton().notifyListeners(SWT.Selection, new Event());
        job.join();
        dispatch();
        int units = worked.get();
        assertEquals(jobName + ": cancelled", panel.status());
        assertEquals(before, published.size(), "no result published by a cancelled " + jobName);
        assertEquals(List.of(), errors, "a cancel is not an error");
        assertFalse(panel.cancelButton().isEnabled(), "Cancel disabled once the step ended");
        return units;
    }

    /** Runs the step to its end (no pause); returns the units of work it reported. */
    private int runToEnd(ExafsTaskPanel panel, List<Result<?>> published, Step step) throws Exception {
        pauseMillis = 0;
        worked.set(0);
        int before = published.size();
        ExafsTaskPanelTest.await(step.run());
        assertEquals(before + 1, published.size(), panel.status());
        return worked.get();
    }

    @Test
    void cancelStopsARunningFitAndWaveletAndNothingIsPublished() throws Exception {
        ErrorDialogs.sink = errors::add;
        Path samples = ExafsTaskPanelTest.samples(), xdi = samples.resolve("cu_metal_rt.xdi");
        Scan scan = DetectorRegistry.load().read(xdi);
        XasInput.Loaded loaded = XasInput.load(scan, xdi, null, new XasInput.Selection(null, "mutrans", null, null, null, null, null, null));
        Sources.remember(loaded.spectrum(), loaded.source());
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 800);
        ExafsTaskPanel panel = new ExafsTaskPanel(shell, SWT.NONE);
        List<Result<?>> published = new ArrayList<>();
        panel.onResult((source, r) -> published.add(r));
        shell.open();
        panel.add(loaded.spectrum());
        assertFalse(panel.cancelButton().isEnabled(), "Cancel disabled with nothing running");
        ExafsTaskPanelTest.await(panel.runAutobk());
        assertNotNull(panel.chi(), panel.status());
        panel.addPaths(List.of(samples.resolve("feff0001.dat")));
        String name = panel.chi().name();

        countingMonitors();
        int fitStopped = cancelWhileRunning(panel, published, panel::runFit, "shell fit " + name);
        assertEquals(0, panel.fitTable().getItemCount(), "no fit shown");
        int waveletStopped = cancelWhileRunning(panel, published, panel::runWavelet, "wavelet " + name);

        // the same steps, not cancelled, run to their end: the cancel above stopped the processors before it
        int fitUnits = runToEnd(panel, published, panel::runFit);
        assertTrue(panel.lastResult().value() instanceof FeffitProcessor.Fit, panel.status());
        int waveletUnits = runToEnd(panel, published, panel::runWavelet);
        assertTrue(panel.lastResult().value() instanceof WaveletProcessor.Wavelet, panel.status());
        System.out.printf("EXAFS cancel: fit stopped after %d of %d model evaluations, wavelet after %d of %d R rows%n",
            fitStopped, fitUnits, waveletStopped, waveletUnits);
        assertTrue(fitStopped < fitUnits, "the fit stopped before its end: " + fitStopped + " of " + fitUnits);
        assertTrue(waveletStopped < waveletUnits, "the wavelet stopped before its end: " + waveletStopped + " of " + waveletUnits);
        assertEquals(List.of(), errors);
    }
}
