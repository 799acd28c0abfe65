package org.edgeworks.core.processing;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;

/**
 * Progress and cancellation for processors, on January's {@link IMonitor} (the interface its lazy
 * datasets already take): {@code worked(n)} per unit of work, {@code isCancelled()} polled between
 * units. The workbench adapts an Eclipse {@code IProgressMonitor} to it; the command line passes null.
 */
public final class Monitors {
    private Monitors() {}

    /** The one-line error a cancelled step ends with: "SUBJECT: cancelled". */
    public static EdgeworksException cancelled(String subject) {
        return EdgeworksException.of(subject, "cancelled");
    }

    /** Throws {@link #cancelled} when {@code monitor} is cancelled; a null monitor never is. */
    public static void check(IMonitor monitor, String subject) throws EdgeworksException {
        if (monitor != null && monitor.isCancelled()) throw cancelled(subject);
    }

    /** Reports {@code units} of work done (thread-safe for monitors shared by worker threads); null: nothing. */
    public static void worked(IMonitor monitor, int units) {
        if (monitor == null) return;
        synchronized (monitor) {
            monitor.worked(units);
        }
    }
}
