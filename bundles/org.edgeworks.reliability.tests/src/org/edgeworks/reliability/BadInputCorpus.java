package org.edgeworks.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.core.processing.Result;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;
import org.edgeworks.rixs.CutAtEmission;
import org.edgeworks.rixs.PartialYield;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.MuMode;
import org.edgeworks.xas.MuProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.PreEdgeProcessor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bad-input corpus of issue 8: every case says how its input is made (committed HDF5 files
 * from generator/make_hdf5_corpus.py, byte-level damage derived here from good.nxs, text and
 * JSON written here, arrays built here), what the API must do with it, and which command line
 * shows it. The cases that read one file through the load chain are the rows of
 * resources/corpus/file-cases.tsv ({@link #fileCases}); those with code of their own are below.
 * {@link #materialise} writes all case files into one directory (also used to seed the fuzzers).
 */
final class BadInputCorpus {
    private BadInputCorpus() {}

    /** BROKEN: the API throws EdgeworksException. VALID: correct numbers plus a provenance note. */
    enum Expect { BROKEN, VALID }

    /** What a case runs: a file through the load chain, or a processor on arrays. */
    @FunctionalInterface
    interface Api {
        LoadChain.Outcome run(Path file) throws Exception;
    }

    /**
     * One corpus case.
     *
     * @param file     file name in the corpus directory, or null for in-memory processor cases
     * @param subject  what the one-line message must name first (the file name, or the spectrum name)
     * @param where    what the message must name inside it (path in file, line, or parameter)
     * @param problem  a fragment of what-is-wrong (BROKEN) or of the provenance note (VALID), lower case
     * @param cli      command line arguments (FILE is replaced by the path), or null when no command reads it
     * @param gap      non-null: a known gap (the reason); the case is reported, not asserted
     */
    record Case(String id, String area, String input, Expect expect, String file, String subject, String where,
                String problem, Api api, String[] cli, String gap) {
        Case withGap(String why) { return new Case(id, area, input, expect, file, subject, where, problem, api, cli, why); }
        /** The message names the spectrum (the file's base name) rather than the file. */
        Case named(String spectrum) { return new Case(id, area, input, expect, file, spectrum, where, problem, api, cli, gap); }
    }

    /** The command that reads a file's data: XANES normalisation into a fresh output folder OUT. */
    static final String[] XAS = {"xas", "normalize", "FILE", "--out", "OUT"};

    // ---------------------------------------------------------------- materialise

    /** Committed files (resources/corpus) plus the derived and text cases, into {@code dir}. */
    static void materialise(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : HDF5_FILES) copyResource("corpus/hdf5/" + name, dir.resolve(name));
        byte[] good = Files.readAllBytes(dir.resolve("good.nxs"));
        Files.write(dir.resolve("truncated_half.nxs"), Arrays.copyOf(good, good.length / 2));
        Files.write(dir.resolve("truncated_superblock.nxs"), Arrays.copyOf(good, 40));
        Files.write(dir.resolve("zero_bytes.nxs"), new byte[0]);
        Files.write(dir.resolve("bitflip_signature.nxs"), flip(good, 1, 0x10));
        // superblock v0: bytes 64..71 are the root group's object header address (after base/eof addresses)
        Files.write(dir.resolve("bitflip_root_address.nxs"), flip(good, 68, 0x40));
        byte[] notHdf5 = new byte[4096];
        new java.util.Random(8).nextBytes(notHdf5);
        Files.write(dir.resolve("random_bytes.nxs"), notHdf5);
        byte[] sigOnly = Arrays.copyOf(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 2048);
        for (int i = 8; i < sigOnly.length; i++) sigOnly[i] = (byte) (i * 31);
        Files.write(dir.resolve("signature_then_garbage.h5"), sigOnly);
        for (Map.Entry<String, String> t : TEXT_FILES.entrySet())
            Files.writeString(dir.resolve(t.getKey()), t.getValue(), StandardCharsets.ISO_8859_1);
    }

    static final List<String> HDF5_FILES = List.of("good.nxs", "huge_2d.nxs", "huge_1d.nxs", "missing_chunks.nxs",
        "corrupt_gzip_chunk.nxs", "string_signal.nxs", "string_axis.nxs", "no_nxdata.nxs", "no_signal_attr.nxs",
        "signal_names_absent.nxs", "no_axes_attr.nxs", "axes_names_absent.nxs", "dangling_soft_signal.nxs",
        "dangling_external_signal.nxs", "external_target.h5", "external_missing_path.nxs", "soft_link_cycle.nxs",
        "empty_signal.nxs", "scalar_signal.nxs", "length_mismatch.nxs", "nan_points.nxs", "descending_axis.nxs",
        "kev_axis.nxs", "deep_nesting.nxs", "many_attributes.nxs", "fuzz_local_heap_oom.nxs",
        "fuzz_object_header_size.nxs", "fuzz_timeout_fc4bd4f2.nxs", "filters_and_types.h5", "filters_and_types_h5py.tsv");

    private static byte[] flip(byte[] in, int offset, int mask) {
        byte[] out = in.clone();
        out[offset] ^= (byte) mask;
        return out;
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = BadInputCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("corpus resource missing: " + resource);
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An XDI file around data rows (energy in eV, i0, itrans as raw currents). */
    private static String xdi(String extraHeader, String rows) {
        return "# XDI/1.0 Edgeworks/corpus\n# Column.1: energy eV\n# Column.2: i0\n# Column.3: itrans\n"
            + "# Element.symbol: Mn\n# Element.edge: K\n" + extraHeader + "# ///\n# corpus case\n# ----\n"
            + "# energy i0 itrans\n" + rows;
    }

    /** Mn K-edge transmission rows: It = I0 exp(-mu) with an arctan edge at 6539 eV. */
    static String rows(double[] energies, double unitScale) {
        StringBuilder sb = new StringBuilder();
        for (double e : energies) {
            double mu = 0.3 + Math.atan((e - 6539.0) / 2.0) / Math.PI + 0.5;
            sb.append(String.format(Locale.ROOT, "%.4f %.1f %.3f%n", e / unitScale, 1.0e5, 1.0e5 * Math.exp(-mu)));
        }
        return sb.toString();
    }

    static double[] grid() {
        double[] e = new double[121];
        for (int i = 0; i < e.length; i++) e[i] = 6500.0 + i;
        return e;
    }

    private static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i];
        return r;
    }

    static final Map<String, String> TEXT_FILES = new java.util.LinkedHashMap<>();
    static {
        double[] e = grid();
        String good = rows(e, 1);
        TEXT_FILES.put("good.xdi", xdi("", good));
        TEXT_FILES.put("malformed_header.xdi", xdi("# Mono.d_spacing 3.1356\n", good));
        TEXT_FILES.put("column_beyond_data.xdi", xdi("# Column.7: ifluor\n", good));
        String[] lines = good.split("\n");
        lines[40] = lines[40] + " 17.0";
        TEXT_FILES.put("ragged_columns.xdi", xdi("", String.join("\n", lines) + "\n"));
        TEXT_FILES.put("text_after_data.dat", "# energy i0 itrans\n" + good + "scan aborted by user\n");
        TEXT_FILES.put("empty.dat", "");
        TEXT_FILES.put("header_only.xdi", xdi("", ""));
        TEXT_FILES.put("one_row.dat", "# energy i0 itrans\n" + rows(new double[] {6539}, 1));
        TEXT_FILES.put("binary_garbage.dat", "\u0000\u0001\u0002PK\u0003\u0004" + "\u00ff".repeat(300));
        String[] nan = good.split("\n");
        nan[10] = "6510.0000 nan 36787.944";
        nan[60] = "6560.0000 100000.0 inf";
        nan[61] = "6561.0000 100000.0 1e999";
        TEXT_FILES.put("nan_inf_points.xdi", xdi("", String.join("\n", nan) + "\n"));
        TEXT_FILES.put("descending.xdi", xdi("", rows(reversed(e), 1)));
        double[] dup = new double[e.length + 10];
        for (int i = 0; i < dup.length; i++) dup[i] = i < e.length ? e[i] : e[40 + i - e.length];
        Arrays.sort(dup);
        TEXT_FILES.put("duplicated.xdi", xdi("", rows(dup, 1)));
        double[] shuffled = e.clone();
        for (int i = 0; i + 7 < shuffled.length; i += 9) { double t = shuffled[i]; shuffled[i] = shuffled[i + 7]; shuffled[i + 7] = t; }
        TEXT_FILES.put("non_monotonic.dat", "# energy i0 itrans\n" + rows(shuffled, 1));
        TEXT_FILES.put("kev_no_unit.dat", "# energy i0 itrans\n" + rows(e, 1000));
        TEXT_FILES.put("kev_labelled_ev.xdi", xdi("", rows(e, 1000)));
        String zeroI0 = good.replaceFirst("(?m)^6520\\.0000 100000\\.0", "6520.0000 0.0").replaceFirst("(?m)^6521\\.0000 100000\\.0", "6521.0000 0.0");
        TEXT_FILES.put("zero_i0_points.xdi", xdi("", zeroI0));
        TEXT_FILES.put("zero_i0_all.xdi", xdi("", good.replace(" 100000.0 ", " 0.0 ")));
        TEXT_FILES.put("negative_i0_all.xdi", xdi("", good.replace(" 100000.0 ", " -100000.0 ")));
        TEXT_FILES.put("constant_signal.dat", "# energy mu\n" + constantRows(e));
        String mu = "{\"processor\": \"org.edgeworks.pipeline.mu\", \"parameters\": {}}";
        String norm = "{\"processor\": \"org.edgeworks.xas.normalize\", \"parameters\": %s}";
        TEXT_FILES.put("good.pipeline.json", pipeline("", mu + ", " + String.format(norm, "{}")));
        TEXT_FILES.put("not_json.pipeline.json", "{\"schema\": \"edgeworks-pipeline/1\", \"steps\": [");
        TEXT_FILES.put("unknown_processor.pipeline.json", pipeline("", mu + ", {\"processor\": \"org.edgeworks.xas.normalise\"}"));
        TEXT_FILES.put("wrong_type.pipeline.json", pipeline("", mu + ", " + String.format(norm, "{\"nnorm\": \"two\"}")));
        TEXT_FILES.put("unknown_parameter.pipeline.json", pipeline("", mu + ", " + String.format(norm, "{\"e0_mthod\": \"fixed\"}")));
        TEXT_FILES.put("escape_out.pipeline.json", pipeline("\"output\": \"../../etc/{file}\", ", mu));
        TEXT_FILES.put("absolute_out.pipeline.json", pipeline("\"output\": \"/etc/{file}\", ", mu));
        TEXT_FILES.put("wrong_schema.pipeline.json", pipeline("", mu).replace("edgeworks-pipeline/1", "edgeworks-pipeline/9"));
        TEXT_FILES.put("type_mismatch.pipeline.json", pipeline("", String.format(norm, "{}")));
        TEXT_FILES.put("empty_steps.pipeline.json", pipeline("", ""));
        TEXT_FILES.put("deep_nesting.pipeline.json", "[".repeat(5000) + "]".repeat(5000));
        TEXT_FILES.put("utf16.dat", new String(("# energy i0 itrans\n" + good).getBytes(StandardCharsets.UTF_16), StandardCharsets.ISO_8859_1));
    }

    private static String pipeline(String extra, String steps) {
        return "{\"schema\": \"edgeworks-pipeline/1\", \"name\": \"corpus\", " + extra + "\"steps\": [" + steps + "]}";
    }

    private static String constantRows(double[] e) {
        StringBuilder sb = new StringBuilder();
        for (double v : e) sb.append(String.format(Locale.ROOT, "%.1f 1.0%n", v));
        return sb.toString();
    }

    // ---------------------------------------------------------------- cases

    static List<Case> cases() {
        List<Case> c = new ArrayList<>(fileCases());
        // HDF5 / NeXus: hostile sizes and storage, read through the API (the file rows are in the table)
        c.add(new Case("hdf5-shape-1e12-2d", "HDF5", "dataset declared 10^6 x 10^6 float64 (10^12 elements, no chunk written): read whole",
            Expect.BROKEN, "huge_2d.nxs", "huge_2d.nxs", "/entry/data/frames", "too many to read whole", f -> {
                try (NexusFile nx = NexusFile.open(f)) {
                    nx.readDoubles("/entry/data/frames");
                }
                return null;
            }, XAS, null));
        c.add(new Case("hdf5-shape-1e12-2d-lazy", "HDF5", "the same dataset as a lazy channel: whole-slice request",
            Expect.BROKEN, "huge_2d.nxs", "huge_2d.nxs", "/entry/data/frames", "budget", f -> {
                try (NexusFile nx = NexusFile.open(f)) {
                    NexusNode frames = find(nx.tree(), "/entry/data/frames");
                    NexusScans.channel(nx, frames, "frames", ChannelRole.OTHER).readSlice(f.toString(), new SliceND(new int[] {1_000_000, 1_000_000}));
                }
                return null;
            }, null, null));
        c.add(new Case("hdf5-shape-1e12-2d-small-slice", "HDF5", "the same dataset: a 2 x 3 slice (unwritten chunks read as the fill value 0)",
            Expect.VALID, "huge_2d.nxs", "huge_2d.nxs", "", "", f -> {
                try (NexusFile nx = NexusFile.open(f)) {
                    double[] v = ((org.eclipse.january.dataset.DoubleDataset) org.eclipse.january.dataset.DatasetUtils.cast(
                        org.eclipse.january.dataset.DoubleDataset.class, nx.lazyDataset("/entry/data/frames").getSlice(
                            new SliceND(new int[] {1_000_000, 1_000_000}, new int[] {500_000, 7}, new int[] {500_002, 10}, null)))).getData();
                    if (nx.bytesRead() > 1 << 20) throw new AssertionError("read " + nx.bytesRead() + " bytes for 6 elements");
                    for (double x : v) if (x != 0) throw new AssertionError("fill value expected, got " + x);
                    return new LoadChain.Outcome(Map.of("slice", v), List.of(), Double.NaN);
                }
            }, null, null));
        filterAndTypeCases(c);
        processorCases(c);
        parameterJsonCases(c);
        pipelineCases(c);
        return c;
    }

    // ---------------------------------------------------------------- HDF5 filters and types (issue 13)

    /**
     * Every dataset of filters_and_types.h5 (written by h5py: bundles/org.edgeworks.nexus.tests/
     * generator/make_flavours.py, section 7, committed here with h5py's values in
     * filters_and_types_h5py.tsv) reads as h5py reads it; the Blosc dataset (no decoder) is refused
     * alone (two fuzz findings with corrupt header sizes are rows of file-cases.tsv).
     */
    private static void filterAndTypeCases(List<Case> c) {
        Map<String, String[]> want = new java.util.TreeMap<>();
        for (String line : resourceLines("corpus/hdf5/filters_and_types_h5py.tsv")) {
            int tab = line.indexOf('\t');
            if (tab > 0 && !line.substring(0, tab).contains("@")) want.put(line.substring(0, tab), line.substring(tab + 1).split(" "));
        }
        for (Map.Entry<String, String[]> w : want.entrySet()) {
            String path = "/" + w.getKey();
            c.add(new Case("hdf5-" + w.getKey().replace('/', '-').replace('_', '-'), "HDF5", "valid HDF5: " + path + " as h5py writes it",
                Expect.VALID, "filters_and_types.h5", "filters_and_types.h5", "", "", f -> {
                    try (NexusFile nx = NexusFile.open(f)) {
                        double[] got = nx.readDoubles(path);
                        String[] exp = w.getValue();
                        if (got.length != exp.length) throw new AssertionError(path + ": " + got.length + " values, h5py reads " + exp.length);
                        for (int i = 0; i < got.length; i++) {
                            double e = Double.parseDouble(exp[i]);
                            if (Math.abs(got[i] - e) > 1e-6 * Math.max(1, Math.abs(e)))
                                throw new AssertionError(path + "[" + i + "] = " + got[i] + ", h5py reads " + e);
                        }
                        return new LoadChain.Outcome(Map.of("values", got), List.of("equal to h5py's " + got.length + " values"), Double.NaN);
                    }
                }, null, null));
        }
        c.add(new Case("hdf5-filter-without-decoder", "HDF5", "a Blosc-filtered dataset (no decoder): refused alone, the file stays readable",
            Expect.BROKEN, "filters_and_types.h5", "filters_and_types.h5", "/filters/blosc_unsupported", "'blosc' (id 32001)", f -> {
                try (NexusFile nx = NexusFile.open(f)) {
                    if (nx.readDoubles("/filters/lzf").length != 300) throw new AssertionError("the neighbour is unreadable");
                    nx.readDoubles("/filters/blosc_unsupported");
                }
                return null;
            }, null, null));
    }

    /**
     * The cases that read one corpus file through the load chain and the XAS command: the rows of
     * resources/corpus/file-cases.tsv (tab-separated id, area, BROKEN or VALID, file, the spectrum the
     * message names when it is not the file, where, problem, input; '#' lines are comments).
     */
    static List<Case> fileCases() {
        List<Case> c = new ArrayList<>();
        for (String line : resourceLines("corpus/file-cases.tsv")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 8) throw new IllegalStateException("file-cases.tsv: 8 tab-separated fields expected, not " + f.length + ": " + line);
            Expect expect = Expect.valueOf(f[2]);
            if (expect == Expect.VALID && !f[5].isEmpty()) throw new IllegalStateException("file-cases.tsv: a VALID case names no place: " + line);
            c.add(new Case(f[0], f[1], f[7], expect, f[3], f[4].isEmpty() ? f[3] : f[4], f[5], f[6], LoadChain::run, XAS, null));
        }
        return c;
    }

    /** The lines of a UTF-8 resource of this bundle (resources/ is on its class path). */
    private static List<String> resourceLines(String resource) {
        try (InputStream in = BadInputCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("corpus resource missing: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case processor(String id, String input, Expect expect, String subject, String where, String problem, Api api) {
        return new Case(id, "processor", input, expect, null, subject, where, problem, api, null, null);
    }

    /** A node of a tree by its path, or an error naming it. */
    static NexusNode find(NexusNode node, String path) throws EdgeworksException {
        String here = node.path().endsWith("/") && node.path().length() > 1 ? node.path().substring(0, node.path().length() - 1) : node.path();
        if (here.equals(path)) return node;
        for (NexusNode c : node.children()) {
            String p = c.path().endsWith("/") ? c.path().substring(0, c.path().length() - 1) : c.path();
            if (path.equals(p) || path.startsWith(p + "/")) return find(c, path);
        }
        throw new EdgeworksException((String) null, path, "no such node");
    }

    // ---------------------------------------------------------------- processors on arrays

    static double[] edge(double[] e, double shift, double amplitude) {
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) mu[i] = 0.2 + amplitude * (Math.atan((e[i] - 6539.0 - shift) / 2.0) / Math.PI + 0.5)
            + 0.3 * Math.exp(-Math.pow((e[i] - 6533.0) / 1.2, 2));
        return mu;
    }

    private static LoadChain.Outcome outcome(Spectrum s, List<String> notes) {
        return new LoadChain.Outcome(Map.of("energy", s.energies(), "signal", s.signal()), notes, Double.NaN);
    }

    private static LoadChain.Outcome normalized(Result<NormalizeProcessor.Normalized> r) {
        NormalizeProcessor.Normalized n = r.value();
        return new LoadChain.Outcome(Map.of("norm", n.norm(), "flat", n.flat()), r.provenance().notes(), n.e0());
    }

    private static void processorCases(List<Case> c) {
        double[] e = grid();
        double[] ones = new double[e.length];
        Arrays.fill(ones, 1.0e5);
        double[] it = new double[e.length];
        double[] mu = edge(e, 0, 1);
        for (int i = 0; i < e.length; i++) it[i] = 1.0e5 * Math.exp(-mu[i]);
        MuProcessor muP = new MuProcessor();
        c.add(processor("mu-nan-i0", "MuProcessor: I0 NaN on 4 of 121 points", Expect.VALID, "scanA", "", "masked 4 point", f -> {
            double[] i0 = ones.clone();
            for (int k : new int[] {3, 50, 51, 90}) i0[k] = Double.NaN;
            Result<Spectrum> r = muP.apply(new MuProcessor.Channels("scanA", e, i0, it, null, null), MuProcessor.Params.defaults());
            return outcome(r.value(), r.provenance().notes());
        }));
        c.add(processor("mu-negative-i0-points", "MuProcessor: I0 < 0 on 3 points (transmission)", Expect.VALID, "scanA", "", "masked 3 point", f -> {
            double[] i0 = ones.clone();
            i0[7] = -5; i0[8] = -5; i0[9] = -1;
            Result<Spectrum> r = muP.apply(new MuProcessor.Channels("scanA", e, i0, it, null, null), MuProcessor.Params.defaults());
            return outcome(r.value(), r.provenance().notes());
        }));
        c.add(processor("mu-inf-signal", "MuProcessor: fluorescence If = +Inf on 2 points", Expect.VALID, "scanA", "", "masked 2 point", f -> {
            double[] fl = it.clone();
            fl[20] = Double.POSITIVE_INFINITY; fl[21] = Double.NEGATIVE_INFINITY;
            Result<Spectrum> r = muP.apply(new MuProcessor.Channels("scanA", e, ones, fl, null, null), new MuProcessor.Params(MuMode.FLUORESCENCE, true));
            return outcome(r.value(), r.provenance().notes());
        }));
        c.add(processor("mu-all-nan-i0", "MuProcessor: I0 NaN everywhere", Expect.BROKEN, "scanA", "", "no finite", f -> {
            double[] i0 = new double[e.length];
            Arrays.fill(i0, Double.NaN);
            muP.apply(new MuProcessor.Channels("scanA", e, i0, it, null, null), MuProcessor.Params.defaults());
            return null;
        }));
        c.add(processor("mu-channel-lengths", "MuProcessor: It has 100 points, energy and I0 121", Expect.BROKEN, "scanA", "channels", "lengths differ", f -> {
            muP.apply(new MuProcessor.Channels("scanA", e, ones, Arrays.copyOf(it, 100), null, null), MuProcessor.Params.defaults());
            return null;
        }));
        c.add(processor("grid-lengths", "EnergyGrid.clean: energy 121 points, signal 120", Expect.BROKEN, "scanA", "energy", "121 points", f -> {
            EnergyGrid.clean("scanA", e, Arrays.copyOf(mu, 120));
            return null;
        }));
        NormalizeProcessor norm = new NormalizeProcessor();
        Spectrum s = new Spectrum("scanA", Axis.energy(e), mu, null, "mu");
        c.add(processor("normalize-ranges-outside", "Normalize: pre-edge -500..-400 eV, post-edge 400..600 eV on a -39..+81 eV scan",
            Expect.BROKEN, "scanA", "pre1", "0 data points", f -> normalized(norm.apply(s, NormalizeProcessor.Params.defaults().withRanges(-500, -400, 400, 600, 1)))));
        c.add(processor("normalize-e0-outside", "Normalize: fixed E0 = 9000 eV, data 6500-6620 eV", Expect.BROKEN, "scanA", "e0", "", f ->
            normalized(norm.apply(s, NormalizeProcessor.Params.defaults().withE0(9000)))));
        c.add(processor("normalize-e0-nan", "Normalize: fixed E0 = NaN", Expect.BROKEN, "scanA", "e0", "", f ->
            normalized(norm.apply(s, NormalizeProcessor.Params.defaults().withE0(Double.NaN)))));
        c.add(processor("normalize-nnorm", "Normalize: post-edge degree nnorm = 7", Expect.BROKEN, "scanA", "nnorm", "0 to 3", f ->
            normalized(norm.apply(s, NormalizeProcessor.Params.defaults().withRanges(-30, -10, 20, 70, 7)))));
        c.add(processor("normalize-two-points", "Normalize: a spectrum of 2 points", Expect.BROKEN, "scanA", "", "", f ->
            normalized(norm.apply(new Spectrum("scanA", Axis.energy(new double[] {6500, 6501}), new double[] {0.1, 0.2}, null, "mu"),
                NormalizeProcessor.Params.defaults()))));
        PreEdgeProcessor pre = new PreEdgeProcessor();
        c.add(processor("preedge-range-outside", "Pre-edge peak fit: fit range -300..-200 eV rel. E0 (data starts at -39)",
            Expect.BROKEN, "scanA", "emin", "", f -> {
                Result<PreEdgeProcessor.PreEdge> r = pre.apply(s, PreEdgeProcessor.Params.defaults().with(6539.0, -300, -200, -260, -240,
                    PreEdgeProcessor.Baseline.LINE_ARCTAN, 1, null));
                return new LoadChain.Outcome(Map.of(), r.provenance().notes(), Double.NaN);
            }));
        LcfProcessor lcf = new LcfProcessor();
        Spectrum refA = new Spectrum("refA", Axis.energy(e), edge(e, -2, 1), null, "norm");
        Spectrum refB = new Spectrum("refB", Axis.energy(e), edge(e, 2, 1), null, "norm");
        c.add(processor("lcf-window-outside", "LCF: window 7000-7100 eV, data 6500-6620 eV", Expect.BROKEN, "scanA", "emin", "outside the data", f -> {
            lcf.apply(new LcfProcessor.Input(s, List.of(refA, refB), null), LcfProcessor.Params.defaults().window(7000, 7100));
            return null;
        }));
        c.add(processor("lcf-window-reversed", "LCF: window end below its start", Expect.BROKEN, "scanA", "emax", "not above", f -> {
            lcf.apply(new LcfProcessor.Input(s, List.of(refA, refB), null), LcfProcessor.Params.defaults().window(6560, 6520));
            return null;
        }));
        c.add(processor("lcf-singular", "LCF: two references identical but for their name (singular design matrix)", Expect.BROKEN, "scanA",
            "references", "singular", f -> {
                Spectrum twin = new Spectrum("refA-copy", Axis.energy(e), edge(e, -2, 1), null, "norm");
                lcf.apply(new LcfProcessor.Input(s, List.of(refA, twin), null), LcfProcessor.Params.larch(6520, 6570));
                return null;
            }));
        c.add(processor("lcf-zero-reference", "LCF: a reference that is zero everywhere", Expect.BROKEN, "scanA", "references", "", f -> {
            Spectrum zero = new Spectrum("zero", Axis.energy(e), new double[e.length], null, "norm");
            Result<LcfProcessor.LcfResult> r = lcf.apply(new LcfProcessor.Input(s, List.of(refA, zero), null), LcfProcessor.Params.larch(6520, 6570));
            return new LoadChain.Outcome(Map.of("fit", r.value().fit(), "weights", r.value().weights().values().stream()
                .mapToDouble(Double::doubleValue).toArray()), List.of("weights " + r.value().weights()), Double.NaN);
        }));
        double[] ex = {529, 530, 531, 532};
        double[] em = {520, 521, 522, 523, 524, 525};
        double[] map = new double[ex.length * em.length];
        Arrays.fill(map, 1.0);
        RixsMap rixs = RixsMap.of("mapA", ex, em, map);
        c.add(processor("rixs-empty-emission-window", "PFY: emission window 600-610 eV on a 520-525 eV map", Expect.BROKEN, "mapA",
            "emission", "no point", f -> {
                new PartialYield().apply(rixs, new PartialYield.Parameters(600, 610));
                return null;
            }));
        c.add(processor("rixs-cut-outside", "Cut at emission 700 eV (map 520-525 eV)", Expect.BROKEN, "mapA", "emission", "", f -> {
            new CutAtEmission().apply(rixs, new CutAtEmission.Parameters(700, 0.2));
            return null;
        }));
    }

    // ---------------------------------------------------------------- parameter JSON

    private static void parameterJsonCases(List<Case> c) {
        c.add(processor("params-wrong-type", "Normalize parameters JSON {\"nnorm\": \"two\"}", Expect.BROKEN, "normalize.json", "nnorm", "expected an integer",
            f -> { json("{\"nnorm\": \"two\"}"); return null; }));
        c.add(processor("params-unknown-field", "Normalize parameters JSON with an unknown field {\"e0_mthod\": \"fixed\"}", Expect.BROKEN,
            "normalize.json", "", "unknown parameter 'e0_mthod'", f -> { json("{\"e0_mthod\": \"fixed\"}"); return null; }));
        c.add(processor("params-not-object", "Normalize parameters JSON that is an array", Expect.BROKEN, "normalize.json", "", "object",
            f -> { json("[1, 2]"); return null; }));
        c.add(processor("params-bad-enum", "Normalize parameters JSON {\"normalization\": \"sideways\"}", Expect.BROKEN, "normalize.json", "normalization",
            "'sideways' is not one of", f -> { json("{\"normalization\": \"sideways\"}"); return null; }));
    }

    /** The pipeline command on the good XDI file: PIPE is the case's pipeline file. */
    static final String[] RUN = {"run", "FILE", "DATA", "--out", "OUT"};

    private static void pipelineCases(List<Case> c) {
        c.add(pipe("pipeline-not-json", "truncated JSON", "not_json.pipeline.json", "", "not valid json"));
        c.add(pipe("pipeline-unknown-processor", "step 2 names org.edgeworks.xas.normalise (typo)", "unknown_processor.pipeline.json",
            "steps[1].processor", "unknown processor 'org.edgeworks.xas.normalise'"));
        c.add(pipe("pipeline-wrong-parameter-type", "normalize step with \"nnorm\": \"two\"", "wrong_type.pipeline.json",
            "steps[1].parameters", "expected an integer"));
        c.add(pipe("pipeline-unknown-parameter", "normalize step with \"e0_mthod\"", "unknown_parameter.pipeline.json",
            "steps[1].parameters", "unknown parameter 'e0_mthod'"));
        c.add(pipe("pipeline-output-escapes", "\"output\": \"../../etc/{file}\"", "escape_out.pipeline.json", "output", "inside --out"));
        c.add(pipe("pipeline-output-absolute", "\"output\": \"/etc/{file}\"", "absolute_out.pipeline.json", "output", "inside --out"));
        c.add(pipe("pipeline-wrong-schema", "\"schema\": \"edgeworks-pipeline/9\"", "wrong_schema.pipeline.json", "schema", "expected"));
        c.add(pipe("pipeline-type-mismatch", "first step is normalize, which cannot take a Scan", "type_mismatch.pipeline.json",
            "steps[0]", "takes spectrum"));
        c.add(pipe("pipeline-empty-steps", "\"steps\": []", "empty_steps.pipeline.json", "steps", "non-empty"));
        c.add(pipe("pipeline-deep-nesting", "5000 nested JSON arrays", "deep_nesting.pipeline.json", "", ""));
        c.add(new Case("pipeline-good", "pipeline", "mu -> normalize on good.xdi", Expect.VALID, "good.pipeline.json", "good.pipeline.json",
            "", "", f -> {
                Pipeline.parse(Files.readString(f), f.toString(), ProcessorRegistry.load());
                return new LoadChain.Outcome(Map.of(), List.of(), Double.NaN);
            }, RUN, null));
    }

    private static Case pipe(String id, String input, String file, String where, String problem) {
        return new Case(id, "pipeline", input, Expect.BROKEN, file, file, where, problem, f -> {
            Pipeline.parse(Files.readString(f), f.toString(), ProcessorRegistry.load());
            return null;
        }, RUN, null);
    }

    private static void json(String text) throws EdgeworksException {
        JsonNode node;
        try {
            node = Parameters.json().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Parameters.fromJson(node, NormalizeProcessor.Params.class, NormalizeProcessor.Params.defaults(), "normalize.json");
    }
}
