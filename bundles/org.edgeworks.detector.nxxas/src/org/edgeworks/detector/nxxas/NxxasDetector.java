package org.edgeworks.detector.nxxas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.EnergyUnits;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;

/**
 * Raw XAS in the NXxas layout (docs/science.md#nexus): every NXentry that has them is a scan
 * ({@link #scans}; a file with several is never read as one of them silently). In an entry:
 * NXmonochromator/energy (eV or keV by @units), the NXdetector groups incoming_beam (I0),
 * absorbed_beam (It), fluorescence (If) and electron_yield (TEY), an NXmonitor's data as I0
 * when there is no incoming_beam, and count_time. Counters are 1-D and read whole.
 */
public final class NxxasDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.nxxas";

    /** NXdetector group names and the role they carry. */
    static final Map<String, ChannelRole> DETECTORS = Map.of(
        "incoming_beam", ChannelRole.I0, "absorbed_beam", ChannelRole.IT, "fluorescence", ChannelRole.IF,
        "electron_yield", ChannelRole.TEY, "reference", ChannelRole.IREF);

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return NexusScans.recognise(file, probe, (nx, root) -> {
            NexusNode entry = entry(root);
            return entry == null ? 0 : "NXxas".equals(definition(nx, entry)) ? 10 : 6;
        });
    }

    /** The first NXentry with a monochromator energy and at least one NXxas detector group. */
    static NexusNode entry(NexusNode root) {
        List<NexusNode> all = entries(root);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every NXentry with a monochromator energy and at least one NXxas detector group, in file order. */
    static List<NexusNode> entries(NexusNode root) {
        List<NexusNode> out = new ArrayList<>();
        for (NexusNode e : root.children()) {
            if (!"NXentry".equals(e.nxClass())) continue;
            boolean energy = !NexusScans.groups(e, "NXmonochromator").stream().filter(m -> NexusScans.dataset(m, "energy") != null).toList().isEmpty();
            boolean detector = NexusScans.groups(e, "NXdetector").stream().anyMatch(d -> DETECTORS.containsKey(d.name()) && NexusScans.dataset(d, "data") != null);
            if (energy && detector) out.add(e);
        }
        return out;
    }

    @Override
    public List<ScanEntry> scans(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            List<ScanEntry> out = new ArrayList<>();
            for (NexusNode e : entries(nx.tree())) {
                NexusNode mono = NexusScans.groups(e, "NXmonochromator").stream().filter(m -> NexusScans.dataset(m, "energy") != null).findFirst().orElseThrow();
                int[] shape = NexusScans.dataset(mono, "energy").shape();
                out.add(new ScanEntry(e.name(), nx.readString("/" + e.name() + "/title").orElse(e.name()), shape.length == 1 ? shape[0] : -1, true, ""));
            }
            return out;
        }
    }

    @Override
    public Scan read(Path file, String scanId) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            List<NexusNode> all = entries(nx.tree());
            for (NexusNode e : all) if (e.name().equals(scanId)) return read(file, nx, e);
            throw new EdgeworksException(file, "/" + scanId, "no such NXxas entry (entries: " + String.join(", ", all.stream().map(NexusNode::name).toList()) + ")");
        }
    }

    private static String definition(NexusFile nx, NexusNode entry) throws EdgeworksException {
        NexusNode d = entry.children().stream().filter(c -> c.name().equals("definition")).findFirst().orElse(null);
        return d == null ? "" : nx.readString(d.path()).orElse("");
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            List<NexusNode> all = entries(nx.tree());
            if (all.isEmpty()) throw new EdgeworksException(file, "/", "no NXentry with NXmonochromator/energy and incoming_beam/absorbed_beam");
            if (all.size() > 1)
                throw Detector.severalScans(file, all.size(), "scans", String.join(", ", all.stream().map(NexusNode::name).toList()), "--scan ENTRY");
            return read(file, nx, all.get(0));
        }
    }

    private static Scan read(Path file, NexusFile nx, NexusNode entry) throws EdgeworksException {
        List<Channel> channels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        NexusNode mono = NexusScans.groups(entry, "NXmonochromator").stream().filter(m -> NexusScans.dataset(m, "energy") != null).findFirst().orElseThrow();
        channels.add(counter(nx, NexusScans.dataset(mono, "energy"), "energy", ChannelRole.ENERGY));
        boolean hasI0 = false;
        for (NexusNode det : NexusScans.groups(entry, "NXdetector")) {
            NexusNode data = NexusScans.dataset(det, "data");
            if (data == null || data.shape().length > 1 || !seen.add(det.name())) continue;
            ChannelRole role = DETECTORS.getOrDefault(det.name(), ChannelRole.OTHER);
            hasI0 |= role == ChannelRole.I0;
            channels.add(counter(nx, data, det.name(), role));
        }
        for (NexusNode mon : NexusScans.groups(entry, "NXmonitor")) {
            NexusNode data = NexusScans.dataset(mon, "data");
            if (data == null || data.shape().length > 1) continue;
            channels.add(counter(nx, data, "monitor_" + mon.name(), hasI0 ? ChannelRole.OTHER : ChannelRole.I0));
            hasI0 = true;
        }
        NexusScans.walk(entry, n -> {
            if (n.name().equals("count_time") && n.shape().length == 1 && channels.stream().noneMatch(c -> c.role() == ChannelRole.COUNT_TIME)) {
                try {
                    channels.add(counter(nx, n, "count_time", ChannelRole.COUNT_TIME));
                } catch (EdgeworksException ignored) {
                    // an unreadable count_time is left out; the counters are what matter
                }
            }
        });
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("entry", entry.path());
        meta.put("definition", definition(nx, entry));
        return new Scan(file, entry.path(), ID, channels, meta);
    }

    /** A 1-D counter read whole (small), unit from @units; energies without units: {@link EnergyUnits}. */
    static Channel counter(NexusFile nx, NexusNode node, String name, ChannelRole role) throws EdgeworksException {
        double[] v = nx.readDoubles(node.path());
        Unit unit = Unit.parse(node.attribute("units"));
        if (role == ChannelRole.ENERGY && !unit.isEnergy()) unit = EnergyUnits.decide(name, unit, v).unit();
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, v);
        d.setName(name);
        return new Channel(name, role, unit, d, node.path());
    }
}
