package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.nexus.DefaultPlot;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;
import org.edgeworks.pipeline.rixs.RixsFiles;

/**
 * Turns what the user double-clicked into viewer data (a Spectrum or a RixsMap): only data plumbing (which
 * channel, which axes), no science. Reads the one dataset asked for, never the whole file; refuses datasets
 * too large to show whole.
 */
public final class DataOpener {
    /** Largest dataset opened as a whole (a 2000 x 2000 map); bigger stacks go through the map-building processors. */
    public static final long MAX_ELEMENTS = 4_000_000;

    private DataOpener() {}

    /** A whole file: the NeXus default plot, else the detector bundle's scan as a spectrum. */
    public static Object openFile(Path file) throws EdgeworksException {
        return openFile(file, new org.eclipse.core.runtime.NullProgressMonitor());
    }

    /** As {@link #openFile(Path)}, a raw mRIXS stack's map build reporting to (and stopped by) the job's monitor. */
    public static Object openFile(Path file, org.eclipse.core.runtime.IProgressMonitor monitor) throws EdgeworksException {
        // a XANES stack result (xas stack): its maps with the pixel pick
        if (file.getFileName().toString().endsWith(".stack.nxs"))
            return Sources.remember(org.edgeworks.stack.StackResultFile.read(file), file, "/entry");
        if (FileProbe.isHdf5Name(file)) {
            try (NexusFile f = NexusFile.open(file)) {
                NexusNode root = f.tree();
                var plot = DefaultPlot.find(root);
                if (plot.isPresent()) return Sources.remember(fromPlot(f, plot.get()), file, plot.get().signal());
                if (hasImageStack(root)) return Sources.remember(buildMap(file, monitor), file, "image stack (map built)");
            }
        }
        return spectrumOrRaw(DetectorRegistry.load().read(file), file);
    }

    /** One scan of a multi-scan file (SPEC #S, Athena group, BLISS entry) by the id its detector lists. */
    public static Object openScan(Path file, String scanId) throws EdgeworksException {
        return spectrumOrRaw(DetectorRegistry.load().read(file, scanId), file);
    }

    /** One dataset of a NeXus file: 1-D as a spectrum, 2-D as a map (against the NXdata axes when it has them). */
    public static Object openDataset(Path file, NexusNode node) throws EdgeworksException {
        try (NexusFile f = NexusFile.open(file)) {
            NexusNode root = f.tree();
            var plot = DefaultPlot.find(root);
            if (plot.isPresent() && plot.get().signal().equals(node.path())) return Sources.remember(fromPlot(f, plot.get()), file, node.path());
            return Sources.remember(fromPlot(f, new DefaultPlot(parentPath(node.path()), node.path(), List.of())), file, node.path());
        }
    }

    /** A raw mRIXS scan (NXdetector frames x rows x columns): the map-building processor makes the map. */
    static RixsMap buildMap(Path file, org.eclipse.core.runtime.IProgressMonitor monitor) throws EdgeworksException {
        try (RixsFiles.Raw raw = RixsFiles.openRaw(file, null, 1)) {
            return MapBuilds.build(raw.stack(), monitor);
        } catch (EdgeworksException e) {
            throw e;
        } catch (Exception e) {
            throw new EdgeworksException(file, null, "cannot close after building the map: " + e.getMessage(), e);
        }
    }

    private static boolean hasImageStack(NexusNode root) {
        for (NexusNode d : NexusScans.groups(root, "NXdetector")) {
            NexusNode data = NexusScans.dataset(d, "data");
            if (data != null && data.shape().length == 3) return true;
        }
        return false;
    }

    /** The name of the frames' axis (the default plot's axis of dimension 0), or "frame". */
    private static String axisLabel(DefaultPlot plot) {
        List<String> axes = plot.axes();
        return axes.isEmpty() || axes.get(0).isEmpty() || axes.get(0).equals(".") ? "frame" : lastName(axes.get(0));
    }

    static Object fromPlot(NexusFile f, DefaultPlot plot) throws EdgeworksException {
        int[] shape = f.shape(plot.signal());
        long size = 1;
        for (int d : shape) size *= d;
        if (size > MAX_ELEMENTS)
            throw new EdgeworksException(f.path(), plot.signal(), "has " + size + " values; too large to open whole (limit "
                    + MAX_ELEMENTS + "): build a map from it with the pipeline instead");
        double[] signal = f.readDoubles(plot.signal());
        String name = f.path().getFileName() + ":" + plot.signal();
        int rank = shape.length == 0 ? 1 : shape.length;
        double[] errors = errors(f, plot.signal(), shape);
        if (rank == 1) {
            double[] x = axis(f, plot, 0, signal.length);
            return new Spectrum(name, Axis.energy(x), signal, errors, lastName(plot.signal()));
        }
        if (rank == 2) {
            double[] y = axis(f, plot, 0, shape[0]), x = axis(f, plot, 1, shape[1]);
            return RixsMap.of(name, y, x, signal, errors);
        }
        if (rank == 3) {
            // an image stack (energy x y x x, a XANES imaging stack): browsed frame by frame
            double[] z = axis(f, plot, 0, shape[0]);
            int frameSize = shape[1] * shape[2];
            return new org.edgeworks.ui.viewers.ImageFrames(name, shape[0], shape[1], shape[2], z, axisLabel(plot),
                    k -> java.util.Arrays.copyOfRange(signal, k * frameSize, (k + 1) * frameSize));
        }
        throw new EdgeworksException(f.path(), plot.signal(), "is " + rank + "-dimensional; viewers show 1-D spectra, 2-D maps and 3-D image stacks");
    }

    /** The NeXus FIELDNAME_errors of the signal (one standard deviation per value) when it has the signal's shape, else null. */
    private static double[] errors(NexusFile f, String signal, int[] shape) throws EdgeworksException {
        String path = signal + "_errors";
        if (!f.exists(path) || !java.util.Arrays.equals(f.shape(path), shape)) return null;
        return f.readDoubles(path);
    }

    private static double[] axis(NexusFile f, DefaultPlot plot, int dim, int length) throws EdgeworksException {
        if (dim < plot.axes().size() && !plot.axes().get(dim).isEmpty()) {
            double[] a = f.readDoubles(plot.axes().get(dim));
            if (a.length == length) {
                String units = f.attributeStrings(plot.axes().get(dim), "units").stream().findFirst().orElse("");
                return org.edgeworks.core.data.EnergyUnits.toEv(Unit.parse(units), a); // keV by the declared unit, as every reader
            }
        }
        double[] index = new double[length];
        for (int i = 0; i < length; i++) index[i] = i;
        return index;
    }

    /**
     * A raw scan whose mu the user must choose (no recorded mu, and the channels do not decide it): the
     * workbench opens the import dialog on it. {@code reason} is the one-line refusal of the automatic rule.
     */
    public record RawScan(Scan scan, Path file, String reason) {}

    /**
     * A scan as mu, never a raw channel plotted as mu: a recorded mu (a MU channel, or the second column of a
     * two-column file) or the choice remembered for this file layout from the import dialog, both resolved by
     * {@link XasInput#load}, the command line's code; any other scan is a {@link RawScan} for the import
     * dialog, pre-filled by the channel roles (I0 and It: transmission), so the user sees and confirms how mu
     * is made before anything is plotted as mu.
     */
    public static Object spectrumOrRaw(Scan scan, Path file) throws EdgeworksException {
        XasInput.Selection remembered = ImportPanel.remembered(scan);
        boolean recorded = scan.first(ChannelRole.MU).isPresent() || scan.channels().size() == 2;
        if (remembered == null && !recorded)
            return new RawScan(scan, file, "no recorded mu (channels: " + String.join(", ", scan.channels().keySet()) + ")");
        XasInput.Loaded l = XasInput.load(scan, file, null, remembered != null ? remembered : XasInput.Selection.auto());
        Sources.remember(l.spectrum(), l.source());
        return l.spectrum();
    }


    private static String parentPath(String p) {
        int i = p.lastIndexOf('/');
        return i <= 0 ? "/" : p.substring(0, i);
    }

    private static String lastName(String p) {
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
