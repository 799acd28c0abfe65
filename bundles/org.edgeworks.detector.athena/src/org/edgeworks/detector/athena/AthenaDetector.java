package org.edgeworks.detector.athena;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;

/**
 * Athena projects: every group is a scan ({@link #scans} lists them by label). A group's scan has
 * {@code energy} = {@code @x + bkg_eshift} (eV, points sorted and repeated energies dropped, as
 * shared/data/peers/athena_peers.py does, noted when it changes anything), {@code mu} = {@code @y},
 * and {@code i0}, {@code signal}, {@code stddev} when stored. The stored normalisation
 * parameters are in the metadata under the keys of {@link #STORED} ("stored.e0" ... in Larch's
 * names and convention: nnorm is the degree, ranges relative to E0), every @args pair under
 * "athena.KEY".
 */
public final class AthenaDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.athena";
    /**
     * Metadata keys of the stored normalisation, read by the XAS commands when no normalisation
     * option is given: e0 (eV, on the energy channel's axis), pre1, pre2, norm1, norm2 (eV relative
     * to e0), nnorm (post-edge polynomial degree), step (only when the edge step was fixed in
     * Athena), and "stored.source" (one line saying where they came from).
     */
    public static final List<String> STORED = List.of("stored.e0", "stored.pre1", "stored.pre2", "stored.norm1", "stored.norm2",
        "stored.nnorm", "stored.step");

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return AthenaProject.looksLikeProject(probe.head(), name.endsWith(".prj")) ? 10 : 0;
    }

    @Override
    public List<ScanEntry> scans(Path file) throws EdgeworksException {
        List<ScanEntry> out = new ArrayList<>();
        for (AthenaProject.Group g : AthenaProject.read(file).groups()) {
            boolean mu = g.isMu();
            out.add(new ScanEntry(g.key(), g.text("recordtype", mu ? "mu(E)" : "not mu(E)"), g.arrays().get("x").length, mu,
                mu ? eshiftNote(g) : "not a mu(E) group (" + g.text("recordtype", "chi/normalised") + "): not processed as mu"));
        }
        return out;
    }

    private static String eshiftNote(AthenaProject.Group g) {
        double s = g.number("bkg_eshift");
        return Double.isFinite(s) && s != 0 ? "e-shift " + s + " eV applied" : "";
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        AthenaProject p = AthenaProject.read(file);
        if (p.groups().size() == 1) return toScan(file, p, p.groups().get(0));
        throw Detector.severalScans(file, p.groups().size(), "groups", String.join(", ", p.groups().stream().map(AthenaProject.Group::key).toList()), "--group LABEL");
    }

    @Override
    public Scan read(Path file, String scanId) throws EdgeworksException {
        AthenaProject p = AthenaProject.read(file);
        return toScan(file, p, p.group(file, scanId));
    }

    static Scan toScan(Path file, AthenaProject p, AthenaProject.Group g) throws EdgeworksException {
        String where = "group '" + g.key() + "'";
        double shift = g.number("bkg_eshift");
        if (!Double.isFinite(shift)) shift = 0;
        double[] x = g.arrays().get("x");
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b])); // stable (merge sort for objects)
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < n; k++) if (keep.isEmpty() || x[order[k]] > x[keep.get(keep.size() - 1)]) keep.add(order[k]);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "Athena project");
        meta.put("group", g.key());
        meta.put("athena_id", g.id());
        for (int i = 0; i < p.header().size(); i++) meta.put("athena.header." + (i + 1), p.header().get(i));
        boolean sorted = keep.size() == n;
        for (int k = 0; sorted && k < n; k++) sorted = order[k] == k;
        if (!sorted) meta.put("note.order", where + ": points sorted by energy, " + (n - keep.size()) + " repeated energies dropped (as Athena's arrays are used)");
        if (shift != 0) meta.put("note.eshift", where + ": energy = @x + bkg_eshift (" + shift + " eV), Athena's calibrated axis");
        g.args().forEach((k, v) -> { if (v instanceof String s) meta.put("athena." + k, s); });
        stored(p, g, meta);
        List<Channel> channels = new ArrayList<>();
        double[] e = new double[keep.size()];
        for (int k = 0; k < e.length; k++) e[k] = x[keep.get(k)] + shift;
        channels.add(channel("energy", ChannelRole.ENERGY, Unit.EV, e, "@x + bkg_eshift"));
        for (var a : g.arrays().entrySet()) {
            if (a.getKey().equals("x")) continue;
            double[] v = new double[keep.size()];
            for (int k = 0; k < v.length; k++) v[k] = a.getValue()[keep.get(k)];
            String name = a.getKey().equals("y") ? "mu" : a.getKey();
            ChannelRole role = switch (a.getKey()) {
                case "y" -> g.isMu() ? ChannelRole.MU : ChannelRole.OTHER;
                case "i0" -> ChannelRole.I0;
                default -> ChannelRole.OTHER;
            };
            channels.add(channel(name, role, Unit.NONE, v, "@" + a.getKey()));
        }
        if (!g.isMu()) meta.put("note.datatype", where + ": recordtype '" + g.text("recordtype", "?") + "' is not mu(E): no MU channel");
        return new Scan(file, where, ID, channels, meta);
    }

    /** Athena's normalisation parameters in Larch's names and convention (see the class javadoc of AthenaProject). */
    static void stored(AthenaProject p, AthenaProject.Group g, Map<String, String> meta) {
        put(meta, "stored.e0", g.number("bkg_e0"));
        put(meta, "stored.pre1", g.number("bkg_pre1"));
        put(meta, "stored.pre2", g.number("bkg_pre2"));
        put(meta, "stored.norm1", g.number("bkg_nor1"));
        put(meta, "stored.norm2", g.number("bkg_nor2"));
        double terms = g.number("bkg_nnorm");
        boolean larch = p.savedByLarch();
        String nnormNote = "";
        if (Double.isFinite(terms)) {
            int degree = larch ? (int) terms : (int) terms - 1;
            if (degree >= 0) meta.put("stored.nnorm", Integer.toString(degree));
            nnormNote = larch ? ", bkg_nnorm " + (int) terms + " taken as the degree (project saved by Larch)"
                : ", bkg_nnorm " + (int) terms + " terms = degree " + degree;
        }
        boolean fixed = g.flag("bkg_fixstep") && Double.isFinite(g.number("bkg_step")) && g.number("bkg_step") != 0;
        if (fixed) put(meta, "stored.step", g.number("bkg_step"));
        meta.put("stored.source", "Athena project group '" + g.key() + "' (bkg_e0, bkg_pre1/2, bkg_nor1/2" + nnormNote
            + (fixed ? ", fixed edge step bkg_step " + g.number("bkg_step") : "") + ")");
    }

    private static void put(Map<String, String> meta, String key, double v) {
        if (Double.isFinite(v)) meta.put(key, Double.toString(v));
    }

    private static Channel channel(String name, ChannelRole role, Unit unit, double[] v, String source) {
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, v);
        d.setName(name);
        return new Channel(name, role, unit, d, source);
    }
}
