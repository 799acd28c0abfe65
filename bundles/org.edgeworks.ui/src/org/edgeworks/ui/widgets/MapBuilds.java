package org.edgeworks.ui.widgets;

import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;
import org.edgeworks.rixs.BuildMap;
import org.edgeworks.rixs.RawStack;

/**
 * Map building as a cancellable job step through the Processor API: the map-building processor's monitored
 * {@code apply(stack, params, monitor)} with the job's monitor as its {@link IMonitor} ({@link JobMonitor}): one
 * unit of progress per frame streamed, and a cancel stops it at its next excitation point (the frames already being
 * read finish, at most its frames in flight; its worker threads are stopped). Plumbing only; the numbers are the
 * processor's.
 */
public final class MapBuilds {
    private MapBuilds() {}

    /** Builds the map with the processor's defaults, progress per frame, stopping on cancel (then throws). */
    public static RixsMap build(RawStack stack, IProgressMonitor monitor) throws EdgeworksException {
        return build(stack, monitor, Map.of());
    }

    public static RixsMap build(RawStack stack, IProgressMonitor monitor, Map<String, ?> parameters) throws EdgeworksException {
        return build(stack, monitor, Processors.parameters(Processors.registry().get(BuildMap.ID), parameters)).value().map();
    }

    /**
     * The whole build result (map, curvature and calibration fits, straightened spectra, notes) with a parameter
     * record of the map-building processor (the mRIXS build panel's form), progress per frame, stopping on cancel
     * ("NAME: map build cancelled", no map).
     */
    public static Result<BuildMap.MapBuild> build(RawStack stack, IProgressMonitor monitor, Record parameters) throws EdgeworksException {
        monitor.beginTask("Building the map of " + stack.name(), stack.frameCount());
        try {
            Result<BuildMap.MapBuild> r = Processors.apply(Processors.registry().get(BuildMap.ID), stack, parameters, JobMonitor.of(monitor));
            if (monitor.isCanceled()) throw cancelled(stack.name());
            return r;
        } catch (EdgeworksException e) {
            throw monitor.isCanceled() ? cancelled(stack.name()) : e;
        } finally {
            monitor.done();
        }
    }

    private static EdgeworksException cancelled(String name) {
        return EdgeworksException.of(name, "map build cancelled");
    }
}
