package org.edgeworks.ui.widgets;

import java.io.IOException;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.january.DatasetException;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.rixs.BuildMap;
import org.edgeworks.rixs.RawStack;

/**
 * Map building as a cancellable job step: the map-building processor runs unchanged on the raw stack, whose
 * frames are read through a lazy dataset that reports each frame to the job's progress monitor and refuses
 * to read once the user pressed cancel (the builder then stops at its next frame: well within a second).
 * Plumbing only; the numbers are the processor's.
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
     * record of the map-building processor (the mRIXS build panel's form), progress per frame, stopping on cancel.
     */
    public static org.edgeworks.core.processing.Result<BuildMap.MapBuild> build(RawStack stack, IProgressMonitor monitor,
                                                                              Record parameters) throws EdgeworksException {
        monitor.beginTask("Building the map of " + stack.name(), stack.frameCount() + 8);
        try {
            RawStack watched = new RawStack(stack.name(), watched(stack.frames(), monitor), stack.excitation(), stack.i0(),
                    stack.countTime(), stack.dark(), stack.repeats());
            org.edgeworks.core.processing.Result<BuildMap.MapBuild> r =
                    Processors.apply(Processors.registry().get(BuildMap.ID), watched, parameters);
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

    /** The frames as a lazy dataset whose every slice checks the monitor first and counts one unit of work. */
    static ILazyDataset watched(ILazyDataset frames, IProgressMonitor monitor) {
        ILazyLoader loader = new ILazyLoader() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isFileReadable() { return true; }

            @Override
            public IDataset getDataset(IMonitor mon, SliceND slice) throws IOException {
                if (monitor.isCanceled()) throw new IOException("cancelled by the user");
                try {
                    IDataset d = frames.getSlice(slice);
                    synchronized (monitor) { monitor.worked(1); }
                    return d;
                } catch (DatasetException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        };
        return new LazyDataset(loader, frames.getName(), DoubleDataset.class, frames.getShape());
    }
}
