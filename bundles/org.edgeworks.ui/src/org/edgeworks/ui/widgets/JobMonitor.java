package org.edgeworks.ui.widgets;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.january.IMonitor;

/**
 * An Eclipse Job's {@link IProgressMonitor} as January's {@link IMonitor}, the monitor of the Processor API
 * ({@code Processor.apply(input, params, monitor)}, {@code PipelineRunner.process}): the processor's units of work
 * go to the job's progress and the job's Cancel is the processor's {@code isCancelled()}. The one adapter of the
 * workbench ({@link TaskPanel#runJob}, {@link MapBuilds}, the Pipeline view); core stays free of Eclipse's runtime.
 * Processors report from worker threads through {@code Monitors.worked}, which synchronizes on this object.
 */
public record JobMonitor(IProgressMonitor job) implements IMonitor {
    /** The job's monitor as January's; a null monitor stays null (no progress, never cancelled). */
    public static IMonitor of(IProgressMonitor job) {
        return job == null ? null : new JobMonitor(job);
    }

    @Override
    public void worked(int amount) { job.worked(amount); }

    @Override
    public boolean isCancelled() { return job.isCanceled(); }

    @Override
    public void subTask(String name) { job.subTask(name); }
}
