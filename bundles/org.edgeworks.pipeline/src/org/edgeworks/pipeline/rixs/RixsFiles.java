package org.edgeworks.pipeline.rixs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.eclipse.january.dataset.ILazyDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;
import org.edgeworks.rixs.EmissionSpectra;
import org.edgeworks.rixs.InversePartialYield;
import org.edgeworks.rixs.RawStack;
import org.edgeworks.pipeline.ScanToRawStack;
import org.edgeworks.rixs.FrameTable;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

/**
 * Reading RIXS inputs for the command line (raw NeXus stacks laid out with the standard base
 * classes, TIFF frames with a sidecar table, maps and reduced emission spectra as NXdata) and
 * writing maps as NeXus NXdata with an NXprocess. The processors never see a file: this class
 * hands them lazy datasets and arrays.
 */
public final class RixsFiles {
    private RixsFiles() {}

    /** A raw stack and what keeps it readable (the open NeXus file, if any). */
    public record Raw(RawStack stack, SourceRef source, AutoCloseable resource) implements AutoCloseable {
        @Override public void close() throws Exception { if (resource != null) resource.close(); }
    }

    /** The detector bundles (read once): raw RIXS NeXus and TIFF frames are recognised by them only. */
    private static volatile DetectorRegistry detectors;

    private static DetectorRegistry detectors() {
        if (detectors == null) detectors = DetectorRegistry.load();
        return detectors;
    }

    /** A raw scan: a NeXus file, a multi-page TIFF or a folder of TIFF frames (with its table). */
    public static Raw openRaw(Path file, Path table, int repeats) throws EdgeworksException {
        return openRaw(file, table, null, null, repeats);
    }

    /**
     * Whether the file is an image stack (TIFF, a folder of TIFFs, or NeXus with an NXdetector
     * frames x rows x columns) rather than reduced emission spectra (a 2-D NXdata with a monitor):
     * whether the detector bundle that recognises it finds an IMAGE_STACK channel.
     */
    public static boolean isImageStack(Path file) throws EdgeworksException {
        try {
            return detectors().read(file).first(ChannelRole.IMAGE_STACK).isPresent();
        } catch (EdgeworksException e) {
            return false; // not recognised as a stack: the reduced-spectra road names the problem
        }
    }

    /**
     * The same; the road is Detector -> Scan -> adapter as for every input: the detector bundle
     * that recognises the file (org.edgeworks.detector.rixsccd: raw NeXus, TIFF frames) gives a
     * Scan, the {@code org.edgeworks.pipeline.rawStack} adapter makes the RawStack. For TIFF frames
     * the excitation energies and I0 come from the table beside them (NAME.csv/.txt), or from
     * {@code table}, or are given directly ({@code energies}, {@code i0Values}; I0 default 1).
     */
    public static Raw openRaw(Path file, Path table, double[] energies, double[] i0Values, int repeats) throws EdgeworksException {
        Scan scan = detectors().read(file);
        Channel frames = scan.first(ChannelRole.IMAGE_STACK).orElseThrow(() -> new EdgeworksException(file, "/",
            "no NXdetector with 3-D data (frames x rows x columns)"));
        int n = frames.shape()[0];
        if (table != null || scan.first(ChannelRole.ENERGY).isEmpty()) scan = withFrameValues(scan, file, table, energies, i0Values, n, repeats);
        else if (scan.first(ChannelRole.IMAGE_STACK).get().sourcePath().isEmpty()) // frames with their own table beside them
            FrameTable.check(Path.of(scan.metadata().getOrDefault("table", file.toString())), scan.require(ChannelRole.ENERGY).shape()[0], n, repeats);
        RawStack s = new ScanToRawStack().apply(scan, new ScanToRawStack.Params(Math.max(1, repeats))).value();
        RawStack stack = new RawStack(baseName(file), s.frames(), s.excitation(), s.i0(), s.countTime(), s.dark(), s.repeats());
        String sha = Files.isDirectory(file) ? "" : org.edgeworks.core.io.Checksums.sha256(file);
        return new Raw(stack, new SourceRef(file.toAbsolutePath().toString(), frames.sourcePath(), sha), null);
    }

    private static double[] inEv(double[] v, NexusNode node) {
        if (Unit.parse(node.attribute("units")) == Unit.KEV) for (int i = 0; i < v.length; i++) v[i] *= 1000;
        return v;
    }

    /**
     * Frames that carry no excitation energies (TIFF without a table beside them): the scan with
     * ENERGY/I0/COUNT_TIME from {@code table}, else from the values given, else a one-line refusal.
     */
    private static Scan withFrameValues(Scan scan, Path input, Path table, double[] energies, double[] i0, int frames, int repeats)
            throws EdgeworksException {
        List<Channel> values;
        if (table != null) values = FrameTable.channels(table, frames, repeats);
        else if (energies != null) values = FrameTable.given(input, energies, i0, frames, repeats);
        else throw new EdgeworksException(input, null, "TIFF frames need their excitation energies and I0: give --table FILE, put "
            + baseName(input) + ".csv next to it, or give --excitation-energies (and --i0)");
        List<Channel> channels = new ArrayList<>();
        for (Channel c : scan.channels().values())
            if (c.role() != ChannelRole.ENERGY && c.role() != ChannelRole.I0 && c.role() != ChannelRole.COUNT_TIME) channels.add(c);
        channels.addAll(values);
        return new Scan(scan.source(), scan.entryPath(), scan.detectorId(), channels, scan.metadata());
    }

    /** A 2-D NXdata: its signal and its two axes (eV), and whether the file has an NXmonitor I0. */
    /** errors: the NeXus FIELDNAME_errors of the signal (flattened, row-major), or null. */
    record Plane(String name, double[] first, double[] second, double[][] signal, double[] i0, double[] errors) {}

    static Plane readPlane(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            NexusNode root = nx.tree();
            for (NexusNode g : NexusScans.groups(root, "NXdata")) {
                String signal = g.attribute("signal");
                if (signal == null) continue;
                NexusNode s = NexusScans.dataset(g, signal);
                if (s == null || s.shape().length != 2) continue;
                String gp = g.path().length() > 1 && g.path().endsWith("/") ? g.path().substring(0, g.path().length() - 1) : g.path();
                List<String> axes = nx.attributeStrings(gp, "axes");
                if (axes.size() != 2)
                    throw new EdgeworksException(file, g.path(), "@axes must name the excitation and emission axes, found " + axes);
                NexusNode a0 = NexusScans.dataset(g, axes.get(0)), a1 = NexusScans.dataset(g, axes.get(1));
                if (a0 == null || a1 == null) throw new EdgeworksException(file, g.path(), "@axes names missing datasets " + axes);
                double[] first = inEv(nx.readDoubles(a0.path()), a0), second = inEv(nx.readDoubles(a1.path()), a1);
                int[] sh = s.shape();
                if (sh[0] != first.length || sh[1] != second.length)
                    throw new EdgeworksException(file, s.path(), "signal is " + sh[0] + " x " + sh[1] + " but the axes have "
                        + first.length + " and " + second.length + " values");
                double[] flat = nx.readDoubles(s.path());
                double[][] rows = new double[sh[0]][];
                for (int i = 0; i < sh[0]; i++) rows[i] = Arrays.copyOfRange(flat, i * sh[1], (i + 1) * sh[1]);
                double[] i0 = null;
                for (NexusNode m : NexusScans.groups(root, "NXmonitor")) {
                    NexusNode d = NexusScans.dataset(m, "data");
                    if (d != null) { i0 = nx.readDoubles(d.path()); break; }
                }
                double[] errors = null;
                NexusNode e = NexusScans.dataset(g, signal + "_errors");
                if (e == null && signal.equals("data")) e = NexusScans.dataset(g, "errors");
                if (e != null) {
                    if (!Arrays.equals(e.shape(), sh))
                        throw new EdgeworksException(file, e.path(), "errors are " + Arrays.toString(e.shape()) + ", the signal " + Arrays.toString(sh));
                    errors = nx.readDoubles(e.path());
                }
                return new Plane(baseName(file), first, second, rows, i0, errors);
            }
            throw new EdgeworksException(file, "/", "no NXdata with a 2-D @signal and two @axes");
        }
    }

    /** A map written by {@code rixs build} (or any 2-D NXdata excitation x emission, eV). */
    public static RixsMap readMap(Path file) throws EdgeworksException {
        Plane p = readPlane(file);
        double[] flat = new double[p.first().length * p.second().length];
        for (int i = 0; i < p.first().length; i++) System.arraycopy(p.signal()[i], 0, flat, i * p.second().length, p.second().length);
        try {
            return RixsMap.of(p.name(), p.first(), p.second(), flat, p.errors());
        } catch (IllegalArgumentException e) {
            throw new EdgeworksException(file, null, e.getMessage());
        }
    }

    /**
     * Emission spectra for iPFY: an NXdata points x channels with an NXmonitor I0 (raw counts),
     * or a map without monitor (already divided by I0: its rows times the channel widths).
     */
    public static EmissionSpectra readSpectra(Path file) throws EdgeworksException {
        Plane p = readPlane(file);
        if (p.i0() == null) return InversePartialYield.fromMap(readMap(file));
        if (p.i0().length != p.first().length)
            throw new EdgeworksException(file, "NXmonitor/data", p.i0().length + " I0 values for " + p.first().length + " points");
        return new EmissionSpectra(p.name(), p.first(), p.second(), p.signal(), p.i0(), null);
    }

    /**
     * The one NeXus layout of a RIXS map, written into the given group (NXdata): {@code @signal =
     * intensity} (rows = excitation, columns = emission), {@code intensity_errors} (one standard
     * deviation per cell, the NeXus FIELDNAME_errors rule; only when the map carries errors),
     * {@code @axes = [excitation_energy, emission_energy]} with {@code _indices} and units eV. Used by
     * {@code rixs build}/{@code diff} ({@link #writeMap}) and the pipeline's result files
     * ({@code ResultNexus}); read back by {@link #readMap} and by the workbench opener.
     */
    public static void putMap(WritableGroup data, RixsMap map) {
        data.putAttribute("NX_class", "NXdata");
        data.putAttribute("signal", "intensity");
        data.putAttribute("axes", new String[] {"excitation_energy", "emission_energy"});
        data.putAttribute("excitation_energy_indices", 0);
        data.putAttribute("emission_energy_indices", 1);
        WritableDataset sig = data.putDataset("intensity", square(map.data(), map.rows(), map.columns()));
        sig.putAttribute("long_name", "intensity / (I0 x count time) per eV");
        // NeXus NXdata convention: FIELDNAME_errors beside the signal, one standard deviation per value
        if (map.hasErrors()) data.putDataset("intensity_errors", square(map.errors(), map.rows(), map.columns()));
        WritableDataset ex = data.putDataset("excitation_energy", map.excitation().values());
        ex.putAttribute("units", "eV");
        WritableDataset em = data.putDataset("emission_energy", map.emission().values());
        em.putAttribute("units", map.emission().unit().symbol().isEmpty() ? "eV" : map.emission().unit().symbol());
        em.putAttribute("long_name", map.emission().name());
    }

    private static double[][] square(double[] flat, int rows, int columns) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) m[i] = Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
        return m;
    }

    /** Writes a map as /entry/map ({@link #putMap}) plus /entry/process (NXprocess). */
    public static void writeMap(Path target, boolean overwrite, RixsMap map, List<Provenance> steps, SourceRef source)
            throws EdgeworksException {
        AtomicFiles.write(target, overwrite, tmp -> {
            try (WritableHdfFile h = HdfFile.write(tmp)) {
                WritableGroup entry = h.putGroup("entry");
                entry.putAttribute("NX_class", "NXentry");
                entry.putAttribute("default", "map");
                putMap(entry.putGroup("map"), map);
                WritableGroup proc = entry.putGroup("process");
                proc.putAttribute("NX_class", "NXprocess");
                proc.putDataset("program", "edgeworks");
                proc.putDataset("version", "0.1.0");
                proc.putDataset("date", java.time.Instant.now().toString());
                if (source != null) {
                    proc.putDataset("raw_file", source.file());
                    proc.putDataset("raw_path", source.pathInFile() == null ? "" : source.pathInFile());
                    proc.putDataset("raw_sha256", source.sha256() == null ? "" : source.sha256());
                }
                int k = 0;
                for (Provenance pv : steps) {
                    WritableGroup step = proc.putGroup(String.format(Locale.ROOT, "step_%02d", ++k));
                    step.putAttribute("NX_class", "NXnote");
                    step.putDataset("processor", pv.processorId());
                    step.putDataset("processor_version", pv.processorVersion());
                    step.putDataset("parameters", json(pv.parameters()));
                    step.putDataset("notes", String.join("\n", pv.notes()));
                }
            }
        });
    }

    static String json(Object o) {
        try {
            return Parameters.json().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(o);
        }
    }

    public static String baseName(Path file) {
        String f = file.getFileName().toString();
        for (String ext : new String[] {".map.nxs", ".diff.nxs", ".nxs", ".h5", ".hdf5", ".nx5", ".tiff", ".tif"})
            if (f.toLowerCase(Locale.ROOT).endsWith(ext)) return f.substring(0, f.length() - ext.length());
        return f;
    }
}
