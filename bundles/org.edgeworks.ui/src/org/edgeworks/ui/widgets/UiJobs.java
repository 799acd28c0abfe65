package org.edgeworks.ui.widgets;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.edgeworks.core.EdgeworksException;

/**
 * Long work (loading files, building maps, running pipelines) as an Eclipse Job: progress and cancel in the
 * workbench's progress area, results and errors delivered back on the UI thread, so the UI never freezes.
 */
public final class UiJobs {
    private UiJobs() {}

    /** The work: reports progress on the monitor and checks {@link IProgressMonitor#isCanceled()}. */
    public interface Task<T> {
        T call(IProgressMonitor monitor) throws EdgeworksException;
    }

    /** Schedules the task; {@code onDone} / {@code onError} run on the display's thread unless the job was cancelled. */
    public static <T> Job schedule(Display display, String name, Task<T> task, Consumer<T> onDone,
                                   Consumer<EdgeworksException> onError) {
        return schedule(display, name, task, onDone, onError, () -> {});
    }

    /**
     * As {@link #schedule(Display, String, Task, Consumer, Consumer)}; a cancelled job runs {@code onCancelled} on the
     * display's thread instead (whatever the task returned or threw after the cancel is dropped).
     */
    public static <T> Job schedule(Display display, String name, Task<T> task, Consumer<T> onDone,
                                   Consumer<EdgeworksException> onError, Runnable onCancelled) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Runnable outcome;
                try {
                    T value = task.call(monitor);
                    outcome = () -> onDone.accept(value);
                } catch (EdgeworksException e) {
                    outcome = () -> onError.accept(e);
                } catch (RuntimeException e) {
                    outcome = () -> onError.accept(EdgeworksException.of(name, String.valueOf(e)));
                }
                // a task stopped by the user's cancel is not an error to show, and what it returned is dropped
                boolean cancelled = monitor.isCanceled();
                asyncExec(display, cancelled ? onCancelled : outcome);
                return cancelled ? Status.CANCEL_STATUS : Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    private static void asyncExec(Display display, Runnable r) {
        if (!display.isDisposed()) display.asyncExec(r);
    }
}
