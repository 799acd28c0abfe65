package org.edgeworks.detector.sardana;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;

/**
 * MAX IV Balder scans as Sardana writes them: NXentry/measurement (an NXcollection) holds
 * mono1_energy_acs (eV) and the ALBA electrometer currents, either as datasets
 * "albaem-01_ch1".."albaem-02_ch4" or, in newer files, as external links "albaem_2d_01/channelN/data"
 * into per-detector files. Balder wires ion chambers as I0 = electrometer 1 channels 1+2 and
 * It = electrometer 2 channels 3+4; both sums are given as channels next to the raw currents.
 * Every NXentry with measurement/mono1_energy_acs is a scan ({@link #scans}); a file with
 * several is never read as one of them silently.
 */
public final class BalderDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.sardana.balder";

    private static final Pattern FLAT = Pattern.compile("albaem-0?(\\d+)_ch(\\d+)");
    private static final Pattern NESTED = Pattern.compile("albaem_2d_0?(\\d+)");

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return NexusScans.recognise(file, probe, (nx, root) -> measurement(root) != null || detectorFile(root) != null ? 20 : 0);
    }

    static NexusNode measurement(NexusNode root) {
        List<NexusNode> all = measurements(root);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The measurement/ group of every NXentry that has mono1_energy_acs, in file order. */
    static List<NexusNode> measurements(NexusNode root) {
        List<NexusNode> out = new ArrayList<>();
        for (NexusNode e : root.children()) {
            if (!"NXentry".equals(e.nxClass())) continue;
            for (NexusNode m : e.children())
                if (m.name().equals("measurement") && NexusScans.dataset(m, "mono1_energy_acs") != null) out.add(m);
        }
        return out;
    }

    private static String entryName(NexusNode measurement) {
        String p = strip(measurement.path()).replaceAll("/measurement$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    @Override
    public List<ScanEntry> scans(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            List<ScanEntry> out = new ArrayList<>();
            for (NexusNode m : measurements(nx.tree())) {
                String entry = entryName(m);
                int[] shape = NexusScans.dataset(m, "mono1_energy_acs").shape();
                out.add(new ScanEntry(entry, nx.readString("/" + entry + "/title").orElse(""), shape != null && shape.length == 1 ? shape[0] : -1,
                    true, ""));
            }
            return out;
        }
    }

    @Override
    public Scan read(Path file, String scanId) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            List<NexusNode> all = measurements(nx.tree());
            for (NexusNode m : all) if (entryName(m).equals(scanId)) return readEntry(file, nx, nx.tree(), m);
            throw new EdgeworksException(file, "/" + scanId, "no such scan entry (entries: " + String.join(", ", all.stream().map(BalderDetector::entryName).toList()) + ")");
        }
    }

    /** A per-detector file the master links to: entry/instrument/albaem/data or entry/instrument/pandabox/data. */
    static NexusNode detectorFile(NexusNode root) {
        for (NexusNode e : root.children())
            for (NexusNode inst : e.children())
                for (NexusNode det : inst.children())
                    if ((det.name().equals("albaem") || det.name().equals("pandabox")))
                        for (NexusNode data : det.children()) if (data.name().equals("data") && !data.children().isEmpty()) return data;
        return null;
    }

    /**
     * A per-detector file alone: its currents (I0 from electrometer 01's channels 1+2, It from
     * electrometer 02's channels 3+4, by the file name's albaem_2d_0N) or the PandA energy encoder.
     */
    private Scan readDetectorFile(Path file, NexusFile nx, NexusNode data) throws EdgeworksException {
        List<Channel> channels = new ArrayList<>();
        Map<String, double[]> currents = new LinkedHashMap<>();
        String base = strip(data.path());
        for (NexusNode c : data.children()) {
            NexusNode d = NexusScans.dataset(c, "data");
            if (c.name().startsWith("channel") && d != null) {
                Channel ch = channel(nx, base + "/" + c.name() + "/data", c.name(), ChannelRole.OTHER, Unit.parse(d.attribute("units")));
                channels.add(ch);
                currents.put(c.name().substring("channel".length()), ch.readDoubles(file.toString()));
            } else if (NexusScans.dataset(data, c.name()) != null && c.shape().length == 1) {
                ChannelRole role = c.name().equals("energy") ? ChannelRole.ENERGY : c.name().equals("inttime") ? ChannelRole.COUNT_TIME : ChannelRole.OTHER;
                channels.add(channel(nx, base + "/" + c.name(), c.name(), role, role == ChannelRole.ENERGY ? Unit.EV : Unit.parse(c.attribute("units"))));
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("layout", "Balder per-detector file (the master file links to it)");
        Matcher em = Pattern.compile("albaem_2d_0?(\\d+)").matcher(file.getFileName().toString());
        if (em.find()) {
            Map<String, double[]> keyed = new LinkedHashMap<>();
            currents.forEach((k, v) -> keyed.put(em.group(1) + ":" + k, v));
            sum(channels, keyed, "I0", ChannelRole.I0, "1:1", "1:2", meta);
            sum(channels, keyed, "It", ChannelRole.IT, "2:3", "2:4", meta);
        }
        return new Scan(file, base, ID, channels, meta);
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            NexusNode root = nx.tree();
            List<NexusNode> all = measurements(root);
            if (all.isEmpty() && detectorFile(root) != null) return readDetectorFile(file, nx, detectorFile(root));
            if (all.isEmpty()) throw new EdgeworksException(file, "/", "no NXentry/measurement/mono1_energy_acs (not a Balder Sardana scan)");
            if (all.size() > 1)
                throw Detector.severalScans(file, all.size(), "scans", String.join(", ", all.stream().map(BalderDetector::entryName).toList()), "--scan ENTRY");
            return readEntry(file, nx, root, all.get(0));
        }
    }

    private Scan readEntry(Path file, NexusFile nx, NexusNode root, NexusNode m) throws EdgeworksException {
        List<Channel> channels = new ArrayList<>();
        channels.add(channel(nx, NexusScans.dataset(m, "mono1_energy_acs").path(), "mono1_energy_acs", ChannelRole.ENERGY, Unit.EV));
        // electrometer currents keyed by (electrometer, channel)
        Map<String, double[]> currents = new LinkedHashMap<>();
        for (NexusNode c : m.children()) {
            Matcher flat = FLAT.matcher(c.name());
            Matcher nested = NESTED.matcher(c.name());
            if (flat.matches() && NexusScans.dataset(m, c.name()) != null) {
                Channel ch = channel(nx, c.path(), c.name(), ChannelRole.OTHER, Unit.parse(c.attribute("units")));
                channels.add(ch);
                currents.put(flat.group(1) + ":" + flat.group(2), ch.readDoubles(file.toString()));
            } else if (nested.matches() && !c.dangling()) {
                for (NexusNode sub : c.children()) {
                    NexusNode data = NexusScans.dataset(sub, "data");
                    if (!sub.name().startsWith("channel") || data == null) continue;
                    String name = c.name() + "/" + sub.name();
                    // children of an external link carry paths in the target file: address them through the link
                    String path = strip(m.path()) + "/" + c.name() + "/" + sub.name() + "/data";
                    Channel ch = channel(nx, path, name, ChannelRole.OTHER, Unit.parse(data.attribute("units")));
                    channels.add(ch);
                    currents.put(nested.group(1) + ":" + sub.name().substring("channel".length()), ch.readDoubles(file.toString()));
                }
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        String entry = strip(m.path()).replaceAll("/measurement$", "");
        meta.put("entry", entry);
        meta.put("entries", String.join(", ", root.children().stream().filter(e -> "NXentry".equals(e.nxClass())).map(NexusNode::name).toList()));
        nx.readString(entry + "/title").ifPresent(t -> meta.put("title", t));
        sum(channels, currents, "I0", ChannelRole.I0, "1:1", "1:2", meta);
        sum(channels, currents, "It", ChannelRole.IT, "2:3", "2:4", meta);
        return new Scan(file, entry, ID, channels, meta);
    }

    private static String strip(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void sum(List<Channel> channels, Map<String, double[]> currents, String name, ChannelRole role,
                            String a, String b, Map<String, String> meta) {
        double[] x = currents.get(a), y = currents.get(b);
        if (x == null || y == null || x.length != y.length) return;
        double[] s = new double[x.length];
        for (int i = 0; i < s.length; i++) s[i] = x[i] + y[i];
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, s);
        d.setName(name);
        channels.add(new Channel(name, role, Unit.AMPERE, d, "electrometer " + a + " + " + b));
        meta.put("channel." + name, "sum of electrometer:channel " + a + " and " + b);
    }

    private static Channel channel(NexusFile nx, String path, String name, ChannelRole role, Unit unit) throws EdgeworksException {
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, nx.readDoubles(path));
        d.setName(name);
        return new Channel(name, role, unit, d, path);
    }
}
