package org.edgeworks.detector.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.EnergyUnits;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.nexus.DefaultPlot;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;

/**
 * A XANES imaging stack in NeXus/HDF5 (full-field TXM, or a mapped stack): the NXdata default
 * plot's 3-D signal (energy, y, x) is the IMAGE_STACK and its axis of dimension 0 the ENERGY
 * (eV; keV by {@code @units} converted; without a unit {@link EnergyUnits} decides and the
 * decision is noted as {@code note.energy}). Every other numeric dataset of the file is a channel
 * too (OTHER), named by its path, so a caller can name the images, the
 * energies or a flat field by path ({@code xas stack --data --energy-path --flat FILE:PATH})
 * whatever the file's default plot. Nothing is read but the energies: the images stay lazy and
 * are read band by band into the caller's buffer (the nexus channel of a 3-D dataset is a
 * {@link org.edgeworks.core.data.FrameSource}).
 *
 * <p>Recognised (score 8) when the default plot's signal is 3-D with an axis of dimension 0,
 * 4 without one; a raw RIXS NeXus (an NXdetector stack with its NXmonochromator) stays
 * org.edgeworks.detector.rixsccd's.
 */
public final class StackNexusDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.stack";

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return NexusScans.recognise(file, probe, (nx, root) -> {
            Optional<DefaultPlot> plot = DefaultPlot.find(root);
            if (plot.isEmpty() || nx.shape(plot.get().signal()).length != 3) return 0;
            return axis0(plot.get()).isEmpty() ? 4 : 8;
        });
    }

    private static String axis0(DefaultPlot plot) {
        String a = plot.axes().isEmpty() ? "" : plot.axes().get(0);
        return a == null || a.equals(".") ? "" : a;
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            NexusNode root = nx.tree();
            Optional<DefaultPlot> plot = DefaultPlot.find(root);
            String signal = "", energy = "";
            if (plot.isPresent() && nx.shape(plot.get().signal()).length == 3) {
                signal = plot.get().signal();
                energy = axis0(plot.get());
            }
            List<NexusNode> datasets = new ArrayList<>();
            NexusScans.walk(root, n -> { if (numeric(n)) datasets.add(n); });
            List<Channel> channels = new ArrayList<>();
            Map<String, String> meta = new LinkedHashMap<>();
            List<String> seen = new ArrayList<>();
            // the default plot's images and energies first: they are the scan's IMAGE_STACK and ENERGY
            for (String first : List.of(signal, energy))
                for (NexusNode n : datasets) if (n.path().equals(first) && !seen.contains(first)) add(nx, n, signal, energy, channels, meta, seen);
            for (NexusNode n : datasets) if (!seen.contains(n.path())) add(nx, n, signal, energy, channels, meta, seen);
            if (!signal.isEmpty()) {
                meta.put("default_plot", plot.get().nxdata());
                meta.put("signal", signal);
                meta.put("layout", "image stack " + java.util.Arrays.toString(nx.shape(signal)));
            }
            return new Scan(file, plot.map(DefaultPlot::nxdata).orElse("/"), ID, channels, meta);
        }
    }

    /** A dataset that may hold numbers (not a group, a dangling link, a string or an unreadable type). */
    private static boolean numeric(NexusNode n) {
        return !n.isGroup() && !n.dangling() && n.children().isEmpty() && !n.type().isEmpty() && !"string".equals(n.type())
            && !n.type().startsWith("committed datatype") && !n.type().startsWith("unreadable") && n.shape().length >= 1;
    }

    private static void add(NexusFile nx, NexusNode n, String signal, String energy, List<Channel> channels, Map<String, String> meta,
                            List<String> seen) throws EdgeworksException {
        seen.add(n.path());
        Channel c;
        try {
            c = NexusScans.channel(nx, n, n.path(), n.path().equals(signal) ? ChannelRole.IMAGE_STACK : ChannelRole.OTHER);
        } catch (EdgeworksException why) {
            if (n.path().equals(signal) || n.path().equals(energy)) throw why;
            meta.put("note.skipped." + n.path(), "skipped " + n.path() + ": " + why.problem()); // disables only itself
            return;
        }
        if (n.path().equals(energy) && n.shape().length == 1) {
            double[] e = c.readDoubles(nx.path().toString());
            EnergyUnits.Decision d = EnergyUnits.decide(n.path(), c.unit(), e);
            if (d.note() != null) meta.put("note.energy", d.note());
            c = new Channel(c.name(), ChannelRole.ENERGY, d.unit() == Unit.NONE ? Unit.EV : d.unit(), c.data(), c.sourcePath());
        }
        channels.add(c);
    }
}
