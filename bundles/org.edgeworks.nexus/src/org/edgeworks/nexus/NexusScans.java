package org.edgeworks.nexus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.FileProbe;

/** Helpers detector bundles share to build channels from NeXus trees. */
public final class NexusScans {
    private NexusScans() {}

    /**
     * A lazy channel for a dataset, with its unit from the {@code @units} attribute. Its slices
     * reopen the file, so the channel stays readable after {@code file} is closed.
     */
    public static Channel channel(NexusFile file, NexusNode dataset, String name, ChannelRole role) throws EdgeworksException {
        // checks now (while the file is open) that the dataset holds numbers; reads reopen the file
        ILazyDataset checked = file.lazyDataset(dataset.path());
        ReopeningLoader loader = new ReopeningLoader(file.path(), dataset.path());
        int[] shape = checked.getShape();
        LazyDataset lazy = shape.length == 3 // a frame stack: frames also read into a caller's buffer (FrameSource)
            ? FrameStackDataset.reopening(loader, checked.getName(), shape, file.path(), dataset.path())
            : new LazyDataset(loader, checked.getName(), DoubleDataset.class, shape);
        return new Channel(name, role, Unit.parse(dataset.attribute("units")), lazy, dataset.path());
    }

    /**
     * Like {@link #channel}, but a dataset that cannot be decoded (a filter without decoder, a
     * type that holds no numbers, an unreadable header) still gives a channel: reading it fails
     * with the one-line reason naming the file and the dataset. So one such dataset disables only
     * itself, never the scan or the NXdata group it sits in (issue 13).
     */
    public static Channel channelOrUnreadable(NexusFile file, NexusNode dataset, String name, ChannelRole role) {
        try {
            return channel(file, dataset, name, role);
        } catch (EdgeworksException e) {
            int[] shape = dataset.shape().length > 0 ? dataset.shape() : new int[] {1};
            LazyDataset failing = new LazyDataset(new UnreadableLoader(e), name, DoubleDataset.class, shape);
            return new Channel(name, role, Unit.parse(dataset.attribute("units")), failing, dataset.path());
        }
    }

    /** The loader of a dataset that cannot be read: every slice gives the reason. */
    private static final class UnreadableLoader implements org.eclipse.january.io.ILazyLoader {
        private static final long serialVersionUID = 1L;
        private final EdgeworksException reason;

        UnreadableLoader(EdgeworksException reason) { this.reason = reason; }

        @Override public boolean isFileReadable() { return true; } // January skips loaders that say false and returns null

        @Override
        public org.eclipse.january.dataset.Dataset getDataset(org.eclipse.january.IMonitor mon, org.eclipse.january.dataset.SliceND slice)
            throws SliceReadException {
            throw new SliceReadException(reason);
        }
    }

    /** Visits every node of the tree, depth first. */
    public static void walk(NexusNode node, Consumer<NexusNode> visitor) {
        visitor.accept(node);
        for (NexusNode c : node.children()) walk(c, visitor);
    }

    /** All groups of a NeXus class under a node. */
    public static List<NexusNode> groups(NexusNode root, String nxClass) {
        List<NexusNode> out = new ArrayList<>();
        walk(root, n -> {
            if (nxClass.equals(n.nxClass()) && !n.dangling()) out.add(n);
        });
        return out;
    }

    /** A numeric dataset child by name, or null. */
    public static NexusNode dataset(NexusNode group, String name) {
        for (NexusNode c : group.children())
            if (c.name().equals(name) && !c.dangling() && c.children().isEmpty() && !"string".equals(c.type())) return c;
        return null;
    }

    /** Guesses a role from a dataset name, for generic layouts. */
    public static ChannelRole guessRole(String name, String units) {
        String n = name.toLowerCase(Locale.ROOT);
        if (Unit.parse(units).isEnergy() || n.contains("energy") || n.equals("e")) return ChannelRole.ENERGY;
        if (n.equals("i0") || n.contains("incoming") || n.contains("monitor")) return ChannelRole.I0;
        if (n.equals("it") || n.equals("i1") || n.contains("absorbed") || n.contains("itrans")) return ChannelRole.IT;
        if (n.contains("tey") || n.contains("drain")) return ChannelRole.TEY;
        if (n.contains("tfy")) return ChannelRole.TFY;
        if (n.contains("pfy")) return ChannelRole.PFY;
        if (n.equals("mu") || n.startsWith("mu") || n.contains("xmu")) return ChannelRole.MU;
        if (n.contains("icr")) return ChannelRole.ICR;
        if (n.contains("ocr")) return ChannelRole.OCR;
        if (n.contains("count_time") || n.equals("time")) return ChannelRole.COUNT_TIME;
        return ChannelRole.OTHER;
    }

    /** How an HDF5 detector scores an open file from its tree: 0 = not its layout, higher wins. */
    @FunctionalInterface
    public interface TreeScore {
        int score(NexusFile file, NexusNode root) throws EdgeworksException;
    }

    /**
     * The {@code recognise} of a detector of HDF5 layouts: 0 for a file that is not HDF5 or whose
     * headers cannot be read (a detector that chokes on a file does not recognise it; reading it names
     * the problem), otherwise {@code score} of the open file's tree. Reads headers only.
     */
    public static int recognise(Path file, FileProbe probe, TreeScore score) {
        if (!probe.isHdf5()) return 0;
        try (NexusFile nx = NexusFile.open(file)) {
            return score.score(nx, nx.tree());
        } catch (EdgeworksException | RuntimeException e) {
            return 0;
        }
    }
}
