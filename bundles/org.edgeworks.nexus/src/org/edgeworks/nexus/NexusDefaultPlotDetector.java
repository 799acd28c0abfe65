package org.edgeworks.nexus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;

/**
 * The fallback for any NeXus file: the default plot's signal and axes, the other datasets of
 * that NXdata, and the NXmonitor data as I0. Specific detector bundles outrank it.
 */
public final class NexusDefaultPlotDetector implements Detector {
    public static final String ID = "org.edgeworks.nexus.defaultplot";

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return probe.isHdf5() ? 1 : 0;
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            NexusNode root = nx.tree();
            Optional<DefaultPlot> plot = DefaultPlot.find(root);
            if (plot.isEmpty()) throw new EdgeworksException(file, "/", "no NXdata group with a signal (nothing to plot)");
            DefaultPlot dp = plot.get();
            NexusNode data = find(root, dp.nxdata());
            List<Channel> channels = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (String ax : dp.axes()) {
                if (ax.isEmpty() || !used.add(ax)) continue;
                NexusNode n = find(root, ax);
                channels.add(NexusScans.channelOrUnreadable(nx, n, n.name(), NexusScans.guessRole(n.name(), n.attribute("units"))));
            }
            NexusNode sig = find(root, dp.signal());
            used.add(dp.signal());
            ChannelRole sigRole = NexusScans.guessRole(sig.name(), sig.attribute("units"));
            channels.add(NexusScans.channelOrUnreadable(nx, sig, sig.name(), sigRole == ChannelRole.ENERGY ? ChannelRole.OTHER : sigRole));
            Map<String, String> meta = new LinkedHashMap<>();
            for (NexusNode c : data.children()) {
                // only numeric datasets: links to groups (even cyclic ones, shown without children), strings,
                // compounds (read their members by path) and committed datatypes are left out
                if (used.contains(c.path()) || c.dangling() || !c.children().isEmpty() || c.type().isEmpty() || "string".equals(c.type())
                    || c.type().startsWith("committed datatype") || c.type().startsWith("unreadable")) continue;
                ChannelRole role = NexusScans.guessRole(c.name(), c.attribute("units"));
                Channel ch;
                try {
                    ch = NexusScans.channel(nx, c, c.name(), role);
                } catch (EdgeworksException why) {
                    // a dataset that cannot be decoded disables only itself: skipped with a note
                    meta.put("note.skipped." + c.name(), "skipped " + c.path() + ": " + why.problem());
                    continue;
                }
                channels.add(ch);
                used.add(c.path());
            }
            for (NexusNode mon : NexusScans.groups(root, "NXmonitor")) {
                NexusNode d = NexusScans.dataset(mon, "data");
                if (d != null && used.add(d.path())) channels.add(NexusScans.channel(nx, d, mon.name(), ChannelRole.I0));
            }
            meta.put("default_plot", dp.nxdata());
            meta.put("signal", dp.signal());
            return new Scan(file, dp.nxdata(), ID, channels, meta);
        }
    }

    static NexusNode find(NexusNode root, String path) {
        if (root.path().equals(path)) return root;
        for (NexusNode c : root.children()) {
            if (path.equals(c.path()) || path.startsWith(c.path().endsWith("/") ? c.path() : c.path() + "/")) {
                NexusNode f = find(c, path);
                if (f != null) return f;
            }
        }
        return null;
    }
}
