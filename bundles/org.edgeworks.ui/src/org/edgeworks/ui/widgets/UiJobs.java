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
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    T value = task.call(monitor);
                    if (monitor.isCanceled()) return Status.CANCEL_STATUS;
                    asyncExec(display, () -> onDone.accept(value));
                } catch (EdgeworksException e) {
                    // a task stopped by the user's cancel is not an error to show
                    if (!monitor.isCanceled()) asyncExec(display, () -> onError.accept(e));
                } catch (RuntimeException e) {
                    if (!monitor.isCanceled())
                        asyncExec(display, () -> onError.accept(EdgeworksException.of(name, String.valueOf(e))));
                }
                return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
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
