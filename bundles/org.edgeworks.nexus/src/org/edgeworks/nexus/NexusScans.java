package org.edgeworks.nexus;

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
        LazyDataset lazy = new LazyDataset(new ReopeningLoader(file.path(), dataset.path()), checked.getName(), DoubleDataset.class,
            checked.getShape());
        return new Channel(name, role, Unit.parse(dataset.attribute("units")), lazy, dataset.path());
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
}
