package org.edgeworks.pipeline.rixs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.rixs.EmissionSpectra;
import org.edgeworks.rixs.InversePartialYield;
import org.edgeworks.rixs.RawStack;
import org.edgeworks.pipeline.ScanToEmissionSpectra;
import org.edgeworks.pipeline.ScanToRawStack;
import org.edgeworks.pipeline.ScanToRixsMap;
import org.edgeworks.rixs.FrameTable;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

/**
 * RIXS inputs for the command line and the workbench (raw NeXus stacks, TIFF frames with a sidecar
 * table, maps and reduced emission spectra as NXdata), each read Detector -> Scan -> adapter: the
 * detector bundles recognise the file (org.edgeworks.detector.rixsccd), the pipeline's adapters
 * (rawStack, emissionSpectra, rixsMap) make the processors' input; and writing maps as NeXus NXdata
 * with an NXprocess. The processors never see a file.
 */
public final class RixsFiles {
    private RixsFiles() {}

    /**
     * A raw stack, what keeps it readable (the open NeXus file, if any), and what the detector noted
     * while reading it (e.g. an excitation energy without a unit read as keV; {@link #notes(Scan, Path)}).
     */
    public record Raw(RawStack stack, SourceRef source, AutoCloseable resource, List<String> notes) implements AutoCloseable {
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
        return new Raw(stack, new SourceRef(file.toAbsolutePath().toString(), frames.sourcePath(), sha), null, notes(scan, file));
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

    /**
     * A plane excitation x emission (reduced emission spectra, a map): the Scan of the detector bundle
     * that recognises the file (org.edgeworks.detector.rixsccd's reduced layout: an NXdata whose
     * 2-D signal has an excitation and an emission axis), named as the outputs name it.
     */
    static Scan plane(Path file) throws EdgeworksException {
        Scan scan = detectors().read(file);
        if (scan.first(ChannelRole.EMISSION_AXIS).isEmpty() || scan.first(ChannelRole.IMAGE_STACK).isPresent())
            throw new EdgeworksException(file, "/", "no NXdata with a 2-D @signal and @axes naming the excitation and emission energies");
        return scan;
    }

    /** What the detector noted in the scan's metadata (note.*: e.g. an energy without a unit, {@code EnergyUnits}), one line each naming the file. */
    static List<String> notes(Scan scan, Path file) {
        List<String> out = new ArrayList<>();
        scan.metadata().forEach((k, v) -> { if (k.startsWith("note.")) out.add(file + ": " + v); });
        return out;
    }

    /**
     * A map written by {@code rixs build} (or any 2-D NXdata excitation x emission, eV): Detector ->
     * Scan -> the {@code org.edgeworks.pipeline.rixsMap} adapter. What the detector noted (an axis
     * without a unit) is added to {@code notes}.
     */
    public static RixsMap readMap(Path file, List<String> notes) throws EdgeworksException {
        Scan scan = plane(file);
        notes.addAll(notes(scan, file));
        return readMap(scan, file);
    }

    /** {@link #readMap(Path, List)} for files whose axes declare their unit (the maps this project writes): no notes. */
    public static RixsMap readMap(Path file) throws EdgeworksException {
        return readMap(file, new ArrayList<>());
    }

    private static RixsMap readMap(Scan scan, Path file) throws EdgeworksException {
        return new ScanToRixsMap().apply(scan, ScanToRixsMap.Params.defaults()).value().withName(baseName(file));
    }

    /**
     * Emission spectra for iPFY: an NXdata points x channels with an NXmonitor I0 (raw counts),
     * or a map without monitor (already divided by I0: its rows times the channel widths).
     * Detector -> Scan -> the {@code org.edgeworks.pipeline.emissionSpectra} adapter (for a map,
     * {@code rixsMap}). What the detector noted (an axis without a unit) is added to {@code notes}.
     */
    public static EmissionSpectra readSpectra(Path file, List<String> notes) throws EdgeworksException {
        Scan scan = plane(file);
        notes.addAll(notes(scan, file));
        if (scan.first(ChannelRole.I0).isEmpty()) return InversePartialYield.fromMap(readMap(scan, file));
        EmissionSpectra s = new ScanToEmissionSpectra().apply(scan, ScanToEmissionSpectra.Params.defaults()).value();
        return new EmissionSpectra(baseName(file), s.excitation(), s.emission(), s.counts(), s.i0(), s.countTime());
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
                proc.putDataset("date", org.edgeworks.core.processing.Clock.now());
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
