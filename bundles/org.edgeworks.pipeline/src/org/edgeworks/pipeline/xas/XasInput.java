package org.edgeworks.pipeline.xas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.io.Checksums;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.xas.MuMode;
import org.edgeworks.xas.MuProcessor;

/**
 * How a scan becomes one XAS spectrum, shared by the command line's xas subcommands and the
 * workbench. A column is named by its label or by its zero-based index, and may be a sum of
 * columns ({@code 3+4}). Without {@code mu} or {@code mode} the one "auto" rule of
 * {@link #autoMode} decides (the pipeline's mu adapter uses the same rule).
 */
public final class XasInput {
    private XasInput() {}

    /**
     * Which channels make the spectrum; a null field means the rule above.
     *
     * @param energy energy column; default the ENERGY channel, else the first column
     * @param mu column holding mu (or norm)
     * @param mode make mu from raw channels: transmission | fluorescence | yield
     * @param i0 incident-flux column
     * @param it transmitted-flux column (transmission)
     * @param ifl fluorescence or electron-yield column
     * @param icr SDD input count rate (dead-time correction with ocr)
     * @param ocr SDD output count rate
     */
    public record Selection(
        @Param(label = "energy column", description = "label or zero-based index; default: the energy channel, else the first column. "
            + "Any column may be a sum of columns, e.g. 3+4") String energy,
        @Param(label = "mu column", description = "the column holding mu (or norm with --input norm); default by the rule") String mu,
        @Param(label = "mode", description = "make mu from raw channels: transmission | fluorescence | yield") String mode,
        @Param(label = "I0 column", description = "incident flux") String i0,
        @Param(label = "It column", description = "transmitted flux (transmission)") String it,
        @Param(label = "If column", description = "fluorescence or electron yield; for a multi-element detector a list (Fe_Ka_mca1,Fe_Ka_mca2) "
            + "or a glob (Fe_Ka_mca*) of element channels, summed after per-element dead-time correction (--dt, or --icr/--ocr globs)") String ifl,
        @Param(label = "SDD input count rate", description = "dead-time correction with the output count rate") String icr,
        @Param(label = "SDD output count rate") String ocr) {
        /** Every channel chosen by the rule. */
        public static Selection auto() {
            return new Selection(null, null, null, null, null, null, null, null);
        }
    }

    /**
     * A loaded spectrum with where it came from.
     *
     * @param used the channels and formula actually used (keys mode, energy, i0, signal, icr, ocr,
     *        dead_time_corrected, formula; those that apply), for provenance
     */
    public record Loaded(Spectrum spectrum, SourceRef source, List<String> notes, Map<String, Object> used) {
        public Loaded(Spectrum spectrum, SourceRef source, List<String> notes) { this(spectrum, source, notes, Map.of()); }
    }

    /** A spectrum made from a scan's channels, before its file is checksummed: see {@link #make}. */
    public record Made(Spectrum spectrum, String selection, List<String> notes, Map<String, Object> used) {}

    /** A spectrum loaded with a multi-element choice, and the sum it used (null when no sum was made). */
    public record WithElements(Loaded loaded, MultiElementInput.Summed summed) {}

    /**
     * The spectrum of {@code scan} as {@code sel} chooses it, its fluorescence being the multi-element sum that
     * {@code elements} describes (the command line's {@code --if LIST|GLOB --dt --icr --ocr --exclude --outliers}
     * and the import dialog's fields: one road). With no elements (null, or a single column) this is
     * {@link #load(Scan, Path, String, Selection)}; otherwise the sum is the fluorescence channel and the
     * selection's If and rate columns are replaced by it (the per-element rates were used in the sum).
     */
    public static WithElements load(Scan scan, Path file, String name, Selection sel, MultiElementInput.Choice elements)
            throws EdgeworksException {
        if (elements == null || !MultiElementInput.isMulti(elements.elements())) return new WithElements(load(scan, file, name, sel), null);
        MultiElementInput.Summed m = MultiElementInput.sum(scan, file, elements);
        Selection summed = new Selection(sel.energy(), sel.mu(), sel.mode(), sel.i0(), sel.it(), MultiElementInput.CHANNEL, null, null);
        return new WithElements(load(m.scan(), file, name, summed), m);
    }

    /**
     * The spectrum of {@code scan} (read from {@code file}) as {@code sel} chooses it.
     *
     * @param name the spectrum's label; null: the file's {@link #baseName(Path)}
     * @throws EdgeworksException naming the file when a channel is missing or lengths differ
     */
    public static Loaded load(Scan scan, Path file, String name, Selection sel) throws EdgeworksException {
        Made m = make(scan, file.toString(), name != null ? name : baseName(file), sel);
        String sha = Files.isRegularFile(file) ? Checksums.sha256(file) : null;
        return new Loaded(m.spectrum(), new SourceRef(file.toAbsolutePath().toString(), m.selection(), sha), m.notes(), m.used());
    }

    /**
     * The one "auto" rule, used by the command line, the workbench and the pipeline's mu adapter
     * ({@code org.edgeworks.pipeline.mu}, mode auto) alike: when {@code sel} names neither a mu
     * column nor a mode, mu is, in this order, the MU channel; ln(I0/It) when the scan has (or
     * {@code sel} names) I0 and It; If/I0 with I0 and IF (else PFY); I/I0 with I0 and TEY; the
     * only column besides energy; else a one-line refusal listing the channels.
     *
     * @return "mu" (a recorded mu column, or the only other column), or a {@link MuMode} label
     */
    public static String autoMode(Scan scan, Selection sel) {
        if (sel.mu() != null) return "mu";
        if (sel.mode() != null) return MuMode.parse(sel.mode()).label();
        if (scan.first(ChannelRole.MU).isPresent()) return "mu";
        boolean i0 = sel.i0() != null || scan.first(ChannelRole.I0).isPresent();
        if (i0 && (sel.it() != null || scan.first(ChannelRole.IT).isPresent())) return MuMode.TRANSMISSION.label();
        if (i0 && (sel.ifl() != null || scan.first(ChannelRole.IF).isPresent() || scan.first(ChannelRole.PFY).isPresent()))
            return MuMode.FLUORESCENCE.label();
        if (i0 && scan.first(ChannelRole.TEY).isPresent()) return MuMode.YIELD.label();
        return "mu";
    }

    /**
     * {@link #load} without the file's checksum: the spectrum named {@code label}, the selection
     * as text, notes, and the channels and formula used. {@code file} is the path as the user
     * typed it (error messages start with it).
     */
    public static Made make(Scan scan, String file, String label, Selection sel) throws EdgeworksException {
        String energy = sel.energy(), mu = sel.mu(), i0 = sel.i0(), it = sel.it(), ifl = sel.ifl(),
            icr = sel.icr(), ocr = sel.ocr();
        String f = file;
        ChannelSum es = energy != null ? ChannelSum.parse(scan, energy, f) : null;
        Channel ec = es != null ? es.channels().get(0) : scan.first(ChannelRole.ENERGY).orElseGet(() -> first(scan));
        if (ec == null) throw new EdgeworksException(f, null, "no channels");
        double[] e = es != null ? es.values(f) : ec.readDoubles(f);
        String selection;
        Spectrum s;
        List<String> notes = new ArrayList<>();
        Map<String, Object> used = new LinkedHashMap<>();
        String mode = autoMode(scan, sel);
        used.put("mode", mode);
        String eName = es != null ? es.name() : ec.name();
        used.put("energy", eName);
        if (mu != null) {
            ChannelSum ms = ChannelSum.parse(scan, mu, f);
            s = withSigma(scan, spectrum(label, e, ms.values(f), ms.name(), f, ms.name()), ms.name(), f, notes);
            selection = eName + "," + ms.name();
            used.put("signal", ms.name());
        } else if (!mode.equals("mu")) {
            MuMode m = MuMode.parse(mode);
            ChannelSum c0 = i0 != null ? ChannelSum.parse(scan, i0, f) : ChannelSum.of(role(scan, ChannelRole.I0, "--i0", f));
            String sig = m == MuMode.TRANSMISSION ? it : ifl;
            ChannelSum cs = sig != null ? ChannelSum.parse(scan, sig, f) : ChannelSum.of(switch (m) {
                case TRANSMISSION -> role(scan, ChannelRole.IT, "--it", f);
                case FLUORESCENCE -> scan.first(ChannelRole.IF).or(() -> scan.first(ChannelRole.PFY)).orElseThrow(() -> missing(scan, "--if", f));
                case YIELD -> scan.first(ChannelRole.TEY).orElseThrow(() -> missing(scan, "--if", f));
            });
            ChannelSum sicr = icr != null ? ChannelSum.parse(scan, icr, f) : null, socr = ocr != null ? ChannelSum.parse(scan, ocr, f) : null;
            double[] ci = sicr != null ? sicr.values(f) : null, co = socr != null ? socr.values(f) : null;
            double[] v0 = c0.values(f), vs = cs.values(f);
            var r = new MuProcessor().apply(new MuProcessor.Channels(label, e, v0, vs, ci, co),
                new MuProcessor.Params(m, true));
            s = r.value();
            notes.addAll(r.provenance().notes());
            notes.add("mu = " + r.provenance().parameters().get("formula") + " from " + c0.name() + ", " + cs.name());
            selection = eName + "," + m.label() + "(" + c0.name() + "," + cs.name() + ")";
            if (sicr != null && socr != null) { used.put("icr", sicr.name()); used.put("ocr", socr.name()); }
            used.put("i0", c0.name());
            used.put("signal", cs.name());
            used.putAll(r.provenance().parameters());
        } else {
            Channel mc = scan.first(ChannelRole.MU).orElse(null);
            if (mc == null) {
                List<Channel> all = new ArrayList<>(scan.channels().values());
                all.remove(ec);
                if (all.size() != 1)
                    throw new EdgeworksException(f, scan.entryPath().isEmpty() ? null : scan.entryPath(), "give --mu COL or --mode: no MU channel, and no I0 with IT, IF/PFY or TEY (channels: "
                        + String.join(", ", scan.channels().keySet()) + ")");
                mc = all.get(0);
            }
            s = withSigma(scan, spectrum(label, e, mc.readDoubles(f), mc.name(), f, mc.sourcePath()), mc.name(), f, notes);
            selection = eName + "," + mc.name();
            used.put("signal", mc.name());
        }
        return new Made(s, selection, notes, used);
    }

    private static Channel first(Scan scan) {
        return scan.channels().isEmpty() ? null : scan.channels().values().iterator().next();
    }

    private static EdgeworksException missing(Scan scan, String option, String f) {
        return new EdgeworksException(f, null, "give " + option + " COL (channels: " + String.join(", ", scan.channels().keySet()) + ")");
    }

    private static Channel role(Scan scan, ChannelRole r, String option, String f) throws EdgeworksException {
        return scan.first(r).orElseThrow(() -> missing(scan, option, f));
    }

    /** The values of COL, or the point-by-point sum of COL+COL+... (e.g. two electrometer channels). */
    public static double[] values(Scan scan, String key, String f) throws EdgeworksException {
        return ChannelSum.parse(scan, key, f).values(f);
    }

    /**
     * A channel expression as the command line (--energy/--i0/--it/--if/--mu/--icr/--ocr), the
     * workbench and pipelines (org.edgeworks.pipeline.mu's energy/i0/signal) write it: one column,
     * or the point-by-point sum COL+COL+... of several (e.g. the two electrometer channels of one
     * ion chamber), each COL a label or a zero-based index ({@link #column}). The one parser of that
     * syntax; {@link #name()} is what provenance records: the resolved channels joined by '+'.
     *
     * @param channels the summed channels, in the order written (at least one)
     */
    public record ChannelSum(List<Channel> channels) {
        public ChannelSum {
            channels = List.copyOf(channels);
            if (channels.isEmpty()) throw new IllegalArgumentException("no channel");
        }

        /** One channel as it is. */
        public static ChannelSum of(Channel c) { return new ChannelSum(List.of(c)); }

        /** Parses {@code text} against the scan; an empty term or an unknown column is refused naming the file. */
        public static ChannelSum parse(Scan scan, String text, String f) throws EdgeworksException {
            List<Channel> cs = new ArrayList<>();
            for (String part : text.split("\\+", -1)) {
                String key = part.trim();
                if (key.isEmpty()) throw new EdgeworksException(f, null, "'" + text + "': an empty term in a channel sum (write COL or COL+COL)");
                cs.add(column(scan, key, f));
            }
            return new ChannelSum(cs);
        }

        /** The channel names joined by '+', e.g. {@code albaem02_ch1+albaem02_ch2}. */
        public String name() {
            return String.join("+", channels.stream().map(Channel::name).toList());
        }

        /** The values, summed point by point; channels of different lengths are refused. */
        public double[] values(String f) throws EdgeworksException {
            double[] sum = null;
            for (Channel c : channels) {
                double[] v = c.readDoubles(f);
                if (sum == null) sum = v;
                else {
                    if (v.length != sum.length) throw new EdgeworksException(f, null, "columns of '" + name() + "' differ in length");
                    for (int i = 0; i < v.length; i++) sum[i] += v[i];
                }
            }
            return sum;
        }
    }

    /**
     * A column by label, or by zero-based index when the text is a number and no label matches.
     * For a text table (channels carrying {@link Channel#column()}) the index is the file's own
     * zero-based data column, as the data README and {@code info} count them (an mda2ascii
     * export's Index column is column 0 though it is no channel); for other files it is the
     * position in the channel list {@code info} prints.
     */
    public static Channel column(Scan scan, String key, String f) throws EdgeworksException {
        var byName = scan.channel(key);
        if (byName.isPresent()) return byName.get();
        for (Channel c : scan.channels().values()) if (c.name().equalsIgnoreCase(key)) return c;
        if (key.matches("\\d+")) {
            int i = Integer.parseInt(key);
            List<Channel> all = new ArrayList<>(scan.channels().values());
            if (all.stream().anyMatch(c -> c.column() >= 0)) {
                for (Channel c : all) if (c.column() == i) return c;
                throw new EdgeworksException(f, null, "column " + i + " is not a data channel (zero-based columns: " + String.join(", ",
                    all.stream().filter(c -> c.column() >= 0).map(c -> c.column() + " " + c.name()).toList()) + ")");
            }
            if (i < all.size()) return all.get(i);
            throw new EdgeworksException(f, null, "column index " + i + " is beyond the " + all.size() + " columns");
        }
        return scan.require(key);
    }

    /**
     * The output name: the file name without its format extension (.dat, .xdi, .h5 ...); a numeric
     * extension is a scan number (fe.060, mn3o4.201) and stays, so consecutive scans do not collide.
     */
    public static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        if (dot <= 0 || n.substring(dot + 1).matches("\\d+")) return n;
        return n.substring(0, dot);
    }

    /**
     * The spectrum with the one-sigma column the file holds beside its value column COL: {@code COL_err}
     * (Edgeworks' CSVs: iPFY, cuts, deglitch, calibrate), {@code COL_errors} (NeXus FIELDNAME_errors),
     * {@code COL_stderr}, or {@code stderr} beside {@code mean} ({@code xas merge}). A sigma column with a
     * missing or non-positive value where the value is finite is not used (a note says so): a NaN sigma
     * would mask the point. Sums of columns (a+b) carry no sigma.
     */
    private static Spectrum withSigma(Scan scan, Spectrum s, String col, String f, List<String> notes) throws EdgeworksException {
        if (col.contains("+")) return s;
        List<String> names = new ArrayList<>(List.of(col + "_err", col + "_errors", col + "_stderr"));
        if (col.equalsIgnoreCase("mean")) names.add("stderr");
        Channel c = null;
        for (String n : names) if ((c = scan.channel(n).orElse(null)) != null) break;
        if (c == null) return s;
        double[] u = c.readDoubles(f), y = s.signal();
        if (u.length != y.length) return s;
        for (int i = 0; i < y.length; i++)
            if (Double.isFinite(y[i]) && !(u[i] > 0 && Double.isFinite(u[i]))) {
                notes.add("sigma column " + c.name() + " not used: no positive value at point " + i);
                return s;
            }
        notes.add("sigma from column " + c.name());
        return new Spectrum(s.name(), s.energy(), y, u, s.channel());
    }

    /** A spectrum from an energy and a signal channel, refusing channels of different lengths. */
    private static Spectrum spectrum(String label, double[] e, double[] signal, String channel, String file, String where)
            throws EdgeworksException {
        if (signal.length != e.length)
            throw new EdgeworksException(file, where, "has " + signal.length + " points but the energy axis has " + e.length);
        return new Spectrum(label, Axis.energy(e), signal, null, channel);
    }
}
