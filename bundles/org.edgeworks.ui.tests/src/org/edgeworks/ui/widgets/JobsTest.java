package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.rixs.RawStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Long work as jobs: a map build reports progress per frame, the UI thread keeps answering while it runs,
 * and cancel stops it at once, with no error dialog. "At once" is counted in frames, not seconds, so the test
 * holds on a loaded machine: after the cancel no frame is read beyond those already being read (at most the
 * builder's frames in flight).
 */
class JobsTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    /**
     * A synthetic raw stack: {@code frames} frames of 16 x 96 pixels, each with a Gaussian elastic line whose
     * column moves with the excitation energy, served slowly ({@code millisPerFrame}, like a detector file on
     * a busy disk) so the build lasts many seconds.
     */
    static RawStack slowStack(int frames, long millisPerFrame) {
        return slowStack(frames, millisPerFrame, new AtomicInteger());
    }

    /** As {@link #slowStack(int, long)}, counting in {@code served} every frame the loader has finished reading. */
    static RawStack slowStack(int frames, long millisPerFrame, AtomicInteger served) {
        int rows = 16, cols = 96;
        double[] excitation = new double[frames], i0 = new double[frames], time = new double[frames];
        for (int f = 0; f < frames; f++) { excitation[f] = 525 + 0.05 * f; i0[f] = 1; time[f] = 1; }
        ILazyLoader loader = new ILazyLoader() {
            private static final long serialVersionUID = 1L;

            @Override public boolean isFileReadable() { return true; }

            @Override
            public IDataset getDataset(IMonitor mon, SliceND slice) throws IOException {
                try {
                    Thread.sleep(millisPerFrame);
                } catch (InterruptedException e) {
                    throw new IOException("interrupted");
                }
                int f = slice.getStart()[0];
                double centre = 20 + 0.05 * f * 2;
                double[] v = new double[rows * cols];
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < cols; c++) v[r * cols + c] = 10 + 1000 * Math.exp(-Math.pow((c - centre) / 1.5, 2));
                served.incrementAndGet();
                return DatasetFactory.createFromObject(DoubleDataset.class, v, 1, rows, cols);
            }
        };
        return new RawStack("slow stack", new LazyDataset(loader, "frames", DoubleDataset.class, frames, rows, cols),
                excitation, i0, time, null);
    }

    @Test
    void cancelStopsAMapBuildAtOnceAndTheUiAnswersMeanwhile() throws Exception {
        shell = Ui.shell("jobs", 400, 200);
        shell.setLayout(new org.eclipse.swt.layout.RowLayout());
        AtomicInteger clicks = new AtomicInteger();
        Button button = new Button(shell, SWT.PUSH);
        button.setText("click me while the map builds");
        button.addListener(SWT.Selection, e -> clicks.incrementAndGet());
        Ui.open(shell);
        AtomicReference<RixsMap> built = new AtomicReference<>();
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger worked = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        RawStack stack = slowStack(400, 40, served); // about 8 s of frame reading on 2 threads
        Job job = UiJobs.schedule(Ui.display(), "Building map", monitor -> MapBuilds.build(stack,
                new org.eclipse.core.runtime.ProgressMonitorWrapper(monitor) {
                    @Override public void worked(int work) { worked.addAndGet(work); super.worked(work); }
                }), built::set, e -> errors.add(e.getMessage()));
        AtomicReference<IStatus> result = new AtomicReference<>();
        AtomicReference<Long> finishedAt = new AtomicReference<>();
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override public void done(IJobChangeEvent event) {
                finishedAt.set(System.nanoTime());
                result.set(event.getResult());
            }
        });
        // the UI thread answers while the build runs: clicks are queued as the display's events are and count only
        // when the UI thread dispatches them; 20 of them handled with the build still running shows the build is
        // not on the UI thread (a build run through the UI thread would end inside one readAndDispatch). The wait
        // is bounded generously (a loaded machine is slow), never used as a measure.
        long until = System.currentTimeMillis() + 60_000;
        while ((clicks.get() < 20 || worked.get() < 5) && System.currentTimeMillis() < until && job.getState() != Job.NONE) {
            Ui.display().asyncExec(() -> button.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event()));
            Ui.display().readAndDispatch();
            Thread.sleep(20);
        }
        assertTrue(clicks.get() >= 20, "the UI thread handled " + clicks.get() + " clicks during the build");
        assertTrue(worked.get() >= 5, "progress per frame: " + worked.get());
        assertEquals(Job.RUNNING, job.getState(), "the build is still running when cancel is pressed");
        Ui.screenshot(shell, "tour-05-job-running");
        long cancelAt = System.nanoTime();
        job.cancel();
        int servedAtCancel = served.get();
        assertTrue(job.join(60_000, null), "job ended");
        double seconds = (finishedAt.get() - cancelAt) / 1e9;
        // the builder holds at most 2 x threads frames in flight (BuildMap's default maxFramesInFlight, threads =
        // the processors); each read checks the cancel before it starts, so only reads already started may finish
        int inFlight = 2 * Runtime.getRuntime().availableProcessors();
        assertTrue(served.get() - servedAtCancel <= inFlight,
                "after cancel only the frames already being read finish: " + (served.get() - servedAtCancel)
                        + " more frames read (at most " + inFlight + " in flight), build ended after " + seconds + " s");
        assertEquals(IStatus.CANCEL, result.get().getSeverity());
        Ui.settle();
        assertEquals(null, built.get(), "no map from a cancelled build");
        assertEquals(List.of(), errors, "a cancel is not an error");
        assertTrue(worked.get() < 400, "stopped before the last frame: " + worked.get());
    }
}
