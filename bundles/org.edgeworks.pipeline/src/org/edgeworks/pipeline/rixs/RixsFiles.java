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
import org.edgeworks.core.data.RixsMap;
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
import org.edgeworks.rixs.io.TiffStack;

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

    static final List<String> DARK_NAMES = List.of("dark", "data_dark", "dark_data", "dark_frames");

    /** A raw scan: a NeXus file, a multi-page TIFF or a folder of TIFF frames (with its table). */
    public static Raw openRaw(Path file, Path table, int repeats) throws EdgeworksException {
        return openRaw(file, table, null, null, repeats);
    }

    /** The same; for TIFF frames without a table, the excitation energies and I0 may be given directly. */
    /**
     * Whether the file is an image stack (TIFF, a folder of TIFFs, or NeXus with an NXdetector
     * frames x rows x columns) rather than reduced emission spectra (a 2-D NXdata with a monitor).
     */
    public static boolean isImageStack(Path file) throws EdgeworksException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file) || n.endsWith(".tif") || n.endsWith(".tiff")) return true;
        try (NexusFile nx = NexusFile.open(file)) {
            for (NexusNode d : NexusScans.groups(nx.tree(), "NXdetector")) {
                NexusNode ds = NexusScans.dataset(d, "data");
                if (ds != null && ds.shape().length == 3) return true;
            }
            return false;
        }
    }

    public static Raw openRaw(Path file, Path table, double[] energies, double[] i0Values, int repeats) throws EdgeworksException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file) || n.endsWith(".tif") || n.endsWith(".tiff")) return openTiff(file, table, energies, i0Values, repeats);
        NexusFile nx = NexusFile.open(file);
        try {
            NexusNode root = nx.tree();
            NexusNode data = null;
            NexusNode detector = null;
            for (NexusNode d : NexusScans.groups(root, "NXdetector")) {
                NexusNode ds = NexusScans.dataset(d, "data");
                if (ds != null && ds.shape().length == 3) { data = ds; detector = d; break; }
            }
            if (data == null)
                throw new EdgeworksException(file, "/", "no NXdetector with 3-D data (frames x rows x columns)");
            double[] energy = null;
            for (NexusNode m : NexusScans.groups(root, "NXmonochromator")) {
                NexusNode e = NexusScans.dataset(m, "energy");
                if (e != null) { energy = inEv(nx.readDoubles(e.path()), e); break; }
            }
            if (energy == null) throw new EdgeworksException(file, "/", "no NXmonochromator/energy (the excitation energies)");
            double[] i0 = null;
            for (NexusNode m : NexusScans.groups(root, "NXmonitor")) {
                NexusNode d = NexusScans.dataset(m, "data");
                if (d != null) { i0 = nx.readDoubles(d.path()); break; }
            }
            if (i0 == null) throw new EdgeworksException(file, "/", "no NXmonitor/data (I0)");
            NexusNode ct = NexusScans.dataset(detector, "count_time");
            double[] time = ct == null ? null : nx.readDoubles(ct.path());
            ILazyDataset dark = null;
            for (String name : DARK_NAMES) {
                NexusNode d = NexusScans.dataset(detector, name);
                if (d != null && d.shape().length >= 2) { dark = nx.lazyDataset(d.path()); break; }
            }
            RawStack stack = new RawStack(baseName(file), nx.lazyDataset(data.path()), energy, i0, time, dark, repeats);
            return new Raw(stack, new SourceRef(file.toAbsolutePath().toString(), data.path(), org.edgeworks.core.io.Checksums.sha256(file)), nx);
        } catch (EdgeworksException | RuntimeException e) {
            nx.close();
            throw e;
        }
    }

    private static double[] inEv(double[] v, NexusNode node) {
        if (Unit.parse(node.attribute("units")) == Unit.KEV) for (int i = 0; i < v.length; i++) v[i] *= 1000;
        return v;
    }

    /**
     * TIFF frames: one multi-page file or a folder of files (sorted by name). The table (CSV or
     * whitespace columns excitation_eV, I0 [, count_time_s]; '#' comments and a header line are
     * skipped) is --table or NAME.csv / NAME.txt next to the input.
     */
    static Raw openTiff(Path input, Path table, double[] energies, double[] i0, int repeats) throws EdgeworksException {
        List<Path> frames;
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.list(input)) {
                frames = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.tiff?$")).sorted().toList();
            } catch (IOException e) {
                throw new EdgeworksException(input, null, "cannot list: " + e.getMessage(), e);
            }
            if (frames.isEmpty()) throw new EdgeworksException(input, null, "no .tif frames in the folder");
        } else {
            frames = List.of(input);
        }
        Path t = table;
        if (t == null) {
            Path base = input.toAbsolutePath().getParent().resolve(baseName(input));
            for (String ext : new String[] {".csv", ".txt"}) {
                Path c = Path.of(base + ext);
                if (Files.isRegularFile(c)) { t = c; break; }
            }
        }
        double[][] cols;
        if (t == null && energies != null) {
            if (i0 != null && i0.length != energies.length)
                throw new EdgeworksException(input, null, energies.length + " excitation energies but " + i0.length + " I0 values");
            double[] ones = new double[energies.length];
            java.util.Arrays.fill(ones, 1);
            cols = new double[][] {energies, i0 != null ? i0 : ones};
        } else if (t == null) {
            throw new EdgeworksException(input, null, "TIFF frames need their excitation energies and I0: give --table FILE, put "
                + baseName(input) + ".csv next to it, or give --excitation-energies (and --i0)");
        } else {
            cols = readTable(t);
        }
        ILazyDataset stack = TiffStack.open(frames);
        int n = stack.getShape()[0];
        if (cols[0].length * Math.max(1, repeats) != n && cols[0].length != n)
            throw new EdgeworksException(t != null ? t : input, null, cols[0].length + " excitation energies for " + n + " frames");
        RawStack raw = new RawStack(baseName(input), stack, cols[0], cols[1], cols.length > 2 ? cols[2] : null, null, repeats);
        return new Raw(raw, new SourceRef(input.toAbsolutePath().toString(), "", Files.isDirectory(input) ? "" :
            org.edgeworks.core.io.Checksums.sha256(input)), null);
    }

    static double[][] readTable(Path t) throws EdgeworksException {
        List<double[]> rows = new ArrayList<>();
        try {
            int line = 0;
            for (String l : Files.readAllLines(t)) {
                line++;
                String s = l.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                String[] parts = s.split("[,;\\s]+");
                double[] v = new double[parts.length];
                try {
                    for (int i = 0; i < parts.length; i++) v[i] = Double.parseDouble(parts[i]);
                } catch (NumberFormatException e) {
                    if (rows.isEmpty()) continue; // a header line
                    throw new EdgeworksException(t, "line " + line, "not a number: " + s);
                }
                if (v.length < 2) throw new EdgeworksException(t, "line " + line, "need excitation energy and I0 (and optionally count time)");
                rows.add(v);
            }
        } catch (IOException e) {
            throw new EdgeworksException(t, null, "cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) throw new EdgeworksException(t, null, "no rows");
        int nc = Math.min(3, rows.stream().mapToInt(r -> r.length).min().orElse(2));
        double[][] cols = new double[nc][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int c = 0; c < nc; c++) cols[c][i] = rows.get(i)[c];
        return cols;
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
