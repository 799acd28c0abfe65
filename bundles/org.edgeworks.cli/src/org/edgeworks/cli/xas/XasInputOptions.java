package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.pipeline.xas.MultiElementInput;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.StoredNormalization;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The channel-selection options of the xas subcommands (a picocli mixin); the selection itself is
 * {@link XasInput}'s, shared with the workbench.
 */
@Command(modelTransformer = RecordOptions.Transformer.class)
final class XasInputOptions implements RecordOptions.Holder {
    /** --energy --mu --mode --i0 --it --if --icr --ocr, generated from {@link XasInput.Selection} (shared with the workbench's import). */
    final RecordOptions<XasInput.Selection> channels = labelled(new RecordOptions<>(XasInput.Selection.class, XasInput.Selection.auto())
        .rename("ifl", "--if"));

    /** Set instead of the options for a reader made in code (the references of xas lcf, a stack's references). */
    XasInput.Selection preset;

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(channels); }

    /** COL for every channel option, MODE for --mode. */
    static RecordOptions<XasInput.Selection> labelled(RecordOptions<XasInput.Selection> r) {
        for (String c : List.of("energy", "mu", "i0", "it", "ifl", "icr", "ocr")) r.paramLabel(c, "COL");
        return r.paramLabel("mode", "MODE");
    }

    /** The channels chosen: the preset, else the options given (null: the rule decides). */
    XasInput.Selection selection() throws EdgeworksException {
        return preset != null ? preset : channels.build(null);
    }

    @Option(names = "--dt", paramLabel = "GLOB", description = "Per-element dead-time factor channels (list or glob), paired with the --if elements by their number.")
    String dt;

    @Option(names = "--exclude", paramLabel = "CHANNEL", description = "A multi-element channel left out of the sum (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--outliers", paramLabel = "auto|off", defaultValue = "auto", description = "Multi-element outlier test: auto (default: exclude and note elements "
        + "whose spectrum deviates) or off.")
    String outliers;

    @Option(names = "--input", paramLabel = "KIND", defaultValue = "mu", description = "mu (default) or norm: the inputs are already normalised (reference libraries), nothing is normalised twice.")
    String input;

    @Option(names = "--scan", paramLabel = "N", description = "A scan of a multi-scan file (SPEC #S number, BLISS N.1 or NeXus entry); repeatable. "
        + "Default: every usable scan, each processed as FILE#N.")
    List<String> scans = new ArrayList<>();

    @Option(names = "--group", paramLabel = "LABEL", description = "A group of an Athena project (.prj) by its label; repeatable. Default: every group. "
        + "Without normalisation options a group is normalised with the parameters Athena stored.")
    List<String> groups = new ArrayList<>();

    /** Where scans come from: the detector registry (tests put in-memory scans here). */
    static ScanLoader loader = new ScanLoader() {
        private DetectorRegistry registry;

        private DetectorRegistry registry() {
            if (registry == null) registry = DetectorRegistry.load();
            return registry;
        }

        @Override public Scan read(Path file) throws EdgeworksException { return registry().read(file); }
        @Override public List<Detector.ScanEntry> scans(Path file) throws EdgeworksException { return registry().scans(file); }
        @Override public Scan read(Path file, String id) throws EdgeworksException { return registry().read(file, id); }
    };

    interface ScanLoader {
        Scan read(Path file) throws EdgeworksException;

        /** The scans of a multi-scan file; empty for a one-scan file (the default, for in-memory test loaders). */
        default List<Detector.ScanEntry> scans(Path file) throws EdgeworksException { return List.of(); }

        default Scan read(Path file, String id) throws EdgeworksException {
            throw new EdgeworksException(file, id, "this file holds one scan");
        }
    }

    /** Scan metadata of what was loaded (stored normalisation parameters), by the loaded spectrum. */
    private final Map<XasInput.Loaded, Map<String, String>> metadata = new IdentityHashMap<>();

    boolean normalizedInput() throws EdgeworksException {
        String k = input == null ? "mu" : input.toLowerCase(Locale.ROOT);
        if (!k.equals("mu") && !k.equals("norm")) throw EdgeworksException.of("--input", "'" + input + "' is not mu or norm");
        return k.equals("norm");
    }

    XasInput.Loaded load(Path file) throws EdgeworksException {
        return load(file, null);
    }

    /**
     * One spectrum from a file: the file's scan, or the one scan/group chosen with --scan/--group
     * of a multi-scan file; several scans and no single choice is a one-line error.
     */
    XasInput.Loaded load(Path file, String name) throws EdgeworksException {
        remember(file, name);
        List<Detector.ScanEntry> all = loader.scans(file);
        if (all.isEmpty()) return loaded(loader.read(file), file, name);
        List<String> ids = chosen(file, all);
        if (ids.size() != 1)
            throw new EdgeworksException(file, null, "holds " + all.size() + " scans (" + String.join(", ", all.stream().map(Detector.ScanEntry::id).toList())
                + "): this input takes one spectrum: choose it with --scan N or --group LABEL");
        return loaded(loader.read(file, ids.get(0)), file, name == null ? scanName(file, ids.get(0)) : name);
    }

    /** Scan and spectrum names of the files loaded so far -> the file path as the user typed it. */
    final java.util.Map<String, String> asTyped = new java.util.HashMap<>();

    private void remember(Path file, String name) {
        String typed = file.toString();
        String base = file.getFileName() == null ? typed : file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        asTyped.putIfAbsent(base, typed);
        if (dot > 0) asTyped.putIfAbsent(base.substring(0, dot), typed);
        if (name != null) asTyped.putIfAbsent(name, typed);
    }

    /**
     * An error about a loaded spectrum (named after its scan, "negative_i0") made to name the file
     * as the user typed it ("negative_i0.dat"), so that scan.dat, scan.xdi and scan.nxs side by
     * side are told apart (issue 13). Errors already naming a file are returned as they are.
     */
    EdgeworksException asTypedFile(EdgeworksException e) {
        String subject = e.file();
        if (subject == null || asTyped.containsValue(subject)) return e;
        String typed = asTyped.get(subject);
        return typed == null ? e : e.in(typed, e.pathInFile());
    }

    /** "NAME: rest" of a note with NAME, a loaded spectrum's or scan's name, shown as the file as typed. */
    String typedSubject(String text) {
        int colon = text.indexOf(": ");
        if (colon <= 0) return text;
        String name = text.substring(0, colon), typed = asTyped.get(name);
        if (typed == null || typed.equals(name)) return text;
        int scan = name.indexOf('#'); // a scan of a multi-scan file: FILE#ID
        return typed + (scan > 0 && !typed.contains("#") ? name.substring(scan) : "") + text.substring(colon);
    }

    /**
     * Every spectrum a file gives: its one scan, or the scans/groups chosen with --scan/--group,
     * or (no choice) every usable scan, each named FILE#ID; unusable ones are listed in {@code skipped}.
     */
    List<XasInput.Loaded> loadAll(Path file, List<String> skipped) throws EdgeworksException {
        remember(file, null);
        List<Detector.ScanEntry> all = loader.scans(file);
        if (all.isEmpty()) {
            if (!scans.isEmpty() || !groups.isEmpty())
                throw new EdgeworksException(file, null, "holds one scan: --scan/--group do not apply to it");
            return List.of(loaded(loader.read(file), file, null));
        }
        List<String> ids = chosen(file, all);
        List<XasInput.Loaded> out = new ArrayList<>();
        for (String id : ids) out.add(loaded(loader.read(file, id), file, scanName(file, id)));
        if (scans.isEmpty() && groups.isEmpty())
            for (Detector.ScanEntry e : all) if (!e.usable()) skipped.add(file + "#" + e.id() + ": not processed (" + e.note() + ")");
        return out;
    }

    /** {@link #loadAll(Path, List)} over several files; the scans not processed are printed to {@code log}. */
    List<XasInput.Loaded> loadAll(List<Path> files, java.io.PrintWriter log) throws EdgeworksException {
        List<XasInput.Loaded> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) out.addAll(loadAll(f, skipped));
        if (log != null) for (String s : skipped) log.println(s);
        return out;
    }

    /** Raw counters of one scan for an NXxas export: energy (eV), I0 and the sample signal (It, or If with --mode fluorescence). */
    record Raw(String name, double[] energy, double[] i0, double[] signal, String mode) {}

    /** The raw counters of every scan {@link #loadAll(Path, List)} would give, chosen by --energy/--i0/--it/--if or the channel roles. */
    List<Raw> rawAll(List<Path> files, java.io.PrintWriter log) throws EdgeworksException {
        List<Raw> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        XasInput.Selection c = selection();
        boolean fluo = c.mode() != null && c.mode().toLowerCase(Locale.ROOT).startsWith("fluo");
        for (Path file : files) {
            List<Detector.ScanEntry> all = loader.scans(file);
            List<Scan> scansOf = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (all.isEmpty()) { scansOf.add(loader.read(file)); names.add(XasInput.baseName(file)); }
            else for (String id : chosen(file, all)) { scansOf.add(loader.read(file, id)); names.add(scanName(file, id)); }
            if (all.size() > 0 && scans.isEmpty() && groups.isEmpty())
                for (Detector.ScanEntry e : all) if (!e.usable()) skipped.add(file + "#" + e.id() + ": not processed (" + e.note() + ")");
            for (int k = 0; k < scansOf.size(); k++) {
                Scan s = scansOf.get(k);
                String f = file.toString();
                double[] e = c.energy() != null ? XasInput.values(s, c.energy(), f) : s.require(org.edgeworks.core.data.ChannelRole.ENERGY).readDoubles(f);
                double[] v0 = c.i0() != null ? XasInput.values(s, c.i0(), f) : s.require(org.edgeworks.core.data.ChannelRole.I0).readDoubles(f);
                String sig = fluo ? c.ifl() : c.it();
                double[] vs = sig != null ? XasInput.values(s, sig, f)
                    : s.require(fluo ? org.edgeworks.core.data.ChannelRole.IF : org.edgeworks.core.data.ChannelRole.IT).readDoubles(f);
                out.add(new Raw(names.get(k), e, v0, vs, fluo ? "fluorescence" : "transmission"));
            }
        }
        if (log != null) for (String s : skipped) log.println(s);
        return out;
    }

    private List<String> chosen(Path file, List<Detector.ScanEntry> all) throws EdgeworksException {
        Set<String> ids = new LinkedHashSet<>();
        for (String want : concat(scans, groups)) {
            Detector.ScanEntry hit = all.stream().filter(e -> e.id().equals(want)).findFirst()
                .or(() -> all.stream().filter(e -> e.id().equalsIgnoreCase(want)).findFirst())
                .or(() -> want.contains(".") ? java.util.Optional.empty() : all.stream().filter(e -> e.id().equals(want + ".1")).findFirst())
                .orElseThrow(() -> new EdgeworksException(file, want, "no such scan or group (" + String.join(", ", all.stream().map(Detector.ScanEntry::id).toList()) + ")"));
            ids.add(hit.id());
        }
        if (ids.isEmpty()) for (Detector.ScanEntry e : all) if (e.usable()) ids.add(e.id());
        if (ids.isEmpty()) throw new EdgeworksException(file, null, "none of its " + all.size() + " scans is usable (" + all.stream().map(e -> e.id() + ": " + e.note()).toList() + ")");
        return List.copyOf(ids);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** FILE#ID as an output name: characters other than letters, digits and ._+#- become _. */
    static String scanName(Path file, String id) {
        return (XasInput.baseName(file) + "#" + id).replaceAll("[^A-Za-z0-9._+#-]", "_");
    }

    private XasInput.Loaded loaded(Scan scan, Path file, String name) throws EdgeworksException {
        List<String> notes = new ArrayList<>();
        XasInput.Selection c = selection();
        MultiElementInput.Choice elements = MultiElementInput.isMulti(c.ifl())
            ? new MultiElementInput.Choice(c.ifl(), dt, c.icr(), c.ocr(), exclude, MultiElementInput.outliers(outliers)) : null;
        XasInput.WithElements w = XasInput.load(scan, file, name, c, elements);
        if (w.summed() != null) {
            scan = w.summed().scan();
            notes.addAll(w.summed().notes());
        }
        XasInput.Loaded l = w.loaded();
        asTyped.putIfAbsent(l.spectrum().name(), file.toString());
        scan.metadata().forEach((k, v) -> { if (k.startsWith("note.")) notes.add(v); });
        if (!scan.entryPath().isEmpty()) notes.add("scan " + scan.entryPath() + " of " + file);
        notes.addAll(l.notes());
        XasInput.Loaded out = new XasInput.Loaded(l.spectrum(), l.source(), notes);
        metadata.put(out, scan.metadata());
        return out;
    }

    /** The normalisation parameters the file stored for this spectrum (an Athena group's), if any. */
    java.util.Optional<NormalizeProcessor.Params> stored(XasInput.Loaded l) throws EdgeworksException {
        Map<String, String> m = metadata.get(l);
        return m == null ? java.util.Optional.empty() : StoredNormalization.of(l.spectrum().name(), m);
    }

    String storedSource(XasInput.Loaded l) {
        Map<String, String> m = metadata.get(l);
        return m == null ? "" : StoredNormalization.source(m);
    }

    /** The spectrum normalised with the parameters the file stored, else Larch's defaults, or as it is with --input norm. */
    Spectrum norm(XasInput.Loaded l) throws EdgeworksException {
        NormalizeProcessor.Normalized n = normalized(l);
        return n == null ? l.spectrum() : n.normSpectrum();
    }

    /** The normalisation {@link #norm} makes (with its edge step and that step's error), null with --input norm. */
    NormalizeProcessor.Normalized normalized(XasInput.Loaded l) throws EdgeworksException {
        if (normalizedInput()) return null;
        NormalizeProcessor.Params p = stored(l).orElse(NormalizeProcessor.Params.defaults());
        return new NormalizeProcessor().apply(l.spectrum(), p).value();
    }
}
