package org.edgeworks.detector.rixsccd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
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
 * RIXS spectrometer data in NeXus, two layouts:
 * <ul>
 * <li>raw: an NXdetector whose {@code data} is a frames x rows x columns stack (rows =
 * non-dispersive, columns = dispersive pixels) with {@code count_time} per frame and optional
 * dark frames ({@code dark} or {@code dark_data}), the NXmonochromator {@code energy} per frame
 * (eV or keV by @units), and the NXmonitor {@code data} as I0. The stack stays lazy: the map
 * builder reads one frame at a time, so the file stays open while the scan is in use.</li>
 * <li>reduced: an NXdata whose signal is points x channels with @axes naming an excitation and an
 * emission axis: already-reduced emission spectra with an NXmonitor I0 (e.g. an SDD's, for iPFY),
 * or a map ({@code rixs build}'s NAME.map.nxs, no monitor). Channels {@code excitation} (ENERGY),
 * {@code emission} (EMISSION_AXIS), {@value #SPECTRA} and, when the file has them,
 * {@value #SPECTRA_ERRORS} (lazy), and I0. Energies without a unit: {@link EnergyUnits}, noted.</li>
 * </ul>
 */
public final class RixsCcdDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.rixsccd";

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        if (!probe.isHdf5()) return 0;
        try (NexusFile nx = NexusFile.open(file)) {
            NexusNode root = nx.tree();
            if (stackDetector(root).isPresent() && monochromatorEnergy(root).isPresent()) return 12;
            return reduced(root).isPresent() ? 12 : 0;
        } catch (EdgeworksException | RuntimeException e) {
            return 0;
        }
    }

    static Optional<NexusNode> stackDetector(NexusNode root) {
        return NexusScans.groups(root, "NXdetector").stream()
            .filter(d -> { NexusNode data = NexusScans.dataset(d, "data"); return data != null && data.shape().length == 3; })
            .findFirst();
    }

    static Optional<NexusNode> monochromatorEnergy(NexusNode root) {
        return NexusScans.groups(root, "NXmonochromator").stream().map(m -> NexusScans.dataset(m, "energy"))
            .filter(e -> e != null && e.shape().length == 1).findFirst();
    }

    /** An NXdata with a 2-D signal whose axes are an excitation and an emission energy. */
    static Optional<DefaultPlot> reduced(NexusNode root) {
        for (NexusNode d : NexusScans.groups(root, "NXdata")) {
            String axes = String.valueOf(d.attribute("axes")).toLowerCase(java.util.Locale.ROOT);
            if (!axes.contains("emission") || !axes.contains("excitation")) continue;
            NexusNode signal = d.attribute("signal") == null ? null : NexusScans.dataset(d, d.attribute("signal"));
            if (signal == null || signal.shape().length != 2) continue;
            NexusNode ex = axis(d, "excitation", signal.shape()[0]), em = axis(d, "emission", signal.shape()[1]);
            if (ex == null || em == null) continue;
            return Optional.of(new DefaultPlot(d.path(), signal.path(), List.of(ex.path(), em.path())));
        }
        return Optional.empty();
    }

    /**
     * The 1-D axis dataset of the NXdata named {@code what} ("excitation", "emission"), else the one
     * whose name contains it ({@code excitation_energy}, {@code emission_energy}: the layout of
     * {@code rixs build} maps and of SDD scans), of the given length; null when none.
     */
    static NexusNode axis(NexusNode nxdata, String what, int length) {
        NexusNode exact = NexusScans.dataset(nxdata, what);
        if (exact != null && exact.shape().length == 1 && exact.shape()[0] == length) return exact;
        for (NexusNode c : nxdata.children()) {
            NexusNode ds = NexusScans.dataset(nxdata, c.name());
            if (ds != null && c.name().toLowerCase(java.util.Locale.ROOT).contains(what) && ds.shape().length == 1 && ds.shape()[0] == length)
                return ds;
        }
        return null;
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        NexusFile nx = NexusFile.open(file);
        boolean keepOpen = false;
        try {
            NexusNode root = nx.tree();
            List<Channel> channels = new ArrayList<>();
            Map<String, String> meta = new LinkedHashMap<>();
            Optional<NexusNode> det = stackDetector(root);
            Optional<NexusNode> energy = monochromatorEnergy(root);
            String entry;
            if (det.isPresent() && energy.isPresent()) {
                NexusNode d = det.get();
                NexusNode data = NexusScans.dataset(d, "data");
                channels.add(NexusScans.channel(nx, data, "frames", ChannelRole.IMAGE_STACK));
                keepOpen = true;
                int frames = data.shape()[0];
                channels.add(counter(nx, energy.get(), "excitation", ChannelRole.ENERGY, frames, meta));
                NexusNode t = NexusScans.dataset(d, "count_time");
                if (t != null) channels.add(counter(nx, t, "count_time", ChannelRole.COUNT_TIME, frames));
                for (String dark : List.of("dark", "data_dark", "dark_data", "dark_frames")) {
                    NexusNode dn = NexusScans.dataset(d, dark);
                    if (dn != null && (dn.shape().length == 2 || dn.shape().length == 3)) {
                        channels.add(NexusScans.channel(nx, dn, "dark", ChannelRole.DARK));
                        break;
                    }
                }
                for (NexusNode mon : NexusScans.groups(root, "NXmonitor")) {
                    NexusNode md = NexusScans.dataset(mon, "data");
                    if (md != null && md.shape().length == 1) { channels.add(counter(nx, md, "I0", ChannelRole.I0, frames)); break; }
                }
                entry = d.path();
                meta.put("layout", "raw image stack " + Arrays.toString(data.shape()));
            } else {
                DefaultPlot p = reduced(root).orElseThrow(() -> new EdgeworksException(file, "/",
                    "no NXdetector image stack with NXmonochromator/energy and no NXdata with excitation/emission axes"));
                NexusNode sig = find(root, p.signal()), ex = find(root, p.axes().get(0)), em = find(root, p.axes().get(1));
                int points = sig.shape()[0];
                channels.add(counter(nx, ex, "excitation", ChannelRole.ENERGY, points, meta));
                channels.add(counter(nx, em, "emission", ChannelRole.EMISSION_AXIS, sig.shape()[1], meta));
                // lazy: the adapter reads them (org.edgeworks.pipeline.emissionSpectra, .rixsMap)
                channels.add(counts(NexusScans.channel(nx, sig, SPECTRA, ChannelRole.OTHER)));
                NexusNode err = errors(find(root, p.nxdata()), sig);
                if (err != null) {
                    if (!Arrays.equals(err.shape(), sig.shape()))
                        throw new EdgeworksException(file, err.path(), "errors are " + Arrays.toString(err.shape()) + ", the signal " + Arrays.toString(sig.shape()));
                    channels.add(counts(NexusScans.channel(nx, err, SPECTRA_ERRORS, ChannelRole.OTHER)));
                }
                for (NexusNode mon : NexusScans.groups(root, "NXmonitor")) {
                    NexusNode md = NexusScans.dataset(mon, "data");
                    if (md != null && md.shape().length == 1) { channels.add(counter(nx, md, "I0", ChannelRole.I0, points)); break; }
                }
                entry = p.nxdata();
                meta.put("layout", "reduced emission spectra " + Arrays.toString(sig.shape()));
            }
            return new Scan(file, entry, ID, channels, meta);
        } finally {
            if (!keepOpen) nx.close();
        }
    }

    /** Name of the reduced layout's signal channel ([points, channels]) and of its standard deviations. */
    public static final String SPECTRA = "spectra", SPECTRA_ERRORS = "spectra_errors";

    /** The NeXus FIELDNAME_errors of the signal (or {@code errors} beside a signal named {@code data}), or null. */
    private static NexusNode errors(NexusNode nxdata, NexusNode signal) {
        if (nxdata == null) return null;
        NexusNode e = NexusScans.dataset(nxdata, signal.name() + "_errors");
        return e == null && signal.name().equals("data") ? NexusScans.dataset(nxdata, "errors") : e;
    }

    private static Channel counts(Channel c) {
        return new Channel(c.name(), c.role(), Unit.COUNTS, c.data(), c.sourcePath());
    }

    private static NexusNode find(NexusNode root, String path) {
        NexusNode[] hit = new NexusNode[1];
        NexusScans.walk(root, n -> { if (n.path().equals(path) && hit[0] == null) hit[0] = n; });
        return hit[0];
    }

    /** A per-frame 1-D value read whole; its length must match the frames. */
    static Channel counter(NexusFile nx, NexusNode node, String name, ChannelRole role, int expected) throws EdgeworksException {
        return counter(nx, node, name, role, expected, null);
    }

    /**
     * As above; an excitation or emission energy keeps its declared unit (keV read as eV by
     * {@link Channel#readDoubles}), and without one {@link EnergyUnits} decides, its note put
     * into {@code meta} ({@code note.energy}, {@code note.emission}) so it is reported.
     */
    static Channel counter(NexusFile nx, NexusNode node, String name, ChannelRole role, int expected, Map<String, String> meta)
            throws EdgeworksException {
        double[] v = nx.readDoubles(node.path());
        if (v.length != expected)
            throw new EdgeworksException(nx.path(), node.path(), name + " has " + v.length + " values for " + expected + " frames/points");
        Unit unit = Unit.parse(node.attribute("units"));
        if (role == ChannelRole.ENERGY || role == ChannelRole.EMISSION_AXIS) {
            EnergyUnits.Decision d = EnergyUnits.decide(node.path(), unit, v);
            unit = d.unit();
            if (d.note() != null && meta != null) meta.put(role == ChannelRole.ENERGY ? "note.energy" : "note.emission", d.note());
        }
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, v);
        d.setName(name);
        return new Channel(name, role, unit, d, node.path());
    }
}
