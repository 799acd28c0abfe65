package org.edgeworks.detector.bliss;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
 * BLISS scan files as the ESRF's Nexus writer lays them out (BLISS documentation, "Nexus
 * writer: data structure"): one root NXentry per scan named {@code N.M} (scan number N, subscan
 * M), holding {@code title} (the scan command), {@code start_time}, {@code measurement/} (an
 * NXcollection with every counter and motor of the scan, mostly links into
 * {@code instrument/}) and {@code instrument/} (NXinstrument: one group per device,
 * {@code positioners/}...). Each entry is a scan ({@link #scans}); the channels are the
 * datasets of {@code measurement/}: 1-D counters by name (energy, I0/It by the usual names), 2-D
 * datasets as MCA spectra. Energy units come from {@code @units}; without them an energy whose
 * values all lie below 100 is keV (BLISS monochromators count in keV), and that is noted.
 */
public final class BlissDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.bliss";
    static final Pattern ENTRY = Pattern.compile("\\d+\\.\\d+");

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return NexusScans.recognise(file, probe, (nx, root) -> entries(root).isEmpty() ? 0 : 15);
    }

    /** Root NXentry groups named N.M with a measurement/ group, in scan order. */
    static List<NexusNode> entries(NexusNode root) {
        List<NexusNode> out = new ArrayList<>();
        for (NexusNode e : root.children()) {
            if (!ENTRY.matcher(e.name()).matches() || !"NXentry".equals(e.nxClass())) continue;
            if (measurement(e) != null) out.add(e);
        }
        out.sort((a, b) -> {
            String[] x = a.name().split("\\."), y = b.name().split("\\.");
            int c = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
            return c != 0 ? c : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
        });
        return out;
    }

    static NexusNode measurement(NexusNode entry) {
        for (NexusNode c : entry.children()) if (c.name().equals("measurement") && !c.dangling() && !c.children().isEmpty()) return c;
        return null;
    }

    @Override
    public List<ScanEntry> scans(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            List<ScanEntry> out = new ArrayList<>();
            for (NexusNode e : entries(nx.tree())) {
                String title = nx.readString("/" + e.name() + "/title").orElse("");
                int points = -1;
                boolean energy = false;
                for (NexusNode d : measurement(e).children()) {
                    if (d.dangling() || !d.children().isEmpty() || d.shape() == null || d.shape().length != 1) continue;
                    if (points < 0) points = d.shape()[0];
                    energy |= role(d.name(), d.attribute("units")) == ChannelRole.ENERGY;
                }
                out.add(new ScanEntry(e.name(), title, points, points > 1 && energy,
                    points <= 1 ? "no 1-D counters" : energy ? "" : "no energy counter in measurement/ (not an energy scan)"));
            }
            return out;
        }
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            List<NexusNode> all = entries(nx.tree());
            if (all.isEmpty()) throw new EdgeworksException(file, "/", "no BLISS scan entry (N.M with measurement/)");
            if (all.size() == 1) return read(file, nx, all.get(0));
            throw Detector.severalScans(file, all.size(), "scans", String.join(", ", all.stream().map(NexusNode::name).toList()), "--scan N.M");
        }
    }

    @Override
    public Scan read(Path file, String scanId) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            String id = scanId.contains(".") ? scanId : scanId + ".1";
            for (NexusNode e : entries(nx.tree())) if (e.name().equals(id)) return read(file, nx, e);
            throw new EdgeworksException(file, "/" + id, "no such scan (scans: " + String.join(", ", entries(nx.tree()).stream().map(NexusNode::name).toList()) + ")");
        }
    }

    private static Scan read(Path file, NexusFile nx, NexusNode entry) throws EdgeworksException {
        String where = "/" + entry.name();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("layout", "BLISS scan entry");
        meta.put("scan", entry.name());
        nx.readString(where + "/title").ifPresent(t -> meta.put("title", t));
        nx.readString(where + "/start_time").ifPresent(t -> meta.put("start_time", t));
        List<Channel> channels = new ArrayList<>();
        boolean haveEnergy = false;
        int points = -1;
        for (NexusNode d : measurement(entry).children()) {
            if (d.dangling() || !d.children().isEmpty() || d.shape() == null || "string".equals(d.type())) continue;
            int rank = d.shape().length;
            if (rank < 1 || rank > 2) continue;
            if (points < 0) points = d.shape()[0];
            if (d.shape()[0] != points)
                throw new EdgeworksException(file, where + "/measurement/" + d.name(), "has " + d.shape()[0] + " points, the scan's counters have " + points);
            ChannelRole role = rank == 2 ? ChannelRole.MCA : role(d.name(), d.attribute("units"));
            if (role == ChannelRole.ENERGY) {
                if (haveEnergy) role = ChannelRole.OTHER;
                haveEnergy = true;
            }
            Channel c = NexusScans.channel(nx, d, d.name(), role);
            if (role == ChannelRole.ENERGY && c.unit() == Unit.NONE) {
                String units = d.attribute("units");
                if (units != null && !units.isBlank())
                    throw new EdgeworksException(file, d.path(), "energy unit '" + units + "' is neither eV nor keV");
                EnergyUnits.Decision u = EnergyUnits.decide(d.name(), Unit.NONE, nx.readDoubles(d.path()));
                meta.put("note.energy", u.note());
                c = new Channel(c.name(), c.role(), u.unit(), c.data(), c.sourcePath());
            }
            channels.add(c);
        }
        if (channels.isEmpty()) throw new EdgeworksException(file, where + "/measurement", "no numeric counters");
        return new Scan(file, where, ID, channels, meta);
    }

    /** The role of a BLISS counter by its usual names (ESRF BM/ID XAS beamlines). */
    static ChannelRole role(String name, String units) {
        String n = name.toLowerCase(Locale.ROOT);
        if (Unit.parse(units).isEnergy() || n.equals("energy") || n.equals("energy_enc") || n.equals("energy_cenc") || n.startsWith("mono")
            || n.equals("ene")) return ChannelRole.ENERGY;
        if (n.equals("i0") || n.equals("iodet") || n.equals("mon") || n.equals("i0_det")) return ChannelRole.I0;
        if (n.equals("it") || n.equals("i1") || n.equals("idet") || n.equals("i1_det")) return ChannelRole.IT;
        if (n.equals("i2") || n.equals("iref")) return ChannelRole.IREF;
        if (n.equals("mu") || n.startsWith("mu_")) return ChannelRole.MU;
        if (n.contains("icr")) return ChannelRole.ICR;
        if (n.contains("ocr")) return ChannelRole.OCR;
        if (n.equals("sec") || n.equals("elapsed_time") || n.equals("count_time")) return ChannelRole.COUNT_TIME;
        return ChannelRole.OTHER;
    }
}
